"""`intervisie run --group NAME`: the group's present members, with the rotation's suggestions
for inbrenger, facilitator and method wherever the options do not say otherwise."""

from __future__ import annotations

import argparse

from ..core.groups import Attendance
from ..core.meeting import prepare_meeting
from ..core.plan import GroupMeeting
from ..i18n import t
from ..store.errors import StoreError
from ..store.groups import GroupStore


def fill_from_group(args: argparse.Namespace, library, lang: str) -> GroupMeeting:
    from .launch import LaunchError, parse_participants

    store = GroupStore(getattr(args, "data_dir", None))
    try:
        group = store.find(args.group)
    except StoreError as error:
        raise LaunchError(f"--group: {error.message.render(lang)}") from None
    attendance = {}
    if args.participants:
        named = {member.id for name in parse_participants(args.participants) if (member := group.member(name))}
        attendance = {member.id: Attendance.ABSENT for member in group.active_members if member.id not in named}
    meeting = prepare_meeting(
        group, attendance, [loaded.method for loaded in library.sorted()], inbrenger=args.inbrenger
    )
    args.participants = args.participants or ",".join(meeting.present)
    args.inbrenger = args.inbrenger or meeting.inbrenger
    args.facilitator = args.facilitator or meeting.facilitator
    args.method = args.method or meeting.method_id
    if not args.participants:
        raise LaunchError(t("launch.group_empty", lang, name=group.name))
    return meeting.link()
