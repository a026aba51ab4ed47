"""The pilot's wait (quiet_pilot.py): installed, quiet without sleeping, and still in step with Textual."""

from __future__ import annotations

import asyncio

import quiet_pilot
import textual._wait
import textual.app
import textual.pilot
from textual.app import App, ComposeResult
from textual.screen import Screen
from textual.widgets import Static


class Counter(App):
    def __init__(self) -> None:
        super().__init__()
        self.keys: list[str] = []
        self.after_refresh: list[str] = []
        self.sizes: list[tuple[int, int]] = []

    def compose(self) -> ComposeResult:
        yield Static("0", id="count")

    def on_key(self, event) -> None:
        self.keys.append(event.key)
        self.query_one("#count", Static).update(str(len(self.keys)))
        self.call_after_refresh(self.after_refresh.append, event.key)

    def on_resize(self, event) -> None:
        self.sizes.append(tuple(event.size))


def test_every_pilot_of_the_session_waits_with_it():
    assert textual.app.wait_for_idle is quiet_pilot.until_quiet
    assert textual.pilot.wait_for_idle is quiet_pilot.until_quiet


def test_the_textual_parts_it_reads_are_still_there():
    """A Textual upgrade that renames them fails here, not as a puzzling test elsewhere."""
    app = App()
    screen = Screen()
    for name in ("_layout_required", "_scroll_required", "_repaint_required", "_dirty_widgets", "_callbacks"):
        assert hasattr(screen, name), name
    assert hasattr(screen, "_recompose_required") and callable(screen._on_timer_update)
    assert hasattr(app, "_resize_timer") and callable(app._check_resize) and hasattr(app, "_batch_count")
    assert hasattr(asyncio.new_event_loop(), "_ready")


async def test_a_key_its_frame_and_what_waits_for_the_frame_are_done_when_press_returns(monkeypatch):
    def no_sleeping(delay, *args):
        raise AssertionError(f"Textual's pilot slept {delay} s")

    monkeypatch.setattr(textual._wait, "sleep", no_sleeping)  # what Textual's own wait sleeps with
    app = Counter()
    async with app.run_test(size=(40, 5)) as pilot:
        await pilot.press("a", "b", "c")
        assert app.keys == ["a", "b", "c"]
        assert app.after_refresh == ["a", "b", "c"]  # each after a frame: the frame was drawn
        assert "3" in app.screen._compositor.render_strips()[0].text
        await pilot.resize_terminal(60, 8)
        assert app.sizes[-1] == (60, 8)  # handed on without Textual's 1/120 s timer
        await pilot.pause()


async def test_an_app_that_keeps_itself_busy_does_not_hang_the_test():
    app = Counter()
    async with app.run_test(size=(40, 5)) as pilot:
        loop = asyncio.get_running_loop()
        turns = 0

        def again() -> None:
            nonlocal turns
            turns += 1
            if turns < quiet_pilot.MOST_TURNS * 2:
                loop.call_soon(again)

        loop.call_soon(again)
        await quiet_pilot.until_quiet()
        assert quiet_pilot.MOST_TURNS <= turns < quiet_pilot.MOST_TURNS * 2
        await pilot.pause()
