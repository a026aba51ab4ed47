"""The session flow through the app: start → run → wrap-up → saved → home; and resuming an interrupted one."""

from __future__ import annotations

import json

from observe import notices

from intervisie_tui.core.events import NoteField
from intervisie_tui.core.message import Message
from intervisie_tui.core.state import Status
from intervisie_tui.settings import Settings
from intervisie_tui.ui.app import IntervisieApp
from intervisie_tui.ui.screens.run import RunScreen


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
        screen.guard_choice = "open"  # as if the mirrored-screen guard was answered (test_two_surfaces.py)
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
        assert any(message == "Sessie opgeslagen." for message, _ in notices(app))
    _config, data = private_dirs
    assert len(list((data / "sessions").rglob("*.json"))) == 1
    assert not list((data / "live").glob("*.jsonl"))  # the journal is retired once the document is safe
    assert app.remembered.last_method == "incident" and app.remembered.last_group == ["Anna", "Bram", "Cem", "Dewi"]
    # Remembered in the data folder; the config folder holds no names.
    assert json.loads((data / "remembered.json").read_text())["last_group"] == ["Anna", "Bram", "Cem", "Dewi"]
    assert not any(b"Anna" in path.read_bytes() for path in (_config).rglob("*") if path.is_file())


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
        first.screen.guard_choice = "open"  # as if the mirrored-screen guard was answered (test_two_surfaces.py)
        await pilot.press("space", "n", "n")
        clock.advance(70)
        assert first.store.settle(5.0)  # what the writer thread had is on disk
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
        screen.guard_choice = "open"  # as if the mirrored-screen guard was answered (test_two_surfaces.py)
        assert screen.runner.status is Status.PAUSED
        assert screen.runner.state.phase_index == 2
        assert "gepauzeerd" in str(screen.query_one("#clock-state").render())
        await pilot.press("space", "n")
        assert screen.runner.state.phase_index == 3
        assert second.store.settle(5.0)
    _config, data = private_dirs
    journal = next((data / "live").glob("*.jsonl")).read_text()
    assert journal.count('"kind":"goto"') == 3  # the resumed session goes on in the same journal


async def test_journal_problem_shows_a_persistent_warning(incident_plan, clock, library):
    app = IntervisieApp(lang="en", clock=clock, plan=incident_plan, library=library, settings=Settings())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = app.screen
        screen.pause_ticking()
        screen.guard_choice = "open"  # as if the mirrored-screen guard was answered (test_two_surfaces.py)
        warning = screen.query_one("#journal-warning")
        assert not warning.display

        class BrokenDisk:
            problem = Message("store.reason.other", {"detail": "cannot write /somewhere/live/x.jsonl (disk full)"})
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
        shown = [message for message, severity in notices(app) if "kapot.toml" in message]
        assert len(shown) == 1 and "1 method file(s)" in shown[0]


async def test_a_refused_save_offers_an_export_elsewhere(incident_plan, clock, library, tmp_path, monkeypatch):
    from intervisie_tui.store.document import parse_document
    from intervisie_tui.store.errors import StoreError
    from intervisie_tui.ui.dialogs.export import ExportScreen

    app = IntervisieApp(lang="en", clock=clock, plan=incident_plan, library=library, settings=Settings())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        runner = app.screen.runner
        runner.start()
        runner.set_note(NoteField.ACTION_POINTS, "Call the team lead")
        app.end_session(runner)
        await pilot.pause()

        def refuse(*args, **kwargs):
            raise StoreError(Message("store.reason.other", {"detail": "the disk is full"}))

        monkeypatch.setattr(app.store, "finish", refuse)
        app.finish_session(runner)
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        assert any("the disk is full" in message for message, _ in notices(app))
        target = tmp_path / "usb"
        target.mkdir()
        app.screen.query_one("#export-path").value = str(target)
        await pilot.press("enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "WrapUpScreen"  # nothing closed: the save can be retried
    [exported] = list(target.glob("*.json"))
    document = parse_document(json.loads(exported.read_text(encoding="utf-8")))
    assert any(event.text == "Call the team lead" for event in document.events)


async def test_after_a_refused_save_the_wrapup_can_save_again(incident_plan, clock, library, monkeypatch):
    from intervisie_tui.store.errors import StoreError
    from intervisie_tui.ui.dialogs.export import ExportScreen
    from intervisie_tui.ui.screens.wrapup import WrapUpScreen

    app = IntervisieApp(lang="en", clock=clock, plan=incident_plan, library=library, settings=Settings())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        runner = app.screen.runner
        runner.start()
        app.end_session(runner)
        await pilot.pause()
        wrapup = app.screen
        assert isinstance(wrapup, WrapUpScreen)
        real_finish = app.store.finish

        def refuse(*args, **kwargs):
            raise StoreError(
                Message(
                    "store.reason.other",
                    {"detail": "The session could not be saved to /x: the disk is full. Export it to another folder."},
                )
            )

        monkeypatch.setattr(app.store, "finish", refuse)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        # The dialog says what it writes: the complete session as JSON, not Markdown.
        title = str(app.screen.query_one("#export-title").render())
        assert "JSON" in title and "Markdown" not in title
        assert app.screen.query_one("#export-path").value.endswith(".json")
        message = next(message for message, severity in notices(app) if severity == "error")
        assert ".." not in message
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is wrapup
        monkeypatch.setattr(app.store, "finish", real_finish)
        await pilot.press("ctrl+s")  # the disk is back: saving works again
        await pilot.pause()
        assert type(app.screen).__name__ == "HomeScreen"
        assert app.store.list_sessions()


async def test_the_wrapup_shows_and_retries_a_journal_problem(incident_plan, clock, library, monkeypatch):
    from intervisie_tui.ui.screens.wrapup import WrapUpScreen

    app = IntervisieApp(lang="en", clock=clock, plan=incident_plan, library=library, settings=Settings())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        runner = app.screen.runner
        runner.start()
        app.end_session(runner)
        await pilot.pause()
        wrapup = app.screen
        assert isinstance(wrapup, WrapUpScreen)
        warning = wrapup.query_one("#wrapup-journal-warning")
        assert not warning.display and app.store.unsaved_problem() is None
        journal = app._journals[id(runner)]
        journal._pending.append('{"broken": "line kept in memory"}')
        journal.problem = Message("store.reason.other", {"detail": "the disk is full"})
        retries = []
        monkeypatch.setattr(journal, "retry", lambda: retries.append(1) or False)
        wrapup.refresh_journal_warning()
        await pilot.pause()
        assert warning.display and "the disk is full" in str(warning.render())
        assert retries  # it tries again, not only on save
        assert app.store.unsaved_problem().render("en") == "the disk is full"  # what quitting asks about
        monkeypatch.setattr(journal, "retry", lambda: journal._pending.clear() or True)
        wrapup.refresh_journal_warning()
        await pilot.pause()
        assert not warning.display and app.store.unsaved_problem() is None


async def test_resuming_a_session_stopped_during_the_wrapup_opens_the_wrapup(
    incident_plan, clock, library, private_dirs
):
    from intervisie_tui.ui.screens.wrapup import WrapUpScreen

    first = IntervisieApp(lang="en", clock=clock, plan=incident_plan, library=library, settings=Settings())
    async with first.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        runner = first.screen.runner
        runner.start()
        clock.advance(60)
        first.end_session(runner)
        await pilot.pause()
        assert first.store.settle(5.0)  # the writer thread wrote `end`
    # Killed during the wrap-up: the journal ends with `end`.
    second = IntervisieApp(lang="en", clock=clock, library=library, settings=Settings())
    async with second.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        [live] = second.store.interrupted()
        second.resume_session(live)
        await pilot.pause()
        assert isinstance(second.screen, WrapUpScreen)
        await pilot.press(*"Nog een actie", "ctrl+s")
        await pilot.pause()
        assert type(second.screen).__name__ == "HomeScreen"
        [summary] = second.store.list_sessions()
        assert second.store.load_path(summary.path).notes.action_points == "Nog een actie"


async def test_start_up_warnings_speak_the_users_language_and_come_once(incident_plan, clock, private_dirs):
    from intervisie_tui.core.library import load_library

    config, _data = private_dirs
    (config / "methods").mkdir(parents=True)
    (config / "methods" / "kapot.toml").write_text('id = "kapot"\nschema = 1\n', encoding="utf-8")
    (config / "settings.json").write_text("{not json", encoding="utf-8")
    app = IntervisieApp(lang="nl", clock=clock, library=load_library(config / "methods", entry_points=()))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.start_session(incident_plan)
        await pilot.pause()
        warnings = [message for message, severity in notices(app) if severity == "warning"]
    assert any("kapot.toml" in message and "veld 'name'" in message for message in warnings)
    assert sum("settings.json" in message for message in warnings) == 1
