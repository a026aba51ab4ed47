"""Arrival and leaving recorded during the session, from the run screen (key a)."""

from __future__ import annotations

from textual.widgets import OptionList

from intervisie_tui.core.clock import FakeClock
from intervisie_tui.core.events import EventKind
from intervisie_tui.core.hours import net_time
from intervisie_tui.settings import Settings
from intervisie_tui.ui.app import IntervisieApp
from intervisie_tui.ui.dialogs.attendance import AttendanceScreen


async def test_leaving_and_arriving_are_events_and_count_in_the_hours(incident_plan):
    clock = FakeClock()
    app = IntervisieApp(lang="en", clock=clock, plan=incident_plan, settings=Settings(bell=False))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("space")
        clock.advance(600)
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, AttendanceScreen)
        await pilot.press("down", "l")  # Bram leaves after 10 minutes
        lines = [str(app.screen.query_one(OptionList).get_option_at_index(i).prompt) for i in range(4)]
        assert lines[1].startswith("Bram: left at") and lines[0] == "Anna: in the room"
        await pilot.press("escape")
        await pilot.pause()
        runner = app.screen.runner
        clock.advance(300)
        runner.end()
    kinds = [(event.kind, event.name) for event in runner.events]
    assert (EventKind.LEAVE, "Bram") in kinds
    times = net_time(incident_plan.participants, runner.events)
    assert times.per_member["Bram"] == 600 and times.per_member["Anna"] == 900


async def test_the_key_does_nothing_outside_a_session(library):
    app = IntervisieApp(lang="nl", clock=FakeClock(), settings=Settings(), library=library)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("a")
        await pilot.pause()
        assert not isinstance(app.screen, AttendanceScreen)


async def test_the_opening_shows_a_groups_agreements_on_the_room_screen(library, private_dirs):
    from intervisie_tui.core.plan import GroupMeeting, SessionPlan
    from intervisie_tui.ui.screens.opening import OpeningScreen

    from .groupapp import seeded_group

    group = seeded_group(private_dirs[1])
    plan = SessionPlan.create(
        library.get("incident"), ["Anna", "Dewi"], budget_minutes=90, group=GroupMeeting(group_id=group.id)
    )
    app = IntervisieApp(lang="nl", clock=FakeClock(), plan=plan, library=library, settings=Settings(bell=False))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        # `intervisie run --group`: the group wants its agreements at the opening, so they come first.
        assert isinstance(app.screen, OpeningScreen)
        await pilot.press("o")
        await pilot.pause()
        assert getattr(app.screen, "IS_RUN_SCREEN", False)
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, OpeningScreen)
        shown = str(app.screen.query_one("#opening-text").render())
        assert "[b]Op tijd[/]" in shown and "Anna belt de teamleider" in shown
        await pilot.press("escape")
        await pilot.pause()
        assert getattr(app.screen, "IS_RUN_SCREEN", False)


async def test_no_opening_for_a_session_without_a_group(incident_plan):
    from intervisie_tui.ui.screens.opening import OpeningScreen

    app = IntervisieApp(lang="nl", clock=FakeClock(), plan=incident_plan, settings=Settings(bell=False))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("o")
        await pilot.pause()
        assert not isinstance(app.screen, OpeningScreen)
