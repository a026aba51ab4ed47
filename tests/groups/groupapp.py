"""An app on a data folder holding one group with a meeting held."""

from __future__ import annotations

from datetime import date

from intervisie_tui.core.clock import FakeClock
from intervisie_tui.core.groups import Group, MeetingRecord
from intervisie_tui.settings import Settings
from intervisie_tui.store.groups import GroupStore
from intervisie_tui.ui.app import IntervisieApp

TODAY = date(2026, 12, 2)
NAMES = ("Anna", "[bold]Bram[/]", "Cem [@click=x]", "Dewi")


def seeded_group(data_dir) -> Group:
    store = GroupStore(data_dir)
    group = Group(
        name="VP [red]Noord[/]",
        every_weeks=6,
        planned_meetings=6,
        registers=["lvv"],
        agreements="Wat hier gezegd wordt, blijft hier. [b]Op tijd[/] beginnen.",
    )
    for name in NAMES:
        group.add_member(name, date(2026, 9, 1))
    anna, bram, cem, dewi = (member.id for member in group.members)
    group.meetings.append(
        MeetingRecord(
            date=date(2026, 10, 21),
            method_id="incident",
            inbrenger=anna,
            facilitator=bram,
            attendance={anna: "present", bram: "present", cem: "present", dewi: "excused"},
            net_seconds=7200,
            member_seconds={anna: 7200, bram: 7200, cem: 4500},
            action_points="Anna belt de teamleider",
        )
    )
    store.create(group)
    other = Group(name="Coaches Zuid")
    other.add_member("Eva", date(2026, 9, 1))
    store.create(other)
    return group


def group_app(library, data_dir, lang: str = "nl") -> IntervisieApp:
    return IntervisieApp(lang=lang, clock=FakeClock(), settings=Settings(), library=library, data_dir=data_dir)
