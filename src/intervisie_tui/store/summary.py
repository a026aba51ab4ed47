"""What the review list shows of one session, and how minutes are printed.

Light on purpose (no pydantic, no document model): `intervisie notes list` builds these from
the SQLite cache and never imports the session model on a warm start.
"""

from __future__ import annotations

import math
from dataclasses import fields
from datetime import datetime
from pathlib import Path
from typing import Any

from ..core.records import record
from ..core.times import as_aware
from .folding import fold


def minutes_label(seconds: float) -> str:
    """Whole minutes, rounded half up (30 s is 1 min, not Python's round-half-even 0);
    '<1' for a few seconds so nobody reads it as nothing."""
    if 0 < seconds < 30:
        return "<1"
    return str(math.floor(seconds / 60 + 0.5))


@record(frozen=True)
class SessionSummary:
    """What the review list shows of one session."""

    id: str
    path: Path
    started_at: datetime | None
    saved_at: datetime
    method_id: str
    method_name: dict[str, str]
    participants: tuple[str, ...]
    inbrenger: str | None
    case_title: str
    running_seconds: float
    overtime_seconds: float
    has_reflection: bool

    @classmethod
    def trusted(cls, *values: Any) -> SessionSummary:
        """One from values already checked, in field order, without the frozen dataclass's
        per-field `__init__` (a fifth of a warm listing of 10,000 sessions)."""
        summary = object.__new__(cls)
        summary.__dict__.update(zip(_FIELD_NAMES, values, strict=True))
        return summary

    @property
    def when(self) -> datetime:
        return self.started_at or self.saved_at

    def listed_text(self) -> str:
        """What the list itself shows, folded: searched where no full text is cached (the trash)."""
        names = [self.case_title, self.method_id, *self.method_name.values(), *self.participants]
        return fold(" ".join(names))

    def method_label(self, lang: str) -> str:
        return self.method_name.get(lang) or self.method_name.get("nl") or self.method_id

    def to_cache(self) -> dict[str, Any]:
        # A shallow copy: dataclasses.asdict deep-copies, which doubled a cold index build.
        data = {item.name: getattr(self, item.name) for item in fields(self)}
        data["method_name"] = dict(self.method_name)
        data["participants"] = list(self.participants)
        data["path"] = str(self.path)
        data["started_at"] = self.started_at.isoformat() if self.started_at else None
        data["saved_at"] = self.saved_at.isoformat()
        return data

    @classmethod
    def from_cache(cls, data: dict[str, Any], path: Path) -> SessionSummary:
        started = data["started_at"]
        return cls(
            id=str(data["id"]),
            path=path,
            started_at=as_aware(datetime.fromisoformat(started)) if started else None,
            saved_at=as_aware(datetime.fromisoformat(data["saved_at"])),
            method_id=str(data["method_id"]),
            method_name={str(lang): str(name) for lang, name in dict(data["method_name"]).items()},
            participants=tuple(str(name) for name in data["participants"]),
            inbrenger=None if data["inbrenger"] is None else str(data["inbrenger"]),
            case_title=str(data["case_title"]),
            running_seconds=float(data["running_seconds"]),
            overtime_seconds=float(data["overtime_seconds"]),
            has_reflection=bool(data["has_reflection"]),
        )


_FIELD_NAMES = tuple(item.name for item in fields(SessionSummary))
