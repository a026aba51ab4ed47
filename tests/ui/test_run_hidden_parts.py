"""The run screen's hidden parts (private panels, cover, console bar, disk warning) are mounted
after the first frame; whatever needs them before that still works, and nothing is lost."""

from __future__ import annotations

import contextlib

from observe import screen_text

from intervisie_tui.settings import Settings
from intervisie_tui.ui.app import IntervisieApp
from intervisie_tui.ui.screens.run import RunScreen

HIDDEN = ("#journal-warning", "#facilitator-panel", "#notes-panel", "#blank-view", "#console-bar")


def run_app(plan, clock, library, lang: str = "nl") -> IntervisieApp:
    return IntervisieApp(lang=lang, clock=clock, plan=plan, library=library, settings=Settings())


def with_the_mount_held_back(monkeypatch) -> list[RunScreen]:
    """Screens whose hidden parts wait until the test lets them in (as in the moments after the first frame)."""
    held: list[RunScreen] = []

    async def hold(self: RunScreen) -> None:
        held.append(self)

    monkeypatch.setattr(RunScreen, "_mount_hidden_parts", hold)
    return held


@contextlib.asynccontextmanager
async def started_with_the_mount_held_back(app: IntervisieApp, monkeypatch, size: tuple[int, int]):
    """The app's run screen just after its first frame, its hidden parts not yet in."""
    held = with_the_mount_held_back(monkeypatch)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        screen = app.screen
        assert held == [screen]
        yield pilot, screen


async def test_the_first_frame_holds_only_what_the_room_sees(incident_plan, clock, library, monkeypatch):
    app = run_app(incident_plan, clock, library)
    async with started_with_the_mount_held_back(app, monkeypatch, (100, 30)) as (_pilot, screen):
        assert [widget.id for widget in screen.children] == ["session-view", None]  # the room's view, the footer
        assert "Incidentmethode" in screen_text(app)  # the room's view is whole without them


async def test_the_hidden_parts_are_in_soon_after(incident_plan, clock, library):
    app = run_app(incident_plan, clock, library)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.pause()
        screen = app.screen
        for selector in (*HIDDEN, "#facilitator-content", "#blank-title", "#blank-hint"):
            assert screen.query(selector), selector
        assert [widget.id for widget in screen.children][-1] is None  # the footer stays last
        assert not any(screen.query_one(selector).display for selector in HIDDEN if selector != "#notes-panel")


async def test_a_cover_asked_for_before_the_parts_are_in_shows_once_they_are(
    incident_plan, clock, library, monkeypatch
):
    real = RunScreen._mount_hidden_parts
    app = run_app(incident_plan, clock, library, "en")
    async with started_with_the_mount_held_back(app, monkeypatch, (100, 30)) as (pilot, screen):
        screen.pause_ticking()
        assert not screen.query("#blank-view")
        await pilot.press("b")  # the cover, before its widgets exist
        await pilot.pause()
        assert screen.has_class("-blank")
        assert screen.runner.state.covered
        await real(screen)
        await pilot.pause()
        text = screen_text(app)
        assert app.t("run.blank.title") in text
        assert "Incidentmethode" not in text  # the cover hides the session


async def test_notes_opened_before_the_parts_are_in_wait_for_them(incident_plan, clock, library, monkeypatch):
    app = run_app(incident_plan, clock, library)
    async with started_with_the_mount_held_back(app, monkeypatch, (160, 45)) as (pilot, screen):
        screen.pause_ticking()
        assert not screen.query("#notes-panel")
        monkeypatch.undo()  # the notes' own call mounts the parts now
        await screen._open_notes()
        await pilot.pause()
        assert screen.notes_visible
        assert screen.query_one("#notes-panel").display
        assert screen.query("#notes-panel TextArea")
