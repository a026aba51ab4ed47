"""`intervisie notes …`: list, show, export, delete, empty-trash, compact and path — and, without
an action, the review screen.

Only the review screen imports Textual; the other actions start fast without it. The store
(and so pydantic) is imported only when a notes action runs, so other commands stay light.
"""

from __future__ import annotations

import gc
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from ..i18n import t

TYPE_CHECKING = False  # typing's, without importing typing (`intervisie notes list` does not)

if TYPE_CHECKING:
    import argparse

    from ..core.message import Message
    from ..store.catalog import SessionCatalog
    from ..store.errors import Problem
    from ..store.sessions import Store


def register(commands: argparse._SubParsersAction) -> None:
    notes = commands.add_parser(
        "notes", help="saved sessions: list, show, export, delete, empty-trash, compact (no action: the review screen)"
    )
    notes.set_defaults(handler=open_review)
    actions = notes.add_subparsers(dest="notes_command", metavar="ACTION")

    listing = actions.add_parser("list", help="every saved session, newest first")
    listing.add_argument("--json", action="store_true", help="machine-readable output")
    listing.set_defaults(handler=list_sessions)

    show = actions.add_parser("show", help="one session in full (an id, the start of one, or its file)")
    show.add_argument("id", help="session id, a unique start of it, or the session's .json file")
    show.set_defaults(handler=show_session)

    export = actions.add_parser("export", help="one session as Markdown or JSON")
    export.add_argument("id", help="session id, a unique start of it, or the session's .json file")
    export.add_argument("--format", choices=("md", "json"), default="md")
    export.add_argument("--json", dest="format", action="store_const", const="json", help="the same as --format json")
    export.add_argument(
        "--anonymize",
        "--anonymise",
        dest="anonymize",
        action="store_true",
        help="names become roles and letters in random order (Markdown and JSON)",
    )
    export.add_argument("-o", "--output", metavar="FILE", type=Path, help="write to FILE instead of the screen")
    export.set_defaults(handler=export_session)

    delete = actions.add_parser("delete", help="move one session to the trash, or delete it for good")
    delete.add_argument("id", help="session id, a unique start of it, or the session's .json file")
    delete.add_argument(
        "--permanently",
        action="store_true",
        help="delete it for good (also from the trash): document, journals, caches",
    )
    delete.add_argument("--yes", action="store_true", help="do not ask first (needed without a terminal)")
    delete.set_defaults(handler=delete_session)

    empty = actions.add_parser("empty-trash", help="delete every session in the trash for good")
    empty.add_argument("--yes", action="store_true", help="do not ask first (needed without a terminal)")
    empty.set_defaults(handler=empty_trash)

    compact = actions.add_parser("compact", help="remove erased text from every saved session, and old journals")
    compact.set_defaults(handler=compact_sessions)

    where = actions.add_parser("path", help="where sessions and journals are kept")
    where.set_defaults(handler=print_paths)


def _store(args: argparse.Namespace, lang: str) -> Store:
    from ..store.sessions import Store

    return Store(getattr(args, "data_dir", None))


def _report_problems(problems: Sequence[tuple[Path, Message] | Problem], lang: str) -> None:
    if not problems:
        return  # (nothing imported: a warm `notes list` has nothing to report)
    from .output import report_problems

    report_problems(
        "notes.cli.problems", [f"{path}: {reason.render(lang)}" for path, reason in problems], lang, hint=True
    )


def list_sessions(args: argparse.Namespace, lang: str) -> int:
    """From the SQLite index alone when it is up to date: no summary, no session model, no pydantic."""
    from ..core.paths import data_dir
    from ..store.listing import catalog_for

    root = data_dir(getattr(args, "data_dir", None))
    catalog = catalog_for(root)
    # What the listing makes stays alive until the command ends: the collector's passes would find nothing.
    collecting = gc.isenabled()
    gc.disable()
    try:
        header = _header(lang)
        # What the kept text depends on besides the rows: the layout's version (bump it when the table
        # is printed otherwise), the language and the headings.
        layout = "\t".join(("1", lang, *header))
        listed = None if args.json else catalog.listed(lang, layout, lambda rows: _table(header, rows))
        if listed is not None:
            return _print_table(root, listed, [], lang)
        return _print_listing(root, catalog, args.json, lang)
    finally:
        if collecting:
            gc.enable()


def _print_listing(root: Path, catalog: SessionCatalog, as_json: bool, lang: str) -> int:
    """Read what changed, bring the index up to date and print the listing from the summaries."""
    from ..store.catalog import listed_texts
    from ..store.listing import listing

    summaries, problems = listing(catalog)
    if not as_json:
        # Newest first and, at the same moment, by id: the order of the index's listing (`listed`).
        ordered = sorted(summaries, key=lambda summary: summary.id)
        ordered.sort(key=lambda summary: summary.when, reverse=True)
        rows = [listed_texts(summary, lang) for summary in ordered]
        return _print_table(root, _table(_header(lang), rows) if rows else "", problems, lang)
    records = [
        {
            "id": summary.id,
            "date": summary.when.isoformat(),
            "method": summary.method_id,
            "participants": list(summary.participants),
            "inbrenger": summary.inbrenger,
            "case_title": summary.case_title,
            "minutes": round(summary.running_seconds / 60, 1),
            "path": str(summary.path),
        }
        for summary in summaries
    ]
    print(json.dumps(records, ensure_ascii=False, indent=1))
    _report_problems(problems, lang)
    return 0


def _header(lang: str) -> tuple[str, ...]:
    """The names of the listing's columns, those of `listed_texts`."""
    return tuple(
        t(f"notes.cli.column.{name}", lang)
        for name in ("id", "date", "method", "inbrenger", "people", "minutes", "case")
    )


def _table(header: tuple[str, ...], rows: list[tuple[str, ...]]) -> str:
    """A row per session (`listed_texts`) under the columns' names, each column as wide as its widest text."""
    widths = [max(len(name), *map(len, column)) for name, column in zip(header, zip(*rows))]
    # The last column unpadded (each line loses its trailing white space anyway), so one format makes a line.
    line = "  ".join([*(f"%-{width}s" for width in widths[:-1]), "%s"])
    lines = [line % header, *[line % row for row in rows]]
    if any(not row[-1] for row in rows):  # a case of white space only: that line ends before it
        lines = [text.rstrip() for text in lines]
    lines.append("")
    return "\n".join(lines)


def _print_table(root: Path, table: str, problems: Sequence[tuple[Path, Message]], lang: str) -> int:
    if table:
        sys.stdout.write(table)
    else:
        print(t("notes.cli.none", lang, path=root / "sessions"))
    _report_problems(problems, lang)
    return 0


def _load(store: Store, session_id: str, lang: str):
    from ..store.sessions import StoreError

    try:
        return store.load(session_id), 0
    except StoreError as error:
        print(error.message.render(lang), file=sys.stderr)
        _report_problems(store.problems, lang)
        return None, (1 if error.path is not None else 2)


def show_session(args: argparse.Namespace, lang: str) -> int:
    store = _store(args, lang)
    document, code = _load(store, args.id, lang)
    if document is None:
        return code
    sys.stdout.write(store.export_markdown(document, lang=lang))
    return 0


def export_session(args: argparse.Namespace, lang: str) -> int:
    store = _store(args, lang)
    document, code = _load(store, args.id, lang)
    if document is None:
        return code
    if args.format == "json":
        text = store.export_json(document, args.anonymize, lang=lang)
    else:
        text = store.export_markdown(document, args.anonymize, lang=lang)

    from .output import write_output

    return write_output(text, args.output, lang)


def describe_session(summary, lang: str) -> str:
    """One line that names a session: date, method, case title, people."""
    case = summary.case_title or "-"
    people = ", ".join(summary.participants)
    return t(
        "notes.cli.delete.session",
        lang,
        date=f"{summary.when:%Y-%m-%d %H:%M}",
        method=summary.method_label(lang),
        case=case,
        people=people,
        id=summary.id,
    )


def _confirmed(args: argparse.Namespace, question: str, lang: str) -> bool | None:
    """True to go on; False when the user said no; None when there is no one to ask."""
    if args.yes:
        return True
    if not sys.stdin.isatty():
        return None
    try:
        answer = input(question + " ")
    except EOFError:
        return False
    return answer.strip().casefold() in {t("notes.cli.delete.yes_word", lang).casefold(), "y", "yes", "j", "ja"}


def _find_anywhere(store: Store, reference: str):
    """A session in the sessions folder or, if not there, in the trash."""
    from ..store.sessions import StoreError

    try:
        return store.find(reference), False
    except StoreError as error:
        try:
            return store.find(reference, in_trash=True), True
        except StoreError:
            raise error from None


def delete_session(args: argparse.Namespace, lang: str) -> int:
    from ..store.sessions import StoreError

    store = _store(args, lang)
    try:
        summary, in_trash = _find_anywhere(store, args.id)
    except StoreError as error:
        print(error.message.render(lang), file=sys.stderr)
        return 2
    if not args.permanently:
        if in_trash:
            print(t("notes.cli.delete.already_in_trash", lang, path=summary.path), file=sys.stderr)
            return 1
        try:
            target = store.trash(summary.path)
        except StoreError as error:
            print(error.message.render(lang), file=sys.stderr)
            return 1
        print(t("notes.cli.delete.trashed", lang, path=target))
        return 0
    files = store.deletion_files(summary)
    print(t("notes.cli.delete.what", lang))
    print("  " + describe_session(summary, lang))
    for path in files:
        print(f"    {path}")
    return _delete_when_confirmed(args, lang, lambda: store.delete_permanently(summary), count=1)


def empty_trash(args: argparse.Namespace, lang: str) -> int:
    store = _store(args, lang)
    sessions = store.list_trash()
    unreadable = store.trash_unreadable()
    if not sessions and not unreadable:
        print(t("notes.cli.trash.empty", lang, path=store.trash_dir))
        return 0
    print(t("notes.cli.trash.what", lang, count=len(sessions)))
    for summary in sessions:
        print("  " + describe_session(summary, lang))
    for path in unreadable:
        print("  " + t("notes.cli.trash.unreadable", lang, path=path))
    return _delete_when_confirmed(args, lang, store.empty_trash, count=len(sessions) + len(unreadable))


def _delete_when_confirmed(args: argparse.Namespace, lang: str, delete: Callable[[], object], *, count: int) -> int:
    """Say what else goes, ask (or take --yes), then delete: the exit status."""
    from ..store.sessions import StoreError

    print(t("notes.cli.delete.also", lang))
    answer = _confirmed(args, t("notes.cli.delete.question", lang), lang)
    if answer is None:
        print(t("notes.cli.delete.need_yes", lang), file=sys.stderr)
        return 2
    if not answer:
        print(t("notes.cli.delete.kept", lang))
        return 1
    try:
        delete()
    except StoreError as error:
        print(error.message.render(lang), file=sys.stderr)
        return 1
    print(t("notes.cli.delete.done", lang, count=count))
    return 0


def compact_sessions(args: argparse.Namespace, lang: str) -> int:
    store = _store(args, lang)
    report = store.compact_all()
    print(
        t(
            "notes.cli.compact.done",
            lang,
            compacted=len(report.compacted),
            unchanged=report.unchanged,
            journals=len(report.journals_removed),
        )
    )
    for path in report.compacted:
        print(f"  {path}")
    if report.journals_kept:
        print(t("notes.cli.compact.kept", lang, count=len(report.journals_kept)), file=sys.stderr)
        for path in report.journals_kept:
            print(f"  {path}", file=sys.stderr)
    for problem in report.failed:
        print(f"  {problem.render(lang)}", file=sys.stderr)
    _report_problems(store.problems, lang)
    return 1 if report.failed else 0


def print_paths(args: argparse.Namespace, lang: str) -> int:
    store = _store(args, lang)
    for key, path in (
        ("root", store.root),
        ("sessions", store.sessions_dir),
        ("live", store.live_dir),
        ("trash", store.trash_dir),
    ):
        print(f"{t(f'notes.cli.path.{key}', lang)}: {path}")
    return 0


def review_app(args: argparse.Namespace):
    """The app, opening on the review screen (Escape leads home, made only then)."""
    from ..ui.app import IntervisieApp
    from ..ui.screens.review import ReviewScreen

    data_dir = getattr(args, "data_dir", None)
    return IntervisieApp(lang=args.lang, data_dir=Path(data_dir) if data_dir else None, first_screen=ReviewScreen)


def open_review(args: argparse.Namespace, lang: str) -> int:
    """`intervisie notes` alone."""
    from .terminal import refuse_without_terminal

    refused = refuse_without_terminal(lang)
    if refused is not None:
        return refused
    review_app(args).run()
    return 0


open_review.opens_screen = True  # type: ignore[attr-defined]  # main() leaves its streams alone
