"""The catalogues hold exactly the keys the code uses: none missing, none left over.

A key is used where the code names it in a string (`t("run.step", …)`, `Message("groups.rule.range")`, a binding's
description, a key action's label, a table of codes). Keys the code builds at run time (`f"review.sort.{order}"`)
cannot be seen in a string; they are allowed by the prefix they are built from, below, each with where it is built.
A new f-string or `+` that starts with a catalogue's prefix fails here until its prefix is listed.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

from intervisie_tui.core.method import NoteKind
from intervisie_tui.i18n import catalog

SRC = Path(__file__).resolve().parents[1] / "src" / "intervisie_tui"

# Every key under one of these prefixes counts as used: the code puts the rest together.
BUILT_FROM_PREFIX = {
    "cli.methods.column.": "cli/methods.py: the columns of `methods list`",
    "cli.origin.": "cli/methods.py and the methods screen: where a method comes from (built-in, user, plugin)",
    "files.kind.": "core/files.py: what kind of file was refused",
    "files.refused.": "core/files.py: why a file was refused",
    "groups.field.": "the group form: one label per field",
    "groups.problem.": "store/groups.py: f'{area}.problem.{code}', a group file's problems (GROUP_CODES)",
    "groups.report.format.": "the report dialog: one choice per format",
    "guard.what.": "the mirror guard: what would be shown to the room",
    "methoderr.": "core/method_errors.py: 'methoderr.' + the problem's code",
    "notes.cli.column.": "cli/notes.py: the columns of `notes list`",
    "notes.cli.path.": "cli/notes.py: `notes path`, one line per folder",
    "oserror.": "i18n/os_errors.py: one reason per errno",
    "report.attendance.": "reports and the check-in screen: one word per attendance",
    "report.csv.": "reports/text.py: the CSV's column names",
    "report.role.": "reports/text.py: the roles of a meeting",
    "review.list.": "the review screen: its table's columns",
    "review.sort.": "the review screen: the sort orders",
    "room.sign.": "the room's widgets: the sign of each clock state",
    "run.state.": "the room's widgets: each clock state in words",
    "series.field.": "the series evaluation: its fields",
    "series.prompt.": "the series evaluation: the question of each field",
    "settings.problem.": "settings.py: what is wrong in the settings file",
    "speakers.": "core/method_outline.py: who speaks, per phase",
    "store.expected.": "store/listing.py: what a field of a session file should have been",
    "store.journal.unreadable.": "the store and the display: why a journal cannot be read",
    "store.problem.": "store/listing.py and store/groups.py: a session file's problems",
    "theme.": "ui/app.py: each theme's name",
}
# Prefixes that also hold keys named in full: only the built keys are named here, exactly.
BUILT_EXACTLY = {
    "notes.": {
        f"notes.{kind.value}" for kind in NoteKind
    },  # core/method_outline.py: the kinds of note a phase asks for
}
# The calls whose first argument is a key, and Textual's Binding, whose description is one when it looks like one
# (ui/screens relabel_bindings: a dot and no space).
KEY_CALLS = {"t", "Message", "translate", "_translate", "Refusal", "PlanProblem"}
KEY_SHAPE = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$")


def _sources() -> Iterator[tuple[Path, ast.Module]]:
    for path in sorted(SRC.rglob("*.py")):
        yield path, ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def _catalogue_entries(tree: ast.Module) -> set[int]:
    """The key strings of a `MESSAGES = {...}` catalogue: defining a key does not use it."""
    found: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign | ast.AnnAssign) and isinstance(node.value, ast.Dict):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if any(isinstance(target, ast.Name) and target.id == "MESSAGES" for target in targets):
                found |= {id(key) for key in node.value.keys if key is not None}
    return found


def _leading_text(node: ast.AST) -> tuple[str, set[int]] | None:
    """The text an f-string or a `+` starts with (where a key is built at run time), and its string nodes."""
    if isinstance(node, ast.JoinedStr) and node.values:
        first = node.values[0]
        if isinstance(first, ast.Constant) and isinstance(first.value, str):
            return first.value, {id(value) for value in node.values}
    is_sum = isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add)
    if is_sum and isinstance(node.left, ast.Constant) and isinstance(node.left.value, str):
        return node.left.value, {id(node.left)}
    return None


def _call_name(call: ast.Call) -> str:
    func = call.func
    return func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""


class _Usage:
    def __init__(self) -> None:
        self.strings: set[str] = set()  # every plain string in the code
        self.named: dict[str, list[str]] = {}  # key -> where a key position names it
        self.built: dict[str, list[str]] = {}  # leading text of a key built at run time -> where


def _usage() -> _Usage:
    namespaces = {key.split(".")[0] for key in catalog()}
    usage = _Usage()
    for path, tree in _sources():
        where = str(path.relative_to(SRC))
        skipped = _catalogue_entries(tree)
        for node in ast.walk(tree):
            built = _leading_text(node)
            if built is not None:
                text, parts = built
                skipped |= parts
                if "." in text and text.split(".")[0] in namespaces and " " not in text:
                    usage.built.setdefault(text, []).append(f"{where}:{node.lineno}")
            if isinstance(node, ast.Call):
                name = _call_name(node)
                if name in KEY_CALLS and node.args:
                    named = [node.args[0]]
                elif name == "Binding":
                    named = node.args[2:3] + [kw.value for kw in node.keywords if kw.arg == "description"]
                else:
                    named = []
                for argument in named:
                    if not (isinstance(argument, ast.Constant) and isinstance(argument.value, str)):
                        continue
                    if name != "Binding" or KEY_SHAPE.match(argument.value):
                        usage.named.setdefault(argument.value, []).append(f"{where}:{node.lineno}")
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skipped:
                usage.strings.add(node.value)
    return usage


USAGE = _usage()


def _allowed_as_built(text: str) -> bool:
    return any(text.startswith(prefix) for prefix in BUILT_FROM_PREFIX) or text in BUILT_EXACTLY


def test_every_key_the_code_names_is_in_the_catalogue():
    keys = catalog()
    missing = {key: where for key, where in USAGE.named.items() if key not in keys}
    assert not missing, f"keys used in the code but not in any catalogue (both languages): {missing}"


def test_every_key_built_at_run_time_has_its_prefix_listed():
    unlisted = {text: where for text, where in USAGE.built.items() if not _allowed_as_built(text)}
    assert not unlisted, f"keys built from these prefixes; list them in BUILT_FROM_PREFIX or BUILT_EXACTLY: {unlisted}"


def test_every_listed_prefix_is_still_built_and_holds_keys():
    keys = catalog()
    for prefix in BUILT_FROM_PREFIX:
        assert any(key.startswith(prefix) for key in keys), f"no key starts with {prefix!r} any more"
    for prefix, built in BUILT_EXACTLY.items():
        assert built <= set(keys), f"missing built keys: {sorted(built - set(keys))}"
        assert any(text.startswith(prefix) for text in USAGE.built), f"{prefix!r} is no longer built"


def test_every_catalogue_key_is_used():
    built = set().union(*BUILT_EXACTLY.values())
    unused = sorted(
        key
        for key in catalog()
        if key not in USAGE.strings
        and key not in built
        and not any(key.startswith(prefix) for prefix in BUILT_FROM_PREFIX)
    )
    assert not unused, f"catalogue keys no code uses (remove them, or list how they are built): {unused}"
