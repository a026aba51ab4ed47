"""The next meeting as an iCalendar file: the group's name, the date and time, nothing of any case."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from ..core.groups import Group
from ..i18n import t

DEFAULT_START = time(19, 0)
DEFAULT_MINUTES = 135


def next_meeting_ics(group: Group, on: date, lang: str, *, stamp: datetime) -> bytes:
    from icalendar import Calendar, Event

    held = group.held()
    last = held[-1] if held else None
    start_time = (
        last.started_at.timetz().replace(second=0, microsecond=0) if last and last.started_at else DEFAULT_START
    )
    minutes = DEFAULT_MINUTES
    if last and last.started_at and last.ended_at and last.ended_at > last.started_at:
        minutes = max(30, round((last.ended_at - last.started_at).total_seconds() / 60))
    start = datetime.combine(on, start_time)
    if start.tzinfo is None:
        start = start.astimezone()
    calendar = Calendar()
    calendar.add("prodid", "-//intervisie-tui//groups//")
    calendar.add("version", "2.0")
    event = Event()
    number = len(held) + 1
    event.add("uid", f"{group.id}-{number}@intervisie-tui")
    event.add("dtstamp", stamp)
    event.add("dtstart", start)
    event.add("dtend", start + timedelta(minutes=minutes))
    event.add("summary", t("calendar.summary", lang, group=" ".join(group.name.split()), number=number))
    calendar.add_component(event)
    return calendar.to_ical()
