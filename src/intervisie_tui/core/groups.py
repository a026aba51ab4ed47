"""Groups and their series of meetings: who is in it, what was agreed, what was held.

A meeting record keeps only what the series and a register need: dates, times, method,
roles, attendance and net times, by member id (so a renamed member keeps their history).
It keeps no notes, case text, advice or evaluations of the session: those stay in the
session document, which the record may name (`session_id`) but never needs.
"""

from __future__ import annotations

import secrets
from collections.abc import Collection, Iterable, Mapping, Sequence
from datetime import date, datetime, timedelta
from enum import Enum
from typing import cast

from pydantic import BaseModel, ConfigDict, Field, field_validator

from .events import Event
from .hours import net_time
from .message import Message

MAX_NAME = 120


def new_id() -> str:
    return secrets.token_hex(5)


def visible(text: str, keep: str = "") -> str:
    """Control characters as visible symbols (ESC as ␛): a name from a file or the command line
    is shown literally and can never move a terminal's cursor or colour it."""
    out = []
    for char in text:
        code = ord(char)
        if char in keep or not (code < 0x20 or 0x7F <= code < 0xA0):
            out.append(char)
        elif code < 0x20:
            out.append(chr(0x2400 + code))
        elif code == 0x7F:
            out.append("\u2421")
        else:
            out.append(f"\\x{code:02x}")
    return "".join(out)


class Attendance(str, Enum):
    PRESENT = "present"
    EXCUSED = "excused"  # absent with notice
    ABSENT = "absent"


class Member(BaseModel):
    model_config = ConfigDict(validate_assignment=True)

    id: str = Field(default_factory=new_id)
    name: str = Field(min_length=1, max_length=MAX_NAME)
    joined: date | None = None
    left: date | None = None  # still listed: their meetings stay in the record
    former_names: list[str] = Field(default_factory=list)

    _visible_name = field_validator("name")(lambda cls, value: visible(value))

    @property
    def active(self) -> bool:
        return self.left is None


class MeetingRecord(BaseModel):
    """One meeting held. Roles and attendance by member id."""

    id: str = Field(default_factory=new_id)
    session_id: str | None = None  # the session document, if this laptop has it (or had it)
    date: date
    started_at: datetime | None = None
    ended_at: datetime | None = None
    method_id: str = ""
    inbrenger: str | None = None
    facilitator: str | None = None  # a member id, or None (an outside facilitator, or nobody)
    attendance: dict[str, Attendance] = Field(default_factory=dict)
    net_seconds: float = 0.0
    member_seconds: dict[str, float] = Field(default_factory=dict)
    theme: str = ""  # a theme title the facilitator marked as shareable; empty otherwise

    _visible_theme = field_validator("theme")(lambda cls, value: visible(value))
    action_points: str = ""  # carried only when exported with notes, for the next facilitator


class SeriesEvaluation(BaseModel):
    """The closing evaluation of the series (never in a report)."""

    goals_and_results: str = ""
    helped: str = ""
    hindered: str = ""
    safety: str = ""
    methods: str = ""


class Group(BaseModel):
    model_config = ConfigDict(validate_assignment=True)

    id: str = Field(default_factory=new_id)
    name: str = Field(min_length=1, max_length=MAX_NAME)
    fixed: bool = True  # a fixed group, or an open one whose members vary
    facilitator: str | None = None  # a standing facilitator (a name); None: the role rotates
    every_weeks: int | None = Field(default=None, ge=1, le=52)
    planned_meetings: int | None = Field(default=None, ge=1, le=100)
    registers: list[str] = Field(default_factory=list)
    registration_number: str = ""
    agreements: str = ""  # ground rules and learning goals, agreed in the first meeting
    show_agreements: bool = True  # at the opening of every meeting
    members: list[Member] = Field(default_factory=list)
    meetings: list[MeetingRecord] = Field(default_factory=list)
    evaluation: SeriesEvaluation | None = None

    @field_validator("name", "registration_number", "facilitator")
    @classmethod
    def _visible_line(cls, value: str | None) -> str | None:
        return None if value is None else visible(value)

    @field_validator("agreements")
    @classmethod
    def _visible_text(cls, value: str) -> str:
        return visible(value, keep="\n\t")

    # -- members -----------------------------------------------------------------------------------

    @property
    def active_members(self) -> list[Member]:
        return [member for member in self.members if member.active]

    def member(self, reference: str) -> Member | None:
        """A member by id, or by current name (ignoring case)."""
        for member in self.members:
            if member.id == reference:
                return member
        wanted = visible(reference.strip()).casefold()
        for member in sorted(self.members, key=lambda m: not m.active):
            if member.name.casefold() == wanted:
                return member
        return None

    def name_of(self, member_id: str | None) -> str:
        member = self.member(member_id) if member_id else None
        return member.name if member else (member_id or "")

    def add_member(self, name: str, on: date) -> Member:
        name = visible(name.strip())
        existing = self.member(name)
        if existing is not None and existing.active:
            raise ValueError(name)
        if existing is not None:  # came back
            existing.left = None
            return existing
        member = Member(name=name, joined=on)
        self.members.append(member)
        return member

    def remove_member(self, reference: str, on: date) -> Member:
        member = self.member(reference)
        if member is None or not member.active:
            raise KeyError(reference)
        member.left = on
        return member

    def rename_member(self, reference: str, name: str) -> Member:
        member = self.member(reference)
        if member is None:
            raise KeyError(reference)
        other = self.member(name)
        if other is not None and other is not member:
            raise ValueError(name)
        if member.name != visible(name.strip()):
            member.former_names.append(member.name)
            member.name = name.strip()
        return member

    # -- the series --------------------------------------------------------------------------------

    def held(self) -> list[MeetingRecord]:
        return sorted(
            self.meetings,
            key=lambda meeting: (meeting.date, meeting.started_at.timestamp() if meeting.started_at else 0.0),
        )

    def next_date(self, today: date) -> date | None:
        """The next meeting by the cadence: N weeks after the last one, never in the past."""
        if self.every_weeks is None:
            return None
        held = self.held()
        if not held:
            return today
        proposed = held[-1].date + timedelta(weeks=self.every_weeks)
        while proposed < today:
            proposed += timedelta(weeks=self.every_weeks)
        return proposed

    def planned_dates(self, today: date) -> list[date]:
        """The meetings still to come, by the cadence and the planned number."""
        first = self.next_date(today)
        if first is None or self.planned_meetings is None:
            return [first] if first else []
        left = max(0, self.planned_meetings - len(self.meetings))
        return [first + timedelta(weeks=self.every_weeks * i) for i in range(left)]  # type: ignore[operator]

    def record_session(
        self,
        session_id: str,
        participants: Sequence[str],
        events: Sequence[Event],
        *,
        when: date,
        method_id: str,
        inbrenger: str | None,
        facilitator: str | None,
        excused: Sequence[str] = (),
        theme: str = "",
    ) -> MeetingRecord | None:
        """The record of a finished session, added once (None if it is already there).
        Participants not yet members join an open group; in a fixed group they are kept
        as guests (listed as having left the same day), so their hours are on record."""
        if any(meeting.session_id == session_id for meeting in self.meetings):
            return None
        times = net_time(participants, events)
        ids = {}
        for name in participants:
            member = self.member(name)
            if member is None or not member.active:
                member = self.add_member(name, when)
                if self.fixed and member.joined == when:
                    member.left = when  # a guest of a fixed group: in this record, not in the rotation
            ids[name] = member.id
        attendance = {member.id: Attendance.ABSENT for member in self.active_members}
        for name in excused:
            member = self.member(name)
            if member is not None:
                attendance[member.id] = Attendance.EXCUSED
        for member_id in ids.values():
            attendance[member_id] = Attendance.PRESENT
        facilitator_member = self.member(facilitator) if facilitator else None
        member_seconds = {ids[name]: seconds for name, seconds in times.per_member.items()}
        if facilitator_member is not None and facilitator_member.id not in member_seconds:
            # A member who facilitates without taking part in the rounds was there all along.
            attendance[facilitator_member.id] = Attendance.PRESENT
            member_seconds[facilitator_member.id] = times.seconds
        record = MeetingRecord(
            session_id=session_id,
            date=(times.started_at.date() if times.started_at else when),
            started_at=times.started_at,
            ended_at=times.ended_at,
            method_id=method_id,
            inbrenger=ids.get(inbrenger) if inbrenger else None,
            facilitator=facilitator_member.id if facilitator_member else None,
            attendance=attendance,
            net_seconds=times.seconds,
            member_seconds=member_seconds,
            theme=theme,
        )
        self.meetings.append(record)
        return record


# -- the rules for changing a group: the command line and the screens both go through these ----------

EVERY_WEEKS = (1, 52)
PLANNED_MEETINGS = (1, 100)
MAX_LINE = 120
SETTINGS = (
    "name",
    "fixed",
    "facilitator",
    "every_weeks",
    "planned_meetings",
    "registers",
    "registration_number",
    "agreements",
    "show_agreements",
)


class GroupRuleError(ValueError):
    """A change refused, and nothing changed: `field` names the setting (one of SETTINGS, or
    "members"), `message` says what was expected, in any language."""

    def __init__(self, field: str, message: Message) -> None:
        super().__init__(field)
        self.field = field
        self.message = message


def parse_whole(field: str, text: str) -> int | None:
    """A whole number typed in a form: empty is None (not set); anything else but digits is refused."""
    text = text.strip()
    if not text:
        return None
    if not text.isdigit():
        raise GroupRuleError(field, Message("groups.rule.whole_number", {"text": visible(text)}))
    return int(text)


def parse_date(field: str, text: str) -> date | None:
    """A date typed as YYYY-MM-DD: empty is None; anything else is refused, saying what to type."""
    text = text.strip()
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise GroupRuleError(field, Message("groups.rule.date", {"text": visible(text)})) from None


def split_names(text: str) -> list[str]:
    """Names as typed: separated by commas or new lines; blanks dropped."""
    return [name.strip() for line in text.splitlines() for name in line.split(",") if name.strip()]


def _line(field: str, value: object, *, required: bool = False) -> str:
    text = str(value or "").strip()
    if required and not text:
        raise GroupRuleError(field, Message("groups.rule.required"))
    if len(text) > MAX_LINE:
        raise GroupRuleError(field, Message("groups.rule.too_long", {"most": MAX_LINE}))
    return text


def _count(field: str, value: object, bounds: tuple[int, int]) -> int | None:
    if value is None:
        return None
    low, high = bounds
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise GroupRuleError(field, Message("groups.rule.range", {"low": low, "high": high}))
    return value


def _checked(field: str, value: object, known_registers: Collection[str], taken_names: Collection[str]) -> object:
    if field == "name":
        name = _line(field, value, required=True)
        if visible(name).casefold() in {taken.casefold() for taken in taken_names}:
            raise GroupRuleError(field, Message("groups.new.exists", {"name": visible(name)}))
        return name
    if field == "facilitator":
        return _line(field, value) or None
    if field == "registration_number":
        return _line(field, value)
    if field == "every_weeks":
        return _count(field, value, EVERY_WEEKS)
    if field == "planned_meetings":
        return _count(field, value, PLANNED_MEETINGS)
    if field == "registers":
        given = cast("Iterable[object]", value or ())  # the form and the command line give a list of ids
        ids = list(dict.fromkeys(str(register_id) for register_id in given))
        unknown = [register_id for register_id in ids if register_id not in known_registers]
        if unknown:
            raise GroupRuleError(
                field,
                Message(
                    "groups.cli.unknown_register",
                    {"id": ", ".join(unknown), "known": ", ".join(sorted(known_registers))},
                ),
            )
        return ids
    if field == "agreements":
        return str(value or "").strip()
    if field in ("fixed", "show_agreements"):
        return bool(value)
    raise KeyError(field)


def apply_settings(
    group: Group, changes: Mapping[str, object], *, known_registers: Collection[str], taken_names: Collection[str] = ()
) -> None:
    """Every change in `changes` (setting -> new value) onto the group, or none of them:
    GroupRuleError names the first setting that is wrong. `taken_names` are the other groups'."""
    checked = {field: _checked(field, value, known_registers, taken_names) for field, value in changes.items()}
    for field, value in checked.items():
        setattr(group, field, value)


def join_members(group: Group, names: Sequence[str], on: date) -> list[Member]:
    """Members joining: all of them, or (GroupRuleError on "members") none."""
    seen: set[str] = set()
    for name in names:
        name = _line("members", name, required=True)
        wanted = visible(name).casefold()
        if wanted in seen:
            raise GroupRuleError("members", Message("plan.duplicate", {"name": visible(name)}))
        seen.add(wanted)
        existing = group.member(name)
        if existing is not None and existing.active:
            raise GroupRuleError("members", Message("groups.cli.member_exists", {"name": visible(name)}))
    return [group.add_member(name, on) for name in names]


def member_leaves(group: Group, reference: str, on: date) -> Member:
    """A member leaves; their meetings stay in the record (and they may come back)."""
    try:
        return group.remove_member(reference, on)
    except KeyError:
        raise GroupRuleError(
            "members", Message("groups.cli.no_member", {"name": visible(reference), "group": group.name})
        ) from None


def member_renamed(group: Group, reference: str, new_name: str) -> Member:
    """A member's new name; the old one stays in their history."""
    new_name = _line("members", new_name, required=True)
    try:
        return group.rename_member(reference, new_name)
    except KeyError:
        raise GroupRuleError(
            "members", Message("groups.cli.no_member", {"name": visible(reference), "group": group.name})
        ) from None
    except ValueError:
        raise GroupRuleError("members", Message("groups.cli.member_exists", {"name": visible(new_name)})) from None


def report_registers(group: Group, register: str | None, known_registers: Collection[str]) -> list[str]:
    """The registers a report counts for: the one asked for, or the group's; unknown ones refused."""
    ids = [register] if register else list(group.registers)
    return _checked("registers", ids, known_registers, ())  # type: ignore[return-value]


def check_period(since: date | None, until: date) -> None:
    if since is not None and since > until:
        raise GroupRuleError(
            "since", Message("groups.rule.period", {"since": f"{since:%Y-%m-%d}", "until": f"{until:%Y-%m-%d}"})
        )
