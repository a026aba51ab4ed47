"""SVG snapshots of every screen besides the run screen's states (test_run_snapshots.py): home,
set-up, methods, help, the dialogs, the wrap-up, the review's list and detail and the
reflection editor, each in Dutch and English at 80x24 and 160x45.

Deterministic: a fake clock, the time zone set to UTC, saved sessions written from fixed
moments, the settings path shown as a fixed one, timers out of the way, toasts cleared.
Regenerate after an intended change with `pytest -n 0 tests/snapshots --snapshot-update`.
"""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
from observe import markdown_built

from intervisie_tui.core.clock import FakeClock
from intervisie_tui.core.engine import SessionRunner
from intervisie_tui.core.events import NoteField
from intervisie_tui.core.library import load_library
from intervisie_tui.core.plan import SessionPlan
from intervisie_tui.settings import Settings
from intervisie_tui.store.sessions import Store
from intervisie_tui.ui.app import IntervisieApp
from intervisie_tui.ui.dialogs import help as help_screen

SIZES = {"small": (80, 24), "large": (160, 45)}
LIBRARY = load_library(None, entry_points=())
SAVED_WALL = datetime(2026, 3, 2, 9, 30, tzinfo=timezone.utc)


@pytest.fixture(autouse=True)
def fixed_settings_path(monkeypatch):
    """The settings file named the same everywhere (clock times are UTC: conftest.py)."""
    monkeypatch.setattr(help_screen, "shown_path", lambda path: "~/.config/intervisie/settings.json")


def plan_for(lang: str) -> SessionPlan:
    return SessionPlan.create(LIBRARY.get("incident"), ["Anna", "Bram", "Cem", "Dewi"], inbrenger="Bram",
                              case_title="Boze ouder", budget_minutes=90, language=lang)


def save_a_session(lang: str) -> None:
    """One finished session with advice and action points, for the review."""
    store = Store()
    plan = plan_for(lang)
    clock = FakeClock(wall=SAVED_WALL)
    runner = SessionRunner(plan, clock)
    runner.start()
    clock.advance(19 * 60)
    runner.set_note(NoteField.ADVICE, "Vraag eerst wat de ouder nodig heeft", key="Anna")
    runner.set_note(NoteField.ACTION_POINTS, "Gesprek plannen\nTeamleider informeren")
    runner.end()
    store.finish(plan, runner.events)


async def settle(pilot) -> None:
    """Timers out of the way, toasts cleared, text cursors steady (a blink would flip the picture)."""
    await pilot.pause()
    screen = pilot.app.screen
    if hasattr(screen, "pause_ticking"):
        screen.pause_ticking()
    for field in screen.query("Input, TextArea"):
        field.cursor_blink = False
    pilot.app.clear_notifications()
    await pilot.pause()


def home_app(lang: str) -> IntervisieApp:
    return IntervisieApp(lang=lang, clock=FakeClock(), library=LIBRARY, settings=Settings(bell=False))


def run_app(lang: str) -> IntervisieApp:
    return IntervisieApp(lang=lang, clock=FakeClock(), plan=plan_for(lang), library=LIBRARY,
                         settings=Settings(bell=False))


async def on_run(pilot, *keys: str) -> None:
    """The run screen (guard answered, clock paused for the picture), then `keys`."""
    await pilot.pause()
    screen = pilot.app.screen
    screen.pause_ticking()
    screen.guard_choice = "open"
    await pilot.press(*keys)
    await settle(pilot)


async def to_home(pilot) -> None:
    await settle(pilot)


async def to_setup(pilot) -> None:
    await pilot.pause()
    await pilot.press("s")
    await settle(pilot)


async def to_methods(pilot) -> None:
    await pilot.pause()
    await pilot.press("m")
    await settle(pilot)


async def to_help(pilot) -> None:
    await on_run(pilot, "space", "question_mark")


async def to_confirm_end(pilot) -> None:
    await on_run(pilot, "space", "q")


async def to_room_message(pilot) -> None:
    await on_run(pilot, "space", "m")


async def to_inbrenger_picker(pilot) -> None:
    await on_run(pilot, "space", "i")


async def to_wrapup(pilot) -> None:
    await on_run(pilot, "space", "q", "y")
    await settle(pilot)


async def to_review(pilot) -> None:
    from intervisie_tui.ui.screens.review import ReviewScreen

    await pilot.pause()
    screen = ReviewScreen()
    pilot.app.push_screen(screen)
    for _ in range(200):  # the first screenful comes from the index; the whole listing after that frame
        await pilot.pause()
        if screen._complete:
            break
    await settle(pilot)


async def to_review_detail(pilot) -> None:
    await to_review(pilot)
    await pilot.press("enter")
    await pilot.pause()
    await markdown_built(pilot.app.screen)
    await settle(pilot)


async def to_reflection(pilot) -> None:
    await to_review_detail(pilot)
    await pilot.press("e")
    await settle(pilot)


SCREENS = {
    # name: (app maker, navigation, a saved session needed)
    "home": (home_app, to_home, False),
    "setup": (home_app, to_setup, False),
    "methods": (home_app, to_methods, False),
    "help": (run_app, to_help, False),
    "dialog_confirm_end": (run_app, to_confirm_end, False),
    "dialog_room_message": (run_app, to_room_message, False),
    "dialog_inbrenger": (run_app, to_inbrenger_picker, False),
    "wrapup": (run_app, to_wrapup, False),
    "review_list": (home_app, to_review, True),
    "review_detail": (home_app, to_review_detail, True),
    "reflection": (home_app, to_reflection, True),
}


@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("name", list(SCREENS))
def test_screen(snap_compare, name, lang, size):
    make, navigate, saved = SCREENS[name]
    if saved:
        save_a_session(lang)
    assert snap_compare(make(lang), terminal_size=SIZES[size], run_before=navigate)
