"""Times and bounds shared by the session model and the light session index (no pydantic here:
`intervisie notes list` from a warm index must not import it)."""

from __future__ import annotations

from datetime import datetime

# Ten years of seconds: a value beyond it is damage (an event time of 1e999) and is refused when read.
MAX_SECONDS = 10 * 366 * 24 * 3600.0


def as_aware(moment: datetime) -> datetime:
    """A time without a zone (an old or hand-made file) is read as this machine's local time,
    so it can be compared and sorted with every other time."""
    return moment if moment.tzinfo is not None and moment.utcoffset() is not None else moment.astimezone()
