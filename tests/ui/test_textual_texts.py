"""Textual's own texts speak the app's language: the quit hint and the command palette."""

from __future__ import annotations

import pytest
from observe import notices, screen_text
from textual.widgets import Input

from intervisie_tui.settings import Settings
from intervisie_tui.ui.app import IntervisieApp
from intervisie_tui.ui.palette import CommandPalette


def make_app(library, lang: str) -> IntervisieApp:
    return IntervisieApp(lang=lang, library=library, settings=Settings())


@pytest.mark.parametrize(
    ("lang", "title", "hint"),
    [
        ("nl", "Wil je stoppen?", "Druk op q om af te sluiten."),
        ("en", "Do you want to quit?", "Press q to quit the app."),
    ],
)
async def test_ctrl_c_says_how_to_quit_in_the_language_without_markup(library, lang, title, hint):
    app = make_app(library, lang)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+c")
        for _ in range(3):
            await pilot.pause()
        message, _ = notices(app)[-1]
        assert message == hint
        notification = list(app._notifications)[-1]
        assert (notification.title, notification.message, notification.markup) == (title, hint, False)


@pytest.mark.parametrize(
    ("lang", "placeholder", "nothing"),
    [("nl", "Zoek een opdracht…", "Niets gevonden"), ("en", "Search for commands…", "No matches found")],
)
async def test_the_palette_speaks_the_language(library, lang, placeholder, nothing, monkeypatch):
    monkeypatch.setattr(CommandPalette, "_NO_MATCHES_COUNTDOWN", 0.001)  # no waiting in a test
    app = make_app(library, lang)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        palette = app.screen
        assert isinstance(palette, CommandPalette)
        assert palette.query_one("#--input Input", Input).placeholder == placeholder
        await pilot.press(*"zqxzqx")
        for _ in range(200):  # until the (shortened) timer has fired; no fixed sleep
            await pilot.pause()
            shown = screen_text(app)
            if nothing in shown:
                break
        assert nothing in shown
        if lang == "nl":
            assert "No matches" not in shown and "Search for" not in shown


async def test_the_theme_picker_speaks_the_language(library):
    app = make_app(library, "nl")
    async with app.run_test(size=(100, 30)) as pilot:
        app.search_themes()
        await pilot.pause()
        assert app.screen.query_one("#--input Input", Input).placeholder == "Zoek een thema…"
