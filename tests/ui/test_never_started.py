"""A session that never started is no meeting: discarded unless the facilitator keeps it."""

from __future__ import annotations

import pytest
from observe import notices

from intervisie_tui.core.clock import FakeClock
from intervisie_tui.core.engine import SessionRunner
from intervisie_tui.settings import Settings
from intervisie_tui.store.sessions import Store
from intervisie_tui.ui.app import IntervisieApp
from intervisie_tui.ui.dialogs.confirm import ChoiceScreen, ConfirmScreen
from intervisie_tui.ui.dialogs.resume import ResumeScreen
from intervisie_tui.ui.screens.home import HomeScreen
from intervisie_tui.ui.screens.run import RunScreen


async def _end_before_start(app, pilot, plan) -> None:
    app.start_session(plan)
    await pilot.pause()
    assert isinstance(app.screen, RunScreen)
    app.screen.pause_ticking()
    await pilot.press("q")
    await pilot.pause()
    await pilot.press("y")
    await pilot.pause()
    assert isinstance(app.screen, ChoiceScreen)


async def test_ending_before_the_start_discards_the_session(incident_plan, clock, library, private_dirs):
    _, data = private_dirs
    app = IntervisieApp(lang="nl", clock=clock, library=library, settings=Settings())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await _end_before_start(app, pilot, incident_plan)
        assert "nog niet begonnen" in str(app.screen.query_one("#question").render())
        await pilot.click("#choice-discard")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen) and len(app.screen_stack) == 1
        assert any("niets bewaard" in message for message, _ in notices(app))
    assert not list((data / "sessions").rglob("*.json"))
    assert not list((data / "live").rglob("*.jsonl"))  # the plan (names, the case) is gone too


@pytest.mark.parametrize("answer", ["back", "escape"])
async def test_back_to_the_session_keeps_it_ready(incident_plan, clock, library, answer):
    app = IntervisieApp(lang="nl", clock=clock, library=library, settings=Settings())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await _end_before_start(app, pilot, incident_plan)
        if answer == "escape":
            await pilot.press("escape")
        else:
            await pilot.click("#choice-back")
        await pilot.pause()
        assert isinstance(app.screen, RunScreen)
        assert app.screen.runner.events == []


async def test_keeping_a_session_that_never_started_is_asked_for(incident_plan, clock, library, private_dirs):
    _, data = private_dirs
    app = IntervisieApp(lang="nl", clock=clock, library=library, settings=Settings())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await _end_before_start(app, pilot, incident_plan)
        await pilot.click("#choice-keep")
        await pilot.pause()
        assert type(app.screen).__name__ == "MirrorGuard"  # no display: the wrap-up is private
        await pilot.click("#open")
        await pilot.pause()
        assert type(app.screen).__name__ == "WrapUpScreen"
        runner = app.screen.runner
        assert app.finish_session(runner)
    assert len(list((data / "sessions").rglob("*.json"))) == 1


def _left_behind(store: Store, plan, *, start: bool) -> None:
    journal = store.start_live(plan)
    runner = SessionRunner(plan, FakeClock(), listeners=[journal.append])
    if start:
        runner.start()
    journal.close()
    store.release_locks()  # the app that had it open ended


async def test_the_resume_choice_discards_a_session_that_never_started(library, incident_plan, private_dirs):
    _, data = private_dirs
    store = Store(data)
    _left_behind(store, incident_plan, start=False)
    _left_behind(store, incident_plan, start=True)
    app = IntervisieApp(lang="nl", clock=FakeClock(), library=library, settings=Settings())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("r")
        await pilot.pause()
        resume = app.screen
        assert isinstance(resume, ResumeScreen) and len(resume.sessions) == 2
        started = next(i for i, live in enumerate(resume.sessions) if live.events)
        # A started session is refused, and says what to do instead.
        resume.query_one("OptionList").highlighted = started
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, ResumeScreen)
        assert any("hervat hem, of sluit hem met k" in message for message, _ in notices(app))
        resume.query_one("OptionList").highlighted = 1 - started
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await pilot.pause()
        assert len(resume.sessions) == 1 and resume.sessions[0].events
    journals = list((data / "live").glob("*.jsonl"))
    assert len(journals) == 1 and "start" in journals[0].read_text()
    assert not list((data / "sessions").rglob("*.json"))


def test_the_store_refuses_to_discard_a_session_that_started(incident_plan, tmp_path):
    store = Store(tmp_path)
    _left_behind(store, incident_plan, start=True)
    (live,) = store.interrupted()
    with pytest.raises(ValueError):
        store.discard_never_started(live.path, live.plan, live.events)
    assert live.path.exists()
