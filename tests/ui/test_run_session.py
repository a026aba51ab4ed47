"""A whole Incidentmethode session driven by the keyboard, on a fake clock (no sleeping)."""

from __future__ import annotations

import json
from types import SimpleNamespace

from observe import count_bells, screen_text

from intervisie_tui.core.events import EventKind, NoteField
from intervisie_tui.core.state import Status
from intervisie_tui.settings import Settings
from intervisie_tui.ui.app import IntervisieApp
from intervisie_tui.ui.screens.run import RunScreen


def make_app(plan, clock, library, lang="nl", **settings) -> IntervisieApp:
    return IntervisieApp(lang=lang, clock=clock, plan=plan, library=library, settings=Settings(**settings))


def text_of(screen, selector: str) -> str:
    return str(screen.query_one(selector).render())


async def tick(pilot, screen: RunScreen) -> None:
    screen.refresh_view()
    await pilot.pause()


async def test_whole_incident_session_by_keyboard(incident_plan, clock, library, private_dirs):
    app = make_app(incident_plan, clock, library)
    async with app.run_test(size=(120, 40)) as pilot:
        bells = count_bells(app)
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, RunScreen)
        screen.pause_ticking()
        screen.guard_choice = "open"  # as if the mirrored-screen guard was answered (test_two_surfaces.py)
        runner = screen.runner
        assert runner.status is Status.READY
        assert "klaar om te beginnen" in text_of(screen, "#clock-state")

        # Step 1, a round in which the inbrenger takes part: Bram first, then Cem.
        await pilot.press("space")
        assert runner.status is Status.RUNNING
        assert "stap 1 van 10" in text_of(screen, "#run-header")
        assert text_of(screen, "#who") == "Bram"
        assert text_of(screen, "#who-detail") == "Cem is de volgende · 0 van 4 geweest"
        await pilot.press("t")
        assert text_of(screen, "#who") == "Cem"
        assert "1 van 4 geweest" in text_of(screen, "#who-detail")
        assert "Geweest: Bram" in text_of(screen, "#who-spoken")
        await pilot.press("T")  # back to Bram
        assert text_of(screen, "#who") == "Bram"
        await pilot.press("s")  # Bram is skipped
        assert text_of(screen, "#who") == "Cem"
        assert "Overgeslagen: Bram" in text_of(screen, "#who-spoken")

        # Step 2: the inbrenger tells; the last minute; time is up (one bell); extension.
        await pilot.press("right")
        assert text_of(screen, "#who") == "Bram vertelt"
        allotted = runner.view().allotted
        clock.advance(allotted - 30)
        await tick(pilot, screen)
        assert screen.has_class("-last-minute")
        assert "laatste minuut" in text_of(screen, "#clock-state")
        assert screen.query_one("#countdown").value == "00:30"
        clock.advance(40)
        await tick(pilot, screen)
        assert screen.has_class("-over")
        assert "tijd is om" in text_of(screen, "#clock-state")
        assert screen.query_one("#countdown").value == "+00:10"
        assert len(bells) == 1
        await tick(pilot, screen)
        assert len(bells) == 1  # one bell, not one per refresh
        assert runner.state.phase_index == 1  # no auto-advance unless asked
        await pilot.press("plus")
        assert screen.query_one("#countdown").value == "00:50"
        assert "+1 min" in text_of(screen, "#clock-state")
        await pilot.press("minus", "minus")
        assert screen.query_one("#countdown").value == "+01:10"
        await tick(pilot, screen)
        assert len(bells) == 2  # the new zero is announced again

        # Pause: the clock stands still however long the pause lasts.
        await pilot.press("space")
        assert runner.status is Status.PAUSED
        assert screen.has_class("-paused")
        assert "gepauzeerd" in text_of(screen, "#clock-state")
        clock.advance(300)
        await tick(pilot, screen)
        assert screen.query_one("#countdown").value == "+01:10"
        await pilot.press("space")
        assert runner.status is Status.RUNNING

        # Step 3 (silent), then step 4: a round with 90 seconds per turn.
        await pilot.press("n")
        assert "Stil" in text_of(screen, "#who")
        assert not screen.query_one("#turn-box").display
        await pilot.press("n")
        assert "stap 4 van 10" in text_of(screen, "#run-header")
        assert screen.query_one("#turn-box").display
        assert text_of(screen, "#turn-name") == "Cem"  # the inbrenger answers, the others ask
        assert screen.query_one("#turn-countdown").value == "01:30"
        clock.advance(30)
        await tick(pilot, screen)
        assert screen.query_one("#turn-countdown").value == "01:00"
        clock.advance(70)
        await tick(pilot, screen)
        assert screen.query_one("#turn-countdown").value == "+00:10"
        assert "beurt om" in text_of(screen, "#turn-state")
        assert screen.query_one("#turn-box").has_class("-over")
        await pilot.press("t")
        assert text_of(screen, "#turn-name") == "Dewi"
        assert screen.query_one("#turn-countdown").value == "01:30"
        assert runner.state.speaking["Cem"] == 100

        # Back and forth between phases.
        await pilot.press("left")
        assert runner.state.phase_index == 2
        await pilot.press("n")
        assert runner.state.phase_index == 3

        # Analysis (open), own position (silent), positions (round), what the inbrenger did,
        # discussion, evaluation.
        await pilot.press("n")
        assert "Open gesprek" in text_of(screen, "#who")
        for _ in range(5):
            await pilot.press("n")
        assert runner.state.phase_index == 9
        assert "stap 10 van 10" in text_of(screen, "#run-header")
        assert "✓" in text_of(screen, "#phase-strip") and "▶" in text_of(screen, "#phase-strip")

        # "Next" on the last phase asks first; No keeps the session going.
        await pilot.press("n")
        await pilot.pause()
        assert type(app.screen).__name__ == "ConfirmScreen"
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen and runner.status is Status.RUNNING
        await pilot.press("n")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert runner.status is Status.ENDED
        assert type(app.screen).__name__ == "WrapUpScreen"
        assert app.store.settle(5.0)  # the journal's writer thread is done

    # Everything reached the journal on disk.
    _config, data = private_dirs
    journals = list((data / "live").glob("*.jsonl"))
    assert len(journals) == 1
    kinds = [json.loads(line).get("kind") for line in journals[0].read_text().splitlines()[1:]]
    assert kinds[0] == EventKind.START.value and kinds[-1] == EventKind.END.value
    assert kinds.count(EventKind.GOTO.value) == 11


async def test_q_asks_before_ending(incident_plan, clock, library):
    app = make_app(incident_plan, clock, library, lang="en")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = app.screen
        screen.pause_ticking()
        screen.guard_choice = "open"  # as if the mirrored-screen guard was answered (test_two_surfaces.py)
        await pilot.press("space", "q")
        await pilot.pause()
        assert "End the session" in screen_text(app)
        await pilot.press("n")  # no
        await pilot.pause()
        assert screen.runner.status is Status.RUNNING
        await pilot.press("q")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert screen.runner.status is Status.ENDED


async def test_auto_advance_moves_on_at_zero(incident_plan, clock, library):
    app = make_app(incident_plan, clock, library, auto_advance=True, bell=False)
    async with app.run_test(size=(100, 30)) as pilot:
        bells = count_bells(app)
        await pilot.pause()
        screen = app.screen
        screen.pause_ticking()
        screen.guard_choice = "open"  # as if the mirrored-screen guard was answered (test_two_surfaces.py)
        await pilot.press("space")
        clock.advance(screen.runner.view().allotted + 1)
        await tick(pilot, screen)
        assert screen.runner.state.phase_index == 1
        assert len(bells) == 0  # bell switched off in the settings


async def test_notes_reach_the_journal_within_a_second(incident_plan, clock, library, private_dirs):
    app = make_app(incident_plan, clock, library)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        screen.pause_ticking()
        screen.guard_choice = "open"  # as if the mirrored-screen guard was answered (test_two_surfaces.py)
        await pilot.press("space", "n")  # step 2 asks for the case question
        await pilot.press("e")
        await pilot.pause()
        assert screen.has_class("-notes")
        # Timers fire when the test says so: the autosave's own rule is tested in test_wrapup.
        due: list = []
        screen.notes_panel.unsaved.autosave._schedule = lambda delay, save: (
            due.append((delay, save)) or SimpleNamespace(stop=lambda: None)
        )
        await pilot.press("h", "o", "i")
        assert screen.runner.state.note(NoteField.TEXT, "schets") == ""  # not on every key
        delay, save = due[-1]
        assert delay <= 0.8
        save()
        assert screen.runner.state.note(NoteField.TEXT, "schets") == "hoi"
        await pilot.press("tab", "c", "q")  # the case question field
        await pilot.press("escape")  # leaving the panel saves at once
        await pilot.pause()
        assert not screen.has_class("-notes")
        notes = {(phase, field.value, key): text for (phase, field, key), text in screen.runner.state.notes.items()}
        assert notes[("schets", "case-question", None)] == "cq"
        _config, data = private_dirs
        assert app.store.settle(5.0)  # the journal's writer thread is done
        journal = next((data / "live").glob("*.jsonl")).read_text()
        assert '"cq"' in journal and '"hoi"' in journal


async def test_inbrenger_chosen_during_the_session(library, clock):
    from intervisie_tui.core.plan import SessionPlan

    plan = SessionPlan.create(library.get("incident"), ["Anna", "Bram", "Cem", "Dewi"])
    app = make_app(plan, clock, library)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = app.screen
        screen.pause_ticking()
        screen.guard_choice = "open"  # as if the mirrored-screen guard was answered (test_two_surfaces.py)
        await pilot.press("space", "n")
        assert text_of(screen, "#who") == "De inbrenger vertelt"
        await pilot.press("i")
        await pilot.pause()
        await pilot.press("down", "enter")  # Bram
        await pilot.pause()
        assert screen.runner.state.inbrenger == "Bram"
        assert text_of(screen, "#who") == "Bram vertelt"
