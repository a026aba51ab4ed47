"""The review screen, driven by keys: list, search, sort, filter, detail, reflection, export, trash."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest
from observe import notices
from textual.widgets import DataTable, Input, Markdown, Static, TextArea

from intervisie_tui.core.clock import FakeClock
from intervisie_tui.core.engine import SessionRunner
from intervisie_tui.core.events import NoteField
from intervisie_tui.core.plan import SessionPlan
from intervisie_tui.store.sessions import Store
from intervisie_tui.ui.app import IntervisieApp
from intervisie_tui.ui.dialogs.confirm import ConfirmScreen
from intervisie_tui.ui.screens.review import ReviewScreen, SessionDetailScreen

FIXTURE = Path(__file__).parent.parent / "fixtures" / "session-v1.json"
FIXTURE_WALL = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)


def saved_session(store: Store, plan: SessionPlan, clock: FakeClock, advice: str) -> Path:
    runner = SessionRunner(plan, clock)
    runner.start()
    clock.advance(600)
    runner.set_note(NoteField.ADVICE, advice, key=plan.participants[0])
    runner.end()
    return store.finish(plan, runner.events)


@pytest.fixture
def sessions(private_dirs, library):
    """The version-1 fixture (incident, Boze ouder) plus a later one of another method, and a damaged file."""
    _, _data = private_dirs
    store = Store()
    folder = store.sessions_dir / "2026"
    folder.mkdir(parents=True)
    shutil.copyfile(FIXTURE, folder / "2026-01-15_incident_f1x7ure001.json")
    other = library.sorted()[-1].method
    plan = SessionPlan.create(other, ["Eva", "Finn", "Gijs"], inbrenger="Finn", case_title="Teamoverleg")
    clock = FakeClock(wall=FIXTURE_WALL)
    later = saved_session(store, plan, clock, "Vraag om feedback")
    (folder / "kapot.json").write_text("{")
    return store, later


def table_rows(screen: ReviewScreen) -> list[list[str]]:
    table = screen.query_one(DataTable)
    return [[str(cell) for cell in table.get_row_at(row)] for row in range(table.row_count)]


async def test_list_shows_every_session_and_names_unreadable_files(sessions):
    app = IntervisieApp(lang="en", clock=FakeClock())
    async with app.run_test(size=(140, 40)) as pilot:
        app.push_screen(ReviewScreen())
        await pilot.pause()
        screen = app.screen
        rows = table_rows(screen)
        assert len(rows) == 2
        assert rows[0][0] == "2026-03-02 09:30" and rows[0][2] == "Finn" and rows[0][4] == "Teamoverleg"
        assert rows[1][1] == "Incident method" and rows[1][2] == "Bram" and rows[1][5] == "19 min"
        assert "Anna, Bram, Cem, Dewi" in rows[1][3]
        problems = str(screen.query_one("#review-problems", Static).render())
        assert "kapot.json" in problems and "not valid JSON" in problems


async def test_search_sort_and_filter(sessions):
    app = IntervisieApp(lang="en", clock=FakeClock())
    async with app.run_test(size=(140, 40)) as pilot:
        app.push_screen(ReviewScreen())
        await pilot.pause()
        screen = app.screen
        await pilot.press("slash")
        assert isinstance(screen.focused, Input)
        await pilot.press(*"tweede gesprek")
        await app.workers.wait_for_complete()  # the search runs in a worker thread
        await pilot.pause()
        assert [row[4] for row in table_rows(screen)] == ["Boze ouder"]
        await pilot.press("escape")  # clears the search
        await pilot.pause()
        assert len(table_rows(screen)) == 2
        await pilot.press("o", "o", "o")  # date → method → inbrenger → duration
        assert screen.order == "duration"
        assert [row[4] for row in table_rows(screen)] == ["Boze ouder", "Teamoverleg"]
        assert "sorted by duration" in str(screen.query_one("#review-status", Static).render())
        await pilot.press("f")
        assert screen.method_filter is not None
        assert len(table_rows(screen)) == 1


async def test_detail_shows_timeline_bars_notes_and_saves_the_reflection(sessions):
    _store, _ = sessions
    app = IntervisieApp(lang="en", clock=FakeClock())
    async with app.run_test(size=(140, 50)) as pilot:
        app.push_screen(ReviewScreen())
        await pilot.pause()
        await pilot.press("down", "enter")
        await pilot.pause()
        detail = app.screen
        assert isinstance(detail, SessionDetailScreen)
        source = detail.query_one(Markdown).source
        assert "| Phase | Planned (min) | Actual (min) | Overtime (min) |" in source
        assert "| 5 | 12 | 7 |" in source  # planned 5, took 12, 7 over
        assert "Bram  ██████████████████████████████ 19 min" in source
        assert "Plan een tweede gesprek" in source and "collega vragen" in source
        await pilot.press("e")
        await pilot.pause()
        area = app.screen.query_one(TextArea)
        area.text = "What I learned: listen first."
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is detail
        assert "listen first" in detail.query_one(Markdown).source
    assert Store().load("f1x7").notes.reflection == "What I learned: listen first."


async def test_reflection_starts_from_the_template(private_dirs, library):
    store = Store()
    plan = SessionPlan.create(library.get("incident"), ["Anna", "Bram"], inbrenger="Bram")
    saved_session(store, plan, FakeClock(), "x")
    app = IntervisieApp(lang="nl", clock=FakeClock())
    async with app.run_test(size=(120, 40)) as pilot:
        app.push_screen(ReviewScreen())
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        text = app.screen.query_one(TextArea).text
        assert "Wat ik leerde" in text and "Wat ik meeneem naar de volgende bijeenkomst" in text
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, SessionDetailScreen)


async def test_delete_asks_first_then_trash_and_restore(sessions):
    _store, later = sessions
    app = IntervisieApp(lang="en", clock=FakeClock())
    async with app.run_test(size=(140, 40)) as pilot:
        app.push_screen(ReviewScreen())
        await pilot.pause()
        screen = app.screen
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("escape")  # no: nothing happens
        await pilot.pause()
        assert later.exists() and len(table_rows(screen)) == 2
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert not later.exists()
        assert len(table_rows(screen)) == 1
        await pilot.press("t")
        await pilot.pause()
        assert [row[4] for row in table_rows(screen)] == ["Teamoverleg"]
        assert "Trash" in str(screen.query_one("#review-title", Static).render())
        await pilot.press("r")
        await pilot.pause()
        assert later.exists()
        await pilot.press("t")
        await pilot.pause()
        assert len(table_rows(screen)) == 2


async def test_export_writes_to_the_path_the_user_types(sessions, tmp_path):
    app = IntervisieApp(lang="en", clock=FakeClock())
    async with app.run_test(size=(140, 40)) as pilot:
        app.push_screen(ReviewScreen())
        await pilot.pause()
        await pilot.press("down", "a")
        await pilot.pause()
        field = app.screen.query_one(Input)
        assert field.value.endswith("f1x7ure001.md")
        field.value = str(tmp_path)
        await pilot.press("enter")
        await pilot.pause()
    [written] = list(tmp_path.glob("*.md"))
    text = written.read_text()
    assert "Participant A" in text and "Bram" not in text
    assert any(str(written) in message for message, _ in notices(app))


async def test_the_review_exports_anonymised_json_when_the_name_ends_in_json(sessions, tmp_path):
    import json

    app = IntervisieApp(lang="en", clock=FakeClock())
    async with app.run_test(size=(140, 40)) as pilot:
        app.push_screen(ReviewScreen())
        await pilot.pause()
        await pilot.press("down", "a")
        await pilot.pause()
        app.screen.query_one(Input).value = str(tmp_path / "verslag.json")
        await pilot.press("enter")
        await pilot.pause()
    text = (tmp_path / "verslag.json").read_text()
    data = json.loads(text)
    for name in ("Anna", "Bram", "Cem", "Dewi"):
        assert name not in text
    assert data["inbrenger"] == "Inbrenger" and "anonymised" in data


async def test_intervisie_notes_without_an_action_opens_the_review(sessions, monkeypatch):
    from intervisie_tui.cli import build_parser
    from intervisie_tui.cli.notes import open_review, review_app

    args = build_parser().parse_args(["--lang", "en", "notes"])
    assert args.handler is open_review
    app = review_app(args)
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        assert len(table_rows(app.screen)) == 2
        assert [type(screen).__name__ for screen in app.screen_stack] == ["Screen", "ReviewScreen"]  # no home yet
        await pilot.press("escape")
        await pilot.pause()
        assert type(app.screen).__name__ == "HomeScreen"


def _saved_sessions(library, count: int, apart: float, text: str) -> None:
    """`count` sessions saved through the real store, `apart` seconds after each other."""
    store = Store()
    plan = SessionPlan.create(library.get("incident"), ["Anna", "Bram"], inbrenger="Bram")
    clock = FakeClock()
    for number in range(count):
        clock.advance(apart)
        saved_session(store, plan, clock, text.format(number))


async def _all_rows_in(pilot, screen) -> None:
    """Let the review list the whole folder and put the rest of its rows in (chunk after chunk,
    each after a refresh)."""
    for _ in range(500):
        if screen._complete and not screen._rows_waiting:
            return
        await pilot.pause()
    raise AssertionError("the table never got all its rows")


async def test_many_sessions_fill_the_table_after_the_first_frame(private_dirs, library, monkeypatch):
    from intervisie_tui.ui.screens import review

    monkeypatch.setattr(review, "FIRST_ROWS", 2)
    monkeypatch.setattr(review, "ROWS_PER_CHUNK", 2)
    _saved_sessions(library, 5, 86400, "advies {}")
    app = IntervisieApp(lang="en", clock=FakeClock())
    async with app.run_test(size=(140, 40)) as pilot:
        app.push_screen(ReviewScreen())
        await pilot.pause()
        screen = app.screen
        assert screen.query_one(DataTable).row_count in range(2, 6)
        await _all_rows_in(pilot, screen)  # the rest arrive in chunks after the first frame
        assert len(table_rows(screen)) == 5
        dates = [row[0] for row in table_rows(screen)]
        assert dates == sorted(dates, reverse=True)
        await pilot.press("down", "down", "down", "down")
        assert screen.selected() is screen.shown[-1]


async def test_300_sessions_all_listed_in_order_keys_kept_and_the_oldest_found(private_dirs, library, monkeypatch):
    from intervisie_tui.ui.screens import review

    monkeypatch.setattr(review, "ROWS_PER_CHUNK", 100)  # several chunks after the first screenful
    _saved_sessions(library, 300, 3600, "kenmerk{:03d}x")
    app = IntervisieApp(lang="en", clock=FakeClock())
    async with app.run_test(size=(140, 40)) as pilot:
        app.push_screen(ReviewScreen())
        await pilot.press("down", "down", "down")  # at once: while the table fills, or just after
        screen = app.screen
        await _all_rows_in(pilot, screen)
        rows = table_rows(screen)
        assert len(rows) == 300
        assert [row[0] for row in rows] == [f"{s.when:%Y-%m-%d %H:%M}" for s in screen.shown]
        assert [row[0] for row in rows] == sorted((row[0] for row in rows), reverse=True)
        assert screen.selected() is screen.shown[3]
        await pilot.press("slash", *"kenmerk000x")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert len(screen.shown) == 1 and screen.shown[0].when == min(s.when for s in screen.summaries)
        assert len(table_rows(screen)) == 1


async def test_the_review_follows_a_language_switch(sessions):
    app = IntervisieApp(lang="en", clock=FakeClock())
    async with app.run_test(size=(140, 40)) as pilot:
        app.push_screen(ReviewScreen())
        await pilot.pause()
        app.set_language("nl")
        await pilot.pause()
        screen = app.screen
        assert "Terugblik" in str(screen.query_one("#review-title", Static).render())
        assert table_rows(screen)[1][1] == "Incidentmethode"
        assert screen.query_one(DataTable).columns  # headers rebuilt
        assert str(next(iter(screen.query_one(DataTable).columns.values())).label) == "Datum"


async def test_the_method_filter_names_the_method_not_its_id(sessions):
    app = IntervisieApp(lang="en", clock=FakeClock())
    async with app.run_test(size=(140, 40)) as pilot:
        app.push_screen(ReviewScreen())
        await pilot.pause()
        screen = app.screen
        while screen.method_filter != "incident":
            await pilot.press("f")
        status = str(screen.query_one("#review-status", Static).render())
        assert "only Incident method" in status


async def test_an_unchanged_reflection_template_is_not_saved(private_dirs, library):
    store = Store()
    plan = SessionPlan.create(library.get("incident"), ["Anna", "Bram"], inbrenger="Bram")
    path = saved_session(store, plan, FakeClock(), "x")
    before = path.read_bytes()
    app = IntervisieApp(lang="en", clock=FakeClock())
    async with app.run_test(size=(120, 40)) as pilot:
        app.push_screen(ReviewScreen())
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        editor = app.screen
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is editor  # still open: only the questions were there
        assert any("write the reflection first" in message for message, _ in notices(app))
    assert path.read_bytes() == before


async def test_export_asks_before_replacing_a_file(sessions, tmp_path):
    target = tmp_path / "mine.md"
    target.write_text("precious")
    app = IntervisieApp(lang="en", clock=FakeClock())
    async with app.run_test(size=(140, 40)) as pilot:
        app.push_screen(ReviewScreen())
        await pilot.pause()
        await pilot.press("down", "x")
        await pilot.pause()
        app.screen.query_one(Input).value = str(target)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("escape")  # no
        await pilot.pause()
        assert target.read_text() == "precious"
        await pilot.press("x")
        await pilot.pause()
        app.screen.query_one(Input).value = str(target)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
    assert target.read_text().startswith("# Boze ouder")


async def test_a_sessions_folder_that_is_a_file_is_reported_in_the_review(private_dirs):
    _, data = private_dirs
    data.mkdir(parents=True, exist_ok=True)
    (data / "sessions").write_text("not a folder")
    app = IntervisieApp(lang="en", clock=FakeClock())
    async with app.run_test(size=(140, 40)) as pilot:
        app.push_screen(ReviewScreen())
        await pilot.pause()
        problems = str(app.screen.query_one("#review-problems", Static).render())
        assert "sessions" in problems and "cannot be read" in problems


async def test_a_reflection_goes_to_the_file_that_was_opened_when_two_share_an_id(sessions):
    store, _ = sessions
    original = store.sessions_dir / "2026" / "2026-01-15_incident_f1x7ure001.json"
    copy = original.with_name("2026-01-15_incident_f1x7ure001 (conflicted copy).json")
    shutil.copyfile(original, copy)
    before = original.read_bytes()
    app = IntervisieApp(lang="en", clock=FakeClock())
    async with app.run_test(size=(140, 50)) as pilot:
        app.push_screen(ReviewScreen())
        await pilot.pause()
        screen = app.screen
        row = next(index for index, summary in enumerate(screen.shown) if summary.path == copy)
        screen.query_one(DataTable).move_cursor(row=row)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one(TextArea).text = "In de kopie."
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert original.read_bytes() == before
    assert Store().load_path(copy).notes.reflection == "In de kopie."


async def _edited_reflection(app, pilot):
    app.push_screen(ReviewScreen())
    await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()
    await pilot.press("e")
    await pilot.pause()
    app.screen.query_one(TextArea).text = "Wat ik leerde: eerst luisteren."
    await pilot.press("escape")
    await pilot.pause()


@pytest.mark.parametrize("answer", ["keep", "discard", "save", "escape"])
async def test_escape_in_the_reflection_asks_before_throwing_edits_away(private_dirs, library, answer):
    from intervisie_tui.ui.dialogs.confirm import ChoiceScreen
    from intervisie_tui.ui.dialogs.reflection import ReflectionScreen

    store = Store()
    plan = SessionPlan.create(library.get("incident"), ["Anna", "Bram"], inbrenger="Bram")
    path = saved_session(store, plan, FakeClock(), "refl")
    app = IntervisieApp(lang="nl", clock=FakeClock())
    async with app.run_test(size=(120, 40)) as pilot:
        await _edited_reflection(app, pilot)
        dialog = app.screen
        assert isinstance(dialog, ChoiceScreen)
        assert "Opslaan voor je teruggaat?" in str(dialog.query_one("#question").render())
        if answer == "escape":
            await pilot.press("escape")  # Escape again is the safe answer: keep editing
        else:
            await pilot.click(f"#choice-{answer}")
        await pilot.pause()
        if answer in ("keep", "escape"):
            assert isinstance(app.screen, ReflectionScreen)
            assert app.screen.query_one(TextArea).text == "Wat ik leerde: eerst luisteren."
        else:
            assert isinstance(app.screen, SessionDetailScreen)
    saved = Store().load_path(path).notes.reflection
    assert saved == ("Wat ik leerde: eerst luisteren." if answer == "save" else "")


def files_holding(text: str, root: Path) -> list[Path]:
    return [path for path in root.rglob("*") if path.is_file() and text.encode() in path.read_bytes()]


async def test_delete_for_good_names_the_session_and_leaves_nothing(sessions, private_dirs):
    store, later = sessions
    _, data = private_dirs
    store.search("feedback")  # the search cache holds its text now
    app = IntervisieApp(lang="en", clock=FakeClock())
    async with app.run_test(size=(140, 40)) as pilot:
        app.push_screen(ReviewScreen())
        await pilot.pause()
        screen = app.screen
        shown = {active.binding.description for active in screen.active_bindings.values() if active.binding.show}
        assert "Delete for good" in shown  # in the footer (its fit at 80 columns: test_footers.py)
        await pilot.press("D")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert "Teamoverleg" in app.screen.question and "Eva, Finn, Gijs" in app.screen.question
        await pilot.press("escape")  # no: nothing happens
        await pilot.pause()
        assert later.exists()
        await pilot.press("D")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert not later.exists() and len(table_rows(screen)) == 1
        assert any("deleted for good" in message for message, _ in notices(app))
    assert files_holding("Vraag om feedback", data) == [] and files_holding("Teamoverleg", data) == []


async def test_empty_trash_in_the_review_asks_naming_every_session(sessions, private_dirs):
    store, later = sessions
    _, data = private_dirs
    store.trash(later)
    app = IntervisieApp(lang="nl", clock=FakeClock())
    async with app.run_test(size=(140, 40)) as pilot:
        app.push_screen(ReviewScreen())
        await pilot.pause()
        screen = app.screen
        assert screen.check_action("empty_trash", ()) is False  # only in the trash
        await pilot.press("t")
        await pilot.pause()
        shown = {
            active.binding.description
            for active in screen.active_bindings.values()
            if active.binding.show and active.enabled
        }
        assert "Legen" in shown
        await pilot.press("E")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert "1 sessie(s)" in app.screen.question and "Teamoverleg" in app.screen.question
        await pilot.press("y")
        await pilot.pause()
        assert table_rows(screen) == [] and store.list_trash() == []
    assert files_holding("Vraag om feedback", data) == [] and files_holding("Teamoverleg", data) == []


async def test_a_new_key_press_cancels_the_search_before_it(sessions, monkeypatch):
    """The search runs in a worker: the screen never waits for it, and an answer to an older
    query (still running when the next key came) is never shown."""
    import threading

    _store, _ = sessions
    app = IntervisieApp(lang="en", clock=FakeClock())
    async with app.run_test(size=(140, 40)) as pilot:
        app.push_screen(ReviewScreen())
        await pilot.pause()
        screen = app.screen
        real_search = type(app.store).search
        first_may_finish = threading.Event()
        asked: list[str] = []

        def search(self, query, summaries=None):
            asked.append(query)
            if query == "f":
                first_may_finish.wait(5)  # the first search is slow
            return real_search(self, query, summaries)

        monkeypatch.setattr(type(app.store), "search", search)
        await pilot.press("slash", "f")
        await pilot.pause()
        assert len(table_rows(screen)) == 2  # typing goes on; the list waits for an answer
        await pilot.press("i", "n", "n")  # "finn": only the session with Finn
        first_may_finish.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert asked[0] == "f" and asked[-1] == "finn"
        assert [row[2] for row in table_rows(screen)] == ["Finn"]
        assert screen._found[0] == "finn"
