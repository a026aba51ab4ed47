"""Two small dialogs of the review: writing the inbrenger's reflection, and choosing where an export goes."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Footer, Input, Static, TextArea

from ...store.errors import StoreError
from ...store.sessions import SessionDocument
from . import relabel_bindings
from .base import IntervisieModalScreen
from .confirm import ChoiceScreen, ConfirmScreen

if TYPE_CHECKING:
    from ..app import IntervisieApp


class ReflectionScreen(IntervisieModalScreen[str | None]):
    """Edit the reflection; ctrl+s saves (dismisses with the text), Escape leaves (asking first
    whether to save, discard or keep editing when something was typed)."""

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

    @property
    def starting_text(self) -> str:
        return self.initial or self.app.t("review.reflection.template")

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.app.t("review.reflection.title"), id="reflection-title")
            yield TextArea(self.starting_text, id="reflection-text", soft_wrap=True)
        yield Footer()

    def on_mount(self) -> None:
        relabel_bindings(self)
        self.query_one(TextArea).focus()

    def action_save(self) -> None:
        text = self.query_one(TextArea).text.strip()
        if not self.initial and text == self.app.t("review.reflection.template").strip():
            # Only the questions: saving them would look like a reflection that was written.
            self.app.notify(self.app.t("review.reflection.unchanged"), severity="warning")
            return
        self.dismiss(text)

    def action_cancel(self) -> None:
        if self.query_one(TextArea).text == self.starting_text:
            self.dismiss(None)
            return
        t = self.app.t

        def answered(answer: str | None) -> None:
            if answer == "save":
                self.action_save()
            elif answer == "discard":
                self.dismiss(None)
            else:
                self.query_one(TextArea).focus()

        choices = [
            ("save", t("reflection.leave.save")),
            ("discard", t("reflection.leave.discard")),
            ("keep", t("reflection.leave.keep")),
        ]
        self.app.push_screen(ChoiceScreen(t("reflection.leave.question"), choices, escape_answer="keep"), answered)


class ExportScreen(IntervisieModalScreen[Path | None]):
    """Ask for the file to write (prefilled with a name in the chosen folder); Enter accepts."""

    DEFAULT_CSS = """
    ExportScreen { align: center middle; }
    ExportScreen > Vertical { width: 90%; max-width: 100; height: auto; border: thick $accent; background: $surface; padding: 1 2; }
    ExportScreen #export-hint { color: $text-muted; margin-top: 1; }
    """
    BINDINGS = [Binding("escape", "cancel", "review.key.cancel")]

    def __init__(self, suggestion: Path, anonymize: bool, *, title: str | None = None) -> None:
        """`title` says what is written (the default: Markdown, anonymised or not)."""
        super().__init__()
        self.suggestion = suggestion
        self.anonymize = anonymize
        self.title_text = title

    def compose(self) -> ComposeResult:
        key = "review.export.title_anonymized" if self.anonymize else "review.export.title"
        with Vertical():
            yield Static(self.title_text or self.app.t(key), id="export-title")
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


def export_asking_first(
    app: IntervisieApp, document: SessionDocument, target: Path, *, fmt: str, anonymize: bool, done_key: str
) -> None:
    """Write the export to `target` (a file, or a folder to put it in), asking before an
    existing file is replaced; tell the user where it went or what went wrong."""
    store = app.store
    assert store is not None  # a document to export was read or built by the store
    path = store.export_path(document, target, fmt)

    def write(confirmed: bool | None = True) -> None:
        if not confirmed:
            return
        try:
            written = store.export_to(document, path, lang=app.lang, fmt=fmt, anonymize=anonymize)
        except StoreError as error:
            app.notify(error.message.render(app.lang), severity="error", timeout=15)
            return
        app.notify(app.t(done_key, path=written), timeout=15)

    if path.exists():
        question = app.t("review.export.replace_question", path=path)
        app.push_screen(
            ConfirmScreen(question, app.t("review.export.replace_yes"), app.t("review.export.replace_no"), danger=True),
            write,
        )
    else:
        write()
