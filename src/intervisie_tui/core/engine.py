"""The session runner: turns facilitator actions into timestamped events.

Each action that changes something records exactly one event, folds it into the
state and tells the listeners (the journal, the screen). Actions that would change
nothing (pausing a paused session, next phase on the last one) record nothing and
return False.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from .clock import Clock
from .events import Event, EventKind, NoteField
from .plan import SessionPlan
from .state import LIVE, SessionState, SessionView, Status

Listener = Callable[[Event], None]
CHECKPOINT_SECONDS = 30.0


class SessionRunner:
    def __init__(
        self,
        plan: SessionPlan,
        clock: Clock,
        events: Iterable[Event] = (),
        *,
        listeners: Iterable[Listener] = (),
    ) -> None:
        self.plan = plan
        self.clock = clock
        self.events: list[Event] = list(events)
        self.state = SessionState.replay(plan, self.events)
        # The session timeline continues from the last event: time while the app was
        # not running (a crash, a kill) is not counted.
        last_t = self.events[-1].t if self.events else 0.0
        self._offset = clock.monotonic() - last_t
        self.listeners: list[Listener] = list(listeners)

    @classmethod
    def recover(cls, plan: SessionPlan, clock: Clock, events: Iterable[Event], **kwargs) -> SessionRunner:
        """Rebuild an interrupted session, paused at the moment of its last event."""
        runner = cls(plan, clock, events, **kwargs)
        if runner.state.status is Status.RUNNING:
            runner.pause()
        return runner

    # -- time ----------------------------------------------------------------------------

    def now(self) -> float:
        return self.clock.monotonic() - self._offset

    def view(self) -> SessionView:
        return self.state.view(self.now())

    # -- recording -----------------------------------------------------------------------

    def _record(self, kind: EventKind, **payload) -> bool:
        event = Event(kind=kind, t=max(self.now(), self.state.last_t), at=self.clock.wall(), **payload)
        self.events.append(event)
        self.state.apply(event)
        for listener in self.listeners:
            listener(event)
        return True

    @property
    def status(self) -> Status:
        return self.state.status

    def _live(self) -> bool:
        return self.status in LIVE

    # -- actions -------------------------------------------------------------------------

    def start(self) -> bool:
        return self.status is Status.READY and self._record(EventKind.START)

    def pause(self) -> bool:
        return self.status is Status.RUNNING and self._record(EventKind.PAUSE)

    def resume_clock(self) -> bool:
        return self.status is Status.PAUSED and self._record(EventKind.RESUME)

    def toggle_pause(self) -> bool:
        if self.status is Status.READY:
            return self.start()
        return self.pause() or self.resume_clock()

    def jump_to(self, index: int) -> bool:
        phase_count = len(self.plan.method.phases)
        if not self._live() or not 0 <= index < phase_count or index == self.state.phase_index:
            return False
        return self._record(EventKind.GOTO, index=index)

    def next_phase(self) -> bool:
        return self.jump_to(self.state.phase_index + 1)

    def previous_phase(self) -> bool:
        return self.jump_to(self.state.phase_index - 1)

    def extend(self, minutes: int = 1) -> bool:
        """Minutes more (or, negative, less) for the current phase."""
        return minutes != 0 and self.state.can_extend(minutes) and self._record(EventKind.EXTEND, minutes=minutes)

    def _turn(self, kind: EventKind) -> bool:
        return self.state.can_move_turn(kind) and self._record(kind)

    def next_speaker(self) -> bool:
        """The current speaker is done; after the last one, the round starts another pass."""
        return self._turn(EventKind.NEXT_SPEAKER)

    def previous_speaker(self) -> bool:
        return self._turn(EventKind.PREVIOUS_SPEAKER)

    def skip_speaker(self) -> bool:
        return self._turn(EventKind.SKIP_SPEAKER)

    def set_inbrenger(self, name: str | None) -> bool:
        if name is not None and name not in self.plan.participants:
            raise ValueError(f"'{name}' is not one of the participants")
        if name == self.state.inbrenger:
            return False
        return self._record(EventKind.SET_INBRENGER, name=name)

    def set_note(self, field: NoteField, text: str, *, phase: str | None = None, key: str | None = None) -> bool:
        if self.state.note(field, phase, key) == text:
            return False
        return self._record(EventKind.NOTE, field=field, text=text, phase=phase, key=key)

    def arrive(self, name: str) -> bool:
        """A participant came in late (or came back): their hours count from now."""
        return name in self.plan.participants and self._record(EventKind.ARRIVE, name=name)

    def leave(self, name: str) -> bool:
        """A participant left before the end: their hours stop counting now."""
        return name in self.plan.participants and self._record(EventKind.LEAVE, name=name)

    def checkpoint(self, every: float = CHECKPOINT_SECONDS) -> bool:
        """While the clock runs, record the time now and then (call it on every refresh):
        after a crash the session resumes at its last event, so at most `every` seconds are lost."""
        running = self.status is Status.RUNNING
        return running and self.now() - self.state.last_t >= every and self._record(EventKind.CHECKPOINT)

    def end(self) -> bool:
        return self.status is not Status.ENDED and self._record(EventKind.END)
