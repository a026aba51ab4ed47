"""The strip of phases: past ✓, current ▶, coming ·, each with its minutes.

Glyphs and weight tell past from current from coming, so the strip reads without
colour. When the full titles do not fit, the other phases shrink to their number.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.cells import cell_len
from rich.text import Text

PAST, CURRENT, COMING = "✓", "▶", "·"
SEPARATOR = "  "


@dataclass(frozen=True)
class StripEntry:
    number: int  # 1-based
    title: str
    minutes: int
    where: str  # "past" | "current" | "coming"


def _glyph(where: str) -> str:
    return {"past": PAST, "current": CURRENT}.get(where, COMING)


def _full(entry: StripEntry) -> str:
    return f"{_glyph(entry.where)} {entry.title} {entry.minutes}′"


def _short(entry: StripEntry) -> str:
    return f"{_glyph(entry.where)}{entry.number}"


def strip_text(entries: list[StripEntry], width: int) -> Text:
    """The strip as styled text no wider than `width` (as far as possible)."""
    parts = [_full(entry) for entry in entries]
    if cell_len(SEPARATOR.join(parts)) > width:
        parts = [_full(entry) if entry.where == "current" else _short(entry) for entry in entries]
    if cell_len(SEPARATOR.join(parts)) > width:
        parts = [
            f"{_glyph(entry.where)}{entry.number} {entry.title}" if entry.where == "current" else _short(entry)
            for entry in entries
        ]
    text = Text(no_wrap=False, overflow="ellipsis")
    for index, (entry, part) in enumerate(zip(entries, parts)):
        if index:
            text.append(SEPARATOR)
        style = {"past": "dim", "current": "bold reverse"}.get(entry.where, "")
        text.append(part if entry.where != "current" else f" {part} ", style=style)
    return text
