"""The wrap-up screen: everything typed becomes NOTE events on the runner; saving finishes the session."""

from __future__ import annotations

import pytest
from textual.widgets import Input, Static, TextArea

from intervisie_tui.core.clock import FakeClock
from intervisie_tui.core.engine import SessionRunner
from intervisie_tui.core.events import EventKind, NoteField
from intervisie_tui.i18n import t
from intervisie_tui.settings import Settings
from intervisie_tui.ui.app import IntervisieApp
from intervisie_tui.ui.autosave import LONGEST, QUIET, Autosave, SaveDeadline
from intervisie_tui.ui.dialogs.confirm import ConfirmScreen
from intervisie_tui.ui.screens.wrapup import WrapUpScreen, action_points_so_far


def make_app(library, *, lang: str = "nl") -> IntervisieApp:
    """An app with its real store in the test's own data folder (conftest.py: private_dirs)."""
    return IntervisieApp(lang=lang, clock=FakeClock(), settings=Settings(), library=library)


def saved(app) -> int:
    """How many sessions the app saved in its data folder (the runner's, once finished)."""
    return len(app.store.list_sessions())


@pytest.fixture
def runner(incident_plan) -> SessionRunner:
    runner = SessionRunner(incident_plan, FakeClock())
    runner.start()
    runner.end()
    return runner


def notes(runner: SessionRunner) -> list[tuple[NoteField, str | None, str]]:
    return [(event.field, event.key, event.text) for event in runner.events if event.kind is EventKind.NOTE]


async def open_wrapup(app, pilot, runner) -> WrapUpScreen:
    app.push_screen(WrapUpScreen(runner))
    await pilot.pause()
    return app.screen


async def test_typing_records_note_events_when_leaving_a_field(library, runner):
    app = make_app(library)
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await open_wrapup(app, pilot, runner)
        assert screen.focused.id == "action-points"
        await pilot.press(*"Bram belt de ouders")
        await pilot.press("tab")  # leaving the field writes it at once
        # (slow typing may also have saved part of it on the way: the last note is complete)
        assert notes(runner)[-1] == (NoteField.ACTION_POINTS, None, "Bram belt de ouders")
        screen.query_one("#evaluation-0", Input).focus()
        await pilot.press(*"Veel geleerd", "enter")  # Enter writes and moves to the next person
        assert notes(runner)[-1] == (NoteField.EVALUATION, "Anna", "Veel geleerd")
        assert screen.focused.id == "evaluation-1"
        await pilot.press(*"Goed gesprek", "tab")
        assert notes(runner)[-1] == (NoteField.EVALUATION, "Bram", "Goed gesprek")
        assert runner.state.note(NoteField.EVALUATION, key="Bram") == "Goed gesprek"


async def test_typing_schedules_a_write_within_half_a_second(library, runner):
    app = make_app(library)
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await open_wrapup(app, pilot, runner)
        # No time passes between keys, and timers fire only when the test says so: a busy
        # machine must not let a real 0.4 s timer go off between key presses.
        screen.unsaved.autosave._clock = lambda: 0.0
        screen.unsaved.autosave._schedule = FakeTimer
        screen.query_one("#reflection", TextArea).focus()
        await pilot.press(*"Ik herkende")
        timer = screen.unsaved.autosave._timer
        assert isinstance(timer, FakeTimer)
        assert timer.delay <= 0.5
        assert notes(runner) == []  # not on every key press
        timer.callback()  # what the timer does when typing pauses
        await pilot.pause()
        assert notes(runner) == [(NoteField.REFLECTION, None, "Ik herkende")]


class FakeTimer:
    def __init__(self, delay, callback):
        self.delay, self.callback, self.stopped = delay, callback, False

    def stop(self):
        self.stopped = True


def test_autosave_saves_after_a_pause_and_at_most_a_moment_after_the_first_change():
    now = [100.0]
    timers: list[FakeTimer] = []
    saves = []

    def schedule(delay, callback):
        timers.append(FakeTimer(delay, callback))
        return timers[-1]

    autosave = Autosave(schedule, lambda: saves.append(now[0]), clock=lambda: now[0])
    autosave.changed()
    assert timers[-1].delay == pytest.approx(QUIET)
    # Steady typing, a key every 0.3 s: the deadline never moves past 0.8 s after the first key.
    for _ in range(2):
        now[0] += 0.3
        autosave.changed()
    assert all(timer.stopped for timer in timers[:-1]) and not timers[-1].stopped
    assert now[0] + timers[-1].delay == pytest.approx(100.0 + LONGEST)
    now[0] = 100.0 + LONGEST
    timers[-1].callback()
    assert saves == [100.0 + LONGEST]
    # The next change starts a fresh window.
    now[0] += 0.1
    autosave.changed()
    assert timers[-1].delay == pytest.approx(QUIET)
    autosave.saved()  # the owner saved (focus left): nothing more is due
    assert timers[-1].stopped and not autosave.deadline.pending


def test_save_deadline_is_the_earlier_of_quiet_and_longest():
    deadline = SaveDeadline(quiet=0.4, longest=0.8)
    assert deadline.due_at() is None
    deadline.changed(10.0)
    assert deadline.due_at() == pytest.approx(10.4)
    deadline.changed(10.3)
    assert deadline.due_at() == pytest.approx(10.7)
    deadline.changed(10.6)
    assert deadline.due_at() == pytest.approx(10.8)
    deadline.saved()
    assert deadline.due_at() is None


async def test_steady_typing_in_the_wrapup_is_written_within_the_longest_wait(library, runner):
    app = make_app(library)
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await open_wrapup(app, pilot, runner)
        now = [0.0]
        timers: list[FakeTimer] = []
        screen.unsaved.autosave._clock = lambda: now[0]
        screen.unsaved.autosave._schedule = lambda delay, callback: (
            timers.append(FakeTimer(delay, callback)) or timers[-1]
        )
        screen.query_one("#reflection", TextArea).focus()
        for key in "Ik h":
            await pilot.press(key)
            now[0] += 0.25  # faster than the quiet time: a plain debounce would never fire
        assert notes(runner) == []
        assert now[0] - 0.25 + timers[-1].delay == pytest.approx(LONGEST)
        timers[-1].callback()
        assert notes(runner) == [(NoteField.REFLECTION, None, "Ik h")]


async def test_save_key_and_button_finish_the_session(library, runner):
    app = make_app(library)
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await open_wrapup(app, pilot, runner)
        await pilot.press(*"Actie")
        await pilot.press("ctrl+s")
        assert saved(app) == 1
        # Typed text is written before finishing, even without leaving the field (a slow
        # machine may have autosaved part of it on the way: the last note is complete).
        assert notes(runner)[-1] == (NoteField.ACTION_POINTS, None, "Actie")
        assert all("Actie".startswith(text) for _, _, text in notes(runner))

    app = make_app(library)
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await open_wrapup(app, pilot, runner)
        screen.query_one("#save").press()
        await pilot.pause()
        assert saved(app) == 2  # the same data folder: the first app's and this one's


async def test_escape_asks_before_leaving(library, runner):
    app = make_app(library)
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await open_wrapup(app, pilot, runner)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen and saved(app) == 0
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert saved(app) == 1


async def test_prefills_notes_written_during_the_session(library, incident_plan):
    runner = SessionRunner(incident_plan, FakeClock())
    runner.start()
    runner.set_note(NoteField.ACTION_POINTS, "Cem zoekt het protocol op", phase="analyse")
    runner.set_note(NoteField.EVALUATION, "Fijn", key="Dewi")
    runner.end()
    assert action_points_so_far(runner) == "Cem zoekt het protocol op"
    app = make_app(library)
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await open_wrapup(app, pilot, runner)
        assert screen.query_one("#action-points", TextArea).text == "Cem zoekt het protocol op"
        assert screen.query_one("#evaluation-3", Input).value == "Fijn"


async def test_labels_name_each_participant_and_the_inbrenger(library, runner):
    app = make_app(library)
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await open_wrapup(app, pilot, runner)
        assert str(screen.query_one("#evaluation-label-0").render()) == "Anna"
        assert str(screen.query_one("#evaluation-label-1").render()) == "Bram (inbrenger)"
        reflection = screen.query_one("#reflection", TextArea)
        assert str(reflection.placeholder) == t("wrapup.reflection_template", "nl")


@pytest.mark.parametrize("lang,other", [("nl", "en"), ("en", "nl")])
async def test_switching_language_relabels_the_screen(library, runner, lang, other):
    app = make_app(library, lang=lang)
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await open_wrapup(app, pilot, runner)
        assert str(screen.query_one("#action-points-label").render()) == t("wrapup.action_points", lang)
        app.set_language(other)
        await pilot.pause()
        assert str(screen.query_one("#action-points-label").render()) == t("wrapup.action_points", other)
        prompts = str(screen.query_one("#evaluation-prompts", Static).render())
        assert t("wrapup.prompt.participant", other) in prompts
        assert str(screen.query_one("#save").label) == t("wrapup.save_button", other)
