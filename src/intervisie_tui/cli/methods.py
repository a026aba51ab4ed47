"""`intervisie methods …`: list, show, validate, handout, schema and new."""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from ..core.paths import cache_dir, user_methods_dir
from ..i18n import sort_key, t
from .output import report_problems, write_output

if TYPE_CHECKING:
    from ..core.method import Method

# The method models (pydantic) are imported inside the commands that need them:
# `methods list` usually answers from a cache without them.


def register(commands: argparse._SubParsersAction) -> None:
    methods = commands.add_parser("methods", help="list, read, check and write method files")
    actions = methods.add_subparsers(dest="methods_command", metavar="ACTION", required=True)

    listing = actions.add_parser("list", help="all methods: built-in, plugins and your own")
    listing.set_defaults(handler=list_methods)

    show = actions.add_parser("show", help="one method in full, with facilitator tips")
    show.add_argument("id")
    show.set_defaults(handler=show_method)

    validate = actions.add_parser(
        "validate",
        help="check method files (a path, or a file name or id in your methods folder); exit 1 if any is invalid",
    )
    validate.add_argument("files", nargs="+", metavar="NAME-OR-PATH", type=Path)
    validate.set_defaults(handler=validate_files)

    handout = actions.add_parser("handout", help="a Markdown handout for participants")
    handout.add_argument("id")
    handout.add_argument("-o", "--output", metavar="FILE", type=Path, help="write to FILE instead of the screen")
    handout.set_defaults(handler=write_handout)

    schema = actions.add_parser("schema", help="the JSON Schema of method files, for editors")
    schema.set_defaults(handler=print_schema)

    new = actions.add_parser("new", help="a commented starter file in your methods folder")
    new.add_argument("id")
    new.set_defaults(handler=new_method)


def list_methods(args: argparse.Namespace, lang: str) -> int:
    from .method_listing import method_rows

    methods, problems = method_rows(user_methods_dir(), cache_dir() / "methods-list.json")
    methods = sorted(methods, key=lambda row: (sort_key(row.name[lang]), row.id))
    rows = [
        (
            row.id,
            row.name[lang],
            f"{row.minutes} {t('word.minutes', lang)}",
            str(row.phases),
            "{}-{}".format(*row.group_size),
            t(f"cli.origin.{row.origin}", lang)
            + (" " + t("cli.methods.replaces_builtin", lang) if row.replaces_builtin else ""),
        )
        for row in methods
    ]
    header = tuple(
        t(f"cli.methods.column.{name}", lang) for name in ("id", "name", "time", "phases", "group", "source")
    )
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    for row in [header, *rows]:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip())
    print()
    print(t("cli.methods.user_folder", lang, path=user_methods_dir()))
    report_problems("cli.methods.problems", [problem[lang] for problem in problems], lang)
    return 0


def _find(method_id: str, lang: str) -> Method | None:
    from ..core.library import load_library

    library = load_library(user_methods_dir())
    if method_id in library.methods:
        return library.get(method_id)
    known = ", ".join(sorted(library.methods)) or "-"
    print(t("cli.methods.unknown", lang, id=method_id, known=known), file=sys.stderr)
    report_problems("cli.methods.problems", [problem.render(lang) for problem in library.problems], lang)
    return None


def show_method(args: argparse.Namespace, lang: str) -> int:
    method = _find(args.id, lang)
    if method is None:
        return 2
    from .method_handout import method_overview

    print(method_overview(method, lang))
    return 0


def write_handout(args: argparse.Namespace, lang: str) -> int:
    method = _find(args.id, lang)
    if method is None:
        return 2
    from .method_handout import method_handout

    return write_output(method_handout(method, lang), args.output, lang)


def method_file_for(given: Path, folder: Path) -> Path | None:
    """The file `given` names: the path itself, or else a file name or id in the user's methods folder
    (`mijn-methode.toml` or `mijn-methode`, wherever the command runs). None when there is none."""
    if given.is_file():
        return given
    if given.parent != Path("."):
        return None  # a path with folders means that path; we do not guess another
    for candidate in (folder / given.name, folder / f"{given.name}.toml"):
        if candidate.is_file():
            return candidate
    return None


def validate_files(args: argparse.Namespace, lang: str) -> int:
    from ..core.library import load_method_file

    failures = 0
    folder = user_methods_dir()
    for given in args.files:
        path = method_file_for(given, folder) or given
        method, problems = load_method_file(path)
        if method is not None:
            print(t("cli.validate.ok", lang, path=path, id=method.id, name=method.name(lang)))
            continue
        failures += 1
        for problem in problems:
            print(problem.render(lang), file=sys.stderr)
        if not path.exists() and given.parent == Path("."):
            print(t("cli.validate.looked_in", lang, folder=folder), file=sys.stderr)
    if failures:
        print(t("cli.validate.summary", lang, bad=failures, total=len(args.files)), file=sys.stderr)
    return 1 if failures else 0


def print_schema(args: argparse.Namespace, lang: str) -> int:
    from ..core.method import Method
    from ..core.validation import json_schema

    schema = json_schema(Method)
    schema["title"] = "intervisie-tui method"
    print(json.dumps(schema, indent=2, ensure_ascii=False))
    return 0


def new_method(args: argparse.Namespace, lang: str) -> int:
    from ..core.paths import ID_PATTERN
    from .method_starter import starter_method

    if not re.fullmatch(ID_PATTERN, args.id):
        print(t("cli.new.bad_id", lang, id=args.id), file=sys.stderr)
        return 2
    folder = user_methods_dir()
    target = folder / f"{args.id}.toml"
    if target.exists():
        print(t("cli.new.exists", lang, path=target), file=sys.stderr)
        return 1
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with open(target, "x", encoding="utf-8") as handle:
            handle.write(starter_method(args.id))
    except OSError as error:  # a read-only config folder, a file where the folder should be, a full disk
        from ..core.os_errors import os_error_reason

        print(t("cli.new.failed", lang, path=target, reason=os_error_reason(error), folder=folder), file=sys.stderr)
        return 1
    print(t("cli.new.written", lang, path=target))
    return 0
