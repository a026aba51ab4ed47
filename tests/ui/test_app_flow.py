"""The session flow through the app: start → run → wrap-up → saved → home; and resuming an interrupted one."""

from __future__ import annotations

import json

from intervisie_tui.core.events import NoteField
from intervisie_tui.core.state import Status
from intervisie_tui.settings import Settings
from intervisie_tui.ui.app import IntervisieApp
from intervisie_tui.ui.run_screen import RunScreen


async def test_start_end_finish_returns_home_with_a_saved_session(incident_plan, clock, library, private_dirs):
    app = IntervisieApp(lang="nl", clock=clock, library=library, settings=Settings())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert type(app.screen).__name__ == "HomeScreen"
        app.start_session(incident_plan)
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, RunScreen)
        screen.pause_ticking()
        await pilot.press("space", "right")
        clock.advance(30)
        await pilot.press("q")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert screen.runner.status is Status.ENDED
        assert type(app.screen).__name__ == "WrapUpScreen"
        app.finish_session(screen.runner)
        await pilot.pause()
        assert type(app.screen).__name__ == "HomeScreen"
        assert len(app.screen_stack) == 1
        assert any(message == "Sessie opgeslagen." for message, _ in app.notices)
    _config, data = private_dirs
    assert len(list((data / "sessions").rglob("*.json"))) == 1
    assert not list((data / "live").glob("*.jsonl"))  # the journal is retired once the document is safe
    assert app.settings.last_method == "incident" and app.settings.last_group == ["Anna", "Bram", "Cem", "Dewi"]


async def test_run_path_finishes_to_a_fresh_home_screen(incident_plan, clock, library):
    app = IntervisieApp(lang="en", clock=clock, plan=incident_plan, library=library, settings=Settings())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        runner = app.screen.runner
        app.end_session(runner)
        await pilot.pause()
        app.finish_session(runner)
        await pilot.pause()
        assert type(app.screen).__name__ == "HomeScreen"
        assert not any(isinstance(screen, RunScreen) for screen in app.screen_stack)
        app.start_session(incident_plan)  # and a next session from there
        await pilot.pause()
        assert isinstance(app.screen, RunScreen)


async def test_resume_continues_paused_where_it_stopped(incident_plan, clock, library, private_dirs):
    first = IntervisieApp(lang="nl", clock=clock, plan=incident_plan, library=library, settings=Settings())
    async with first.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        first.screen.pause_ticking()
        await pilot.press("space", "n", "n")
        clock.advance(70)
    # The app stopped without ending the session (think: a crash). The journal remains.
    second = IntervisieApp(lang="nl", clock=clock, library=library, settings=Settings())
    async with second.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        interrupted = second.store.interrupted()
        assert len(interrupted) == 1
        second.resume_session(interrupted[0])
        await pilot.pause()
        screen = second.screen
        assert isinstance(screen, RunScreen)
        screen.pause_ticking()
        assert screen.runner.status is Status.PAUSED
        assert screen.runner.state.phase_index == 2
        assert "gepauzeerd" in str(screen.query_one("#clock-state").render())
        await pilot.press("space", "n")
        assert screen.runner.state.phase_index == 3
    _config, data = private_dirs
    journal = next((data / "live").glob("*.jsonl")).read_text()
    assert journal.count('"kind":"goto"') == 3  # the resumed session goes on in the same journal


async def test_journal_problem_shows_a_persistent_warning(incident_plan, clock, library):
    app = IntervisieApp(lang="en", clock=clock, plan=incident_plan, library=library, settings=Settings())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = app.screen
        screen.pause_ticking()
        warning = screen.query_one("#journal-warning")
        assert not warning.display

        class BrokenDisk:
            problem = "cannot write /somewhere/live/x.jsonl (disk full)"
            retries = 0

            def append(self, event):
                return False

            def retry(self):
                self.retries += 1
                return False

        screen.journal = BrokenDisk()
        await pilot.press("space")
        await pilot.pause()
        assert warning.display
        assert "disk full" in str(warning.render()) and "Notes stay in memory" in str(warning.render())
        assert screen.journal.retries >= 1  # it keeps trying
        screen.journal.problem = None
        screen.refresh_view()
        await pilot.pause()
        assert not warning.display


async def test_method_file_problems_are_shown_once(library, clock, tmp_path):
    from intervisie_tui.core.library import load_library

    user = tmp_path / "methods"
    user.mkdir()
    (user / "kapot.toml").write_text("id = [", encoding="utf-8")
    with_problem = load_library(user, entry_points=())
    app = IntervisieApp(lang="en", clock=clock, library=with_problem, settings=Settings())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        shown = [message for message, severity in app.notices if "kapot.toml" in message]
        assert len(shown) == 1 and "1 method file(s)" in shown[0]


async def test_a_refused_save_offers_an_export_elsewhere(incident_plan, clock, library, tmp_path, monkeypatch):
    from intervisie_tui.store.document import parse_document
    from intervisie_tui.store.errors import StoreError
    from intervisie_tui.ui.screens.reflection import ExportScreen

    app = IntervisieApp(lang="en", clock=clock, plan=incident_plan, library=library, settings=Settings())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        runner = app.screen.runner
        runner.start()
        runner.set_note(NoteField.ACTION_POINTS, "Call the team lead")
        app.end_session(runner)
        await pilot.pause()

        def refuse(*args, **kwargs):
            raise StoreError("the disk is full")

        monkeypatch.setattr(app.store, "finish", refuse)
        app.finish_session(runner)
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        assert any("the disk is full" in message for message, _ in app.notices)
        target = tmp_path / "usb"
        target.mkdir()
        app.screen.query_one("#export-path").value = str(target)
        await pilot.press("enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "WrapUpScreen"  # nothing closed: the save can be retried
    [exported] = list(target.glob("*.json"))
    document = parse_document(json.loads(exported.read_text(encoding="utf-8")))
    assert any(event.text == "Call the team lead" for event in document.events)
