"""A language switch rewords every message on screen, the store's too: the store and the journal keep
what went wrong as a message, and the screens word it in the language of the moment."""

from __future__ import annotations

from slowdisk import SlowDisk, run_screen_started_on
from textual.widgets import Static

from intervisie_tui.i18n import t
from intervisie_tui.settings import Settings
from intervisie_tui.store.sessions import Store
from intervisie_tui.ui.app import IntervisieApp
from intervisie_tui.ui.screens.review import ReviewScreen


def shown(screen, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


async def test_a_full_disk_on_the_run_screen_is_reworded_by_the_language_key(incident_plan, clock, library):
    disk = SlowDisk()
    disk.failing = True  # every write refused: no space left on the device
    async with run_screen_started_on(disk, incident_plan, clock, library) as (app, pilot, screen):
        assert app.store.settle(5.0) is False  # the writer tried, the disk refused
        screen.refresh_view()
        await pilot.pause()
        dutch = shown(screen, "#journal-warning")
        assert t("store.reason.full", "nl") in dutch and "Geen ruimte" not in dutch
        assert t("store.reason.full", "en") not in dutch
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert app.lang == "en"
        english = shown(screen, "#journal-warning")
        assert t("store.reason.full", "en") in english and "change(s) wait safely in memory" in english
        assert t("store.reason.full", "nl") not in english


async def test_an_unreadable_session_file_in_the_review_is_reworded_by_the_language_key(library):
    folder = Store().sessions_dir / "2026"
    folder.mkdir(parents=True)
    (folder / "leeg.json").write_bytes(b"")
    app = IntervisieApp(lang="nl", settings=Settings(), library=library)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.push_screen(ReviewScreen())
        await pilot.pause()
        screen = app.screen
        assert t("store.problem.empty", "nl") in shown(screen, "#review-problems")
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert app.lang == "en"
        english = shown(screen, "#review-problems")
        assert t("store.problem.empty", "en") in english and t("store.problem.empty", "nl") not in english
