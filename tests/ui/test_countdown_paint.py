"""The big countdown repaints only the digits that changed, and draws what a full paint draws."""

from __future__ import annotations

from observe import screen_lines
from textual.app import App
from textual.geometry import Region

from intervisie_tui.ui.widgets.big_countdown import BigCountdown, _changed_columns, big_size, render_big


class Clock(App):
    def compose(self):
        yield BigCountdown("12:34", reference="00:00")


def test_changed_columns_cover_exactly_the_changed_digit():
    before, after = render_big("12:34", 3), render_big("12:33", 3)
    start, end = _changed_columns(before, after)
    last_digit = big_size("12:3", 3)[0] + 3  # the gap before the last digit is blank in both
    assert start >= last_digit and end <= len(before[0])
    assert all(
        line_a[:start] == line_b[:start] and line_a[end:] == line_b[end:] for line_a, line_b in zip(before, after)
    )
    assert _changed_columns(before, before) is None


async def test_a_tick_repaints_the_changed_columns_only():
    app = Clock()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        countdown = app.query_one(BigCountdown)
        assert countdown.scale >= 2
        refreshed: list[tuple] = []
        original = countdown.refresh

        def spy(*regions, **options):
            refreshed.append((regions, options))
            return original(*regions, **options)

        countdown.refresh = spy
        countdown.value = "12:33"
        width, height = big_size("12:33", countdown.scale)
        assert len(refreshed) == 1
        (region,), options = refreshed[0]
        assert not options.get("layout")
        assert isinstance(region, Region) and region.height == height and 0 < region.width < width / 3
        await pilot.pause()
        shown = screen_lines(app.screen)
        drawn = render_big("12:33", countdown.scale)
        top = next(index for index, line in enumerate(shown) if line.strip())
        assert [line.strip() for line in shown[top : top + height]] == [line.strip() for line in drawn]
