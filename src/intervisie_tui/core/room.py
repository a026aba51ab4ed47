"""The room's view: an immutable snapshot of what the room may read, and nothing else.

`room_view(state, now, lang)` is the only way one is made, and it copies only public
things: the method's and phase's titles, the step, the strip, the clock and its state,
whose turn it is and who is next, the phase's questions, the room's message and whether
the screen is covered. No note, tip, case text, speaking time per person or path is ever
put in one, so a widget of the room cannot draw them. Pure: no Textual, no clock.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from .method import Speakers
from .state import SessionState, SessionView, Status
from .turn_words import describe_turn, format_clock


@dataclass(frozen=True)
class StripEntry:
    number: int  # 1-based
    title: str
    minutes: int
    where: str  # "past" | "current" | "coming"


@dataclass(frozen=True)
class RoomHeader:
    method: str
    phase: str
    step: int  # 1-based
    steps: int


@dataclass(frozen=True)
class RoomClock:
    value: str  # "12:34", "+02:13"
    state: str  # ready | running | last_minute | over | paused | ended
    minutes: int  # allotted to the phase, extensions included
    extra: int  # minutes added (or taken) during the session


@dataclass(frozen=True)
class RoomTurn:
    headline: str
    detail: str
    spoken: str
    speaker: str | None  # the round's current speaker (for the large name banner)
    clock: str | None  # the turn's own countdown, when the phase has one
    over: bool  # the turn's time is up
    needs_inbrenger: bool  # the phase is about the inbrenger and none is chosen yet


@dataclass(frozen=True)
class RoomView:
    lang: str
    status: Status
    header: RoomHeader
    strip: tuple[StripEntry, ...]
    clock: RoomClock
    turn: RoomTurn
    questions: tuple[str, ...]
    message: str
    covered: bool

    @property
    def ended(self) -> bool:
        return self.status is Status.ENDED


def clock_state(view: SessionView) -> str:
    """The state word's key: what the room should read next to the countdown."""
    if view.status is Status.READY:
        return "ready"
    if view.status is Status.ENDED:
        return "ended"
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


def room_view(state: SessionState, now: float, lang: str) -> RoomView:
    """The snapshot of the room's screen at session time `now`."""
    view = state.view(now)
    words = describe_turn(view, state.plan, lang)
    turn = view.turn
    turn_clock = None
    if turn is not None and turn.turn_remaining is not None:
        turn_clock = format_clock(turn.turn_remaining)
    questions = tuple(literal(question) for question in view.phase.questions(lang)) if view.phase.questions else ()
    return RoomView(
        lang=lang,
        status=view.status,
        header=RoomHeader(literal(state.plan.method.name(lang)), literal(view.phase.title(lang)),
                          view.phase_index + 1, view.phase_count),
        strip=strip_entries(state, lang),
        clock=RoomClock(format_clock(view.remaining), clock_state(view), round(view.allotted / 60),
                        state.phases[view.phase_index].extra_minutes),
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
    )
