"""The facilitator's private notes for the current phase.

Free notes always; structured fields when the phase asks for them (case question,
advice with one field per participant, action points). Typing is saved through a
callback shortly after a pause, within a second even while typing goes on (see
ui/autosave.py), and whenever the panel is left.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widget import Widget
from textual.widgets import Label, Static

from ...core.events import NoteField
from ...core.method import NoteKind, Phase
from ...core.state import SessionState
from ..autosave import UnsavedNotes
from ..plain import plain

if TYPE_CHECKING:
    from textual.widgets import TextArea


class NoteSlot(NamedTuple):
    """One note field of a phase: where its text is kept and the label above it."""

    field: NoteField
    phase: str | None
    key: str | None
    label: str


def note_slots(phase: Phase, state: SessionState, translate: Callable[..., str]) -> list[NoteSlot]:
    """The fields the panel shows for `phase`, in order."""
    slots = [NoteSlot(NoteField.TEXT, phase.id, None, translate("run.notes.free"))]
    for kind in phase.notes:
        if kind is NoteKind.CASE_QUESTION:
            slots.append(NoteSlot(NoteField.CASE_QUESTION, phase.id, None, translate("notes.case-question")))
        elif kind is NoteKind.ADVICE:
            for name in state.plan.participants:
                if name != state.inbrenger:
                    slots.append(
                        NoteSlot(NoteField.ADVICE, phase.id, name, translate("run.notes.advice_for", name=name))
                    )
        elif kind is NoteKind.ACTION_POINTS:
            slots.append(NoteSlot(NoteField.ACTION_POINTS, phase.id, None, translate("notes.action-points")))
    return slots


SaveNote = Callable[[NoteSlot, str], None]


class NotesPanel(VerticalScroll):
    """Holds the note fields of one phase; `save(slot, text)` is called to store them."""

    def __init__(self, save: SaveNote, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.unsaved: UnsavedNotes[NoteSlot] = UnsavedNotes(self.set_timer, save)
        self.phase_id: str | None = None
        self.masked = False  # typing covered: the text is hidden, only its length shows
        self._translate: Callable[..., str] | None = None

    def compose(self) -> ComposeResult:
        yield Static("", id="notes-title")
        yield Static("", id="notes-hint")
        yield Static("", id="notes-masked")

    def set_masked(self, masked: bool) -> None:
        """Type covered: the room may read this screen, so the fields show no text, only
        "•••• 142 tekens" (shown again on request)."""
        self.masked = masked
        self.set_class(masked, "-masked")
        self._show_mask()

    def _show_mask(self) -> None:
        if not self.is_mounted:
            return
        line = self.query_one("#notes-masked", Static)
        line.display = self.masked
        if self.masked and self._translate is not None:
            from .note_area import NoteArea

            count = sum(len(area.text) for area in self.query(NoteArea))
            line.update(self._translate("run.notes.masked", count=count))

    async def show_phase(self, phase: Phase, state: SessionState, translate: Callable[..., str], title: str) -> None:
        """Rebuild the fields for `phase` with their saved texts."""
        self.flush()
        self.phase_id = phase.id
        self._translate = translate
        self.query_one("#notes-title", Static).update(plain(translate("run.notes.title", phase=title)))
        self.query_one("#notes-hint", Static).update(translate("run.notes.hint"))
        await self.query(".note-field").remove()
        from .note_area import NoteArea  # here: a session's first frame needs no TextArea

        widgets: list[Widget] = []
        for slot in note_slots(phase, state, translate):
            widgets.append(Label(slot.label, classes="note-field note-label"))
            area = NoteArea(slot, state.note(slot.field, slot.phase, slot.key), classes="note-field")
            if slot.field is NoteField.ADVICE:
                area.add_class("-short")
            widgets.append(area)
        await self.mount_all(widgets)
        self._show_mask()

    def focus_first(self) -> None:
        from .note_area import NoteArea

        areas = self.query(NoteArea)
        if areas:
            area = areas.first()
            area.focus()
            area.move_cursor(area.document.end)  # go on where the text ends

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        from .note_area import NoteArea

        area = event.text_area
        if not isinstance(area, NoteArea):
            return
        event.stop()
        self.unsaved.changed(area.slot, lambda: area.text)
        if self.masked:
            self._show_mask()

    def flush(self) -> None:
        """Save everything typed since the last save."""
        self.unsaved.flush()
