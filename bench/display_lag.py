"""Key-to-display lag: an event appended to the journal, until the display's screen changed.

    python bench/display_lag.py [--events 20] [--size 200x50]

`intervisie display` runs headless in this process on the real clock, following a live
session in a throw-away data folder. Each round the facilitator's runner records one event
(pause, resume, next speaker …: what a key on the laptop does), written and fsynced to the
journal; the time runs from there to the end of the display's next paint that shows it. The
baseline, in the same run, is a minimal Textual app that polls a file with os.stat at the
same rate and repaints one line when it grew. Rounds start at random moments, so the
polling phase is sampled evenly. Prints median and max of each. Figures only; nothing is
asserted (the aim: within 0.5 s).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import statistics
import tempfile
import time
from pathlib import Path

from textual.app import App
from textual.widgets import Static

from intervisie_tui.core.clock import SystemClock
from intervisie_tui.core.engine import SessionRunner
from intervisie_tui.core.library import load_library
from intervisie_tui.core.plan import SessionPlan
from intervisie_tui.store.room_link import APP_HEARTBEAT, write_pointer
from intervisie_tui.store.sessions import Store
from intervisie_tui.ui.display import POLL_SECONDS, DisplayApp, DisplayScreen


class Painted:
    """Set when a change was painted: the app calls `changed()` where its view changes."""

    def __init__(self) -> None:
        self.event = asyncio.Event()
        self.at = 0.0

    def changed(self, app: App) -> None:
        app.call_after_refresh(self._done)

    def _done(self) -> None:
        self.at = time.perf_counter()
        self.event.set()


class MinimalFollower(App):
    """The baseline: one line showing a file's size, polled like the display polls."""

    def __init__(self, path: Path, painted: Painted) -> None:
        super().__init__()
        self.path = path
        self.painted = painted
        self.size_seen = -1

    def compose(self):
        yield Static("", id="size")

    def on_mount(self) -> None:
        self.set_interval(POLL_SECONDS, self.poll)

    def poll(self) -> None:
        size = os.stat(self.path).st_size
        if size != self.size_seen:
            self.size_seen = size
            self.query_one(Static).update(str(size))
            self.painted.changed(self)


def live_session(data_dir: Path) -> tuple[SessionRunner, Path]:
    """A running session in `data_dir`, and the app's heartbeat file (kept fresh by the rounds)."""
    library = load_library(None, entry_points=())
    plan = SessionPlan.create(
        library.get("incident"), ["Anna", "Bram", "Cem", "Dewi"], inbrenger="Bram", budget_minutes=90
    )
    store = Store(data_dir)
    journal = store.start_live(plan)
    runner = SessionRunner(plan, SystemClock(), listeners=[journal.append])
    write_pointer(store.live_dir, journal.id)
    heartbeat = store.live_dir / APP_HEARTBEAT
    heartbeat.touch()
    runner.start()
    runner.jump_to(3)  # the information round: turns to move
    return runner, heartbeat


def facilitator_keys(runner: SessionRunner):
    """One recorded event per call, like the keys a facilitator presses."""
    actions = [runner.pause, runner.resume_clock, runner.next_speaker, lambda: runner.extend(1)]
    index = 0
    while True:
        action = actions[index % len(actions)]
        index += 1
        if action():
            yield


async def measure(app: App, painted: Painted, act, events: int, size: tuple[int, int]) -> list[float]:
    lags = []
    async with app.run_test(size=size) as pilot:
        await pilot.pause(0.5)
        for _ in range(events):
            await asyncio.sleep(random.uniform(0.05, 0.35))
            painted.event.clear()
            act()
            started = time.perf_counter()
            await asyncio.wait_for(painted.event.wait(), timeout=5)
            lags.append(painted.at - started)
    return lags


async def main_async(events: int, size: tuple[int, int]) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        data = Path(scratch) / "data"
        runner, heartbeat = live_session(data)
        keys = facilitator_keys(runner)

        def press() -> None:
            heartbeat.touch()  # the app is there: no "app gone" line changes the screen meanwhile
            next(keys)

        painted = Painted()
        display = DisplayApp(data, lang="nl")
        original = DisplayScreen.watch_scene

        lines_shown = [0]

        def watch_scene(screen, old, scene):
            """A scene with a line not shown before: the event is on screen at the next paint
            (a new second alone does not count)."""
            original(screen, old, scene)
            follower = screen.app.follower.follower
            if follower is not None and follower.lines_read > lines_shown[0]:
                lines_shown[0] = follower.lines_read
                painted.changed(screen.app)

        DisplayScreen.watch_scene = watch_scene  # type: ignore[method-assign]
        ours = await measure(display, painted, press, events, size)

        path = Path(scratch) / "grows.txt"
        path.write_text("")

        def grow() -> None:
            with path.open("a") as stream:
                stream.write("x\n")

        painted = Painted()
        baseline = await measure(MinimalFollower(path, painted), painted, grow, events, size)

    print(f"{events} events at {size[0]}x{size[1]}, headless, polling every {POLL_SECONDS:.1f} s:")
    for name, lags in (("minimal stat-polling app", baseline), ("intervisie display", ours)):
        print(f"  {name:26s} median {statistics.median(lags) * 1000:6.0f} ms   max {max(lags) * 1000:6.0f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description="key-to-display lag of intervisie display vs a minimal follower")
    parser.add_argument("--events", type=int, default=20)
    parser.add_argument("--size", default="200x50", help="terminal size, WIDTHxHEIGHT")
    args = parser.parse_args()
    size = tuple(int(part) for part in args.size.lower().split("x"))
    asyncio.run(main_async(args.events, size))  # type: ignore[arg-type]


if __name__ == "__main__":
    main()
