"""Register profiles: what a professional register asks of intervisie, and where a member stands.

Profiles are TOML data files, like methods: the shipped ones in the package's `registers/`
folder, the user's own (or corrected) ones in the config folder's `registers/`, which replace
a shipped one with the same id. Each names its source and the date it was checked. The
standing helps with registration; it is no guarantee: the register decides.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import field
from datetime import date
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .message import Message
from .paths import ID_PATTERN, builtin_registers_dir
from .records import record

HOUR = 3600.0
ROUNDING_SECONDS = 30  # a meeting of "2:00" may be a few seconds short on the clock; it still counts as 2:00


class Register(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=ID_PATTERN)
    name: dict[str, str]
    source: str = Field(min_length=1)
    checked: date
    period_months: int | None = Field(default=None, ge=1, le=240)
    required_hours: float | None = Field(default=None, gt=0)
    min_meetings: int | None = Field(default=None, ge=1)
    min_meeting_hours: float | None = Field(default=None, gt=0)  # a shorter meeting does not count
    min_group_size: int | None = Field(default=None, ge=2)
    points_per_hour: float | None = Field(default=None, gt=0)
    evidence: dict[str, str] = Field(default_factory=dict)

    def label(self, lang: str) -> str:
        return self.name.get(lang) or self.name.get("nl") or self.id

    def evidence_text(self, lang: str) -> str:
        return self.evidence.get(lang) or self.evidence.get("nl") or ""


@record
class RegisterBook:
    """The register profiles found, and the files that could not be read."""

    registers: dict[str, Register] = field(default_factory=dict)
    problems: list[tuple[Path, str]] = field(default_factory=list)


def load_registers(user_dir: Path | None) -> RegisterBook:
    """Every readable profile; a bad file is listed with its reason and never hides the others."""
    book = RegisterBook()
    for folder in (builtin_registers_dir(), user_dir):
        if folder is None or not folder.is_dir():
            continue
        for path in sorted(folder.glob("*.toml")):
            try:
                register = Register.model_validate(tomllib.loads(path.read_text(encoding="utf-8")))
            except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
                book.problems.append((path, str(error)))
                continue
            except ValidationError as error:
                first = error.errors(include_url=False)[0]
                where = ".".join(str(part) for part in first["loc"]) or "-"
                book.problems.append((path, f"{where}: {first['msg']}"))
                continue
            book.registers[register.id] = register
    return book


@record(frozen=True)
class Attended:
    """One meeting as a register sees it for one member."""

    on: date
    seconds: float
    group_size: int


@record(frozen=True)
class Standing:
    """A member's hours for one register over a period."""

    register: Register
    since: date | None
    until: date
    hours: float
    meetings: int
    points: float | None
    shortfalls: tuple[Message, ...]


def months_before(day: date, months: int) -> date:
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    month += 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return date(year, month, min(day.day, candidate))
        except ValueError:
            continue
    return date(year, month, 28)


def standing(register: Register, attended: Sequence[Attended], until: date) -> Standing:
    """Hours and meetings that count in the register's period up to `until`, and what is short."""
    since = months_before(until, register.period_months) if register.period_months else None
    counted = [
        meeting
        for meeting in attended
        if meeting.on <= until
        and (since is None or meeting.on > since)
        and (
            register.min_meeting_hours is None
            or meeting.seconds >= register.min_meeting_hours * HOUR - ROUNDING_SECONDS
        )
        and (register.min_group_size is None or meeting.group_size >= register.min_group_size)
    ]
    hours = sum(meeting.seconds for meeting in counted) / HOUR
    shortfalls: list[Message] = []
    values = {"register": register.id.upper(), "months": register.period_months or 0}
    if register.required_hours is not None and hours < register.required_hours:
        shortfalls.append(
            Message(
                "register.short.hours", {**values, "hours": f"{hours:.1f}", "required": f"{register.required_hours:g}"}
            )
        )
    if register.min_meetings is not None and len(counted) < register.min_meetings:
        shortfalls.append(
            Message("register.short.meetings", {**values, "count": len(counted), "required": register.min_meetings})
        )
    points = hours * register.points_per_hour if register.points_per_hour else None
    return Standing(register, since, until, hours, len(counted), points, tuple(shortfalls))


def registers_named(book: RegisterBook, ids: Iterable[str]) -> list[Register]:
    return [book.registers[register_id] for register_id in ids if register_id in book.registers]
