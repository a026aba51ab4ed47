"""Ask for a participant's new name in the set-up."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, Label, Static

from ..keys import bindings_for
from ..plain import plain
from ..screens.base import IntervisieModalScreen
from ..widgets.key_footer import KeyFooter


class RenameScreen(IntervisieModalScreen[str | None]):
    """Ask for a new name; `check` returns a message while the name is not acceptable."""

    DEFAULT_CSS = """
    RenameScreen { align: center middle; }
    RenameScreen > Vertical {
        width: 60; max-width: 95%; height: auto; border: thick $accent; background: $surface; padding: 1 2;
    }
    RenameScreen #rename-error { color: $error; height: auto; }
    """
    KEY_SCOPE = "rename"  # its keys: the registry's (ui/keys.py)
    BINDINGS = bindings_for("rename")

    def __init__(self, old_name: str, check: Callable[[str], str | None]) -> None:
        super().__init__()
        self.old_name = old_name
        self.check = check

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(plain(self.app.t("setup.rename.title", name=self.old_name)))
            yield Input(self.old_name, id="rename-input")
            yield Static("", id="rename-error")
        yield KeyFooter()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        message = self.check(event.value)
        if message:
            self.query_one("#rename-error", Static).update(plain(message))
        else:
            self.dismiss(event.value.strip())

    def action_cancel(self) -> None:
        self.dismiss(None)
