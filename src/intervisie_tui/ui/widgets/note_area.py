"""One note field of the notes panel: a TextArea that knows which note it holds (its own module, so the
run screen imports TextArea only when the notes are first opened)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.widgets import TextArea

if TYPE_CHECKING:
    from .notes_panel import NoteSlot


class NoteArea(TextArea):
    """A TextArea that knows which note it holds."""

    def __init__(self, slot: NoteSlot, text: str, **kwargs) -> None:
        super().__init__(text, soft_wrap=True, tab_behavior="focus", **kwargs)
        self.slot = slot
