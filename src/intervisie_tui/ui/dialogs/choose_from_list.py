"""A dialog that is a title, a list to choose from and a hint: the attendance list and the resume list.

The list is refilled in the current language after every change, and keeps its highlighted line."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ..screens.base import IntervisieModalScreen, Result
from ..widgets.key_footer import KeyFooter


class ChooseFromList(IntervisieModalScreen[Result]):
    ID_PREFIX: ClassVar[str]  # the widgets are #<prefix>-title, #<prefix>-list and #<prefix>-hint

    def title_text(self) -> str:
        raise NotImplementedError

    def hint_text(self) -> str:
        raise NotImplementedError

    def lines(self) -> list[Content]:
        """One line per choice, in the current language (made with `plain`: names are shown literally)."""
        raise NotImplementedError

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(id=f"{self.ID_PREFIX}-title")
            yield OptionList(id=f"{self.ID_PREFIX}-list")
            yield Static(id=f"{self.ID_PREFIX}-hint")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.refresh_language()
        self.query_one(OptionList).focus()

    def refresh_language(self) -> None:
        self.query_one(f"#{self.ID_PREFIX}-title", Static).update(self.title_text())
        self.query_one(f"#{self.ID_PREFIX}-hint", Static).update(self.hint_text())
        self.refill()

    def refill(self) -> None:
        options = self.query_one(OptionList)
        highlighted = options.highlighted
        options.clear_options()
        lines = self.lines()
        options.add_options(Option(line) for line in lines)
        if lines:
            options.highlighted = min(highlighted or 0, len(lines) - 1)
