"""Textual's footer, rebuilt once for all the binding changes made before the next refresh.

Textual's `Footer` schedules a full recompose (every key widget made and styled again) for each
change of the screen's bindings; a screen that sets its bindings, its language and its width on the
way to the first frame rebuilt it five times before that frame. The one recompose that waits reads
the bindings as they are by then, so nothing it shows changes.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey


class BatchedFooter(Footer):
    _recompose_waiting = False

    def bindings_changed(self, screen: Screen) -> None:
        if self._recompose_waiting:
            return
        super().bindings_changed(screen)
        self._recompose_waiting = self.is_attached and screen is self.screen and screen.app.app_focus

    def compose(self) -> ComposeResult:
        for widget in super().compose():
            if self.compact and isinstance(widget, FooterKey):
                widget.add_class("-compact", update=False)  # what binding `compact` would set after mount
            yield widget

    async def recompose(self) -> None:
        self._recompose_waiting = False
        await super().recompose()
