"""`intervisie run --group NAME`: the group's present members, with the rotation's suggestions
for inbrenger, facilitator and method wherever the options do not say otherwise."""

from __future__ import annotations

import argparse

from ..core.plan import GroupMeeting
from ..core.rotation import suggest, suggest_role
from ..i18n import t
from ..store.errors import StoreError
from ..store.groups import GroupStore


def fill_from_group(args: argparse.Namespace, library, lang: str) -> GroupMeeting:
    from .launch import LaunchError, parse_participants

    store = GroupStore(getattr(args, "data_dir", None), lang=lang)
    try:
        group = store.find(args.group)
    except StoreError as error:
        raise LaunchError(f"--group: {error}") from None
    if args.participants:
        present = [member.id for name in parse_participants(args.participants) if (member := group.member(name))]
    else:
        present = [member.id for member in group.active_members]
        args.participants = ",".join(member.name for member in group.active_members)
    suggestion = suggest(group, present, sorted(library.methods))
    if not args.inbrenger and suggestion.inbrenger:
        args.inbrenger = group.name_of(suggestion.inbrenger)
    if not args.facilitator:
        chosen = group.member(args.inbrenger) if args.inbrenger else None
        facilitator = suggest_role(group.held(), "facilitator", present, exclude=[chosen.id] if chosen else [])
        args.facilitator = group.facilitator or (group.name_of(facilitator) if facilitator else None)
    if not args.method:
        args.method = suggestion.method_id
    if not args.participants:
        raise LaunchError(t("launch.group_empty", lang, name=group.name))
    return GroupMeeting(group_id=group.id)
