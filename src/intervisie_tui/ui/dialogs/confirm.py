"""Questions in a modal dialog: yes/no (Escape always means no), or one of a few choices."""

from __future__ import annotations

from typing import Generic, TypeVar

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Static

from ..keys import bindings_for
from ..plain import plain
from ..screens.base import IntervisieModalScreen

Answer = TypeVar("Answer")


class QuestionScreen(IntervisieModalScreen[Answer], Generic[Answer]):
    """A question above a row of buttons; subclasses say what each button answers."""

    DEFAULT_CSS = """
    QuestionScreen { align: center middle; }
    QuestionScreen > Vertical {
        width: auto; max-width: 70; height: auto;
        border: thick $accent; background: $surface; padding: 1 2;
    }
    QuestionScreen #question { width: auto; max-width: 64; margin-bottom: 1; }
    QuestionScreen Horizontal { width: auto; height: auto; }
    QuestionScreen Button { margin-right: 2; }
    """

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def buttons(self) -> list[Button]:
        raise NotImplementedError

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(plain(self.question), id="question")
            with Horizontal():
                yield from self.buttons()


class ConfirmScreen(QuestionScreen[bool]):
    """Dismisses with True only when the facilitator confirms. Texts come translated."""

    KEY_SCOPE = "confirm"  # its keys: the registry's (ui/keys.py)
    BINDINGS = bindings_for("confirm")

    def __init__(self, question: str, confirm: str, cancel: str, *, danger: bool = False) -> None:
        super().__init__(question)
        self.confirm_label = confirm
        self.cancel_label = cancel
        self.danger = danger

    def buttons(self) -> list[Button]:
        return [
            Button(self.confirm_label, id="confirm", variant="error" if self.danger else "primary"),
            Button(self.cancel_label, id="cancel"),
        ]

    def on_mount(self) -> None:
        self.query_one("#cancel" if self.danger else "#confirm", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "confirm")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)


class ChoiceScreen(QuestionScreen[str]):
    """One of a few answers, each a button; Escape gives `escape_answer` (the safe one)."""

    KEY_SCOPE = "choice"  # its keys: the registry's (ui/keys.py)
    BINDINGS = bindings_for("choice")

    def __init__(self, question: str, choices: list[tuple[str, str]], *, escape_answer: str) -> None:
        """`choices`: (answer, label) in the order shown; the first is focused."""
        super().__init__(question)
        self.choices = choices
        self.escape_answer = escape_answer

    def buttons(self) -> list[Button]:
        return [Button(label, id=f"choice-{answer}") for answer, label in self.choices]

    def on_mount(self) -> None:
        self.query(Button).first().focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss((event.button.id or "").removeprefix("choice-"))

    def action_escape(self) -> None:
        self.dismiss(self.escape_answer)
