"""Themes: registered, switchable, and the high-contrast one at WCAG AAA (7:1) for every text colour used."""

from __future__ import annotations

import pytest
from observe import notices, screen_lines
from textual.color import Color

from intervisie_tui.settings import THEMES, Settings
from intervisie_tui.ui.app import IntervisieApp
from intervisie_tui.ui.themes import ALL_THEMES, INTERVISIE_HIGH_CONTRAST, STATE_VARIABLES, next_theme


def relative_luminance(color: Color) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(color.r) + 0.7152 * channel(color.g) + 0.0722 * channel(color.b)


def contrast(first: str, second: str) -> float:
    light, dark = sorted(
        (relative_luminance(Color.parse(first)), relative_luminance(Color.parse(second))), reverse=True
    )
    return (light + 0.05) / (dark + 0.05)


def test_contrast_formula_matches_known_values():
    assert contrast("#ffffff", "#000000") == pytest.approx(21.0)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


def test_high_contrast_theme_text_is_at_least_7_to_1():
    theme = INTERVISIE_HIGH_CONTRAST
    backgrounds = [theme.background, theme.surface, theme.panel]
    texts = [theme.foreground, theme.primary, theme.accent, theme.warning, theme.error, theme.success, theme.secondary]
    texts += [theme.variables[name] for name in STATE_VARIABLES]
    texts += [theme.variables[name] for name in ("footer-key-foreground", "footer-description-foreground")]
    for background in backgrounds:
        for text in texts:
            assert contrast(text, background) >= 7.0, (text, background)
    assert theme.text_alpha == 1.0  # no dimmed text


@pytest.mark.parametrize("theme", ALL_THEMES, ids=lambda theme: theme.name)
def test_every_theme_keeps_state_colours_readable(theme):
    """AA (4.5:1) at least for the countdown in every state, on the screen background."""
    for name in STATE_VARIABLES:
        assert contrast(theme.variables[name], theme.background) >= 4.5, name


def test_next_theme_cycles_and_recovers_from_a_foreign_theme():
    assert [next_theme(name) for name in THEMES] == [*THEMES[1:], THEMES[0]]
    assert next_theme("nord") == THEMES[0]


async def test_unknown_theme_in_settings_falls_back_to_default(incident_plan, clock, library):
    app = IntervisieApp(
        lang="en", clock=clock, plan=incident_plan, library=library, settings=Settings(theme="no-such-theme")
    )
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.theme == "intervisie-dark"
        assert set(THEMES) <= set(app.available_themes)
        # and says so, naming the theme it did not know and the one it uses
        assert any(
            "Unknown colour theme 'no-such-theme'" in message and severity == "warning"
            for message, severity in notices(app)
        )


async def test_any_textual_theme_works_with_our_stylesheet(incident_plan, clock, library):
    """The palette's theme picker offers Textual's own themes; they lack our variables, which get fallbacks."""
    app = IntervisieApp(lang="en", clock=clock, plan=incident_plan, library=library, settings=Settings())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for name in ("nord", "textual-light", "ansi-dark"):
            app.theme = name
            await pilot.pause()
            assert app.screen.query_one("#countdown").region.height > 0
        assert app.settings.theme == "ansi-dark"


async def test_the_room_header_and_the_footer_take_a_new_themes_colours_at_once(incident_plan, clock, library):
    """Their parts are styled from the theme's variables as they are drawn, not by component classes."""
    app = IntervisieApp(lang="en", clock=clock, plan=incident_plan, library=library, settings=Settings())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        header, footer = app.screen.query_one("#run-header"), app.screen.query_one("KeyFooter")
        line = screen_lines(app.screen)[footer.region.y]
        first_key = len(line) - len(line.lstrip())
        drawn = {}
        for name in ("intervisie-dark", "intervisie-light"):
            app.theme = name
            await pilot.pause()
            variables = app.theme_variables
            title = app.screen.get_style_at(header.region.x, header.region.y)  # the method's name
            step = app.screen.get_style_at(header.region.right - 2, header.region.y)  # "… 1/7"
            key = app.screen.get_style_at(first_key, footer.region.y)
            assert title.bold and title.color.triplet == Color.parse(variables["foreground"]).rich_color.triplet
            assert step.color.triplet == Color.parse(variables["muted-text"]).rich_color.triplet
            assert key.bold and key.color.triplet == Color.parse(variables["footer-key-foreground"]).rich_color.triplet
            drawn[name] = (title.color, step.color, key.color)
        assert drawn["intervisie-dark"] != drawn["intervisie-light"]


@pytest.mark.parametrize("theme", ["intervisie-light", "textual-dark"])
async def test_the_theme_of_the_settings_is_the_stylesheets_from_the_start(theme, incident_plan, clock, library):
    """Textual's default theme ("textual-dark") chosen in the settings: no change of the reactive, yet its variables."""
    app = IntervisieApp(lang="en", clock=clock, plan=incident_plan, library=library, settings=Settings(theme=theme))
    expected = app.current_theme.to_color_system().generate()
    assert app.theme == theme
    assert app.stylesheet._variables["background"] == expected["background"]
    assert app.theme_variables["foreground"] == expected["foreground"] and "muted-text" in app.stylesheet._variables
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.screen.query_one("#countdown").region.height > 0
