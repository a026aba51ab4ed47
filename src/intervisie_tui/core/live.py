"""One live session: its plan, runner and journal, what is allowed now, and the room's view.

The run screen asks `can(action)` before every key (it is the only place those rules
live) and shows `room(lang)`, the snapshot the room may read. Pure: no Textual.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from .engine import SessionRunner
from .message import Message
from .plan import SessionPlan
from .room import RoomView, room_view
from .state import LIVE, Refusal, Status

TURN_ACTIONS = frozenset({"next_speaker", "previous_speaker", "skip_speaker"})
WHILE_COVERED = frozenset({"toggle_blank", "help"})  # a covered shared screen: nothing may change unseen
ENDED_REFUSES = frozenset({"toggle_pause", "next_phase", "end_session", "choose_inbrenger", "room_message"})


class Journal(Protocol):
    problem: Message | None

    def retry(self) -> bool: ...


class Session:
    """`display_attached()` says whether a room display follows this session now (its
    heartbeat is fresh); then this screen is the facilitator's own and the rules differ."""

    def __init__(
        self,
        runner: SessionRunner,
        journal: Journal | None = None,
        *,
        display_attached: Callable[[], bool] = lambda: False,
    ) -> None:
        self.runner = runner
        self.journal = journal
        self._display_attached = display_attached

    @property
    def plan(self) -> SessionPlan:
        return self.runner.plan

    @property
    def status(self) -> Status:
        return self.runner.status

    @property
    def display_attached(self) -> bool:
        return self._display_attached()

    @property
    def covered(self) -> bool:
        return self.runner.state.covered

    def disk_problem(self) -> Message | None:
        """What the disk refused, after one more try (at most every few seconds); None when all is saved."""
        journal = self.journal
        if journal is None or not journal.problem:
            return None
        journal.retry()
        return journal.problem

    def can(self, action: str, display_attached: bool | None = None) -> bool:
        """Whether the facilitator's `action` (a run-screen action name) does anything now."""
        attached = self.display_attached if display_attached is None else display_attached
        if self.covered and not attached:
            # This screen is the room's, covered: only uncovering (and help) work.
            return action in WHILE_COVERED
        status = self.status
        if action in TURN_ACTIONS:
            return status in LIVE and self.runner.state.record.round is not None
        if action in ("extend", "previous_phase", "toggle_break"):
            return status in LIVE
        return not (status is Status.ENDED and action in ENDED_REFUSES)

    def refusal(self, action: str, display_attached: bool | None = None) -> Refusal | None:
        """Why `can(action)` says no, for a short notice (None when it can be done)."""
        if self.can(action, display_attached):
            return None
        attached = self.display_attached if display_attached is None else display_attached
        if self.covered and not attached:
            return Refusal("refusal.covered", {"key": "b"})
        status = self.status
        if status is Status.READY:
            return Refusal("refusal.not_started")
        if status is Status.ENDED:
            return Refusal("refusal.ended")
        if action in TURN_ACTIONS:
            return Refusal("refusal.no_round")
        return Refusal("refusal.cannot_now")

    def room(self, lang: str) -> RoomView:
        """What the room reads at this moment."""
        return room_view(self.runner.state, self.runner.now(), lang)
