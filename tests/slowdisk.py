"""A disk as slow as the test wants: every write and fsync waits until the test lets it through.

No real sleeping: "500 ms" is however long the test holds the gate (it advances a FakeClock
meanwhile). `failing` makes every operation refuse, like a full disk.
"""

from __future__ import annotations

import errno
import threading

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
