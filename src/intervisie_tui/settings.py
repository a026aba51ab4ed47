"""The facilitator's settings, kept as JSON in the config folder. No Textual import.

A settings file that cannot be read is reported and left alone: the app runs on
defaults in memory and never overwrites the file the user may want to repair.

Preferences only: nothing personal. What the set-up remembers of the last session (the
group's names) lives in the data folder (store/remembered.py). Keys this version does not
know (written by a newer one) are kept through every save.
"""

from __future__ import annotations

import json
from dataclasses import field
from pathlib import Path
from typing import Annotated, Any, Literal

from .core.field_rules import Rules
from .core.files import MAX_NESTING, FileRefused, HugeNumber, TooDeep, parse_json, read_text_limited
from .core.message import Message
from .core.paths import SETTINGS_FILE
from .core.plain import NotPlain
from .core.records import record
from .store.atomic import atomic_write_text, ensure_private_dir
from .store.plain_record import kept_unknown, record_data, record_from

__all__ = ["SETTINGS_FILE", "Settings", "load_settings", "save_settings"]
THEMES: tuple[str, ...] = ("intervisie-dark", "intervisie-high-contrast", "intervisie-light")
DEFAULT_THEME = THEMES[0]


@record
class Settings:
    """The facilitator's preferences. Unknown keys are kept, unused, and written back as they were."""

    language: (
        Annotated[
            Literal["nl", "en"], Rules("Language of the screens; null means the system's language (Dutch by default).")
        ]
        | None
    ) = None
    theme: Annotated[
        str,
        Rules(
            "Colour theme: intervisie-dark, intervisie-high-contrast or intervisie-light "
            "(any other registered Textual theme name works too)."
        ),
    ] = DEFAULT_THEME
    bell: Annotated[bool, Rules("Ring the terminal bell once when a phase's time is up.")] = True
    auto_advance: Annotated[bool, Rules("Move on to the next phase by itself when the time is up.")] = False
    extend_takes_from_later: Annotated[
        bool,
        Rules(
            "A minute more for a phase is taken from the later phases (never below their minimums), "
            "so the session still ends on time."
        ),
    ] = True
    keys: Annotated[
        dict[str, str],
        Rules(
            'Own keys per action id, comma-separated, e.g. {"next-phase": "right,n,j"}. '
            "See the help screen (? or F1) for the action ids."
        ),
    ] = field(default_factory=dict)
    retention_months: (
        Annotated[
            int,
            Rules(
                "Offer, at start, to delete sessions older than this many months for good "
                "(null: never offer). Nothing is deleted without asking.",
                ge=1,
                le=1200,
            ),
        ]
        | None
    ) = None
    unknown: dict[str, Any] = kept_unknown()


def load_settings(path: Path) -> tuple[Settings, Message | None]:
    """Settings from `path`; defaults (and a message naming the file and the problem) when unreadable.

    A missing file is not a problem: it simply means defaults.
    """
    try:
        text = read_text_limited(path, "settings")
    except FileNotFoundError:
        return Settings(), None
    except FileRefused as refused:
        return Settings(), Message("settings.problem.refused", {"path": path, "reason": refused.message})
    except UnicodeDecodeError as error:
        return Settings(), Message("settings.problem.unreadable", {"path": path, "reason": str(error)})
    try:
        data = parse_json(text)
    except json.JSONDecodeError as error:
        return Settings(), Message("settings.problem.json", {"path": path, "line": error.lineno, "reason": error.msg})
    except (TooDeep, HugeNumber) as error:
        code = "too_deep" if isinstance(error, TooDeep) else "huge_number"
        return Settings(), Message(f"settings.problem.{code}", {"path": path, "depth": MAX_NESTING})
    if not isinstance(data, dict):
        return Settings(), Message("settings.problem.not_object", {"path": path})
    try:
        return record_from(Settings, data), None
    except NotPlain as bad:
        return Settings(), Message(
            "settings.problem.field", {"path": path, "field": bad.where, "given": _shown(bad.given)}
        )


def _shown(value: object, limit: int = 60) -> str:
    """A short repr of a bad value, for the message (a megabyte of it helps nobody)."""
    try:
        text = repr(value)
    except (RecursionError, ValueError):
        text = type(value).__name__
    return text if len(text) <= limit else text[: limit - 1] + "…"


def save_settings(settings: Settings, path: Path) -> None:
    """Write atomically, private (0600 in a 0700 folder)."""
    ensure_private_dir(path.parent)
    atomic_write_text(path, json.dumps(record_data(settings), ensure_ascii=False, indent=2) + "\n")
