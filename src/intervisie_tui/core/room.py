"""The room's view: an immutable snapshot of what the room may read, and nothing else.

`room_view(state, now, lang)` is the only way one is made, and it copies only public
things: the method's and phase's titles, the step, the strip, the clock and its state,
whose turn it is and who is next, the phase's questions, the room's message and whether
the screen is covered. No note, tip, case text, speaking time per person or path is ever
put in one, so a widget of the room cannot draw them. Pure: no Textual, no clock.
"""

# No `from __future__ import annotations`: typing.NamedTuple reads the field types as each class
# is made at import, and would compile every one that is a string.
import unicodedata
from datetime import datetime
from typing import NamedTuple

from .method import Speakers
from .state import SessionState, SessionView, Status
from .turn_words import describe_turn, format_clock


class StripEntry(NamedTuple):
    """One phase in the room's strip of phases."""

    number: int  # 1-based
    title: str
    minutes: int
    where: str  # "past" | "current" | "coming"


class RoomHeader(NamedTuple):
    """The room's header line: method, phase and step."""

    method: str
    phase: str
    step: int  # 1-based
    steps: int


class RoomClock(NamedTuple):
    """The room's clock: what it shows and in which state."""

    value: str  # "12:34", "+02:13"; on a break, the break's own clock
    state: str  # ready | running | last_minute | over | paused | break | ended
    minutes: int  # allotted to the phase, extensions included
    extra: int  # minutes added (or taken) during the session


class RoomTurn(NamedTuple):
    """The room's turn lines."""

    headline: str
    detail: str
    spoken: str
    speaker: str | None  # the round's current speaker (for the large name banner)
    clock: str | None  # the turn's own countdown, when the phase has one
    over: bool  # the turn's time is up
    needs_inbrenger: bool  # the phase is about the inbrenger and none is chosen yet


class RoomBreak(NamedTuple):
    """A break: the session's clock stands still, the break has a clock of its own."""

    until: str | None  # the wall-clock time it ends ("14:30"); None: it counts up
    over: bool  # a break with an end time that has passed
    phase_left: str  # what is left of the phase when the session goes on ("05:00", "+01:10")


class RoomTiming(NamedTuple):
    """The whole session against its plan."""

    budget: int  # minutes planned
    planned_end: str | None  # the start plus the budget, as a clock time; None before the start
    behind: int  # whole minutes the session runs behind the plan; negative: ahead


class RoomView(NamedTuple):
    """Everything the room's screen shows, and nothing private: made from the state by room_view."""

    lang: str
    status: Status
    header: RoomHeader
    strip: tuple[StripEntry, ...]
    clock: RoomClock
    turn: RoomTurn
    questions: tuple[str, ...]
    message: str
    covered: bool
    timing: RoomTiming
    on_break: RoomBreak | None = None

    @property
    def ended(self) -> bool:
        return self.status is Status.ENDED


def clock_state(view: SessionView) -> str:
    """The state word's key: what the room should read next to the countdown."""
    if view.status is Status.READY:
        return "ready"
    if view.status is Status.ENDED:
        return "ended"
    if view.on_break is not None:
        return "break"
    if view.status is Status.PAUSED:
        return "paused"
    if view.is_over:
        return "over"
    if view.is_last_minute:
        return "last_minute"
    return "running"


def literal(text: str) -> str:
    """Text as typed, without control characters (escape sequences, bells, carriage returns)
    that would garble the terminal; line breaks stay."""
    if text.isprintable():
        return text
    return "".join(char for char in text if char == "\n" or unicodedata.category(char)[0] != "C")


def needs_inbrenger(view: SessionView) -> bool:
    """The phase is about the inbrenger and none is chosen: ask for one on screen."""
    if view.inbrenger or view.status is Status.ENDED:
        return False
    phase = view.phase
    return phase.speakers in (Speakers.INBRENGER, Speakers.WITHOUT_INBRENGER) or (
        phase.speakers is Speakers.ROUND and phase.inbrenger_in_round
    )


def strip_entries(state: SessionState, lang: str) -> tuple[StripEntry, ...]:
    entries = []
    for index, phase in enumerate(state.plan.method.phases):
        if state.status is Status.READY:
            where = "coming" if index else "current"
        else:
            where = "past" if index < state.phase_index else "current" if index == state.phase_index else "coming"
        minutes = state.plan.phase_minutes[index] + state.phases[index].extra_minutes
        entries.append(StripEntry(index + 1, literal(phase.title(lang)), minutes, where))
    return tuple(entries)


def clock_time(moment: datetime) -> str:
    """A wall-clock moment as the room reads it: local hours and minutes."""
    return moment.astimezone().strftime("%H:%M")


def room_timing(view: SessionView, budget: int) -> RoomTiming:
    timing = view.timing
    if timing is None or timing.planned_end is None:
        return RoomTiming(budget, None, 0)
    return RoomTiming(budget, clock_time(timing.planned_end), round(timing.behind / 60))


def room_break(view: SessionView) -> RoomBreak | None:
    breaking = view.on_break
    if breaking is None:
        return None
    until = clock_time(breaking.until) if breaking.until is not None else None
    return RoomBreak(until=until, over=breaking.is_over, phase_left=format_clock(view.remaining))


def room_view(state: SessionState, now: float, lang: str) -> RoomView:
    """The snapshot of the room's screen at session time `now`."""
    view = state.view(now)
    words = describe_turn(view, state.plan, lang)
    turn = view.turn
    turn_clock = None
    if turn is not None and turn.turn_remaining is not None:
        turn_clock = format_clock(turn.turn_remaining)
    questions = tuple(literal(question) for question in view.phase.questions(lang)) if view.phase.questions else ()
    breaking = view.on_break
    if breaking is None:
        value = format_clock(view.remaining)
    elif breaking.remaining is None:  # counting up: how long the break has lasted
        value = format_clock(-breaking.elapsed).lstrip("+")
    else:
        value = format_clock(breaking.remaining)
    return RoomView(
        lang=lang,
        status=view.status,
        header=RoomHeader(
            literal(state.plan.method.name(lang)),
            literal(view.phase.title(lang)),
            view.phase_index + 1,
            view.phase_count,
        ),
        strip=strip_entries(state, lang),
        clock=RoomClock(
            value, clock_state(view), round(view.allotted / 60), state.phases[view.phase_index].extra_minutes
        ),
        turn=RoomTurn(
            headline=literal(words.headline),
            detail=literal(words.detail),
            spoken=literal(words.spoken),
            speaker=literal(turn.current) if turn is not None and turn.current else None,
            clock=turn_clock,
            over=turn is not None and turn.turn_remaining is not None and turn.turn_remaining <= 0,
            needs_inbrenger=needs_inbrenger(view),
        ),
        questions=questions,
        message=literal(state.room_message),
        covered=state.covered,
        timing=room_timing(view, state.plan.budget_minutes),
        on_break=room_break(view),
    )
