"""A yes/no question in a modal dialog; Escape always means no."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static


class ConfirmScreen(ModalScreen[bool]):
    """Dismisses with True only when the facilitator confirms. Texts come translated."""

    DEFAULT_CSS = """
    ConfirmScreen { align: center middle; }
    ConfirmScreen > Vertical {
        width: auto; max-width: 70; height: auto;
        border: thick $accent; background: $surface; padding: 1 2;
    }
    ConfirmScreen #question { width: auto; max-width: 64; margin-bottom: 1; }
    ConfirmScreen Horizontal { width: auto; height: auto; }
    ConfirmScreen Button { margin-right: 2; }
    """
    BINDINGS = [
        Binding("escape,n", "answer(False)", show=False),
        Binding("y,j", "answer(True)", show=False),
    ]

    def __init__(self, question: str, confirm: str, cancel: str, *, danger: bool = False) -> None:
        super().__init__()
        self.question = question
        self.confirm_label = confirm
        self.cancel_label = cancel
        self.danger = danger

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.question, id="question")
            with Horizontal():
                yield Button(self.confirm_label, id="confirm", variant="error" if self.danger else "primary")
                yield Button(self.cancel_label, id="cancel")

    def on_mount(self) -> None:
        self.query_one("#cancel" if self.danger else "#confirm", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "confirm")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)
