"""Write or edit the inbrenger's reflection (from the review)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static, TextArea

from ..keys import bindings_for
from ..screens.base import IntervisieModalScreen
from ..widgets.key_footer import KeyFooter
from .confirm import ChoiceScreen


class ReflectionScreen(IntervisieModalScreen[str | None]):
    """Edit the reflection; ctrl+s saves (dismisses with the text), Escape leaves (asking first
    whether to save, discard or keep editing when something was typed)."""

    DEFAULT_CSS = """
    ReflectionScreen { align: center middle; }
    ReflectionScreen > Vertical { width: 90%; max-width: 100; height: 80%; border: thick $accent; background: $surface; padding: 0 1; }
    ReflectionScreen #reflection-title { text-style: bold; margin-bottom: 1; }
    ReflectionScreen TextArea { height: 1fr; }
    """
    KEY_SCOPE = "reflection"  # its keys: the registry's (ui/keys.py)
    BINDINGS = bindings_for("reflection")

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
        yield KeyFooter()

    def on_mount(self) -> None:
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
