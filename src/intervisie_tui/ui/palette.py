"""Textual's command palette in the app's language: its placeholder and its "no matches" line.

Textual writes both in English inside its `CommandPalette`; the placeholder is a parameter, the
"no matches" line is not, so this subclass (of the same name: it is the palette) draws its own
(same place, same timer).
"""

from __future__ import annotations

from rich.align import Align
from rich.text import Text
from textual import command as textual_command
from textual.command import CommandList
from textual.widgets.option_list import Option


class CommandPalette(textual_command.CommandPalette):
    def __init__(self, *, no_matches: str, **kwargs) -> None:
        super().__init__(**kwargs)
        self._no_matches_text = no_matches

    def _start_no_matches_countdown(self, search_value: str) -> None:
        self._stop_no_matches_countdown()

        def show_no_matches() -> None:
            # With nothing typed the palette is discovering; "no matches" would be a false alarm.
            if search_value:
                self.query_one(CommandList).add_option(
                    Option(
                        Align.center(Text(self._no_matches_text, style="not bold")), disabled=True, id=self._NO_MATCHES
                    )
                )
            self._list_visible = bool(search_value)

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, show_no_matches)
