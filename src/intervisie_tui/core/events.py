"""Events: every facilitator action, timestamped. A session is its plan plus these."""

from __future__ import annotations

from datetime import datetime
from enum import Enum

from pydantic import BaseModel, ConfigDict, Field


class EventKind(str, Enum):
    START = "start"
    PAUSE = "pause"
    RESUME = "resume"
    GOTO = "goto"  # next, previous and jump all move to a phase index
    EXTEND = "extend"  # minutes more (positive) or less (negative) for the current phase
    # (`balance`: the later phases that give a minute each, or take one back)
    NEXT_SPEAKER = "next-speaker"
    PREVIOUS_SPEAKER = "previous-speaker"
    SKIP_SPEAKER = "skip-speaker"
    SET_INBRENGER = "set-inbrenger"
    NOTE = "note"  # the whole current text of one note field
    CHECKPOINT = "checkpoint"  # nothing changes; the time spent so far is on disk
    ARRIVE = "arrive"  # name = a participant who came in late (or came back)
    LEAVE = "leave"  # name = a participant who left before the end
    END = "end"
    BREAK_START = "break-start"  # a break: the clock stops and the break time is kept apart
    BREAK_LENGTH = "break-length"  # how long the break lasts, in minutes from its start (0: it counts up)
    BREAK_END = "break-end"  # the break is over and the clock runs again
    # What the room's screen shows besides the session (folded by the display too)
    ROOM_MESSAGE = "room-message"  # text for the room, shown large until cleared (empty text clears)
    COVER = "cover"  # the room's screen is covered: nothing of the session shows there
    UNCOVER = "uncover"


class NoteField(str, Enum):
    """Where a note belongs. Phase notes carry the phase id; the rest belong to the session."""

    TEXT = "text"  # free notes of a phase (facilitator only)
    CASE_QUESTION = "case-question"
    ADVICE = "advice"  # key = participant
    ACTION_POINTS = "action-points"
    EVALUATION = "evaluation"  # key = participant
    REFLECTION = "reflection"  # the inbrenger's reflection


class Event(BaseModel):
    """`t` is seconds on the session's own timeline (monotonic, survives a resume);
    `at` is the wall-clock moment, for the record."""

    model_config = ConfigDict(frozen=True)

    kind: EventKind
    t: float = Field(ge=0)
    at: datetime
    index: int | None = None
    minutes: int | None = None
    name: str | None = None
    phase: str | None = None
    field: NoteField | None = None
    key: str | None = None
    text: str | None = None
    balance: tuple[int, ...] | None = None
