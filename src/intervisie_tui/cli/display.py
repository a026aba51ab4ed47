"""`intervisie display [SESSION]`: the room's screen in a terminal of its own (or a browser).

The terminal display is read-only: it follows the live session's journal. `--web` serves
the same command to a browser through the optional web extra (intervisie_tui.web).
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from .. import gc_pause
from ..core.paths import SETTINGS_FILE, config_dir, data_dir
from ..i18n import t

USAGE_ERROR = 2
SESSION_ID = re.compile(r"[A-Za-z0-9_-]{1,64}")  # a file name in live/, never a path


def register(commands: argparse._SubParsersAction) -> None:
    display = commands.add_parser(
        "display", help="the group's screen: follows the live session, read-only (put it on the projector)"
    )
    display.add_argument(
        "session", nargs="?", metavar="SESSION", help="follow this session id (default: whichever session the app runs)"
    )
    display.add_argument(
        "--data-dir",
        dest="data_dir",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help="where sessions are kept (also $INTERVISIE_DATA_DIR)",
    )
    display.add_argument("--web", action="store_true", help='serve it to a browser (needs "intervisie-tui[web]")')
    display.add_argument("--port", type=int, metavar="N", help="with --web: the port (default: a free one)")
    display.add_argument("--lan", action="store_true", help="with --web: reachable from the network, not only here")
    display.set_defaults(handler=run_display)


def display_argv(args: argparse.Namespace, lang: str) -> list[str]:
    """The read-only terminal display's own arguments (what each browser viewer runs)."""
    argv = ["display"]
    if args.session:
        argv.append(args.session)
    if getattr(args, "data_dir", None):
        argv += ["--data-dir", str(Path(args.data_dir).expanduser())]
    return [*argv, "--lang", lang]


def run_display(args: argparse.Namespace, lang: str) -> int:
    if args.web:
        gc_pause.resume()  # a server that runs for hours, not a frame in this process
        from ..web import serve_display  # imports no extra: it says itself when the [web] extra is missing

        return (
            serve_display(
                display_argv(args, lang), "0.0.0.0" if args.lan else "127.0.0.1", args.port, args.lan, lang=lang
            )
            or 0
        )
    folder = data_dir(getattr(args, "data_dir", None))
    if (args.session and not SESSION_ID.fullmatch(args.session)) or (
        args.session and not any((folder / "live" / where / f"{args.session}.jsonl").exists() for where in ("", "done"))
    ):
        print(t("display.no_session", lang, session=args.session, folder=folder), file=sys.stderr)
        return USAGE_ERROR
    from .terminal import refuse_without_terminal

    refused = refuse_without_terminal(lang)
    if refused is not None:
        return refused
    from ..settings import load_settings
    from ..ui.display import DisplayApp  # Textual only now

    settings, _problem = load_settings(config_dir() / SETTINGS_FILE)
    app = DisplayApp(folder, session=args.session, lang=lang, theme=settings.theme)
    app.run()
    return app.return_code or 0


run_display.opens_screen = True  # type: ignore[attr-defined]  # main() leaves its streams alone
