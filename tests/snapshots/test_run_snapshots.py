"""SVG snapshots of the shared run screen: states, sizes, languages, one high-contrast view.

Deterministic: a fake clock, the countdown timer paused, notifications cleared.
Regenerate after an intended change with `pytest -n 0 tests/snapshots --snapshot-update`.
"""

from __future__ import annotations

import pytest

from intervisie_tui.core.clock import FakeClock
from intervisie_tui.core.library import load_library
from intervisie_tui.core.plan import SessionPlan
from intervisie_tui.settings import Settings
from intervisie_tui.ui.app import IntervisieApp

SMALL = (80, 24)
LARGE = (160, 45)


def session_app(lang: str, theme: str = "intervisie-dark") -> tuple[IntervisieApp, FakeClock]:
    library = load_library(None, entry_points=())
    plan = SessionPlan.create(library.get("incident"), ["Anna", "Bram", "Cem", "Dewi"], inbrenger="Bram",
                              budget_minutes=90, language=lang)
    clock = FakeClock()
    app = IntervisieApp(lang=lang, clock=clock, plan=plan, library=library, settings=Settings(theme=theme, bell=False))
    return app, clock


def driver(clock: FakeClock, keys: tuple[str, ...], seconds: float):
    """Press `keys`, let `seconds` pass on the fake clock, redraw once, hide toasts."""

    async def run_before(pilot) -> None:
        await pilot.pause()
        screen = pilot.app.screen
        screen.pause_ticking()
        await pilot.press(*keys)
        clock.advance(seconds)
        screen.refresh_view()
        pilot.app.clear_notifications()
        await pilot.pause()
        await pilot.pause()  # what the redraw scheduled after the refresh (a loaded machine needs it)

    return run_before


CASES = {
    # name: (lang, size, keys, seconds after the keys)
    "running_nl_small": ("nl", SMALL, ("space", "right"), 125),
    "running_en_large_round": ("en", LARGE, ("space", "n", "n", "n", "t"), 42),
    "last_minute_nl_large": ("nl", LARGE, ("space", "right"), 9 * 60 + 23),
    "last_minute_en_small": ("en", SMALL, ("space",), 4 * 60 + 15),
    "overtime_nl_small": ("nl", SMALL, ("space", "right"), 12 * 60 + 13),
    "overtime_en_large": ("en", LARGE, ("space", "right"), 12 * 60 + 13),
    "paused_nl_large": ("nl", LARGE, ("space", "n", "n", "n", "t", "t", "space"), 0),
    "paused_en_small": ("en", SMALL, ("space", "space"), 0),
}


@pytest.mark.parametrize("name", list(CASES))
def test_run_screen(snap_compare, name):
    lang, size, keys, seconds = CASES[name]
    app, clock = session_app(lang)
    assert snap_compare(app, terminal_size=size, run_before=driver(clock, keys, seconds))


def test_run_screen_high_contrast_large(snap_compare):
    app, clock = session_app("nl", theme="intervisie-high-contrast")
    assert snap_compare(app, terminal_size=LARGE, run_before=driver(clock, ("space", "right"), 10 * 60 + 5))
