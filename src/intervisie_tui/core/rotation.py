"""Whose turn it is: inbrenger and facilitator rotate so that everyone takes each role.

The suggestion is the member present who has had the role least, then the one who had it
longest ago (never counts as longest), then the group's own order. Only members present
are ever suggested; the inbrenger is not also suggested as facilitator.
"""

from __future__ import annotations

from collections.abc import Sequence

from .groups import Group, MeetingRecord
from .records import record

ROLES = ("inbrenger", "facilitator")


@record(frozen=True)
class Suggestion:
    """Who might bring the next case and lead it, and with which method."""

    inbrenger: str | None  # member ids
    facilitator: str | None
    method_id: str | None


def _turns(meetings: Sequence[MeetingRecord], role: str, members: Sequence[str]) -> dict[str, tuple[int, int]]:
    """Per member: how often they had the role, and when last (-1: never)."""
    count = dict.fromkeys(members, 0)
    last = dict.fromkeys(members, -1)
    for position, meeting in enumerate(meetings):
        holder = getattr(meeting, role)
        if holder in count:
            count[holder] += 1
            last[holder] = position
    return {member: (count[member], last[member]) for member in members}


def suggest_role(
    meetings: Sequence[MeetingRecord], role: str, present: Sequence[str], exclude: Sequence[str] = ()
) -> str | None:
    """The member id (from `present`, in the group's order) who should take `role` next.
    Between equals, the facilitator is the one whose turn as inbrenger comes soonest: so the
    two roles, once round, follow each other and never ask the same person twice."""
    candidates = [member for member in present if member not in exclude] or list(present)
    if not candidates:
        return None
    turns = _turns(meetings, role, candidates)
    then = _turns(meetings, "inbrenger", candidates) if role == "facilitator" else turns
    order = {member: index for index, member in enumerate(candidates)}
    return min(candidates, key=lambda member: (turns[member], then[member], order[member]))


def suggest_method(meetings: Sequence[MeetingRecord], method_ids: Sequence[str]) -> str | None:
    """The method (of those available, in their order) not used for longest; never used first."""
    if not method_ids:
        return None
    last = dict.fromkeys(method_ids, -1)
    for position, meeting in enumerate(meetings):
        if meeting.method_id in last:
            last[meeting.method_id] = position
    order = {method: index for index, method in enumerate(method_ids)}
    return min(method_ids, key=lambda method: (last[method], order[method]))


def suggest(group: Group, present: Sequence[str], method_ids: Sequence[str] = ()) -> Suggestion:
    """Suggestions for the next meeting, given the member ids present."""
    held = group.held()
    present = [member.id for member in group.active_members if member.id in present]
    inbrenger = suggest_role(held, "inbrenger", present)
    facilitator = None
    if group.facilitator is None:
        facilitator = suggest_role(held, "facilitator", present, exclude=[inbrenger] if inbrenger else [])
    return Suggestion(inbrenger=inbrenger, facilitator=facilitator, method_id=suggest_method(held, method_ids))
