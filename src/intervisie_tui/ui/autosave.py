"""When typed notes are saved: shortly after typing pauses, and never later than a fixed time
after the first unsaved keystroke — so someone who types without pausing still has their
text in the journal within a second (a plain debounce would wait until they stop).

`UnsavedNotes` is the one way a screen saves typed notes (the run screen's notes panel and the wrap-up).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Hashable
from typing import Any, Generic, Protocol, TypeVar

QUIET = 0.4  # seconds without a change before saving
LONGEST = 0.8  # seconds at most between the first unsaved change and the save


class SaveDeadline:
    """Pure bookkeeping (no timers): when the pending changes must be saved."""

    def __init__(self, quiet: float = QUIET, longest: float = LONGEST) -> None:
        self.quiet = quiet
        self.longest = longest
        self._first: float | None = None  # time of the first change not yet saved
        self._last: float | None = None

    @property
    def pending(self) -> bool:
        return self._first is not None

    def changed(self, now: float) -> None:
        if self._first is None:
            self._first = now
        self._last = now

    def due_at(self) -> float | None:
        if self._first is None or self._last is None:
            return None
        return min(self._last + self.quiet, self._first + self.longest)

    def saved(self) -> None:
        self._first = self._last = None


class _Timer(Protocol):
    def stop(self) -> Any: ...


Schedule = Callable[[float, Callable[[], None]], _Timer]


class Autosave:
    """Calls `save()` at the deadline. `schedule(delay, callback)` starts a one-shot timer
    (a widget's `set_timer`); `clock()` gives monotonic seconds."""

    def __init__(
        self,
        schedule: Schedule,
        save: Callable[[], None],
        *,
        clock: Callable[[], float] = time.monotonic,
        quiet: float = QUIET,
        longest: float = LONGEST,
    ) -> None:
        self._schedule = schedule
        self._save = save
        self._clock = clock
        self.deadline = SaveDeadline(quiet, longest)
        self._timer: _Timer | None = None

    def changed(self) -> None:
        """Something was typed: (re)arm the timer for the deadline, never later than it was."""
        now = self._clock()
        self.deadline.changed(now)
        self._stop_timer()
        due = self.deadline.due_at()
        self._timer = self._schedule(max(0.0, (due or now) - now), self._fire)

    def _fire(self) -> None:
        self._timer = None
        self.deadline.saved()
        self._save()

    def saved(self) -> None:
        """The owner saved by itself (focus left, Enter): nothing is due any more."""
        self._stop_timer()
        self.deadline.saved()

    def _stop_timer(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None


Target = TypeVar("Target", bound=Hashable)


class UnsavedNotes(Generic[Target]):
    """The note fields typed in since the last save. `changed(target, read)` says one changed (`read()` gives its
    text as it is now); `save(target, text)` writes each at the autosave's deadline, or at once on `flush()` (the
    owner's: focus left, Enter, another phase, saving the session)."""

    def __init__(self, schedule: Schedule, save: Callable[[Target, str], None]) -> None:
        self._save = save
        self._unsaved: dict[Target, Callable[[], str]] = {}
        self.autosave = Autosave(schedule, self.flush)

    def changed(self, target: Target, read: Callable[[], str]) -> None:
        self._unsaved[target] = read
        self.autosave.changed()

    def flush(self) -> None:
        """Save everything typed since the last save (the note events record nothing for unchanged text)."""
        self.autosave.saved()
        unsaved, self._unsaved = self._unsaved, {}
        for target, read in unsaved.items():
            self._save(target, read())
