"""The screens need a terminal: without one (`intervisie < /dev/null | cat`, a cron job) say so and stop,
instead of a screen that draws into a pipe and waits forever for keys that never come."""

from __future__ import annotations

import os
import sys

from ..i18n import t

USAGE_ERROR = 2


def terminal_problem(lang: str) -> str | None:
    """Why the screens cannot start here, or None when stdin and stdout are a terminal."""
    if os.environ.get("TEXTUAL_DRIVER"):  # run by textual-serve (`display --web`): its driver needs no terminal
        return None
    missing = [name for name, stream in (("stdin", sys.stdin), ("stdout", sys.stdout)) if not _is_terminal(stream)]
    if not missing:
        return None
    return t("cli.no_terminal", lang, streams=", ".join(missing))


def _is_terminal(stream) -> bool:
    try:
        return stream is not None and stream.isatty()
    except (AttributeError, ValueError, OSError):
        return False


def refuse_without_terminal(lang: str) -> int | None:
    """USAGE_ERROR (after telling why on stderr) when there is no terminal; None to go on."""
    problem = terminal_problem(lang)
    if problem is None:
        return None
    print(problem, file=sys.stderr)
    return USAGE_ERROR
