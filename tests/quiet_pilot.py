"""Textual's Pilot without real-time waits: after each key and each `pause()` it runs the app
until it is quiet, instead of sleeping until the process looks idle.

Textual's pilot waits in `textual._wait.wait_for_idle`: it sleeps in 20 ms windows until one
passes with almost no CPU time used, at least 40 ms a key. Over this suite's thousands of keys
that was a third of its time, and how long it waited depended on how busy the machine was.
Here the wait is a fixed procedure instead: let every task that is ready run, and whenever
nothing is, do what Textual's timers would do a few milliseconds later (hand on a new terminal
size; draw the frame the screen has asked for: layout, repaint and the callbacks waiting for a
refresh) and go on, until nothing is ready and nothing is due. A thread's result (a worker, the journal's
writer) is never waited for here: a test that needs one waits for it by name
(`app.workers.wait_for_complete()`, `journal.drain()`).

It reaches into Textual (its pinned version, pyproject.toml) in one place: the two modules that
call `wait_for_idle`, the app's resize timer, the screen's frame state and the loop's ready queue. A Textual upgrade that
moves them fails `test_quiet_pilot.py`.
"""

from __future__ import annotations

import asyncio

import textual.app
import textual.pilot
from textual._context import active_app

# A bound for an app that keeps itself busy (it would be a bug; the test then goes on, as with Textual's wait).
MOST_TURNS = 10_000


def frame_wanted(screen) -> bool:
    """The screen has asked for a frame (the work Textual's frame timer does in `_on_timer_update`)."""
    return bool(
        screen._layout_required
        or screen._scroll_required
        or screen._repaint_required
        or screen._dirty_widgets
        or screen._callbacks
        or screen._recompose_required
    )


async def until_quiet(min_sleep: float = 0.0, max_sleep: float = 1.0) -> None:
    """In place of `wait_for_idle(min_sleep, max_sleep)`: run the app until it is quiet (its arguments,
    times in seconds, mean nothing here)."""
    loop = asyncio.get_running_loop()
    app = active_app.get(None)
    for _ in range(MOST_TURNS):
        await asyncio.sleep(0)
        if loop._ready:  # some task can go on: let it
            continue
        if app is not None and app._resize_timer is not None:
            app._check_resize()  # the terminal's new size, which Textual hands on 1/120 s later
            continue
        screen = app.screen if app is not None and app._running and app.screen_stack else None
        if screen is not None and not app._batch_count and frame_wanted(screen):
            screen._on_timer_update()
            continue
        return


def install() -> None:
    """Every pilot of this test session waits with `until_quiet`."""
    textual.app.wait_for_idle = until_quiet
    textual.pilot.wait_for_idle = until_quiet
