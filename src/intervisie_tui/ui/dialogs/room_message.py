"""A short message to the room ("Nog 2 minuten", "Pauze tot 15:10"): a preset or typed.

Dismisses with the text to show, "" to clear the message shown now, or None (Escape).
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from ..keys import bindings_for
from ..plain import plain
from ..screens.base import IntervisieModalScreen

PRESETS = (
    "room_message.preset.five",
    "room_message.preset.two",
    "room_message.preset.break",
    "room_message.preset.silence",
    "room_message.preset.back",
)
MAX_LENGTH = 80  # one line on the wall


class RoomMessageScreen(IntervisieModalScreen[str | None]):
    DEFAULT_CSS = """
    RoomMessageScreen { align: center middle; }
    RoomMessageScreen > Vertical {
        width: 64; max-width: 95%; height: auto; border: thick $accent; background: $surface; padding: 1 2;
    }
    RoomMessageScreen #message-title { text-style: bold; margin-bottom: 1; }
    RoomMessageScreen OptionList { height: auto; max-height: 10; margin-bottom: 1; }
    """
    KEY_SCOPE = "room-message"  # its keys: the registry's (ui/keys.py)
    BINDINGS = bindings_for("room-message")

    def __init__(self, current: str, clock_time: str) -> None:
        super().__init__()
        self.current = current
        self.clock_time = clock_time  # "15:00": the break preset says until when

    def presets(self) -> list[str]:
        hours, minutes = (int(part) for part in self.clock_time.split(":"))
        later = hours * 60 + minutes + 10
        later += -later % 5  # a round time
        until = f"{later // 60 % 24:02d}:{later % 60:02d}"
        return [self.app.t(key, time=until) for key in PRESETS]

    def compose(self) -> ComposeResult:
        t = self.app.t
        options = [Option(plain(text), id=f"preset-{index}") for index, text in enumerate(self.presets())]
        if self.current:
            options.insert(0, Option(t("room_message.clear"), id="clear"))
        with Vertical():
            yield Static(t("room_message.title"), id="message-title")
            yield OptionList(*options)
            yield Input(placeholder=t("room_message.placeholder"), max_length=MAX_LENGTH, id="message-text")

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id == "clear":
            self.dismiss("")
            return
        self.dismiss(str(event.option.prompt))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        text = event.value.strip()
        if text:
            self.dismiss(text)

    def action_cancel(self) -> None:
        self.dismiss(None)
