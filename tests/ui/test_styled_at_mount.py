"""A screen is styled by its mount and not again by its first resume (ui/first_resume.py);
resumed later, it is restyled as Textual always does."""

from __future__ import annotations

from textual import events
from textual.dom import DOMNode
from textual.screen import Screen

from intervisie_tui.ui.app import IntervisieApp
from intervisie_tui.ui.first_resume import StyledAtMount


def test_only_the_first_resume_keeps_the_mount_styles():
    screen = StyledAtMount()
    first, second = events.ScreenResume(), events.ScreenResume()
    screen._on_screen_resume(first)
    screen._on_screen_resume(second)
    assert (first.refresh_styles, second.refresh_styles) == (False, True)


async def test_the_run_screen_is_not_restyled_whole_on_its_way_to_the_first_frame(monkeypatch, incident_plan):
    whole_screens: list[str] = []
    real = DOMNode.update_node_styles

    def update_node_styles(self, animate: bool = True) -> None:
        if isinstance(self, Screen):
            whole_screens.append(type(self).__name__)
        real(self, animate)

    monkeypatch.setattr(DOMNode, "update_node_styles", update_node_styles)
    app = IntervisieApp(lang="nl", plan=incident_plan)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert type(app.screen).__name__ == "RunScreen"
        assert "RunScreen" not in whole_screens
        assert app.screen.query_one("#countdown").styles.color is not None  # styled all the same
        app.theme = "intervisie-light"  # a change after the start restyles as always
        await pilot.pause()
        assert app.screen.styles.background != DOMNode().styles.background
