"""The first screen of `intervisie run` and `intervisie notes` goes on after Textual's start-up
batch: a screen mounted inside it is laid out and rendered once for nothing (Textual drops the
frames it renders while batching), and its first frame comes a render later."""

from __future__ import annotations

import pytest
from textual.screen import Screen

from intervisie_tui.settings import Settings
from intervisie_tui.ui.app import IntervisieApp
from intervisie_tui.ui.screens.review import ReviewScreen
from intervisie_tui.ui.screens.run import RunScreen


@pytest.fixture
def renders(monkeypatch) -> list[tuple[str, bool]]:
    """Each render of a screen on top: its class, and whether the app was batching (the frame dropped)."""
    seen: list[tuple[str, bool]] = []
    render = Screen._compositor_refresh

    def recorded(screen: Screen) -> None:
        if screen.is_attached and screen is screen.app.screen:
            seen.append((type(screen).__name__, bool(screen.app._batch_count)))
        render(screen)

    monkeypatch.setattr(Screen, "_compositor_refresh", recorded)
    return seen


async def test_the_run_screen_is_never_rendered_for_nothing(incident_plan, clock, library, renders):
    app = IntervisieApp(lang="nl", clock=clock, plan=incident_plan, library=library, settings=Settings())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, RunScreen)
    ours = [batching for name, batching in renders if name == "RunScreen"]
    assert ours and not any(ours)


async def test_the_review_is_never_rendered_for_nothing(tmp_path, clock, library, renders):
    app = IntervisieApp(
        lang="nl", data_dir=tmp_path, clock=clock, library=library, settings=Settings(), first_screen=ReviewScreen
    )
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
    ours = [batching for name, batching in renders if name == "ReviewScreen"]
    assert ours and not any(ours)
