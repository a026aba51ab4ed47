"""What the set-up remembers of the last session (the group, the facilitator, the method and
its minutes): personal data, so it lives in the data folder (`remembered.json`, 0600) beside
the sessions; a USB stick as the data folder takes it along, and the config folder keeps
preferences only.

Versions before this kept these in settings.json; `move_out_of_settings` moves them here
once, and leaves every other key of settings.json as it was.
"""

from __future__ import annotations

import json
from dataclasses import field
from pathlib import Path
from typing import Annotated, Any

from ..core.field_rules import Rules
from ..core.plain import NotPlain
from ..core.records import record
from .atomic import atomic_write_text, ensure_private_dir
from .plain_record import kept_unknown, record_data, record_from

REMEMBERED_FILE = "remembered.json"
PERSONAL_KEYS = ("last_group", "last_facilitator", "last_method", "last_minutes")
MAX_BYTES = 1_000_000


@record
class Remembered:
    """What the set-up offers again next time (the last session's group, facilitator, method, minutes)."""

    last_group: Annotated[list[str], Rules("Participants of the last session.")] = field(default_factory=list)
    last_facilitator: Annotated[str, Rules("Facilitator of the last session.")] | None = None
    last_method: Annotated[str, Rules("Method id of the last session.")] | None = None
    last_minutes: Annotated[int, Rules("Time budget of the last session.", ge=1)] | None = None
    unknown: dict[str, Any] = kept_unknown()

    def is_empty(self) -> bool:
        return not (self.last_group or self.last_facilitator or self.last_method or self.last_minutes)


def remembered_path(data_root: Path) -> Path:
    return data_root / REMEMBERED_FILE


def _read_object(path: Path) -> dict[str, Any] | None:
    """The JSON object in `path`; None when missing, unreadable or not an object (left alone)."""
    try:
        if not path.is_file() or path.stat().st_size > MAX_BYTES:
            return None
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):
        return None
    return data if isinstance(data, dict) else None


def load_remembered(data_root: Path) -> Remembered:
    """What is remembered; empty when nothing is (or the file cannot be read: it is a convenience)."""
    data = _read_object(remembered_path(data_root))
    if data is None:
        return Remembered()
    try:
        return record_from(Remembered, data)
    except NotPlain:
        return Remembered()


def save_remembered(remembered: Remembered, data_root: Path) -> None:
    """Write atomically and privately. OSError when the data folder refuses."""
    ensure_private_dir(data_root)
    atomic_write_text(
        remembered_path(data_root), json.dumps(record_data(remembered), ensure_ascii=False, indent=2) + "\n"
    )


def forget(data_root: Path) -> None:
    """Remove the remembered set-up (its session was deleted for good)."""
    remembered_path(data_root).unlink(missing_ok=True)


def move_out_of_settings(settings_path: Path, data_root: Path) -> bool:
    """Move the remembered set-up out of an older settings.json into the data folder. The
    settings file is rewritten only after the data is safely written, and without the moved
    keys only: preferences and unknown keys stay as they were. A file that cannot be read is
    left alone (the app reports it). True when something was moved."""
    raw = _read_object(settings_path)
    if raw is None or not any(key in raw for key in PERSONAL_KEYS):
        return False
    moved = {key: raw[key] for key in PERSONAL_KEYS if key in raw}
    current = load_remembered(data_root)
    if current.is_empty():
        try:
            incoming = record_from(Remembered, {key: value for key, value in moved.items() if value is not None})
        except NotPlain:
            incoming = Remembered()
        if not incoming.is_empty():
            save_remembered(incoming, data_root)  # OSError: nothing moved, settings.json untouched
    # (If the data folder remembers a set-up already, it is the newer one: the old is dropped.)
    kept = {key: value for key, value in raw.items() if key not in PERSONAL_KEYS}
    atomic_write_text(settings_path, json.dumps(kept, ensure_ascii=False, indent=2) + "\n")
    return True
