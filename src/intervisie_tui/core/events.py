"""Events: every facilitator action, timestamped. A session is its plan plus these."""

from __future__ import annotations

from datetime import datetime
from enum import Enum
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

from .times import MAX_SECONDS, as_aware

AwareDatetime = Annotated[datetime, AfterValidator(as_aware)]

# Bounds of what one session can hold: a week of minutes (seconds: core.times). A value beyond them is
# damage (minutes with 400 digits) and is refused when the file is read.
MAX_MINUTES = 7 * 24 * 60
MAX_INDEX = 10_000
BoundedMinutes = Annotated[int, Field(ge=-MAX_MINUTES, le=MAX_MINUTES)]


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

    model_config = ConfigDict(frozen=True, allow_inf_nan=False)

    kind: EventKind
    t: float = Field(ge=0, le=MAX_SECONDS)
    at: AwareDatetime
    index: int | None = Field(default=None, ge=0, le=MAX_INDEX)
    minutes: BoundedMinutes | None = None
    name: str | None = None
    phase: str | None = None
    field: NoteField | None = None
    key: str | None = None
    text: str | None = None
    balance: tuple[BoundedMinutes, ...] | None = None

    @model_validator(mode="after")
    def _note_has_field(self) -> Event:
        if self.kind is EventKind.NOTE and self.field is None:
            raise ValueError("a note event needs its 'field' (text, case-question, advice, …)")
        return self
