"""`intervisie groups …`: groups and their series, without Textual.

The store (and so pydantic) is imported only when a groups action runs.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date, datetime
from pathlib import Path

from ..i18n import t

FORMATS = ("md", "csv", "pdf")


def register(commands: argparse._SubParsersAction) -> None:
    groups = commands.add_parser("groups", help="intervisie groups: members, rotation, series, proof of hours")
    groups.set_defaults(handler=list_groups)
    actions = groups.add_subparsers(dest="groups_command", metavar="ACTION")

    actions.add_parser("list", help="every group").set_defaults(handler=list_groups)

    show = actions.add_parser("show", help="a group: members, agreements, meetings held and planned")
    show.add_argument("group", help="the group's name or id (or a unique start of it)")
    show.set_defaults(handler=show_group)

    new = actions.add_parser("new", help='a new group, e.g. new "VP Noord" --members "Anna,Bram,Cem"')
    new.add_argument("name")
    _group_options(new)
    new.set_defaults(handler=new_group)

    edit = actions.add_parser("edit", help="change a group's settings")
    edit.add_argument("group")
    edit.add_argument("--name", help="a new name")
    _group_options(edit)
    edit.set_defaults(handler=edit_group)

    add = actions.add_parser("add-member", help="someone joins the group")
    add.add_argument("group")
    add.add_argument("name")
    add.set_defaults(handler=add_member)

    remove = actions.add_parser("remove-member", help="someone leaves the group (their meetings stay in the record)")
    remove.add_argument("group")
    remove.add_argument("name")
    remove.set_defaults(handler=remove_member)

    rename = actions.add_parser("rename-member", help="a member's new name (the old one is kept in the history)")
    rename.add_argument("group")
    rename.add_argument("name")
    rename.add_argument("new_name")
    rename.set_defaults(handler=rename_member)

    export = actions.add_parser("export", help="a group and its meeting records, for the next facilitator")
    export.add_argument("group")
    export.add_argument("-o", "--output", metavar="FILE", type=Path, help="write to FILE instead of the screen")
    export.add_argument("--with-notes", action="store_true", help="include open action points and the evaluation")
    export.set_defaults(handler=export_group)

    imported = actions.add_parser("import", help="merge a group exported on another laptop")
    imported.add_argument("file", type=Path)
    imported.set_defaults(handler=import_group)

    upcoming = actions.add_parser("next", help="the next meeting by the cadence; -o FILE.ics for a calendar")
    upcoming.add_argument("group")
    upcoming.add_argument("-o", "--output", metavar="FILE", type=Path, help="write an iCalendar file")
    upcoming.set_defaults(handler=next_meeting)

    report = actions.add_parser("report", help="attendance lists, proof of hours, CSV for register portals")
    report.add_argument("group")
    report.add_argument("--member", metavar="NAME")
    report.add_argument("--from", dest="since", metavar="DATE", type=_date)
    report.add_argument("--to", dest="until", metavar="DATE", type=_date)
    report.add_argument("--register", metavar="ID", help="one register (default: the group's)")
    report.add_argument("--format", choices=FORMATS, default="md")
    report.add_argument("-o", "--output", metavar="FILE", type=Path, help="write to FILE (needed for pdf)")
    report.set_defaults(handler=report_group)

    evaluate = actions.add_parser("evaluate", help="the closing evaluation of the series, saved with the group")
    evaluate.add_argument("group")
    for field, text in (("goals-and-results", "learning goals against results"), ("helped", "what helped"),
                        ("hindered", "what hindered"), ("safety", "safety in the group"), ("methods", "the methods used")):
        evaluate.add_argument(f"--{field}", metavar="TEXT", help=text)
    evaluate.set_defaults(handler=evaluate_series)

    series = actions.add_parser("series", help="the series report in Markdown: timeline, roles, methods, evaluation")
    series.add_argument("group")
    series.add_argument("-o", "--output", metavar="FILE", type=Path, help="write to FILE instead of the screen")
    series.set_defaults(handler=series_report)

    attach = actions.add_parser("attach", help="count a saved session (also one from before groups) as a meeting")
    attach.add_argument("group")
    attach.add_argument("session", help="session id, see `intervisie notes list`")
    attach.set_defaults(handler=attach_session)


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date as YYYY-MM-DD, got '{text}'") from None


def _group_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--members", metavar="NAMES", help='comma-separated, e.g. "Anna,Bram,Cem"')
    parser.add_argument("--every-weeks", type=int, metavar="N", help="cadence: a meeting every N weeks")
    parser.add_argument("--meetings", type=int, metavar="N", help="planned number of meetings")
    parser.add_argument("--register", action="append", metavar="ID", help="a register it counts for (repeatable)")
    parser.add_argument("--registration-number", metavar="TEXT")
    parser.add_argument("--facilitator", metavar="NAME", help="a standing facilitator (otherwise the role rotates)")
    parser.add_argument("--agreements", metavar="TEXT", help="ground rules and learning goals")
    parser.add_argument("--agreements-at-opening", choices=("yes", "no"), help="show them when a meeting opens")
    kind = parser.add_mutually_exclusive_group()
    kind.add_argument("--open", dest="fixed", action="store_false", default=None, help="members vary")
    kind.add_argument("--fixed", dest="fixed", action="store_true", default=None, help="a fixed group")


def today() -> date:
    from ..store.groups import today as local_today

    return local_today()


def _store(args: argparse.Namespace, lang: str):
    from ..store.groups import GroupStore

    return GroupStore(getattr(args, "data_dir", None), lang=lang)


def _fail(message: str, code: int = 1) -> int:
    print(message, file=sys.stderr)
    return code


def _problems(store, lang: str) -> None:
    if store.problems:
        print(t("groups.cli.problems", lang, count=len(store.problems)), file=sys.stderr)
        for problem in store.problems:
            print(f"  {problem}", file=sys.stderr)
        print(t("store.problems.hint", lang), file=sys.stderr)


def _find(args, lang: str):
    from ..store.errors import StoreError

    store = _store(args, lang)
    try:
        return store, store.find(args.group)
    except StoreError as error:
        _problems(store, lang)
        print(str(error), file=sys.stderr)
        return store, None


def _registers():
    from ..core.registers import load_registers
    from ..paths import config_dir

    return load_registers(config_dir() / "registers")


def _check_registers(ids: list[str] | None, lang: str) -> str | None:
    if not ids:
        return None
    book = _registers()
    unknown = [register_id for register_id in ids if register_id not in book.registers]
    if unknown:
        return t("groups.cli.unknown_register", lang, id=", ".join(unknown), known=", ".join(sorted(book.registers)))
    return None


def _apply_options(group, args, lang: str) -> str | None:
    """Options onto the group; a problem message if one is invalid."""
    from pydantic import ValidationError

    problem = _check_registers(args.register, lang)
    if problem:
        return problem
    try:
        if args.every_weeks is not None:
            group.every_weeks = args.every_weeks
        if args.meetings is not None:
            group.planned_meetings = args.meetings
        if args.register:
            group.registers = list(dict.fromkeys(args.register))
        if args.registration_number is not None:
            group.registration_number = args.registration_number.strip()
        if args.facilitator is not None:
            group.facilitator = args.facilitator.strip() or None
        if args.agreements is not None:
            group.agreements = args.agreements.strip()
        if args.fixed is not None:
            group.fixed = args.fixed
        if args.agreements_at_opening is not None:
            group.show_agreements = args.agreements_at_opening == "yes"
        if getattr(args, "name_change", None):
            group.name = args.name_change
    except ValidationError as error:
        first = error.errors(include_url=False)[0]
        return t("groups.cli.bad_option", lang, field=".".join(str(p) for p in first["loc"]), detail=first["msg"])
    if args.members:
        for name in [name.strip() for name in args.members.split(",") if name.strip()]:
            try:
                group.add_member(name, today())
            except ValueError:
                return t("groups.cli.member_exists", lang, name=name)
    return None


def list_groups(args: argparse.Namespace, lang: str) -> int:
    store = _store(args, lang)
    groups = store.list_groups()
    if not groups:
        print(t("groups.cli.none", lang))
    for group in groups:
        upcoming = group.next_date(today())
        print(t("groups.cli.row", lang, name=group.name, id=group.id, members=len(group.active_members),
                meetings=len(group.meetings), next=f"{upcoming:%Y-%m-%d}" if upcoming else "-"))
    _problems(store, lang)
    return 0


def show_group(args: argparse.Namespace, lang: str) -> int:
    from ..core.library import load_library
    from ..paths import user_methods_dir
    from ..reports.content import method_names
    from ..reports.overview import group_overview

    store, group = _find(args, lang)
    if group is None:
        return 1
    library = load_library(user_methods_dir())
    sys.stdout.write(group_overview(group, lang, today(), method_names(library, lang)))
    return 0


def new_group(args: argparse.Namespace, lang: str) -> int:
    from pydantic import ValidationError

    from ..core.groups import Group
    from ..store.errors import StoreError

    try:
        group = Group(name=args.name.strip())
    except ValidationError:
        return _fail(t("groups.cli.bad_name", lang), 2)
    problem = _apply_options(group, args, lang)
    if problem:
        return _fail(problem, 2)
    store = _store(args, lang)
    try:
        path = store.create(group)
    except StoreError as error:
        return _fail(str(error))
    print(t("groups.cli.created", lang, name=group.name, id=group.id, path=path))
    return 0


def _save(store, group, lang: str, message: str) -> int:
    from ..store.errors import StoreError

    try:
        store.save(group)
    except StoreError as error:
        return _fail(str(error))
    print(message)
    return 0


def edit_group(args: argparse.Namespace, lang: str) -> int:
    store, group = _find(args, lang)
    if group is None:
        return 1
    args.name_change = (args.name or "").strip() or None
    if args.name_change and any(other.id != group.id and other.name.casefold() == args.name.strip().casefold()
                         for other in store.list_groups()):
        return _fail(t("groups.new.exists", lang, name=args.name), 2)
    problem = _apply_options(group, args, lang)
    if problem:
        return _fail(problem, 2)
    return _save(store, group, lang, t("groups.cli.saved", lang, name=group.name))


def add_member(args: argparse.Namespace, lang: str) -> int:
    store, group = _find(args, lang)
    if group is None:
        return 1
    name = args.name.strip()
    if not name:
        return _fail(t("plan.empty_name", lang), 2)
    try:
        group.add_member(name, today())
    except ValueError:
        return _fail(t("groups.cli.member_exists", lang, name=name), 2)
    return _save(store, group, lang, t("groups.cli.member_added", lang, name=name, group=group.name))


def remove_member(args: argparse.Namespace, lang: str) -> int:
    store, group = _find(args, lang)
    if group is None:
        return 1
    try:
        member = group.remove_member(args.name, today())
    except KeyError:
        return _fail(t("groups.cli.no_member", lang, name=args.name, group=group.name), 2)
    return _save(store, group, lang, t("groups.cli.member_removed", lang, name=member.name, group=group.name))


def rename_member(args: argparse.Namespace, lang: str) -> int:
    store, group = _find(args, lang)
    if group is None:
        return 1
    if not args.new_name.strip():
        return _fail(t("plan.empty_name", lang), 2)
    try:
        group.rename_member(args.name, args.new_name)
    except KeyError:
        return _fail(t("groups.cli.no_member", lang, name=args.name, group=group.name), 2)
    except ValueError:
        return _fail(t("groups.cli.member_exists", lang, name=args.new_name), 2)
    return _save(store, group, lang, t("groups.cli.saved", lang, name=group.name))


def export_group(args: argparse.Namespace, lang: str) -> int:
    from .output import write_output

    store, group = _find(args, lang)
    if group is None:
        return 1
    if args.with_notes:
        from ..store.groups import with_action_points
        from ..store.sessions import Store

        group = with_action_points(group, Store(getattr(args, "data_dir", None), lang=lang))
    return write_output(store.export_text(group, with_notes=args.with_notes), args.output, lang)


def import_group(args: argparse.Namespace, lang: str) -> int:
    from ..store.errors import StoreError

    store = _store(args, lang)
    try:
        report = store.import_file(args.file)
    except StoreError as error:
        return _fail(str(error))
    key = "groups.cli.imported_new" if report.new_group else "groups.cli.imported"
    print(t(key, lang, name=report.group.name, members=report.members, meetings=report.meetings))
    return 0


def next_meeting(args: argparse.Namespace, lang: str) -> int:
    store, group = _find(args, lang)
    if group is None:
        return 1
    upcoming = group.next_date(today())
    if upcoming is None:
        return _fail(t("groups.cli.no_cadence", lang, name=group.name), 2)
    print(t("groups.cli.next", lang, name=group.name, date=f"{upcoming:%Y-%m-%d}"))
    if args.output is None:
        return 0
    from ..reports.calendar import next_meeting_ics

    return _write_bytes(next_meeting_ics(group, upcoming, lang, stamp=datetime.now().astimezone()), args.output, lang)


def _write_bytes(data: bytes, target: Path, lang: str) -> int:
    from ..store.atomic import atomic_write_bytes

    try:
        atomic_write_bytes(target.expanduser(), data)
    except OSError as error:
        return _fail(t("cli.output.failed", lang, path=target, reason=error.strerror or error))
    print(t("cli.output.written", lang, path=target), file=sys.stderr)
    return 0


def report_group(args: argparse.Namespace, lang: str) -> int:
    from ..core.library import load_library
    from ..paths import user_methods_dir
    from ..reports.content import build_report, method_names
    from ..reports.text import to_csv, to_markdown

    store, group = _find(args, lang)
    if group is None:
        return 1
    if args.member and group.member(args.member) is None:
        return _fail(t("groups.cli.no_member", lang, name=args.member, group=group.name), 2)
    book = _registers()
    ids = [args.register] if args.register else group.registers
    problem = _check_registers(ids, lang)
    if problem:
        return _fail(problem, 2)
    registers = [book.registers[register_id] for register_id in ids]
    names = method_names(load_library(user_methods_dir()), lang)
    report = build_report(group, registers, names, until=args.until or today(), since=args.since, member=args.member)
    if args.format == "pdf":
        if args.output is None:
            return _fail(t("groups.cli.pdf_needs_output", lang), 2)
        from ..reports.pdf import to_pdf

        return _write_bytes(to_pdf(report, lang), args.output, lang)
    from .output import write_output

    return write_output(to_csv(report, lang) if args.format == "csv" else to_markdown(report, lang), args.output, lang)


def attach_session(args: argparse.Namespace, lang: str) -> int:
    from ..store.errors import StoreError
    from ..store.sessions import Store

    store, group = _find(args, lang)
    if group is None:
        return 1
    try:
        document = Store(getattr(args, "data_dir", None), lang=lang).load(args.session)
        record = store.record_session(document, group.id)
    except StoreError as error:
        return _fail(str(error))
    if record is None:
        print(t("groups.cli.already_attached", lang, id=document.id, name=group.name))
        return 0
    print(t("groups.cli.attached", lang, id=document.id, name=group.name, date=f"{record.date:%Y-%m-%d}"))
    return 0


def evaluate_series(args: argparse.Namespace, lang: str) -> int:
    from ..core.groups import SeriesEvaluation

    store, group = _find(args, lang)
    if group is None:
        return 1
    evaluation = group.evaluation or SeriesEvaluation()
    changes = {field: getattr(args, field).strip() for field in SeriesEvaluation.model_fields if getattr(args, field) is not None}
    group.evaluation = evaluation.model_copy(update=changes)
    return _save(store, group, lang, t("groups.cli.saved", lang, name=group.name))


def series_report(args: argparse.Namespace, lang: str) -> int:
    from ..core.library import load_library
    from ..paths import user_methods_dir
    from ..reports.content import method_names
    from ..reports.series import series_markdown
    from .output import write_output

    store, group = _find(args, lang)
    if group is None:
        return 1
    names = method_names(load_library(user_methods_dir()), lang)
    return write_output(series_markdown(group, lang, names), args.output, lang)
