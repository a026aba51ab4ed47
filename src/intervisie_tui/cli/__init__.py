"""The `intervisie` command. Subcommands without a screen never import Textual."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from importlib import import_module

from .. import __version__, gc_pause
from ..core.paths import SETTINGS_FILE, config_dir, data_dir
from ..i18n import LANGUAGES, default_language, t
from .plain_argv import plain_notes_list, plain_screen_args

TYPE_CHECKING = False  # typing's, without importing typing (`intervisie notes list` does not)

if TYPE_CHECKING:
    import argparse

TOP_LEVEL_VALUES = ("--lang", "--data-dir")  # the top-level options that take a value
COMMANDS = ("methods", "notes", "groups", "display")  # besides `run`; each module registers its own, in this order


def build_parser(*, commands_too: bool = True, only: str | None = None) -> argparse.ArgumentParser:
    """The whole command line; without `commands_too` only the screens' part (home and `run`),
    which is all a start of the app needs (the other commands' modules are not imported); with
    `only` (one of COMMANDS) just that command besides: `notes list` builds no parser of `groups`."""
    import argparse

    parser = argparse.ArgumentParser(
        prog="intervisie",
        description="Run intervisie (peer consultation) sessions on the shared screen.",
    )
    parser.add_argument("--version", action="version", version=f"intervisie-tui {__version__}")
    parser.add_argument("--lang", choices=("nl", "en"), help="language of the screens and output")
    parser.add_argument("--data-dir", metavar="DIR", help="where sessions are kept (also $INTERVISIE_DATA_DIR)")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    run = commands.add_parser("run", help="start a session straight away, without the set-up screen")
    run.add_argument("--method", metavar="ID", help="method id, see `intervisie methods list` (needed without --group)")
    run.add_argument(
        "--participants", metavar="NAMES", help='comma-separated, e.g. "Anna,Bram,Cem" (needed without --group)'
    )
    run.add_argument("--group", metavar="NAME", help="a meeting of this group: members, roles and method suggested")
    run.add_argument("--inbrenger", metavar="NAME", help="one of the participants (or choose during the session)")
    run.add_argument("--facilitator", metavar="NAME", help="the facilitator, if the group has one")
    run.add_argument("--minutes", type=int, metavar="N", help="time budget; the phases are scaled to fit")
    run.add_argument("--case", metavar="TITLE", default="", help="a short case title (optional)")

    if commands_too:
        for name in COMMANDS if only is None else (only,):
            import_module(f"{__name__}.{name}").register(commands)
    _accept_lang_everywhere(parser)
    return parser


def _accept_lang_everywhere(parser: argparse.ArgumentParser) -> None:
    """`--lang` may also follow any subcommand (`intervisie methods list --lang en`)."""
    import argparse

    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for subparser in action.choices.values():
                subparser.add_argument(
                    "--lang", dest="sub_lang", choices=LANGUAGES, default=argparse.SUPPRESS, help="language"
                )
                _accept_lang_everywhere(subparser)


def _saved_language() -> str | None:
    """The language chosen in the app, read without the settings model (commands start fast)."""
    from ..core.files import FileRefused, parse_json, read_limited

    try:
        language = parse_json(read_limited(config_dir() / SETTINGS_FILE, "settings")).get("language")
    except (OSError, ValueError, AttributeError, FileRefused):
        return None
    return language if language in LANGUAGES else None


def _data_dir_problem(args: argparse.Namespace) -> tuple[str, object] | None:
    """A data "folder" that is a file (or a pipe, …) is told before anything else, never taken for an empty one."""
    root = data_dir(getattr(args, "data_dir", None))
    try:
        if root.exists() and not root.is_dir():
            return "cli.data_dir.not_folder", root
    except OSError:
        return None  # told by whatever reads it, with the reason
    return None


def opens_a_screen(argv: Sequence[str]) -> bool:
    """Whether `argv` asks for the home screen or `run` (and no help): then the short parser
    parses it exactly as the whole one would."""
    if any(arg in ("-h", "--help", "--version") for arg in argv):
        return False
    rest = list(argv)
    while rest and rest[0].startswith("-"):
        option = rest.pop(0)
        if option in TOP_LEVEL_VALUES and rest:
            rest.pop(0)
    return not rest or rest[0] == "run"


def named_command(argv: Sequence[str]) -> str | None:
    """The one of COMMANDS `argv` asks for, unless an option before it asks for the whole command
    line's help or version: then (and for a word that is no command) the whole parser is needed."""
    rest = list(argv)
    while rest and rest[0].startswith("-"):
        option = rest.pop(0)
        if option in ("-h", "--help", "--version"):
            return None
        if option in TOP_LEVEL_VALUES and rest:
            rest.pop(0)
    return rest[0] if rest and rest[0] in COMMANDS else None


def main(argv: Sequence[str] | None = None) -> int:
    arguments = sys.argv[1:] if argv is None else list(argv)
    args = plain_screen_args(arguments) or plain_notes_list(arguments)
    if args is None:
        parser = build_parser(commands_too=not opens_a_screen(arguments), only=named_command(arguments))
        args = parser.parse_args(arguments)
    # `--lang` may come before or after the subcommand; the saved setting comes next.
    args.lang = getattr(args, "sub_lang", None) or args.lang
    problem = _data_dir_problem(args)
    if problem is not None:
        print(t(problem[0], args.lang or _saved_language() or default_language(), path=problem[1]), file=sys.stderr)
        return 2
    if args.command is None or args.command == "run":
        gc_pause.pause()  # until the first frame (gc_pause.py); before the imports, which are most of it
        try:
            from .launch import launch

            return launch(args)
        finally:
            gc_pause.resume(freeze=False)  # a start that ended before any frame: bad input, no terminal
    lang = args.lang or _saved_language() or default_language()
    if getattr(args.handler, "opens_screen", False):
        gc_pause.pause()  # until the first frame (gc_pause.py)
        try:
            return args.handler(args, lang)
        finally:
            gc_pause.resume(freeze=False)  # as above
    # What a command prints comes partly from files (names, titles, notes): shown, never obeyed by the terminal.
    from ..core.visible import VisibleStream

    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = VisibleStream(sys.stdout), VisibleStream(sys.stderr)
    try:
        return args.handler(args, lang)
    except BrokenPipeError:  # `intervisie ... | head`
        sys.stderr.close()
        return 0
    finally:
        sys.stdout, sys.stderr = saved
