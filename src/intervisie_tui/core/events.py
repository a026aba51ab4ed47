"""Events: every facilitator action, timestamped. A session is its plan plus these."""

# No `from __future__ import annotations`: core/plain.py reads these fields' types when it rebuilds
# what this program wrote (the method cache at every start, journals), and would evaluate strings.
from datetime import datetime
from enum import Enum
from typing import Annotated

from .field_rules import Rules
from .records import record
from .times import MAX_SECONDS, as_aware

# Bounds of what one session can hold: a week of minutes (seconds: core.times). A value beyond them is
# damage (minutes with 400 digits) and is refused when the file is read.
MAX_MINUTES = 7 * 24 * 60
MAX_INDEX = 10_000
BoundedMinutes = Annotated[int, Rules(ge=-MAX_MINUTES, le=MAX_MINUTES)]


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


@record(frozen=True, slots=True)
class Event:
    """`t` is seconds on the session's own timeline (monotonic, survives a resume);
    `at` is the wall-clock moment, for the record (a time without a zone is read as local)."""

    kind: EventKind
    t: Annotated[float, Rules(ge=0, le=MAX_SECONDS, allow_inf_nan=False)]
    at: datetime
    index: Annotated[int, Rules(ge=0, le=MAX_INDEX)] | None = None
    minutes: BoundedMinutes | None = None
    name: str | None = None
    phase: str | None = None
    field: NoteField | None = None
    key: str | None = None
    text: str | None = None
    balance: tuple[BoundedMinutes, ...] | None = None

    def __post_init__(self) -> None:
        if self.kind is EventKind.NOTE and self.field is None:
            raise ValueError("a note event needs its 'field' (text, case-question, advice, …)")
        object.__setattr__(self, "at", as_aware(self.at))  # frozen: set once, while being built
