"""Scripted journals: events at given clock times on one evening."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

from intervisie_tui.core.events import Event, EventKind

EVENING = datetime(2026, 12, 2, 19, 0).astimezone()


def at(clock: str) -> tuple[float, datetime]:
    hours, minutes = (int(part) for part in clock.split(":"))
    moment = EVENING.replace(hour=hours, minute=minutes)
    return (moment - EVENING).total_seconds(), moment


def journal(*steps: tuple[str, EventKind] | tuple[str, EventKind, str]) -> list[Event]:
    """`("19:00", EventKind.START)`, `("20:30", EventKind.LEAVE, "Bram")`, ..."""
    events = []
    for step in steps:
        seconds, moment = at(step[0])
        events.append(Event(kind=step[1], t=seconds, at=moment, name=step[2] if len(step) > 2 else None))
    return events


def shifted(events: list[Event], days: int) -> list[Event]:
    delta = timedelta(days=days)
    return [replace(event, at=event.at + delta) for event in events]
