"""The session state as a pure fold over the plan and its events.

Nothing here reads a clock: `apply` uses each event's own time and `view(now)` is
told what time it is. Replaying the same events always gives the same state.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum

from .events import Event, EventKind, NoteField
from .method import Phase, Speakers
from .plan import SessionPlan

LAST_MINUTE_SECONDS = 60


class Status(str, Enum):
    READY = "ready"
    RUNNING = "running"
    PAUSED = "paused"
    ENDED = "ended"


LIVE = (Status.RUNNING, Status.PAUSED)
ATTENDANCE = (EventKind.ARRIVE, EventKind.LEAVE)  # the record of hours; see core.hours
TURN_MOVES = (EventKind.NEXT_SPEAKER, EventKind.SKIP_SPEAKER, EventKind.PREVIOUS_SPEAKER)


@dataclass
class RoundState:
    order: tuple[str, ...]
    position: int = 0
    done: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    turn_elapsed: float = 0.0
    passes: int = 1  # some rounds go round more than once (one question per turn)

    def reorder(self, order: tuple[str, ...]) -> None:
        """A new order for the turns nobody has taken yet; taken turns stay as they were."""
        taken = self.order[: self.position]
        self.order = taken + tuple(name for name in order if name not in taken)

    @property
    def current(self) -> str | None:
        return self.order[self.position] if self.position < len(self.order) else None

    @property
    def next(self) -> str | None:
        following = self.position + 1
        return self.order[following] if following < len(self.order) else None


@dataclass
class PhaseRecord:
    elapsed: float = 0.0  # running seconds while this phase was current
    extra_minutes: int = 0
    visited: bool = False
    round: RoundState | None = None


NoteKey = tuple[str | None, NoteField, str | None]  # (phase id, field, participant)


def round_order(plan: SessionPlan, phase: Phase, inbrenger: str | None) -> tuple[str, ...]:
    """Participants in turn, starting with the one after the inbrenger. When the inbrenger
    takes part (a closing round), they go first: the methods ask for it."""
    people = list(plan.participants)
    if inbrenger in people:
        start = people.index(inbrenger)
        people = people[start + 1 :] + people[:start]
        if phase.inbrenger_in_round:
            people.insert(0, inbrenger)
    return tuple(people)


@dataclass
class SessionState:
    plan: SessionPlan
    status: Status = Status.READY
    phase_index: int = 0
    phases: list[PhaseRecord] = field(default_factory=list)
    inbrenger: str | None = None
    speaking: dict[str, float] = field(default_factory=dict)
    notes: dict[NoteKey, str] = field(default_factory=dict)
    last_t: float = 0.0
    started_at: datetime | None = None
    ended_at: datetime | None = None
    away: set[str] = field(default_factory=set)  # participants not in the room right now

    @classmethod
    def initial(cls, plan: SessionPlan) -> SessionState:
        return cls(
            plan=plan,
            phases=[PhaseRecord() for _ in plan.method.phases],
            inbrenger=plan.inbrenger,
            speaking={name: 0.0 for name in plan.participants},
        )

    @classmethod
    def replay(cls, plan: SessionPlan, events: Iterable[Event]) -> SessionState:
        state = cls.initial(plan)
        for event in events:
            state.apply(event)
        return state

    # -- reading -------------------------------------------------------------------------

    @property
    def phase(self) -> Phase:
        return self.plan.method.phases[self.phase_index]

    @property
    def record(self) -> PhaseRecord:
        return self.phases[self.phase_index]

    def allotted_seconds(self, index: int) -> float:
        return (self.plan.phase_minutes[index] + self.phases[index].extra_minutes) * 60.0

    def current_speaker(self) -> str | None:
        """Whose speaking time the clock counts right now (None: the group, or nobody)."""
        speakers = self.phase.speakers
        if speakers is Speakers.INBRENGER:
            return self.inbrenger
        if speakers is Speakers.ROUND and self.record.round is not None:
            return self.record.round.current
        if speakers is Speakers.FACILITATOR and self.plan.facilitator in self.speaking:
            return self.plan.facilitator
        return None

    def note(self, field_: NoteField, phase: str | None = None, key: str | None = None) -> str:
        return self.notes.get((phase, field_, key), "")

    # -- folding -------------------------------------------------------------------------

    def _settle(self, t: float) -> None:
        """Book the running time since the last event to the phase, turn and speaker."""
        t = max(t, self.last_t)
        if self.status is Status.RUNNING:
            spent = t - self.last_t
            record = self.record
            record.elapsed += spent
            if record.round is not None and record.round.current is not None:
                record.round.turn_elapsed += spent
            speaker = self.current_speaker()
            if speaker is not None:
                self.speaking[speaker] = self.speaking.get(speaker, 0.0) + spent
        self.last_t = t

    def _enter(self, index: int) -> None:
        self.phase_index = index
        record = self.phases[index]
        record.visited = True
        phase = self.plan.method.phases[index]
        if phase.speakers is Speakers.ROUND and record.round is None:
            record.round = RoundState(order=round_order(self.plan, phase, self.inbrenger))

    def apply(self, event: Event) -> None:
        self._settle(event.t)
        kind = event.kind
        if kind is EventKind.CHECKPOINT:
            return
        if kind in ATTENDANCE:
            if event.name in self.plan.participants:
                (self.away.discard if kind is EventKind.ARRIVE else self.away.add)(event.name)
            return
        if kind is EventKind.NOTE:
            assert event.field is not None
            self.notes[(event.phase, event.field, event.key)] = event.text or ""
            return
        if kind is EventKind.SET_INBRENGER:
            self.inbrenger = event.name if event.name in self.plan.participants else None
            for phase, record in zip(self.plan.method.phases, self.phases):
                if record.round is not None:
                    record.round.reorder(round_order(self.plan, phase, self.inbrenger))
            return
        if self.status is Status.ENDED:
            return
        if kind is EventKind.START and self.status is Status.READY:
            self.status = Status.RUNNING
            self.started_at = event.at
            self._enter(0)
        elif kind is EventKind.PAUSE and self.status is Status.RUNNING:
            self.status = Status.PAUSED
        elif kind is EventKind.RESUME and self.status is Status.PAUSED:
            self.status = Status.RUNNING
        elif kind is EventKind.END:
            self.status = Status.ENDED
            self.ended_at = event.at
        elif self.status is Status.READY:
            return
        elif kind is EventKind.GOTO and event.index is not None:
            if 0 <= event.index < len(self.phases):
                self._enter(event.index)
        elif kind is EventKind.EXTEND and event.minutes and self.can_extend(event.minutes):
            self.record.extra_minutes += event.minutes
        elif kind in TURN_MOVES and self.can_move_turn(kind):
            self._move_turn(kind)

    # -- rules shared by the fold and the runner ------------------------------------------------

    def can_extend(self, minutes: int) -> bool:
        """A phase keeps at least one minute."""
        planned = self.plan.phase_minutes[self.phase_index]
        return self.status in LIVE and planned + self.record.extra_minutes + minutes >= 1

    def can_move_turn(self, kind: EventKind) -> bool:
        turns = self.record.round
        if self.status not in LIVE or turns is None or not turns.order:
            return False
        if kind is EventKind.PREVIOUS_SPEAKER:
            return turns.position > 0
        if kind is EventKind.SKIP_SPEAKER:
            return turns.current is not None
        return True  # next speaker; after the last one it starts another pass

    def _move_turn(self, kind: EventKind) -> None:
        turns = self.record.round
        assert turns is not None
        if kind is EventKind.PREVIOUS_SPEAKER:
            turns.position -= 1
            person = turns.order[turns.position]
            for spoken in (turns.done, turns.skipped):
                if person in spoken:
                    spoken.remove(person)
        elif turns.current is None:
            turns.position = 0
            turns.done.clear()
            turns.skipped.clear()
            turns.passes += 1
        else:
            person = turns.current
            (turns.done if kind is EventKind.NEXT_SPEAKER else turns.skipped).append(person)
            turns.position += 1
        turns.turn_elapsed = 0.0

    # -- the live view -------------------------------------------------------------------

    def elapsed_at(self, index: int, now: float) -> float:
        elapsed = self.phases[index].elapsed
        if self.status is Status.RUNNING and index == self.phase_index:
            elapsed += max(0.0, now - self.last_t)
        return elapsed

    def speaking_at(self, now: float) -> dict[str, float]:
        """Speaking time per participant up to `now`: the current speaker's running stretch
        is booked only at the next event, so it is added here."""
        speaking = dict(self.speaking)
        speaker = self.current_speaker()
        if speaker is not None and self.status is Status.RUNNING:
            speaking[speaker] = speaking.get(speaker, 0.0) + max(0.0, now - self.last_t)
        return speaking

    def view(self, now: float) -> SessionView:
        index = self.phase_index
        allotted = self.allotted_seconds(index)
        remaining = allotted - self.elapsed_at(index, now)
        turns = self.record.round
        turn = None
        if turns is not None:
            turn_remaining = None
            seconds = self.phase.turn_seconds
            if seconds is not None and turns.current is not None:
                running = now - self.last_t if self.status is Status.RUNNING else 0.0
                turn_remaining = seconds - (turns.turn_elapsed + max(0.0, running))
            turn = TurnView(
                current=turns.current,
                next=turns.next,
                position=turns.position,
                total=len(turns.order),
                done=tuple(turns.done),
                skipped=tuple(turns.skipped),
                turn_remaining=turn_remaining,
            )
        return SessionView(
            status=self.status,
            phase_index=index,
            phase_count=len(self.phases),
            phase=self.phase,
            allotted=allotted,
            remaining=remaining,
            turn=turn,
            inbrenger=self.inbrenger,
        )


@dataclass(frozen=True)
class TurnView:
    current: str | None
    next: str | None
    position: int
    total: int
    done: tuple[str, ...]
    skipped: tuple[str, ...]
    turn_remaining: float | None  # None when the phase has no per-turn time

    @property
    def finished(self) -> bool:
        return self.current is None


@dataclass(frozen=True)
class SessionView:
    """What the shared screen shows at one moment."""

    status: Status
    phase_index: int
    phase_count: int
    phase: Phase
    allotted: float
    remaining: float  # negative once the phase runs over
    turn: TurnView | None
    inbrenger: str | None

    @property
    def overtime(self) -> float:
        return max(0.0, -self.remaining)

    @property
    def is_over(self) -> bool:
        return self.remaining <= 0

    @property
    def is_last_minute(self) -> bool:
        return 0 < self.remaining <= LAST_MINUTE_SECONDS

    @property
    def is_last_phase(self) -> bool:
        return self.phase_index == self.phase_count - 1
