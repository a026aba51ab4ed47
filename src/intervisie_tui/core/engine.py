"""The session runner: turns facilitator actions into timestamped events.

Each action that changes something records exactly one event, folds it into the
state and tells the listeners (the journal, the screen). Actions that would change
nothing (pausing a paused session, next phase on the last one) record nothing and
return False, and `refusal` then says why (for a short notice).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable

from .clock import Clock
from .events import Event, EventKind, NoteField
from .plan import SessionPlan
from .state import LIVE, Refusal, SessionState, SessionView, Status

Listener = Callable[[Event], object]  # what a listener returns is not looked at
# With the run screen's tick (every 0.5 s) this records the time about once a second: after a
# crash or kill -9 the session resumes at most about a second before where it stood.
CHECKPOINT_SECONDS = 0.75


class SessionRunner:
    def __init__(
        self,
        plan: SessionPlan,
        clock: Clock,
        events: Iterable[Event] = (),
        *,
        listeners: Iterable[Listener] = (),
        extend_takes_from_later: bool = False,
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
        # Whether a minute more for this phase is taken from the later ones (the session's end stays).
        self.extend_takes_from_later = extend_takes_from_later
        self.refusal: Refusal | None = None  # why the last action did nothing

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
        self.refusal = None
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

    def _refuse(self, refusal: Refusal | str | None) -> bool:
        """Do nothing, and keep why (None: nothing to say, the action simply did not apply)."""
        self.refusal = Refusal(refusal) if isinstance(refusal, str) else refusal
        return False

    def _not_live(self) -> bool:
        return self._refuse("refusal.not_started" if self.status is Status.READY else "refusal.ended")

    # -- actions -------------------------------------------------------------------------

    def start(self) -> bool:
        if self.status is not Status.READY:
            return self._refuse("refusal.ended" if self.status is Status.ENDED else None)
        return self._record(EventKind.START)

    def pause(self) -> bool:
        if not self._live():
            return self._not_live()
        if self.status is not Status.RUNNING:
            return self._refuse(None)
        return self._record(EventKind.PAUSE)

    def resume_clock(self) -> bool:
        if self.state.on_break:
            return self.end_break()
        if not self._live():
            return self._not_live()
        if self.status is not Status.PAUSED:
            return self._refuse(None)
        return self._record(EventKind.RESUME)

    def toggle_pause(self) -> bool:
        """Space: start, pause or go on (a break ends with it too)."""
        if self.status is Status.READY:
            return self.start()
        return self.pause() if self.status is Status.RUNNING else self.resume_clock()

    def start_break(self, minutes: int = 0) -> bool:
        """A break: the clock stops, the break's time is kept apart; 0 minutes: it counts up."""
        if not self._live():
            return self._not_live()
        if self.state.on_break:
            return self._refuse("refusal.on_break")
        return self._record(EventKind.BREAK_START, minutes=max(0, minutes))

    def change_break(self, minutes: int) -> bool:
        """Minutes more (or, negative, less) for the break. From counting up, the first minute
        more gives the break the whole minutes it has lasted plus one; down to 0 it counts up again."""
        state = self.state
        if not state.on_break:
            return self._refuse("refusal.not_on_break")
        if minutes == 0:
            return self._refuse(None)
        current = state.break_minutes
        if current == 0:
            if minutes < 0:
                return self._refuse("refusal.break_counts_up")
            current = math.floor((self.now() - state.break_started_t) / 60)
        return self._record(EventKind.BREAK_LENGTH, minutes=max(0, current + minutes))

    def end_break(self) -> bool:
        if not self.state.on_break:
            return self._refuse("refusal.not_on_break")
        return self._record(EventKind.BREAK_END)

    def jump_to(self, index: int) -> bool:
        phase_count = len(self.plan.method.phases)
        if not self._live():
            return self._not_live()
        if not 0 <= index < phase_count:
            return self._refuse("refusal.last_phase" if index >= phase_count else "refusal.first_phase")
        if index == self.state.phase_index:
            return self._refuse(None)
        return self._record(EventKind.GOTO, index=index)

    def next_phase(self) -> bool:
        return self.jump_to(self.state.phase_index + 1)

    def previous_phase(self) -> bool:
        return self.jump_to(self.state.phase_index - 1)

    def extend(self, minutes: int = 1, *, from_later: bool | None = None) -> bool:
        """Minutes more (or, negative, less) for the current phase. `from_later` (by default
        `extend_takes_from_later`): the later phases give those minutes, as far as their minimums
        allow, or get them back, so the session's end stays where it was."""
        if minutes == 0:
            return self._refuse(None)
        take = self.extend_takes_from_later if from_later is None else from_later
        balance = self.state.balance_for(minutes) if take and self._live() else ()
        refusal = self.state.extend_refusal(minutes, balance)
        if refusal is not None:
            return self._refuse(refusal)
        return self._record(EventKind.EXTEND, minutes=minutes, balance=balance or None)

    def _turn(self, kind: EventKind) -> bool:
        refusal = self.state.turn_refusal(kind)
        if refusal is not None:
            return self._refuse(refusal)
        return self._record(kind)

    def next_speaker(self) -> bool:
        """The current speaker is done; after the last one, the round starts another pass."""
        return self._turn(EventKind.NEXT_SPEAKER)

    def previous_speaker(self) -> bool:
        """Back one turn; at the start of a pass, back to the last turn of the pass before."""
        return self._turn(EventKind.PREVIOUS_SPEAKER)

    def skip_speaker(self) -> bool:
        return self._turn(EventKind.SKIP_SPEAKER)

    def set_inbrenger(self, name: str | None) -> bool:
        if name is not None and name not in self.plan.participants:
            raise ValueError(f"'{name}' is not one of the participants")
        if name == self.state.inbrenger:
            return self._refuse(None)
        return self._record(EventKind.SET_INBRENGER, name=name)

    def set_note(self, field: NoteField, text: str, *, phase: str | None = None, key: str | None = None) -> bool:
        if self.state.note(field, phase, key) == text:
            return self._refuse(None)
        return self._record(EventKind.NOTE, field=field, text=text, phase=phase, key=key)

    def arrive(self, name: str) -> bool:
        """A participant came in late (or came back): their hours count from now."""
        return name in self.plan.participants and self._record(EventKind.ARRIVE, name=name)

    def leave(self, name: str) -> bool:
        """A participant left before the end: their hours stop counting now."""
        return name in self.plan.participants and self._record(EventKind.LEAVE, name=name)

    def checkpoint(self, every: float = CHECKPOINT_SECONDS) -> bool:
        """While a clock runs (the session's or a break's), record the time now and then (call it on
        every refresh): after a crash the session resumes at its last event, so at most `every`
        seconds are lost."""
        counting = self.status is Status.RUNNING or self.state.on_break
        if not (counting and self.now() - self.state.last_t >= every):
            return False
        if self.events and self.events[-1].kind is EventKind.CHECKPOINT:
            # A checkpoint changes nothing but the time: of a quiet stretch only the newest is kept in
            # memory (and so in the document); the journal on disk still gets every one.
            self.events.pop()
        return self._record(EventKind.CHECKPOINT)

    def set_room_message(self, text: str) -> bool:
        """A short message shown large on the room's screen; empty text clears it."""
        text = text.strip()
        return text != self.state.room_message and self._record(EventKind.ROOM_MESSAGE, text=text)

    def cover(self, covered: bool) -> bool:
        """Cover (or uncover) the room's screen; the clock goes on unless paused."""
        if covered == self.state.covered:
            return False
        return self._record(EventKind.COVER if covered else EventKind.UNCOVER)

    def end(self) -> bool:
        if self.status is Status.ENDED:
            return self._refuse("refusal.ended")
        return self._record(EventKind.END)
