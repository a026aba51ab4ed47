"""Screens that are not styled twice on the way to their first frame.

Textual restyles every widget of a screen each time the screen is resumed, so that a screen
coming back sees classes and theme changes made while it was covered. The first resume comes
right after the mount that has just styled each widget, and nothing can have changed between
the two; that second pass over the whole tree cost the run screen about a fifth of its start.
Later resumes restyle as Textual always does.
"""

from __future__ import annotations

from textual import events


class StyledAtMount:
    """Mixin for screens (before `Screen` in the bases): the first resume keeps the styles of the mount."""

    _resumed_before = False

    def _on_screen_resume(self, event: events.ScreenResume) -> None:
        # Textual calls each class's handler along the MRO: Screen's own runs after this one.
        if not self._resumed_before:
            self._resumed_before = True
            event.refresh_styles = False
