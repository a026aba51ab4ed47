"""What a report holds, and only that: built from meeting records, never from session notes."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from ..core.groups import Attendance, Group, MeetingRecord
from ..core.records import record
from ..core.registers import Attended, Register, Standing, standing


@record(frozen=True)
class AttendanceLine:
    """One member at one meeting: present, excused or absent, and the time counted."""

    member_id: str
    name: str
    attendance: Attendance
    seconds: float
    roles: tuple[str, ...]  # "inbrenger", "facilitator"


@record(frozen=True)
class MeetingSheet:
    """One meeting's attendance list, to sign."""

    on: date
    start: str  # "19:00", or "" when not known
    end: str
    seconds: float
    method: str
    facilitator: str
    inbrenger: str
    theme: str
    lines: tuple[AttendanceLine, ...]


@record(frozen=True)
class MemberProof:
    """One member's proof of hours: the meetings attended and the hours per register."""

    name: str
    lines: tuple[tuple[MeetingSheet, AttendanceLine], ...]  # meetings attended
    standings: tuple[Standing, ...]

    @property
    def seconds(self) -> float:
        return sum(line.seconds for _, line in self.lines)


@record(frozen=True)
class GroupReport:
    """Everything a group's report of hours shows, ready to be written in any format."""

    group_name: str
    registration_number: str
    since: date | None
    until: date
    registers: tuple[Register, ...]
    sheets: tuple[MeetingSheet, ...]
    proofs: tuple[MemberProof, ...]


def method_names(library, lang: str) -> dict[str, str]:
    """Method id -> name in `lang`, for the reports (a record keeps only the id)."""
    return {loaded.method.id: loaded.method.name(lang) for loaded in library.sorted()}


def _clock(moment) -> str:
    return f"{moment:%H:%M}" if moment is not None else ""


def sheet_of(group: Group, meeting: MeetingRecord, method_names: Mapping[str, str]) -> MeetingSheet:
    lines = []
    for member_id, attendance in meeting.attendance.items():
        roles = tuple(role for role in ("inbrenger", "facilitator") if getattr(meeting, role) == member_id)
        seconds = meeting.member_seconds.get(member_id, 0.0) if attendance is Attendance.PRESENT else 0.0
        lines.append(AttendanceLine(member_id, group.name_of(member_id), attendance, seconds, roles))
    lines.sort(key=lambda line: (line.attendance is not Attendance.PRESENT, line.name.casefold()))
    return MeetingSheet(
        on=meeting.date,
        start=_clock(meeting.started_at),
        end=_clock(meeting.ended_at),
        seconds=meeting.net_seconds,
        method=method_names.get(meeting.method_id, meeting.method_id),
        facilitator=group.name_of(meeting.facilitator) if meeting.facilitator else (group.facilitator or ""),
        inbrenger=group.name_of(meeting.inbrenger),
        theme=meeting.theme,
        lines=tuple(lines),
    )


def build_report(
    group: Group,
    registers: Sequence[Register],
    method_names: Mapping[str, str],
    *,
    until: date,
    since: date | None = None,
    member: str | None = None,
) -> GroupReport:
    """The report for a period (and one member, if given)."""
    wanted = group.member(member) if member else None
    held = [meeting for meeting in group.held() if meeting.date <= until and (since is None or meeting.date >= since)]
    if wanted is not None:
        held = [meeting for meeting in held if wanted.id in meeting.attendance]
    sheets = [sheet_of(group, meeting, method_names) for meeting in held]
    proofs = []
    people = [wanted] if wanted is not None else group.members
    every_meeting = group.held()  # a register's period may reach before the report's
    for person in people:
        attended = [
            (sheet, line)
            for sheet, meeting in zip(sheets, held)
            for line in sheet.lines
            if line.member_id == person.id and meeting.attendance.get(person.id) is Attendance.PRESENT
        ]
        if not attended and not person.active:
            continue
        record = [
            Attended(meeting.date, meeting.member_seconds.get(person.id, 0.0), _present_count(meeting))
            for meeting in every_meeting
            if meeting.attendance.get(person.id) is Attendance.PRESENT
        ]
        standings = tuple(standing(register, record, until) for register in registers)
        proofs.append(MemberProof(person.name, tuple(attended), standings))
    return GroupReport(
        group_name=group.name,
        registration_number=group.registration_number,
        since=since,
        until=until,
        registers=tuple(registers),
        sheets=tuple(sheets),
        proofs=tuple(proofs),
    )


def _present_count(meeting: MeetingRecord) -> int:
    return sum(1 for attendance in meeting.attendance.values() if attendance is Attendance.PRESENT)
