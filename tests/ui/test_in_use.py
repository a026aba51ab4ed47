"""A session open in another instance: said so on the resume list, offered read-only, never resumed twice."""

from __future__ import annotations

import os

import pytest

from intervisie_tui.core.engine import SessionRunner
from intervisie_tui.core.events import NoteField
from intervisie_tui.settings import Settings
from intervisie_tui.store.sessions import Store
from intervisie_tui.ui.app import IntervisieApp
from intervisie_tui.ui.dialogs.confirm import ChoiceScreen
from intervisie_tui.ui.screens.review import SessionDetailScreen

pytestmark = pytest.mark.skipif(os.name != "posix", reason="the lock is an flock where fcntl exists")


async def test_a_session_running_elsewhere_opens_read_only(incident_plan, clock, library, private_dirs):
    elsewhere = Store()  # another instance, running the session right now
    journal = elsewhere.start_live(incident_plan)
    runner = SessionRunner(incident_plan, clock, listeners=[journal.append])
    runner.start()
    clock.advance(90)
    runner.set_note(NoteField.ACTION_POINTS, "Zichtbaar-Rk5")
    app = IntervisieApp(lang="en", clock=clock, library=library, settings=Settings())
    async with app.run_test(size=(110, 36)) as pilot:
        await pilot.press("r")
        await pilot.pause()
        listed = str(app.screen.query_one("OptionList").get_option_at_index(0).prompt)
        assert f"Open in another intervisie window (process {os.getpid()}" in listed
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceScreen)
        assert "This session is not resumed" in app.screen.question
        await pilot.click("#choice-read")
        await pilot.pause()
        detail = app.screen
        assert isinstance(detail, SessionDetailScreen) and detail.read_only
        assert detail.check_action("reflect", ()) is False
        assert "Zichtbaar-Rk5" in detail.query_one("#detail").source
    # Nothing was resumed, nothing written: the other instance's journal is exactly its own.
    assert journal.path.read_text().count("\n") == 1 + len(runner.events)
    assert not list((private_dirs[1] / "sessions").rglob("*.json"))


def _old_sessions(store, plan, clock):
    from datetime import timedelta

    runner = SessionRunner(plan, clock)
    runner.start()
    clock.advance(60)
    runner.end()
    document = store.build_document(plan, runner.events)
    recent = store.save(document)
    old = store.save(
        document.model_copy(update={"id": "oud0000001", "started_at": document.when - timedelta(days=900)})
    )
    return recent, old


@pytest.mark.parametrize("answer", ["keep", "delete"])
async def test_retention_lists_old_sessions_at_start_and_deletes_only_when_asked(
    incident_plan, clock, library, private_dirs, answer
):
    store = Store()
    recent, old = _old_sessions(store, incident_plan, clock)
    app = IntervisieApp(lang="en", clock=clock, library=library, settings=Settings(retention_months=24))
    async with app.run_test(size=(110, 36)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ChoiceScreen)
        assert "1 session(s) are older than 24 months" in app.screen.question
        assert f"{old.name[:10]}" in app.screen.question  # its date is named
        await pilot.click(f"#choice-{answer}")
        await pilot.pause()
    assert recent.exists()
    assert old.exists() is (answer == "keep")


async def test_no_retention_set_means_no_question(incident_plan, clock, library, private_dirs):
    store = Store()
    _old_sessions(store, incident_plan, clock)
    app = IntervisieApp(lang="en", clock=clock, library=library, settings=Settings())
    async with app.run_test(size=(110, 36)) as pilot:
        await pilot.pause()
        assert not isinstance(app.screen, ChoiceScreen)
