"""The big countdown's font and scaling, and the run screen at sizes from 60x20 to 250x70."""

from __future__ import annotations

import pytest
from observe import screen_text

from intervisie_tui.core.room import StripEntry
from intervisie_tui.core.state import Status
from intervisie_tui.core.turn_words import format_clock
from intervisie_tui.settings import Settings
from intervisie_tui.ui.app import IntervisieApp
from intervisie_tui.ui.text import strip_text
from intervisie_tui.ui.widgets.big_countdown import FONT, big_size, fit_scale, render_big


def test_render_big_matches_its_size_and_uses_half_blocks():
    for scale in (1, 2, 3, 5):
        lines = render_big("+12:34", scale)
        columns, rows = big_size("+12:34", scale)
        assert len(lines) == rows
        assert {len(line) for line in lines} == {columns}
    one = render_big("0", 1)
    assert len(one) == 4 and set("".join(one)) <= set(" ▀▄█")
    assert any(character in "▀▄" for character in "".join(one))  # odd font height: half blocks at work


def test_render_big_draws_the_font():
    # At scale 2 each font row is exactly one terminal row of full blocks.
    lines = render_big("1", 2)
    expected = ["".join("██" if pixel == "#" else "  " for pixel in row) for row in FONT["1"]]
    assert lines == expected


def test_fit_scale_picks_the_largest_that_fits():
    assert fit_scale("+00:00", 200, 17) == 4
    columns, rows = big_size("+00:00", 4)
    assert fit_scale("+00:00", columns, rows) == 4
    assert fit_scale("+00:00", columns - 1, rows) == 3
    assert fit_scale("+00:00", 10, 3) == 0
    with pytest.raises(ValueError):
        render_big("1", 0)


@pytest.mark.parametrize(
    ("seconds", "shown"),
    [
        (600, "10:00"),
        (599.2, "10:00"),
        (59.01, "01:00"),
        (0.5, "00:01"),
        (0, "+00:00"),
        (-133.9, "+02:13"),
        (-3600, "+60:00"),
        (7200, "120:00"),
    ],
)
def test_format_clock(seconds, shown):
    assert format_clock(seconds) == shown


def test_phase_strip_marks_past_current_coming_without_colour():
    entries = [
        StripEntry(1, "Keuze", 5, "past"),
        StripEntry(2, "Schets", 10, "current"),
        StripEntry(3, "Vragen", 3, "coming"),
    ]
    wide = strip_text(entries, 200).plain
    assert "✓ Keuze 5′" in wide and "▶ Schets 10′" in wide and "· Vragen 3′" in wide
    narrow = strip_text(entries, 30).plain
    assert "✓1" in narrow and "▶ Schets 10′" in narrow and "·3" in narrow


SIZES = [(60, 20), (80, 24), (120, 35), (160, 45), (200, 50), (250, 70)]


async def test_every_size_keeps_the_essentials_and_the_session_running(incident_plan, clock, library):
    app = IntervisieApp(lang="en", clock=clock, plan=incident_plan, library=library, settings=Settings())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        screen.pause_ticking()
        await pilot.press("space", "n", "n", "n")  # the information round: two clocks
        clock.advance(20)
        for width, height in SIZES:
            await pilot.resize_terminal(width, height)
            await pilot.pause()
            screen.refresh_view()
            await pilot.pause()
            assert app.size == (width, height)
            assert screen.runner.status is Status.RUNNING
            # Whose turn: one line of text, or on large screens the name in block capitals.
            who = "#who-big" if screen.query_one("#who-big-row").display else "#who"
            for selector in ("#run-header", "#clock-state", who, "#countdown", "#turn-countdown"):
                widget = screen.query_one(selector)
                assert widget.region.width > 0 and widget.region.height > 0, (selector, width, height)
                assert widget.region.right <= width and widget.region.bottom <= height, (selector, width, height)
            text = screen_text(screen)
            assert "running" in text and "Cem" in text
            big = screen.query_one("#countdown")
            if (width, height) == (200, 50):
                rows = len(render_big(big.value, big.scale))
                assert big.scale >= 4 and rows >= height // 4  # readable from the back of the room
            if (width, height) == (60, 20):
                assert big.scale == 0 and len(big.lines) == 3  # the 3-row digits take over
        assert screen.runner.view().remaining == screen.runner.view().allotted - 20
