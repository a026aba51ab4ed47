"""SVG snapshots of the two surfaces: the display (80x24 and 200x50, running and paused, nl
and en, a room message), the console with a display attached, and the mirrored-screen guard.

Deterministic: a fake clock, a journal written by a scripted facilitator in the test's own
data folder, timers out of the way. Regenerate after an intended change with
`pytest tests/snapshots --snapshot-update`.
"""

from __future__ import annotations

import os

import pytest

from intervisie_tui.core.clock import FakeClock
from intervisie_tui.core.engine import SessionRunner
from intervisie_tui.core.library import load_library
from intervisie_tui.core.plan import SessionPlan
from intervisie_tui.settings import Settings
from intervisie_tui.store.room_link import APP_HEARTBEAT, DISPLAY_HEARTBEAT, write_pointer
from intervisie_tui.store.sessions import Store
from intervisie_tui.ui.app import IntervisieApp
from intervisie_tui.ui.display import DisplayApp

SMALL = (80, 24)
LARGE = (200, 50)


def plan_for(lang: str) -> SessionPlan:
    library = load_library(None, entry_points=())
    return SessionPlan.create(library.get("incident"), ["Anna", "Bram", "Cem", "Dewi"], inbrenger="Bram",
                              budget_minutes=90, language=lang)


def touch(path, clock: FakeClock) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.touch()
    moment = clock.wall().timestamp()
    os.utime(path, (moment, moment))


def scripted_display(data_dir, lang: str, paused: bool, message: str = "") -> DisplayApp:
    """A session four phases in, Cem's turn, 42 s into it (then paused, if asked)."""
    clock = FakeClock()
    store = Store(data_dir)
    plan = plan_for(lang)
    journal = store.start_live(plan)
    runner = SessionRunner(plan, clock, listeners=[journal.append])
    write_pointer(store.live_dir, journal.id)
    runner.start()
    for _ in range(3):
        runner.next_phase()
    runner.next_speaker()
    clock.advance(42)
    if paused:
        runner.pause()
    if message:
        runner.set_room_message(message)
    touch(store.live_dir / APP_HEARTBEAT, clock)
    return DisplayApp(data_dir, lang=lang, wall=lambda: clock.wall().timestamp(), poll_seconds=3600)


async def settle(pilot) -> None:
    await pilot.pause()
    pilot.app.poll()
    await pilot.pause()


CASES = {
    "running_nl_small": ("nl", SMALL, False, ""),
    "running_en_large": ("en", LARGE, False, ""),
    "paused_en_small": ("en", SMALL, True, ""),
    "paused_nl_large": ("nl", LARGE, True, ""),
    "message_nl_large": ("nl", LARGE, False, "Pauze tot 15:10"),
}


@pytest.mark.parametrize("name", list(CASES))
def test_display(snap_compare, tmp_path, name):
    lang, size, paused, message = CASES[name]
    app = scripted_display(tmp_path / "data", lang, paused, message)
    assert snap_compare(app, terminal_size=size, run_before=settle)


def test_display_waiting_nl(snap_compare, tmp_path):
    app = DisplayApp(tmp_path / "data", lang="nl", wall=lambda: 0.0, poll_seconds=3600)
    assert snap_compare(app, terminal_size=SMALL, run_before=settle)


def run_app(lang: str) -> tuple[IntervisieApp, FakeClock]:
    clock = FakeClock()
    library = load_library(None, entry_points=())
    plan = SessionPlan.create(library.get("incident"), ["Anna", "Bram", "Cem", "Dewi"], inbrenger="Bram",
                              case_title="Een lastig gesprek", budget_minutes=90, language=lang)
    app = IntervisieApp(lang=lang, clock=clock, plan=plan, library=library, settings=Settings(bell=False))
    return app, clock


def test_console_with_a_display_attached(snap_compare):
    app, clock = run_app("nl")

    async def run_before(pilot) -> None:
        await pilot.pause()
        screen = pilot.app.screen
        screen.pause_ticking()
        await pilot.press("space", "n", "n", "n", "t")
        clock.advance(42)
        touch(screen.journal.path.parent / DISPLAY_HEARTBEAT, clock)
        screen.tick()
        await pilot.pause()
        await pilot.pause()
        pilot.app.clear_notifications()
        await pilot.pause()

    assert snap_compare(app, terminal_size=(160, 45), run_before=run_before)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_mirrored_screen_guard(snap_compare, lang):
    app, clock = run_app(lang)

    async def run_before(pilot) -> None:
        await pilot.pause()
        pilot.app.screen.pause_ticking()
        await pilot.press("space", "e")
        await pilot.pause()

    assert snap_compare(app, terminal_size=(120, 35), run_before=run_before)
