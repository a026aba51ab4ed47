"""Ask where to write an export, and write it (asking before a file is replaced)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, Static

from ...store.document import SessionDocument
from ...store.errors import StoreError
from ..keys import bindings_for
from ..screens.base import IntervisieModalScreen
from .confirm import ConfirmScreen

if TYPE_CHECKING:
    from ..app import IntervisieApp


class ExportScreen(IntervisieModalScreen[Path | None]):
    """Ask for the file to write (prefilled with a name in the chosen folder); Enter accepts."""

    DEFAULT_CSS = """
    ExportScreen { align: center middle; }
    ExportScreen > Vertical { width: 90%; max-width: 100; height: auto; border: thick $accent; background: $surface; padding: 1 2; }
    ExportScreen #export-hint { color: $text-muted; margin-top: 1; }
    """
    KEY_SCOPE = "export"  # its keys: the registry's (ui/keys.py)
    BINDINGS = bindings_for("export")

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
