"""A disk as slow as the test wants: every write and fsync waits until the test lets it through.

No real sleeping: "500 ms" is however long the test holds the gate (it advances a FakeClock
meanwhile). `failing` makes every operation refuse, like a full disk.
"""

from __future__ import annotations

import errno
import threading
from contextlib import asynccontextmanager

from intervisie_tui.store.journal import JournalFiles


class SlowDisk(JournalFiles):
    def __init__(self) -> None:
        self.open_gate = threading.Event()
        self.open_gate.set()
        self.calls: list[str] = []  # "write" and "fsync", in the order the writer made them
        self.waiting = threading.Event()  # set while an operation waits at the gate
        self.failing = False
        self.threads: set[str] = set()  # names of the threads that touched the disk

    def hold(self) -> None:
        """From now on every write and fsync waits (a USB stick that takes its time)."""
        self.open_gate.clear()

    def let_through(self) -> None:
        self.open_gate.set()

    def _slow(self, name: str) -> None:
        self.threads.add(threading.current_thread().name)
        if not self.open_gate.is_set():
            self.waiting.set()
            self.open_gate.wait(timeout=30)
            self.waiting.clear()
        self.calls.append(name)
        if self.failing:
            raise OSError(errno.ENOSPC, "No space left on device")

    def open(self, path):
        self.threads.add(threading.current_thread().name)
        return super().open(path)

    def write(self, descriptor: int, data: bytes | memoryview) -> int:
        self._slow("write")
        return super().write(descriptor, data)

    def fsync(self, descriptor: int) -> None:
        self._slow("fsync")
        super().fsync(descriptor)


@asynccontextmanager
async def run_screen_started_on(disk: SlowDisk, plan, clock, library):
    """An app whose journals go to `disk`, its run screen started (space), ticking only when the test says:
    yields (app, pilot, screen)."""
    from intervisie_tui.settings import Settings
    from intervisie_tui.ui.app import IntervisieApp

    app = IntervisieApp(lang="nl", clock=clock, plan=plan, library=library, settings=Settings())
    app.store.journal_files = disk
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = app.screen
        screen.pause_ticking()  # the test ticks, so no tick comes from a real timer
        screen.guard_choice = "open"  # as if the mirrored-screen guard was answered (test_two_surfaces.py)
        await pilot.press("space")
        yield app, pilot, screen
