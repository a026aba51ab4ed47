"""Two small dialogs of the review: writing the inbrenger's reflection, and choosing where an export goes."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, Input, Static, TextArea

from . import relabel_bindings


class ReflectionScreen(ModalScreen[str | None]):
    """Edit the reflection; ctrl+s saves (dismisses with the text), Escape cancels."""

    DEFAULT_CSS = """
    ReflectionScreen { align: center middle; }
    ReflectionScreen > Vertical { width: 90%; max-width: 100; height: 80%; border: thick $accent; background: $surface; padding: 0 1; }
    ReflectionScreen #reflection-title { text-style: bold; margin-bottom: 1; }
    ReflectionScreen TextArea { height: 1fr; }
    """
    BINDINGS = [
        Binding("ctrl+s", "save", "review.key.save", priority=True),
        Binding("escape", "cancel", "review.key.cancel"),
    ]

    def __init__(self, text: str) -> None:
        super().__init__()
        self.initial = text

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.app.t("review.reflection.title"), id="reflection-title")
            yield TextArea(self.initial or self.app.t("review.reflection.template"), id="reflection-text", soft_wrap=True)
        yield Footer()

    def on_mount(self) -> None:
        relabel_bindings(self)
        self.query_one(TextArea).focus()

    def action_save(self) -> None:
        self.dismiss(self.query_one(TextArea).text.strip())

    def action_cancel(self) -> None:
        self.dismiss(None)


class ExportScreen(ModalScreen[Path | None]):
    """Ask for the file to write (prefilled with a name in the chosen folder); Enter accepts."""

    DEFAULT_CSS = """
    ExportScreen { align: center middle; }
    ExportScreen > Vertical { width: 90%; max-width: 100; height: auto; border: thick $accent; background: $surface; padding: 1 2; }
    ExportScreen #export-hint { color: $text-muted; margin-top: 1; }
    """
    BINDINGS = [Binding("escape", "cancel", "review.key.cancel")]

    def __init__(self, suggestion: Path, anonymize: bool) -> None:
        super().__init__()
        self.suggestion = suggestion
        self.anonymize = anonymize

    def compose(self) -> ComposeResult:
        key = "review.export.title_anonymized" if self.anonymize else "review.export.title"
        with Vertical():
            yield Static(self.app.t(key))
            yield Input(str(self.suggestion), id="export-path")
            yield Static(self.app.t("review.export.hint"), id="export-hint")

    def on_mount(self) -> None:
        relabel_bindings(self)
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        value = event.value.strip()
        self.dismiss(Path(value).expanduser() if value else None)

    def action_cancel(self) -> None:
        self.dismiss(None)
