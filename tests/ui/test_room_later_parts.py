"""The room's view makes at the start only the parts its first view shows (the turn's own clock,
the name in block capitals, the room's message); the others follow, hidden, after the first frame."""

from __future__ import annotations

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


async def test_a_first_view_with_a_timed_turn_has_its_clock_from_the_start(incident_plan, clock, library, monkeypatch):
    runner = SessionRunner(incident_plan, clock)
    runner.start()
    for _ in range(3):  # step 4: a round with 90 seconds per turn
        runner.next_phase()
    runner.set_room_message("Even pauze")
    held = hold_the_rest_back(monkeypatch)
    app = app_on(runner, library)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        body = app.screen.query_one(RoomBody)
        assert held == [body]
        assert body.query_one("#turn-box").display
        assert body.query_one("#room-message").display
        assert not body.query("#who-big-row")  # a timed turn: the clock needs the rows, no banner
        assert str(body.query_one("#turn-name").render()) == "Cem"
        assert "Even pauze" in screen_text(app)


async def test_a_first_view_with_a_speaker_on_a_large_screen_has_the_name_in_capitals(
    incident_plan, clock, library, monkeypatch
):
    runner = SessionRunner(incident_plan, clock)
    runner.start()
    for _ in range(6):  # step 7: a round without time per turn
        runner.next_phase()
    name = runner.view().turn.current
    held = hold_the_rest_back(monkeypatch)
    app = app_on(runner, library)
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.pause()
        body = app.screen.query_one(RoomBody)
        assert held == [body]
        assert body.query_one("#who-big-row").display
        assert not body.query_one("#who").display
        assert body.query_one("#who-big").lines == render_big(name.upper(), 2)
