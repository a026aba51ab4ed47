"""The three themes of the shared screen: calm dark (default), high contrast, light.

Colours never carry meaning alone: every state is also written in words. The
high-contrast theme keeps all text at 7:1 or more against its background (WCAG AAA);
tests/ui/test_app_themes.py computes it.
"""

from __future__ import annotations

from textual.theme import Theme

from ..settings import DEFAULT_THEME, THEMES

# Variables the run screen's stylesheet uses for its states; every theme sets them so
# the high-contrast test can check exactly the colours that are drawn.
COUNTDOWN_VARIABLES = {  # the clock's state -> its colour; in the high-contrast theme no two alike
    "ready": "countdown-ready",
    "running": "countdown-running",
    "last_minute": "countdown-last-minute",
    "over": "countdown-over",
    "paused": "countdown-paused",
    "break": "countdown-break",
    "ended": "countdown-ended",
}
STATE_VARIABLES = (*COUNTDOWN_VARIABLES.values(), "muted-text")

INTERVISIE_DARK = Theme(
    name="intervisie-dark",
    primary="#7fb4d9",
    secondary="#a3b8a0",
    accent="#d9b77f",
    warning="#e6b450",
    error="#e07a6a",
    success="#8cc28a",
    foreground="#e4e6e8",
    background="#1b2026",
    surface="#232a31",
    panel="#2c343c",
    dark=True,
    variables={
        "countdown-running": "#e4e6e8",
        "countdown-last-minute": "#e6b450",
        "countdown-over": "#f08c7a",
        "countdown-paused": "#9aa5b1",
        "countdown-ready": "#8cc28a",
        "countdown-break": "#b9a4e0",
        "countdown-ended": "#9aa5b1",
        "muted-text": "#aab3bc",
        "footer-key-foreground": "#d9b77f",
    },
)

INTERVISIE_HIGH_CONTRAST = Theme(
    name="intervisie-high-contrast",
    primary="#ffff00",
    secondary="#ffffff",
    accent="#ffff00",
    warning="#ffff00",
    error="#ff9e9e",
    success="#9effa0",
    foreground="#ffffff",
    background="#000000",
    surface="#000000",
    panel="#000000",
    boost="#ffffff",
    dark=True,
    text_alpha=1.0,
    variables={
        # Each state its own colour, every one at 7:1 or more on black.
        "countdown-running": "#ffffff",
        "countdown-last-minute": "#ffff00",
        "countdown-over": "#ff9e9e",
        "countdown-paused": "#00ffff",
        "countdown-ready": "#9effa0",
        "countdown-break": "#ffb3ff",
        "countdown-ended": "#d0d0d0",
        "muted-text": "#ffffff",
        "text-muted": "#ffffff",
        "footer-key-foreground": "#ffff00",
        "footer-description-foreground": "#ffffff",
        "footer-background": "#000000",
        "footer-key-background": "#000000",
        "footer-description-background": "#000000",
        "border": "#ffffff",
        "border-blurred": "#ffffff",
        "block-cursor-foreground": "#000000",
        "block-cursor-background": "#ffff00",
    },
)

INTERVISIE_LIGHT = Theme(
    name="intervisie-light",
    primary="#1f5f8b",
    secondary="#4a6b46",
    accent="#8a5a00",
    warning="#8a5a00",
    error="#a3271a",
    success="#2f6b2c",
    foreground="#1b1f24",
    background="#f7f5f0",
    surface="#efece5",
    panel="#e4e0d6",
    dark=False,
    variables={
        "countdown-running": "#1b1f24",
        "countdown-last-minute": "#8a5a00",
        "countdown-over": "#a3271a",
        "countdown-paused": "#5a636d",
        "countdown-ready": "#2f6b2c",
        "countdown-break": "#6b3fa0",
        "countdown-ended": "#5a636d",
        "muted-text": "#4a525a",
        "footer-key-foreground": "#1f5f8b",
    },
)

ALL_THEMES: tuple[Theme, ...] = (INTERVISIE_DARK, INTERVISIE_HIGH_CONTRAST, INTERVISIE_LIGHT)
assert tuple(theme.name for theme in ALL_THEMES) == THEMES


def next_theme(current: str) -> str:
    """The theme after `current` in our own cycle (a foreign theme goes back to the default)."""
    if current not in THEMES:
        return DEFAULT_THEME
    return THEMES[(THEMES.index(current) + 1) % len(THEMES)]


# For themes that do not define our variables (any Textual theme chosen in the palette).
FALLBACKS = {
    "countdown-running": "foreground",
    "countdown-last-minute": "warning",
    "countdown-over": "error",
    "countdown-paused": "foreground-muted",
    "countdown-ready": "success",
    "countdown-break": "secondary",
    "countdown-ended": "foreground-muted",
    "muted-text": "foreground-muted",
}


def with_fallbacks(variables: dict[str, str]) -> dict[str, str]:
    """The stylesheet's own variables filled in from the theme's standard ones where missing."""
    for name, source in FALLBACKS.items():
        variables.setdefault(name, variables.get(source, variables.get("foreground", "white")))
    return variables


class ThemeSetBeforeStart:
    """Mixin for our apps, which choose their theme in `__init__` (from the settings).

    Textual's theme watcher also schedules a full re-parse of the stylesheet. Before the app
    runs that re-parse is redundant (the stylesheet is parsed when the app starts, with the
    theme's variables, set here) and costs as much as the first parse, on the way to the
    first frame. So before the start only the theme's classes, colour filter and the
    stylesheet's variables are set; once running, a theme goes through Textual's watcher.
    Textual's `App.__init__` also works out the variables of its own default theme, which our
    apps never show: until `choose_theme` they are left empty."""

    _theme_chosen = False

    def get_css_variables(self) -> dict[str, str]:
        if not self._theme_chosen:
            return {}
        return super().get_css_variables()  # type: ignore[misc]

    def choose_theme(self, name: str) -> None:
        """The theme to start with, once, in `__init__` (its themes registered)."""
        self._theme_chosen = True
        if self.theme == name:  # type: ignore[has-type]
            self._watch_theme(name)  # no change, so no watcher: what it would do
        else:
            self.theme = name

    def _watch_theme(self, theme_name: str) -> None:
        if getattr(self, "_running", False):
            super()._watch_theme(theme_name)  # type: ignore[misc]
            return
        theme = self.current_theme  # type: ignore[attr-defined]
        classes = {name: False for name in self.classes if name.startswith("-theme-")}  # type: ignore[attr-defined]
        classes[f"-theme-{theme.name}"] = True
        classes["-dark-mode"] = theme.dark
        classes["-light-mode"] = not theme.dark
        self.update_classes(classes, update=False)  # type: ignore[attr-defined]
        self._refresh_truecolor_filter(self.ansi_theme)  # type: ignore[attr-defined]
        # Nothing is parsed yet: the sources read at the start are parsed with these variables.
        self.stylesheet.set_variables(self.get_css_variables())  # type: ignore[attr-defined]
