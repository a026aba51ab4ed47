"""Choose (or change) the inbrenger during the session: a short list of the participants."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ..keys import bindings_for
from ..plain import plain
from ..screens.base import IntervisieModalScreen


class InbrengerPicker(IntervisieModalScreen[str | None]):
    """Dismisses with the chosen name, or None on Escape. Texts come translated."""

    DEFAULT_CSS = """
    InbrengerPicker { align: center middle; }
    InbrengerPicker > Vertical {
        width: auto; min-width: 30; max-width: 60; height: auto;
        border: thick $accent; background: $surface; padding: 1 2;
    }
    InbrengerPicker #picker-title { margin-bottom: 1; text-style: bold; }
    InbrengerPicker OptionList { height: auto; max-height: 14; }
    """
    KEY_SCOPE = "inbrenger-picker"  # its keys: the registry's (ui/keys.py)
    BINDINGS = bindings_for("inbrenger-picker")

    def __init__(self, title: str, names: tuple[str, ...], current: str | None) -> None:
        super().__init__()
        self.title_text = title
        self.names = names
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(plain(self.title_text), id="picker-title")
            yield OptionList(*(Option(plain(name, lines=False), id=name) for name in self.names))

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        if self.current in self.names:
            options.highlighted = self.names.index(self.current)
        options.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
