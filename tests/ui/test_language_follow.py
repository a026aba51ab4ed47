"""Every screen follows the app's language through its reactive, also one that is not on top."""

from __future__ import annotations

from textual.widgets import Static

from intervisie_tui.core.clock import FakeClock
from intervisie_tui.i18n import t
from intervisie_tui.settings import Settings
from intervisie_tui.ui.app import IntervisieApp
from intervisie_tui.ui.screens.home import HomeScreen
from intervisie_tui.ui.screens.setup import SetupScreen


async def test_a_screen_below_the_top_speaks_the_new_language_when_uncovered(library):
    app = IntervisieApp(lang="nl", clock=FakeClock(), settings=Settings(), library=library)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        home = app.screen
        assert isinstance(home, HomeScreen)
        app.push_screen(SetupScreen())
        await pilot.pause()
        app.set_language("en")
        await pilot.pause()
        assert str(home.query_one("#home-title", Static).render()) == t("home.title", "en")
        app.pop_screen()
        await pilot.pause()
        assert app.screen is home
        assert str(home.query_one("#home-tagline", Static).render()) == t("home.tagline", "en")
