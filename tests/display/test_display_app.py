"""The display app, driven by a scripted facilitator appending to a real journal: every phase
change, turn, pause, cover and message shows; nothing private ever does."""

from __future__ import annotations

from datetime import timedelta

import pytest
from observe import screen_text

from intervisie_tui.core.events import NoteField
from intervisie_tui.core.plan import SessionPlan
from intervisie_tui.core.room import clock_time
from intervisie_tui.ui.display import DisplayApp, DisplayScreen

from .conftest import SECRET, Facilitator


def display_for(data_dir, clock, lang="nl") -> DisplayApp:
    return DisplayApp(data_dir, lang=lang, wall=lambda: clock.wall().timestamp(), poll_seconds=3600)


async def follow(app, pilot) -> str:
    app.poll()
    await pilot.pause()
    return screen_text(app)


async def test_waiting_screen_before_any_session_in_both_languages(private_dirs, clock):
    for lang, words in (("nl", "Start een sessie op de laptop"), ("en", "Start a session on the facilitator")):
        app = display_for(private_dirs[1], clock, lang)
        async with app.run_test(size=(80, 24)) as pilot:
            assert words in await follow(app, pilot)


async def test_a_whole_method_shows_on_the_display_and_no_note_ever_does(facilitator, private_dirs, clock):
    runner = facilitator.runner
    app = display_for(private_dirs[1], clock)
    async with app.run_test(size=(100, 30)) as pilot:  # names in one line (no block-capital banner)
        text = await follow(app, pilot)
        assert "klaar om te beginnen" in text and "Incidentmethode" in text
        runner.start()
        runner.set_note(NoteField.TEXT, SECRET, phase=runner.state.phase.id)
        clock.advance(3)
        text = await follow(app, pilot)
        assert "stap 1 van 10" in text and "loopt" in text
        shown_phases = set()
        for index, phase in enumerate(runner.plan.method.phases):
            if index:
                assert runner.next_phase()
                runner.set_note(NoteField.TEXT, f"{SECRET} {index}", phase=phase.id)
            text = await follow(app, pilot)
            assert f"stap {index + 1} van 10" in text and phase.title("nl") in text
            shown_phases.add(phase.id)
            if runner.state.record.round is not None:
                first = runner.state.record.round.current
                assert first in text
                runner.next_speaker()
                following = runner.state.record.round.current
                assert following and following in await follow(app, pilot)
            assert SECRET not in text
        assert len(shown_phases) == 10
        runner.pause()
        assert "gepauzeerd" in await follow(app, pilot)
        runner.set_room_message("Nog 2 minuten")
        assert "Nog 2 minuten" in await follow(app, pilot)
        runner.set_room_message("")
        assert "Nog 2 minuten" not in await follow(app, pilot)
        runner.cover(True)
        text = await follow(app, pilot)
        assert "Scherm even leeg" in text and "De klok staat stil" in text and "Incidentmethode" not in text
        runner.cover(False)
        assert "Incidentmethode" in await follow(app, pilot)
        runner.end()
        text = await follow(app, pilot)
        assert "De sessie is afgelopen" in text
        # Never a note, the case, or a path: not on screen, not in what the display keeps.
        assert SECRET not in screen_text(app)
        assert SECRET not in repr(vars(app.follower.follower)) and SECRET not in repr(vars(app.follower.follower.state))
        assert str(private_dirs[1]) not in screen_text(app)


async def test_the_countdown_runs_from_the_events_while_the_app_is_gone(facilitator, private_dirs, clock):
    runner = facilitator.runner
    app = display_for(private_dirs[1], clock, "en")
    async with app.run_test(size=(80, 24)) as pilot:
        runner.start()
        await follow(app, pilot)
        clock.advance(30)
        text = await follow(app, pilot)
        assert "not responding" in text  # no heartbeat for 30 s
        assert app.screen.room.clock.value == "04:30"


@pytest.mark.parametrize("name", ["[bold]Anna[/]", "[@click=app.quit]Bram", "Cem\x1b[31m\x07"])
async def test_names_show_as_typed_never_as_markup(library, private_dirs, clock, name):
    plan = SessionPlan.create(library.get("incident"), [name, "Dewi", "Eva"], inbrenger=name, budget_minutes=90)
    facilitator = Facilitator(private_dirs[1], plan, clock)
    runner = facilitator.runner
    app = display_for(private_dirs[1], clock)
    async with app.run_test(size=(100, 30)) as pilot:
        runner.start()
        runner.set_room_message("[b]Pauze[/b] \x1b[2J")
        text = await follow(app, pilot)
        shown = name.replace("\x1b", "").replace("\x07", "")
        assert shown in text
        assert "[b]Pauze[/b] [2J" in text
        assert isinstance(app.screen, DisplayScreen)


async def test_a_break_shows_on_the_display_with_its_own_clock(facilitator, private_dirs, clock):
    """The display folds the same events: the break's word, its clock, until when; then the session again."""
    runner = facilitator.runner
    app = display_for(private_dirs[1], clock, "en")
    async with app.run_test(size=(100, 30)) as pilot:
        runner.start()
        clock.advance(30)
        assert runner.start_break()
        clock.advance(70)
        facilitator.beat()
        text = await follow(app, pilot)
        room = app.screen.room
        assert room.clock.state == "break" and room.clock.value == "01:10"
        assert "Break" in text and "break · counting up" in text and "then 04:30 left of this phase" in text
        assert app.screen.has_class("-break")
        assert runner.change_break(5)  # the minute it has lasted, plus five
        text = await follow(app, pilot)
        until = clock_time(runner.state.break_started_at + timedelta(minutes=6))
        assert app.screen.room.on_break.until == until and f"break until {until}" in text
        runner.end_break()
        text = await follow(app, pilot)
        assert app.screen.room.clock.state == "running" and "Break" not in text
