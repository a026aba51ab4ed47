"""The command lines that must start fast, read without argparse: the screens (`intervisie`,
`intervisie run …`) and `intervisie notes list`.

Importing argparse and building its parsers costs a good part of a warm listing and about 6 ms
of a screen's first frame. These readers take only the plainest form of each command line:
every option spelt out in full, as `--option value` or `--option=value`, no value that looks
like an option, every value one the parser would take. Anything else (help, an abbreviation, a
value that looks like an option, a number that is none, a word too many) gives None, and the
parser reads or refuses it as ever. What they give is the parser's Namespace in all but name:
tests/cli/test_plain_argv.py holds the two side by side.
"""

from __future__ import annotations

from collections.abc import Sequence
from types import SimpleNamespace

from ..i18n import LANGUAGES

TYPE_CHECKING = False  # typing's, without importing typing (`intervisie notes list` does not)

if TYPE_CHECKING:
    import argparse

TOP_LEVEL = {"--lang": "lang", "--data-dir": "data_dir"}  # option -> the parser's dest
RUN = {
    "--method": "method",
    "--participants": "participants",
    "--group": "group",
    "--inbrenger": "inbrenger",
    "--facilitator": "facilitator",
    "--minutes": "minutes",
    "--case": "case",
    "--lang": "sub_lang",
}
RUN_DEFAULTS = {dest: None for dest in RUN.values() if dest != "sub_lang"} | {"case": ""}
NOTES_LIST = {"--lang": "sub_lang"}
NOTES_LIST_FLAGS = {"--json": "json"}


def plain_screen_args(argv: Sequence[str]) -> argparse.Namespace | None:
    """`[--lang L] [--data-dir DIR] [run [--method ID] [--participants NAMES] …]`, or None."""
    words = list(argv)
    values: dict[str, object] = {"lang": None, "data_dir": None, "command": None}
    if not _read_options(words, TOP_LEVEL, values):
        return None
    if words:
        if words.pop(0) != "run":
            return None
        values.update(RUN_DEFAULTS, command="run")
        if not _read_options(words, RUN, values):
            return None
    return _namespace(values) if not words else None


def plain_notes_list(argv: Sequence[str]) -> argparse.Namespace | None:
    """`[--lang L] [--data-dir DIR] notes list [--json] [--lang L]`, or None."""
    words = list(argv)
    values: dict[str, object] = {"lang": None, "data_dir": None, "json": False}
    if not _read_options(words, TOP_LEVEL, values) or words[:2] != ["notes", "list"]:
        return None
    del words[:2]
    if not _read_options(words, NOTES_LIST, values, NOTES_LIST_FLAGS) or words:
        return None
    from .notes import list_sessions

    return _namespace({**values, "command": "notes", "notes_command": "list", "handler": list_sessions})


def _namespace(values: dict[str, object]) -> argparse.Namespace:
    """The parser's Namespace in all but name (argparse is not imported for it): the handlers read attributes."""
    return SimpleNamespace(**values)  # type: ignore[return-value]


def _read_options(
    words: list[str], options: dict[str, str], values: dict[str, object], flags: dict[str, str] | None = None
) -> bool:
    """Take the options at the front of `words` into `values` (by dest), up to the first word
    that is none; False at one the parser would read otherwise or refuse."""
    while words and words[0].startswith("-"):
        option, equals, value = words.pop(0).partition("=")
        if flags and option in flags and not equals:
            values[flags[option]] = True
            continue
        if option not in options:
            return False
        if not equals:
            if not words:
                return False
            value = words.pop(0)
        if value.startswith("-"):
            return False
        dest = options[option]
        if dest in ("lang", "sub_lang") and value not in LANGUAGES:
            return False
        if dest == "minutes":
            try:
                values[dest] = int(value)  # as the parser's `type=int`
            except ValueError:
                return False
            continue
        values[dest] = value
    return True
