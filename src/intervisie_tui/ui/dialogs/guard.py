"""The mirrored-screen guard: without a display, the room may be reading this screen.

Asked once per session before something private opens (notes, the facilitator panel,
the wrap-up): open anyway; type covered (notes only: the room's view stays, the text
typed shows as "•••• 142 tekens"); or how to open a display, with the exact command.
"""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Static

from ...core import paths
from ..keys import bindings_for
from ..screens.base import IntervisieModalScreen
from .help import shown_path


def display_command(data_dir: Path) -> str:
    """The command that opens a display of this app's sessions (the data folder only when it
    is not the usual one; the home folder written as ~, so no user name shows)."""
    command = "intervisie display"
    if data_dir != default_data_dir():
        command += f" --data-dir {shown_path(data_dir)}"
    return command


def default_data_dir() -> Path:
    from platformdirs import user_data_path

    return user_data_path(paths.APP_NAME, appauthor=False)


class MirrorGuard(IntervisieModalScreen[str | None]):
    """Dismisses with "open", "masked", None (cancelled, or only the command was shown), or "attached" (the run
    screen closes it when a display attaches meanwhile: then this screen is the facilitator's own)."""

    DEFAULT_CSS = """
    MirrorGuard { align: center middle; }
    MirrorGuard > Vertical {
        width: 76; max-width: 95%; height: auto; border: thick $warning; background: $surface; padding: 1 2;
    }
    MirrorGuard #guard-title { text-style: bold; color: $warning; margin-bottom: 1; }
    MirrorGuard #guard-text { margin-bottom: 1; }
    MirrorGuard Horizontal { width: auto; height: auto; }
    MirrorGuard Button { margin-right: 1; }
    MirrorGuard #guard-how, MirrorGuard #guard-command { display: none; margin-top: 1; }
    MirrorGuard.-how #guard-how, MirrorGuard.-how #guard-command { display: block; }
    """
    KEY_SCOPE = "guard"  # its keys: the registry's (ui/keys.py)
    BINDINGS = bindings_for("guard")

    def __init__(self, what: str, *, typing: bool = False) -> None:
        super().__init__()
        self.what = what  # "notes" | "facilitator" | "wrapup"
        self.typing = typing

    def compose(self) -> ComposeResult:
        t = self.app.t
        with Vertical():
            yield Static(t("guard.title"), id="guard-title")
            yield Static(t("guard.text", what=t(f"guard.what.{self.what}")), id="guard-text")
            with Horizontal():
                yield Button(t("guard.open"), id="open", variant="warning")
                if self.typing:
                    yield Button(t("guard.masked"), id="masked", variant="primary")
                yield Button(t("guard.display"), id="display")
            yield Static(t("guard.how"), id="guard-how")
            yield Input(display_command(self.app.data_dir), id="guard-command")

    def on_mount(self) -> None:
        self.query_one("#masked" if self.typing else "#display", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "display":
            self.add_class("-how")
            command = self.query_one("#guard-command", Input)
            self.app.copy_to_clipboard(command.value)
            command.focus()
            command.select_all()
            return
        self.dismiss(event.button.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
