"""`intervisie groups …`: groups and their series, without Textual.

The store (and so pydantic) is imported only when a groups action runs.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date, datetime
from pathlib import Path

from ..i18n import t
from .output import report_problems, write_output

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
    for field, text in (
        ("goals-and-results", "learning goals against results"),
        ("helped", "what helped"),
        ("hindered", "what hindered"),
        ("safety", "safety in the group"),
        ("methods", "the methods used"),
    ):
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
    report_problems("groups.cli.problems", [str(problem) for problem in store.problems], lang, hint=True)


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
    from ..core.paths import config_dir
    from ..core.registers import load_registers

    return load_registers(config_dir() / "registers")


OPTIONS = {
    "name": "--name",
    "fixed": "--fixed/--open",
    "facilitator": "--facilitator",
    "every_weeks": "--every-weeks",
    "planned_meetings": "--meetings",
    "registers": "--register",
    "registration_number": "--registration-number",
    "agreements": "--agreements",
    "show_agreements": "--agreements-at-opening",
    "members": "--members",
    "since": "--from",
    "until": "--to",
    "member": "--member",
}


def _refused(error, lang: str, code: int = 2) -> int:
    """A rule of core.groups refused the change: the option, and what was expected."""
    option = OPTIONS.get(error.field, error.field)
    return _fail(
        f"{option}: {error.message.render(lang)}" if option.startswith("-") else error.message.render(lang), code
    )


def _changes(args: argparse.Namespace) -> dict[str, object]:
    """The settings given on the command line (those not given stay as they are)."""
    given = {
        "every_weeks": args.every_weeks,
        "planned_meetings": args.meetings,
        "registers": args.register or None,
        "registration_number": args.registration_number,
        "facilitator": args.facilitator,
        "agreements": args.agreements,
        "fixed": args.fixed,
        "show_agreements": None if args.agreements_at_opening is None else args.agreements_at_opening == "yes",
        "name": getattr(args, "name_change", None),
    }
    return {field: value for field, value in given.items() if value is not None}


def _apply_options(group, args, lang: str, taken_names=()):
    """Options onto the group, all or none: the rule broken (a GroupRuleError), or None."""
    from ..core.groups import GroupRuleError, apply_settings, join_members, split_names

    try:
        apply_settings(group, _changes(args), known_registers=_registers().registers, taken_names=taken_names)
        if args.members:
            join_members(group, split_names(args.members), today())
    except GroupRuleError as error:
        return error
    return None


def list_groups(args: argparse.Namespace, lang: str) -> int:
    store = _store(args, lang)
    groups = store.list_groups()
    if not groups:
        print(t("groups.cli.none", lang))
    for group in groups:
        upcoming = group.next_date(today())
        print(
            t(
                "groups.cli.row",
                lang,
                name=group.name,
                id=group.id,
                members=len(group.active_members),
                meetings=len(group.meetings),
                next=f"{upcoming:%Y-%m-%d}" if upcoming else "-",
            )
        )
    _problems(store, lang)
    return 0


def show_group(args: argparse.Namespace, lang: str) -> int:
    from ..core.library import load_library
    from ..core.paths import user_methods_dir
    from ..reports.content import method_names
    from ..reports.overview import group_overview

    _, group = _find(args, lang)
    if group is None:
        return 1
    library = load_library(user_methods_dir())
    sys.stdout.write(group_overview(group, lang, today(), method_names(library, lang)))
    return 0


def new_group(args: argparse.Namespace, lang: str) -> int:
    from ..core.groups import Group
    from ..store.errors import StoreError

    store = _store(args, lang)
    group = Group(name="-")
    args.name_change = args.name
    problem = _apply_options(group, args, lang)  # a name already taken: the store refuses it (exit 1)
    if problem:
        return _refused(problem, lang)
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
    args.name_change = args.name
    taken = [other.name for other in store.list_groups() if other.id != group.id]
    problem = _apply_options(group, args, lang, taken)
    if problem:
        return _refused(problem, lang)
    return _save(store, group, lang, t("groups.cli.saved", lang, name=group.name))


def _member_change(args: argparse.Namespace, lang: str, change, done_key: str) -> int:
    """One member joins, leaves or is renamed, by the rules of core.groups; then saved."""
    from ..core.groups import GroupRuleError

    store, group = _find(args, lang)
    if group is None:
        return 1
    try:
        member = change(group)
    except GroupRuleError as error:
        return _fail(error.message.render(lang), 2)  # the member named on the command line
    return _save(store, group, lang, t(done_key, lang, name=member.name, group=group.name))


def add_member(args: argparse.Namespace, lang: str) -> int:
    from ..core.groups import join_members

    return _member_change(
        args, lang, lambda group: join_members(group, [args.name], today())[0], "groups.cli.member_added"
    )


def remove_member(args: argparse.Namespace, lang: str) -> int:
    from ..core.groups import member_leaves

    return _member_change(
        args, lang, lambda group: member_leaves(group, args.name, today()), "groups.cli.member_removed"
    )


def rename_member(args: argparse.Namespace, lang: str) -> int:
    from ..core.groups import member_renamed

    return _member_change(
        args, lang, lambda group: member_renamed(group, args.name, args.new_name), "groups.cli.renamed"
    )


def export_group(args: argparse.Namespace, lang: str) -> int:

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
    _, group = _find(args, lang)
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
    from ..core.groups import GroupRuleError
    from ..core.library import load_library
    from ..core.paths import user_methods_dir
    from ..reports.content import method_names
    from ..reports.render import render_report

    _, group = _find(args, lang)
    if group is None:
        return 1
    if args.format == "pdf" and args.output is None:
        return _fail(t("groups.cli.pdf_needs_output", lang), 2)
    names = method_names(load_library(user_methods_dir()), lang)
    try:
        report = render_report(
            group,
            _registers(),
            names,
            fmt=args.format,
            until=args.until or today(),
            since=args.since,
            member=args.member,
            register=args.register,
            lang=lang,
        )
    except GroupRuleError as error:
        return _refused(error, lang)
    if isinstance(report, bytes):
        return _write_bytes(report, args.output, lang)

    return write_output(report, args.output, lang)


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
    changes = {
        field: getattr(args, field).strip()
        for field in SeriesEvaluation.model_fields
        if getattr(args, field) is not None
    }
    group.evaluation = evaluation.model_copy(update=changes)
    return _save(store, group, lang, t("groups.cli.saved", lang, name=group.name))


def series_report(args: argparse.Namespace, lang: str) -> int:
    from ..core.library import load_library
    from ..core.paths import user_methods_dir
    from ..reports.content import method_names
    from ..reports.series import series_markdown

    _, group = _find(args, lang)
    if group is None:
        return 1
    names = method_names(load_library(user_methods_dir()), lang)
    return write_output(series_markdown(group, lang, names), args.output, lang)
