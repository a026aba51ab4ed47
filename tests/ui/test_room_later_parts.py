"""The room's view makes at the start only the parts its first view shows (the turn's own clock,
the name in block capitals, the room's message); the others follow, hidden, after the first frame."""

from __future__ import annotations

import contextlib

from observe import screen_text

from intervisie_tui.core.engine import SessionRunner
from intervisie_tui.settings import Settings
from intervisie_tui.ui.app import IntervisieApp
from intervisie_tui.ui.screens.run import RunScreen
from intervisie_tui.ui.widgets.big_countdown import render_big
from intervisie_tui.ui.widgets.room import RoomBody

LATER = ("#turn-box", "#who-big-row", "#room-message")


def hold_the_rest_back(monkeypatch) -> list[RoomBody]:
    """Room views whose later parts wait until the test lets them in."""
    held: list[RoomBody] = []

    async def hold(self: RoomBody) -> None:
        held.append(self)

    monkeypatch.setattr(RoomBody, "_mount_the_rest", hold)
    return held


def app_on(runner: SessionRunner, library) -> IntervisieApp:
    return IntervisieApp(
        lang="nl", clock=runner.clock, library=library, settings=Settings(), first_screen=lambda: RunScreen(runner)
    )


async def test_the_start_makes_only_what_the_first_view_shows(incident_plan, clock, library, monkeypatch):
    held = hold_the_rest_back(monkeypatch)
    app = IntervisieApp(lang="nl", clock=clock, plan=incident_plan, library=library, settings=Settings())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        body = app.screen.query_one(RoomBody)
        assert held == [body]
        assert not any(body.query(selector) for selector in LATER)
        text = screen_text(app)
        assert "Incidentmethode" in text and "Welke situatie zit je nog dwars?" in text


async def test_the_rest_comes_hidden_in_its_place(incident_plan, clock, library):
    app = IntervisieApp(lang="nl", clock=clock, plan=incident_plan, library=library, settings=Settings())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.pause()
        body = app.screen.query_one(RoomBody)
        assert [child.id for child in body.query_one("#clock-row").children] == ["clock-box", "turn-box"]
        order = [child.id for child in body.children]
        assert order.index("who-big-row") + 1 == order.index("who")
        assert order.index("room-message") + 1 == order.index("questions")
        assert not any(body.query_one(selector).display for selector in LATER)
        # Each shows itself when the room needs it: the message, once the facilitator sends one.
        app.screen.runner.set_room_message("Nog 2 minuten")
        app.screen.refresh_view()
        await pilot.pause()
        assert body.query_one("#room-message").display
        assert "Nog 2 minuten" in screen_text(app)


def runner_at_step(plan, clock, step: int) -> SessionRunner:
    runner = SessionRunner(plan, clock)
    runner.start()
    for _ in range(step - 1):
        runner.next_phase()
    return runner


@contextlib.asynccontextmanager
async def first_frame_of(runner: SessionRunner, library, monkeypatch, size: tuple[int, int]):
    """The app on `runner`'s run screen with the later parts held back: what its first frame has."""
    held = hold_the_rest_back(monkeypatch)
    app = app_on(runner, library)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        body = app.screen.query_one(RoomBody)
        assert held == [body]
        yield app, body


async def test_a_first_view_with_a_timed_turn_has_its_clock_from_the_start(incident_plan, clock, library, monkeypatch):
    runner = runner_at_step(incident_plan, clock, 4)  # a round with 90 seconds per turn
    runner.set_room_message("Even pauze")
    async with first_frame_of(runner, library, monkeypatch, (100, 30)) as (app, body):
        assert body.query_one("#turn-box").display
        assert body.query_one("#room-message").display
        assert not body.query("#who-big-row")  # a timed turn: the clock needs the rows, no banner
        assert str(body.query_one("#turn-name").render()) == "Cem"
        assert "Even pauze" in screen_text(app)


async def test_a_first_view_with_a_speaker_on_a_large_screen_has_the_name_in_capitals(
    incident_plan, clock, library, monkeypatch
):
    runner = runner_at_step(incident_plan, clock, 7)  # a round without time per turn
    name = runner.view().turn.current
    async with first_frame_of(runner, library, monkeypatch, (200, 50)) as (_app, body):
        assert body.query_one("#who-big-row").display
        assert not body.query_one("#who").display
        assert body.query_one("#who-big").lines == render_big(name.upper(), 2)
