"""Start the screens: `intervisie` (home) or `intervisie run …` (straight into a session).

Bad input for `run` is reported naming the option, with exit status 2 and no traceback,
before Textual is even imported.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from ..core.paths import cache_dir, config_dir, user_methods_dir
from ..core.plan import PlanError, SessionPlan
from ..i18n import default_language, t
from ..settings import SETTINGS_FILE, load_settings
from ..store.method_cache import cached_library

if TYPE_CHECKING:
    import argparse  # the parser's Namespace, or the plain reader's (cli/plain_argv.py)

USAGE_ERROR = 2
METHOD_CACHE = "methods.json"  # the validated method library (method_cache.py)


class LaunchError(Exception):
    """Bad command-line input; the message names the option and what to give instead."""


def parse_participants(text: str) -> list[str]:
    return [name.strip() for name in text.split(",") if name.strip()]


def build_plan(args: argparse.Namespace, library, lang: str) -> SessionPlan:
    """The plan `intervisie run` asks for, or LaunchError naming the option at fault."""
    group_link = None
    if getattr(args, "group", None):
        from .group_run import fill_from_group

        group_link = fill_from_group(args, library, lang)
    for option, value in (("--method", args.method), ("--participants", args.participants)):
        if not value:
            raise LaunchError(t("launch.missing", lang, option=option))
    try:
        method = library.get(args.method)
    except KeyError:
        known = ", ".join(sorted(library.methods)) or "-"
        raise LaunchError(t("launch.unknown_method", lang, method=args.method, known=known)) from None
    participants = parse_participants(args.participants)
    inbrenger = (args.inbrenger or "").strip() or None
    try:
        return SessionPlan.create(
            method,
            participants,
            inbrenger=inbrenger,
            facilitator=args.facilitator,
            case_title=args.case or "",
            budget_minutes=args.minutes,
            language=lang,  # type: ignore[arg-type]
            group=group_link,
        )
    except PlanError as error:
        option = {"budget": "--minutes", "inbrenger": "--inbrenger"}.get(error.problems[0].input, "--participants")
        raise LaunchError(t("launch.bad_plan", lang, option=option, problem=error.render(lang))) from None


def launch(args: argparse.Namespace) -> int:
    settings, _problem = load_settings(config_dir() / SETTINGS_FILE)  # the app reports the problem itself
    lang = args.lang or settings.language or default_language()
    library = cached_library(user_methods_dir(), cache_dir() / METHOD_CACHE)
    plan = None
    if getattr(args, "command", None) == "run":
        try:
            plan = build_plan(args, library, lang)
        except LaunchError as error:
            print(f"intervisie run: {error}", file=sys.stderr)
            return USAGE_ERROR

    from .terminal import refuse_without_terminal

    refused = refuse_without_terminal(lang)
    if refused is not None:
        return refused
    from ..ui.app import IntervisieApp  # Textual only now: errors above print fast

    data_dir = Path(args.data_dir).expanduser() if getattr(args, "data_dir", None) else None
    app = IntervisieApp(lang=args.lang, data_dir=data_dir, plan=plan, library=library)
    app.run()
    return app.return_code or 0
