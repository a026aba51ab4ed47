"""Room text that needs rich styling: the strip of phases (the clock and turns in words are plain, in
`core.turn_words`).

The strip of phases: past ✓, current ▶, coming ·, each with its minutes.

Glyphs and weight tell past from current from coming, so the strip reads without
colour. When the full titles do not fit, the other phases shrink to their number.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text

from ..core.room import StripEntry

PAST, CURRENT, COMING = "✓", "▶", "·"
SEPARATOR = "  "


__all__ = ["strip_text", "strip_width"]


def _glyph(where: str) -> str:
    return {"past": PAST, "current": CURRENT}.get(where, COMING)


def _full(entry: StripEntry) -> str:
    return f"{_glyph(entry.where)} {entry.title} {entry.minutes}′"


def _short(entry: StripEntry) -> str:
    return f"{_glyph(entry.where)}{entry.number}"


def _shown(entry: StripEntry, part: str) -> str:
    """The part as drawn: the current phase gets a space either side of its reverse bar."""
    return f" {part} " if entry.where == "current" else part


def strip_width(entries: list[StripEntry], parts: list[str]) -> int:
    """Cells the strip takes, every separator and padding space counted."""
    return cell_len(SEPARATOR.join(_shown(entry, part) for entry, part in zip(entries, parts)))


def strip_text(entries: list[StripEntry], width: int) -> Text:
    """The strip as styled text no wider than `width` (as far as possible)."""
    parts = [_full(entry) for entry in entries]
    if strip_width(entries, parts) > width:
        parts = [_full(entry) if entry.where == "current" else _short(entry) for entry in entries]
    if strip_width(entries, parts) > width:
        parts = [
            f"{_glyph(entry.where)}{entry.number} {entry.title}" if entry.where == "current" else _short(entry)
            for entry in entries
        ]
    text = Text(no_wrap=True, overflow="ellipsis")  # one line: a wrapped strip pushes the clock down
    for index, (entry, part) in enumerate(zip(entries, parts)):
        if index:
            text.append(SEPARATOR)
        style = {"past": "dim", "current": "bold reverse"}.get(entry.where, "")
        text.append(_shown(entry, part), style=style)
    return text
