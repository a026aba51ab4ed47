"""Preparing a group's next meeting: who is there, whose turn it is, what was agreed and left open.

The set-up screen and `intervisie run --group` both start from this, so they suggest alike.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from .groups import Attendance, Group
from .method import Method
from .plan import GroupMeeting
from .records import record
from .rotation import suggest, suggest_role


@record(frozen=True)
class MeetingSetup:
    """Who is present, excused and bringing the case at a group's meeting."""

    group: Group
    present: tuple[str, ...]  # names, in the group's order
    excused: tuple[str, ...]
    inbrenger: str | None
    facilitator: str | None
    method_id: str | None
    agreements: str  # empty when the group does not want them shown
    open_action_points: str

    def link(self, share_title: bool = False) -> GroupMeeting:
        return GroupMeeting(group_id=self.group.id, excused=self.excused, share_title=share_title)


def prepare_meeting(
    group: Group,
    attendance: Mapping[str, Attendance],
    methods: Sequence[Method],
    *,
    inbrenger: str | None = None,
    open_action_points: str = "",
) -> MeetingSetup:
    """`attendance` by member id (missing: present). `inbrenger` (a name) overrides the
    suggestion; the facilitator is then suggested among the others. The method is the one
    not used longest among those meant for this many people (any, if none is)."""
    members = group.active_members
    present = [member for member in members if attendance.get(member.id, Attendance.PRESENT) is Attendance.PRESENT]
    excused = [member for member in members if attendance.get(member.id) is Attendance.EXCUSED]
    ids = [member.id for member in present]
    fitting = [method.id for method in methods if method.group_size[0] <= len(ids) <= method.group_size[1]]
    suggestion = suggest(group, ids, fitting or [method.id for method in methods])
    chosen = group.member(inbrenger) if inbrenger else None
    inbrenger_id = chosen.id if chosen else suggestion.inbrenger
    facilitator = group.facilitator
    if facilitator is None:
        facilitator_id = suggest_role(group.held(), "facilitator", ids, exclude=[inbrenger_id] if inbrenger_id else [])
        facilitator = group.name_of(facilitator_id) if facilitator_id else None
    return MeetingSetup(
        group=group,
        present=tuple(member.name for member in present),
        excused=tuple(member.name for member in excused),
        inbrenger=group.name_of(inbrenger_id) if inbrenger_id else None,
        facilitator=facilitator,
        method_id=suggestion.method_id,
        agreements=group.agreements if group.show_agreements else "",
        open_action_points=open_action_points,
    )
