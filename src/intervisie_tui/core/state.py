"""The session state as a pure fold over the plan and its events.

Nothing here reads a clock: `apply` uses each event's own time and `view(now)` is
told what time it is. Replaying the same events always gives the same state.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import field
from datetime import datetime, timedelta
from enum import Enum
from typing import NamedTuple

from .events import Event, EventKind, NoteField
from .message import Message
from .method import Phase, Speakers
from .plan import SessionPlan
from .records import record

LAST_MINUTE_SECONDS = 60


class Status(str, Enum):
    READY = "ready"
    RUNNING = "running"
    PAUSED = "paused"
    ENDED = "ended"


LIVE = (Status.RUNNING, Status.PAUSED)
ATTENDANCE = (EventKind.ARRIVE, EventKind.LEAVE)  # the record of hours; see core.hours
TURN_MOVES = (EventKind.NEXT_SPEAKER, EventKind.SKIP_SPEAKER, EventKind.PREVIOUS_SPEAKER)
MIN_PHASE_MINUTES = 1  # shortening stops here; a phase with no time at all is a skipped phase


class Refusal(Message):
    """Why an action cannot be done now (a `refusal.*` message), for a short notice."""


ROOM_SCREEN = (EventKind.ROOM_MESSAGE, EventKind.COVER, EventKind.UNCOVER)


@record
class RoundState:
    """A round in a phase: the speaking order, whose turn it is, who spoke and who was skipped."""

    order: tuple[str, ...]
    position: int = 0
    done: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    turn_elapsed: float = 0.0
    passes: int = 1  # some rounds go round more than once (one question per turn)
    earlier_passes: list[tuple[tuple[str, ...], tuple[str, ...]]] = field(default_factory=list)  # (done, skipped)

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


@record
class PhaseRecord:
    """What happened in one phase so far: time spent, minutes added, its round."""

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


@record
class SessionState:
    """The session as its events left it: folded from the plan and the events, never stored."""

    plan: SessionPlan
    status: Status = Status.READY
    phase_index: int = 0
    phases: list[PhaseRecord] = field(default_factory=list)
    inbrenger: str | None = None
    speaking: dict[str, float] = field(default_factory=dict)
    notes: dict[NoteKey, str] = field(default_factory=dict)
    last_t: float = 0.0
    last_at: datetime | None = None  # the wall-clock moment of the last event
    started_at: datetime | None = None
    ended_at: datetime | None = None
    away: set[str] = field(default_factory=set)  # participants not in the room right now
    on_break: bool = False
    break_started_t: float = 0.0
    break_started_at: datetime | None = None
    break_minutes: int = 0  # the current break's length from its start; 0: it counts up
    break_seconds: float = 0.0  # the breaks that are over
    breaks: int = 0
    room_message: str = ""  # shown large on the room's screen until cleared
    covered: bool = False  # the room's screen shows a neutral cover

    @classmethod
    def initial(cls, plan: SessionPlan) -> SessionState:
        return cls(
            plan=plan,
            phases=[PhaseRecord() for _ in plan.method.phases],
            inbrenger=plan.inbrenger,
            speaking=dict.fromkeys(plan.participants, 0.0),
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
        """The text of one note field. The case question typed at set-up is the case-question
        field's text until the field is edited: the plan holds it, so no event repeats it."""
        text = self.notes.get((phase, field_, key))
        if text is None and field_ is NoteField.CASE_QUESTION:
            return self.plan.case_question
        return text or ""

    # -- folding -------------------------------------------------------------------------

    def _settle(self, t: float, at: datetime) -> None:
        """Book the running time since the last event to the phase, turn and speaker."""
        t = max(t, self.last_t)
        self.last_at = at
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
        self._settle(event.t, event.at)
        kind = event.kind
        if kind is EventKind.CHECKPOINT:
            return
        if kind in ATTENDANCE:
            if event.name in self.plan.participants:
                (self.away.discard if kind is EventKind.ARRIVE else self.away.add)(event.name)
            return
        if kind is EventKind.NOTE:
            if event.field is None:  # never validated (a damaged file is refused on reading)
                return
            self.notes[(event.phase, event.field, event.key)] = event.text or ""
            return
        if kind in ROOM_SCREEN:
            self._apply_room_screen(event)
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
        elif (kind is EventKind.RESUME and self.status is Status.PAUSED) or (
            kind is EventKind.BREAK_END and self.on_break
        ):
            self._end_break()
            self.status = Status.RUNNING
        elif kind is EventKind.END:
            self._end_break()
            self.status = Status.ENDED
            self.ended_at = event.at
        elif self.status is Status.READY:
            return
        elif kind is EventKind.BREAK_START and not self.on_break:
            self.status = Status.PAUSED
            self.on_break = True
            self.break_started_t = self.last_t
            self.break_started_at = event.at
            self.break_minutes = max(0, event.minutes or 0)
            self.breaks += 1
        elif kind is EventKind.BREAK_LENGTH and self.on_break and event.minutes is not None:
            self.break_minutes = max(0, event.minutes)
        elif kind is EventKind.GOTO and event.index is not None:
            if 0 <= event.index < len(self.phases):
                self._enter(event.index)
        elif kind is EventKind.EXTEND and event.minutes and self.can_extend(event.minutes, event.balance or ()):
            self.record.extra_minutes += event.minutes
            give = 1 if event.minutes > 0 else -1
            for index in event.balance or ():
                self.phases[index].extra_minutes -= give
        elif kind in TURN_MOVES and self.can_move_turn(kind):
            self._move_turn(kind)

    def _end_break(self) -> None:
        if self.on_break:
            self.on_break = False
            self.break_seconds += self.last_t - self.break_started_t

    def _apply_room_screen(self, event: Event) -> None:
        """What the room's screen shows besides the session: allowed in every status, so a
        message or the cover can stay up before the start and after the end."""
        if event.kind is EventKind.ROOM_MESSAGE:
            self.room_message = event.text or ""
        else:
            self.covered = event.kind is EventKind.COVER

    # -- rules shared by the fold and the runner ------------------------------------------------

    def allotted_minutes(self, index: int) -> int:
        return self.plan.phase_minutes[index] + self.phases[index].extra_minutes

    def extend_refusal(self, minutes: int, balance: Iterable[int] = ()) -> Refusal | None:
        """Why the current phase cannot get `minutes` more (or, negative, fewer), or None.
        A phase keeps at least a minute; a later phase giving minutes keeps its method's minimum."""
        if self.status not in LIVE:
            return self._not_live()
        if self.allotted_minutes(self.phase_index) + minutes < MIN_PHASE_MINUTES:
            return Refusal("refusal.phase_minimum", {"minutes": MIN_PHASE_MINUTES})
        given: dict[int, int] = {}
        balance = tuple(balance)
        if len(balance) > abs(minutes):
            return Refusal("refusal.cannot_now")
        for index in balance:
            if not self.phase_index < index < len(self.phases):
                return Refusal("refusal.cannot_now")
            given[index] = given.get(index, 0) + 1
        if minutes > 0:
            for index, count in given.items():
                if self.allotted_minutes(index) - count < self.plan.method.phases[index].min_minutes:
                    return Refusal("refusal.cannot_now")
        return None

    def can_extend(self, minutes: int, balance: Iterable[int] = ()) -> bool:
        return self.extend_refusal(minutes, balance) is None

    def balance_for(self, minutes: int) -> tuple[int, ...]:
        """The later phases that keep the session's end where it was when the current phase gets
        `minutes` more: each gives a minute, the one with most to spare first (the later on a tie),
        never below its minimum. Fewer minutes give back to the later phases that gave, most short first."""
        later = range(self.phase_index + 1, len(self.phases))
        taken = dict.fromkeys(later, 0)  # minutes each later phase gave (negative: got back)
        chosen: list[int] = []
        for _ in range(abs(minutes)):
            if minutes > 0:
                spare = {i: self.allotted_minutes(i) - taken[i] - self.plan.method.phases[i].min_minutes for i in later}
                candidates = [i for i in later if spare[i] > 0]
                if not candidates:
                    break
                index = max(candidates, key=lambda i: (spare[i], i))
                taken[index] += 1
            else:
                short = {i: self.phases[i].extra_minutes - taken[i] for i in later}
                candidates = [i for i in later if short[i] < 0]
                if not candidates:
                    break
                index = min(candidates, key=lambda i: (short[i], i))
                taken[index] -= 1
            chosen.append(index)
        return tuple(chosen)

    def _not_live(self) -> Refusal:
        if self.status is Status.READY:
            return Refusal("refusal.not_started")
        return Refusal("refusal.ended")

    def turn_refusal(self, kind: EventKind) -> Refusal | None:
        """Why this turn move cannot be made now, or None."""
        if self.status not in LIVE:
            return self._not_live()
        turns = self.record.round
        if turns is None or not turns.order:
            return Refusal("refusal.no_round")
        if kind is EventKind.PREVIOUS_SPEAKER and turns.position == 0 and not turns.earlier_passes:
            return Refusal("refusal.round_first")
        if kind is EventKind.SKIP_SPEAKER and turns.current is None:
            return Refusal("refusal.round_done")
        return None  # next speaker; after the last one it starts another pass

    def can_move_turn(self, kind: EventKind) -> bool:
        return self.turn_refusal(kind) is None

    def _move_turn(self, kind: EventKind) -> None:
        turns = self.record.round
        assert turns is not None
        if kind is EventKind.PREVIOUS_SPEAKER:
            if turns.position == 0:  # back across the start of this pass, to the last turn of the one before
                done, skipped = turns.earlier_passes.pop()
                turns.done[:] = done
                turns.skipped[:] = skipped
                turns.passes -= 1
                turns.position = len(turns.order)
            turns.position -= 1
            person = turns.order[turns.position]
            for spoken in (turns.done, turns.skipped):
                if person in spoken:
                    spoken.remove(person)
        elif turns.current is None:
            turns.earlier_passes.append((tuple(turns.done), tuple(turns.skipped)))
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

    def wall_at(self, now: float) -> datetime | None:
        """The wall-clock time at `now` on the session's timeline (None before any event)."""
        if self.last_at is None:
            return None
        return self.last_at + timedelta(seconds=max(0.0, now - self.last_t))

    def break_view(self, now: float) -> BreakView | None:
        if not self.on_break:
            return None
        elapsed = max(0.0, now - self.break_started_t)
        minutes = self.break_minutes or None
        until = None
        if minutes is not None and self.break_started_at is not None:
            until = self.break_started_at + timedelta(minutes=minutes)
        return BreakView(
            elapsed=elapsed,
            minutes=minutes,
            remaining=None if minutes is None else minutes * 60.0 - elapsed,
            until=until,
        )

    def seconds_to_go(self, now: float) -> float:
        """The plan's time still to come: what is left of this phase and of every later one
        (a phase over its time adds nothing; earlier phases passed by are not coming back)."""
        if self.status is Status.ENDED:
            return 0.0
        return sum(
            max(0.0, self.allotted_seconds(index) - self.elapsed_at(index, now))
            for index in range(self.phase_index, len(self.phases))
        )

    def timing(self, now: float) -> SessionTiming:
        """When the session ends by the plan, when it will end from here, and the difference."""
        to_go = self.seconds_to_go(now)
        wall = self.wall_at(now)
        if self.started_at is None or wall is None:
            return SessionTiming(to_go=to_go, planned_end=None, expected_end=None, behind=0.0)
        planned_end = self.started_at + timedelta(minutes=self.plan.budget_minutes)
        if self.status is Status.ENDED:
            expected_end = self.ended_at or wall
        else:
            breaking = self.break_view(now)
            still_breaking = max(0.0, breaking.remaining or 0.0) if breaking is not None else 0.0
            expected_end = wall + timedelta(seconds=to_go + still_breaking)
        return SessionTiming(
            to_go=to_go,
            planned_end=planned_end,
            expected_end=expected_end,
            behind=(expected_end - planned_end).total_seconds(),
        )

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
                passes=turns.passes,
            )
        on_break = self.break_view(now)
        return SessionView(
            status=self.status,
            phase_index=index,
            phase_count=len(self.phases),
            phase=self.phase,
            allotted=allotted,
            remaining=remaining,
            turn=turn,
            inbrenger=self.inbrenger,
            phase_minutes=tuple(self.allotted_minutes(i) for i in range(len(self.phases))),
            on_break=on_break,
            break_seconds=self.break_seconds + (on_break.elapsed if on_break is not None else 0.0),
            timing=self.timing(now),
        )


class BreakView(NamedTuple):
    """A break as the room sees it."""

    elapsed: float  # seconds since the break began
    minutes: int | None  # the chosen length; None: the break counts up
    remaining: float | None  # negative once the break runs over; None when it counts up
    until: datetime | None  # the wall-clock time the break ends, when a length is chosen

    @property
    def is_over(self) -> bool:
        return self.remaining is not None and self.remaining <= 0


class SessionTiming(NamedTuple):
    """The whole session against its plan."""

    to_go: float  # seconds of the plan still to come
    planned_end: datetime | None  # the start plus the budget (None before the start)
    expected_end: datetime | None  # now plus what is still to come (and the rest of a timed break)
    behind: float  # seconds the session runs behind the plan; negative: ahead

    @property
    def ahead(self) -> float:
        return max(0.0, -self.behind)


class TurnView(NamedTuple):
    """Whose turn it is in the current round, and who is next."""

    current: str | None
    next: str | None
    position: int
    total: int
    done: tuple[str, ...]
    skipped: tuple[str, ...]
    turn_remaining: float | None  # None when the phase has no per-turn time
    passes: int = 1

    @property
    def finished(self) -> bool:
        return self.current is None

    @property
    def done_count(self) -> int:
        """Who took their turn in this pass; a skipped person has not."""
        return len(self.done)


class SessionView(NamedTuple):
    """What the shared screen shows at one moment."""

    status: Status
    phase_index: int
    phase_count: int
    phase: Phase
    allotted: float
    remaining: float  # negative once the phase runs over
    turn: TurnView | None
    inbrenger: str | None
    phase_minutes: tuple[int, ...] = ()  # every phase's minutes now, with the minutes moved between them
    on_break: BreakView | None = None
    break_seconds: float = 0.0  # all the breaks so far, the current one included
    timing: SessionTiming | None = None

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
