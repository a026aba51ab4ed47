"""Net hours from a session's events: what registers count, derived from the journal alone.

The session's net time runs from its start to its end minus the pauses, on the session's
own timeline (`Event.t`), so the time the app was not running after a crash is not counted
either: the runner records a pause there on resume. A member's net time is the part of it
they were in the room: a participant whose first attendance event is an arrival came late
and counts from that arrival; a departure stops the count until they arrive again.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime

from .events import Event, EventKind
from .records import record


@record(frozen=True)
class NetTime:
    """A session's net time (breaks left out) and each participant's share."""

    seconds: float  # the session's net time
    per_member: dict[str, float]  # each participant's share of it
    started_at: datetime | None  # wall clock of the start and the end, for the attendance list
    ended_at: datetime | None


def net_time(participants: Sequence[str], events: Iterable[Event]) -> NetTime:
    events = list(events)
    first_attendance: dict[str, EventKind] = {}
    for event in events:
        if event.kind in (EventKind.ARRIVE, EventKind.LEAVE) and event.name is not None and event.name in participants:
            first_attendance.setdefault(event.name, event.kind)
    present = {name for name in participants if first_attendance.get(name) is not EventKind.ARRIVE}
    per_member = dict.fromkeys(participants, 0.0)
    total = 0.0
    running = False
    started_at = ended_at = None
    last_t = 0.0
    for event in events:
        t = max(event.t, last_t)
        if running:
            spent = t - last_t
            total += spent
            for name in present:
                per_member[name] += spent
        last_t = t
        kind = event.kind
        if ended_at is not None:
            break
        if kind is EventKind.START and started_at is None:
            running, started_at = True, event.at
        elif kind is EventKind.PAUSE:
            running = False
        elif kind is EventKind.RESUME and started_at is not None:
            running = True
        elif kind is EventKind.END and started_at is not None:
            running, ended_at = False, event.at
        elif kind is EventKind.ARRIVE and event.name in per_member:
            present.add(event.name)
        elif kind is EventKind.LEAVE and event.name in per_member:
            present.discard(event.name)
    return NetTime(seconds=total, per_member=per_member, started_at=started_at, ended_at=ended_at)


def hours_label(seconds: float) -> str:
    """Hours and minutes, `2:00`, `1:15`: how registers and attendance lists write time."""
    minutes = round(seconds / 60)
    return f"{minutes // 60}:{minutes % 60:02d}"
