"""The review's first screenful comes from the index, each row checked against its file; the
whole folder is compared after that frame (ui/screens/review.py, SessionCatalog.newest)."""

from __future__ import annotations

import json
import sqlite3

from test_review import _all_rows_in, _saved_sessions, table_rows
from textual.widgets import DataTable, Static

from intervisie_tui.core.clock import FakeClock
from intervisie_tui.store.sessions import Store
from intervisie_tui.ui.app import IntervisieApp
from intervisie_tui.ui.screens.review import ReviewScreen


def indexed(count: int, library, advice: str = "advies {}") -> Store:
    """`count` sessions a day apart, saved and listed once (the index knows them all)."""
    _saved_sessions(library, count, 86400, advice)
    store = Store()
    assert len(store.list_sessions()) == count
    return store


def status(screen: ReviewScreen) -> str:
    return str(screen.query_one("#review-status", Static).render())


def review_app() -> IntervisieApp:
    """As `intervisie notes` opens it: the review first, no home screen (which lists every session) beneath."""
    return IntervisieApp(lang="en", clock=FakeClock(), first_screen=ReviewScreen)


class FirstFrame:
    """What the review showed in its first frame: noted just before the rest is listed (after that frame)."""

    def __init__(self, monkeypatch) -> None:
        self.ids: list[str] | None = None
        self.status = ""
        real = ReviewScreen._list_the_rest

        def list_the_rest(screen: ReviewScreen) -> None:
            if self.ids is None:
                self.ids = [summary.id for summary in screen.shown]
                self.status = status(screen)
            real(screen)

        monkeypatch.setattr(ReviewScreen, "_list_the_rest", list_the_rest)


async def open_review(app: IntervisieApp, pilot) -> ReviewScreen:
    while not isinstance(app.screen, ReviewScreen):
        await pilot.pause()
    return app.screen


async def first_and_whole(monkeypatch) -> tuple[list[str] | None, list[list[str]]]:
    """The ids the review's first frame showed (None: nothing from the index), and its rows once
    the whole folder is listed."""
    first = FirstFrame(monkeypatch)
    app = review_app()
    async with app.run_test(size=(140, 30)) as pilot:
        screen = await open_review(app, pilot)
        await _all_rows_in(pilot, screen)
        return first.ids, table_rows(screen)


async def test_the_first_frame_shows_the_newest_from_the_index_then_every_session(private_dirs, library, monkeypatch):
    store = indexed(12, library)
    newest = [summary.id for summary in store.list_sessions()]
    first = FirstFrame(monkeypatch)
    app = review_app()
    async with app.run_test(size=(140, 8)) as pilot:  # a screenful of 8 lines
        screen = await open_review(app, pilot)
        await _all_rows_in(pilot, screen)
        assert "reading the rest" in first.status
        assert first.ids == newest[:8]
        assert [summary.id for summary in screen.shown] == newest
        assert status(screen).startswith("12 of 12 sessions")


async def test_a_file_changed_or_gone_since_it_was_indexed_is_not_shown_from_the_index(
    private_dirs, library, monkeypatch
):
    store = indexed(4, library)
    newest, second, *_ = store.list_sessions()
    raw = json.loads(newest.path.read_text(encoding="utf-8"))
    raw["plan"]["case_title"] = "Changed by hand"
    newest.path.write_text(json.dumps(raw), encoding="utf-8")
    second.path.unlink()
    first_ids, rows = await first_and_whole(monkeypatch)
    assert first_ids is not None and len(first_ids) == 2
    assert newest.id not in first_ids and second.id not in first_ids
    assert len(rows) == 3 and rows[0][4] == "Changed by hand"  # read from the file itself


async def test_rows_of_a_tampered_index_never_show(private_dirs, library, monkeypatch):
    store = indexed(3, library)
    index_file = store.index.file
    store.index.close()
    with sqlite3.connect(index_file) as db:
        db.execute("UPDATE docs SET rel = '../../outside.json' WHERE id = (SELECT min(id) FROM docs)")
        db.execute("UPDATE docs SET case_title = x'00ff' WHERE id = (SELECT max(id) FROM docs)")
    first_ids, rows = await first_and_whole(monkeypatch)
    assert first_ids is not None and len(first_ids) == 1
    assert len(rows) == 3  # the documents are the truth


async def test_an_index_that_is_no_database_means_the_whole_listing_at_once(private_dirs, library, monkeypatch):
    store = indexed(3, library)
    index_file = store.index.file
    store.index.close()
    index_file.write_bytes(b"no database at all" * 100)
    first_ids, rows = await first_and_whole(monkeypatch)
    assert first_ids is None  # nothing from the index: the whole folder before the first frame
    assert len(rows) == 3


async def test_leaving_before_the_rest_is_listed_is_fine(private_dirs, library):
    indexed(3, library)
    app = review_app()
    async with app.run_test(size=(140, 30)) as pilot:
        screen = await open_review(app, pilot)
        app.pop_screen()
        await pilot.pause()
        assert not screen.is_attached
        assert app.return_code is None


async def test_the_first_rows_stay_put_while_the_rest_comes(private_dirs, library, monkeypatch):
    store = indexed(12, library)
    everyone = [summary.id for summary in store.list_sessions()]
    cleared: list[int] = []
    real_clear = DataTable.clear

    def clear(table: DataTable, columns: bool = False):
        cleared.append(table.row_count)
        return real_clear(table, columns)

    monkeypatch.setattr(DataTable, "clear", clear)
    app = review_app()
    async with app.run_test(size=(140, 8)) as pilot:
        screen = await open_review(app, pilot)
        await _all_rows_in(pilot, screen)
        assert [summary.id for summary in screen.shown] == everyone
        assert len(table_rows(screen)) == 12
        assert cleared == [0]  # filled once from the index, then only added to


async def test_a_search_typed_before_the_rest_came_searches_every_session(private_dirs, library, monkeypatch):
    indexed(12, library, "advies x{}")  # "x0" … "x11": the oldest is not in the first screenful
    typed: list[bool] = []
    real = ReviewScreen._list_the_rest

    def search_first(screen: ReviewScreen) -> None:
        screen.search_text = "x0"
        typed.append(True)
        real(screen)

    monkeypatch.setattr(ReviewScreen, "_list_the_rest", search_first)
    app = review_app()
    async with app.run_test(size=(140, 8)) as pilot:
        screen = await open_review(app, pilot)
        await _all_rows_in(pilot, screen)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert typed
        assert len(screen.shown) == 1 and screen.shown[0].id == Store().list_sessions()[-1].id
