"""Ask for a member's name; a check says while it is not acceptable."""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, Static

from ..keys import bindings_for
from ..screens.base import IntervisieModalScreen


class NamePrompt(IntervisieModalScreen[str | None]):
    """One name, typed; `check(name)` makes the change and returns what is wrong (shown here,
    the prompt stays open) or None (done, the prompt closes)."""

    DEFAULT_CSS = """
    NamePrompt { align: center middle; }
    NamePrompt > Vertical { width: 70; max-width: 100%; height: auto; border: thick $accent; background: $surface; padding: 1 2; }
    NamePrompt #prompt-problem { color: $error; height: auto; }
    NamePrompt #prompt-hint { color: $text-muted; }
    """
    KEY_SCOPE = "name-prompt"  # its keys: the registry's (ui/keys.py)
    BINDINGS = bindings_for("name-prompt")

    def __init__(self, title: str, value: str, check: Callable[[str], str | None]) -> None:
        super().__init__()
        self.title_text = title
        self.value = value
        self.check = check

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Text(self.title_text), id="prompt-title")
            yield Input(self.value, id="prompt-name")
            yield Static("", id="prompt-problem")
            yield Static(self.app.t("groups.members.prompt_hint"), id="prompt-hint")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        problem = self.check(event.value)
        if problem:
            self.query_one("#prompt-problem", Static).update(Text(problem))
            return
        self.dismiss(event.value.strip())

    def action_cancel(self) -> None:
        self.dismiss(None)
