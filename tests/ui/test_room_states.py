"""Every state of the room's view has a shape of its own (characters, not only colours), every
theme's state colours are readable, the turn's clock is large, the session's end shows, a
break stops the clock and shows, and a key that cannot work now says why."""

from __future__ import annotations

import itertools

import pytest
from observe import notices, screen_lines, screen_text
from textual.color import Color

from intervisie_tui.core.clock import FakeClock
from intervisie_tui.core.engine import SessionRunner
from intervisie_tui.core.library import load_library
from intervisie_tui.core.plan import SessionPlan
from intervisie_tui.core.room import room_view
from intervisie_tui.settings import Settings
from intervisie_tui.ui.app import IntervisieApp
from intervisie_tui.ui.dialogs.help import HelpScreen
from intervisie_tui.ui.themes import ALL_THEMES, COUNTDOWN_VARIABLES, INTERVISIE_HIGH_CONTRAST
from intervisie_tui.ui.widgets.big_countdown import render_big
from tests.ui.test_app_themes import contrast  # WCAG 2 contrast ratio of two colours

LIBRARY = load_library(None, entry_points=())
# state: (keys after the start, seconds after them). Phase 2 (10 min) of the Incidentmethode.
STATES = {
    "ready": (None, 0),
    "running": (("right",), 125),
    "last_minute": (("right",), 9 * 60 + 15),
    "over": (("right",), 10 * 60 + 20),
    "paused": (("right", "space"), 0),
    "break": (("right", "k"), 95),
}


def make_app(lang="nl", theme="intervisie-dark", **settings) -> tuple[IntervisieApp, FakeClock]:
    plan = SessionPlan.create(
        LIBRARY.get("incident"), ["Anna", "Bram", "Cem", "Dewi"], inbrenger="Bram", budget_minutes=90, language=lang
    )
    clock = FakeClock()
    app = IntervisieApp(
        lang=lang, clock=clock, plan=plan, library=LIBRARY, settings=Settings(theme=theme, bell=False, **settings)
    )
    return app, clock


async def reach(app, clock, pilot, state: str):
    screen = app.screen
    screen.pause_ticking()
    keys, seconds = STATES[state]
    if keys is not None:
        await pilot.press("space", *keys)
    clock.advance(seconds)
    screen.refresh_view()
    app.clear_notifications()
    await pilot.pause()
    return screen


def lines_without(screen, *selectors) -> list[str]:
    """The screen's characters with the given widgets' regions blanked out."""
    lines = screen_lines(screen)
    for selector in selectors:
        region = screen.query_one(selector).region
        for y in range(region.y, region.bottom):
            line = lines[y]
            lines[y] = line[: region.x] + " " * region.width + line[region.right :]
    return lines


@pytest.mark.parametrize("size", [(80, 24), (160, 45)], ids=lambda size: f"{size[0]}x{size[1]}")
@pytest.mark.parametrize("lang", ["nl", "en"])
async def test_every_pair_of_states_differs_in_characters_outside_the_state_line(size, lang, monkeypatch):
    """Seen without colour (NO_COLOR), outside the state line and the digits themselves and the
    session's end (they change with time anyway), no two states look the same."""
    monkeypatch.setenv("NO_COLOR", "1")
    shown = {}
    for state in STATES:
        app, clock = make_app(lang)
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            screen = await reach(app, clock, pilot, state)
            assert screen.room.clock.state == state
            shown[state] = lines_without(screen, "#clock-state", "#countdown", "#run-header")
    for first, second in itertools.combinations(STATES, 2):
        assert shown[first] != shown[second], (first, second)


async def test_the_large_clock_puts_its_state_sign_before_the_digits():
    for state, sign in (("ready", "▶"), ("paused", "‖"), ("last_minute", "!"), ("running", ""), ("over", "+")):
        app, clock = make_app()
        async with app.run_test(size=(160, 45)) as pilot:
            await pilot.pause()
            screen = await reach(app, clock, pilot, state)
            countdown = screen.query_one("#countdown")
            assert countdown.scale >= 2
            drawn = countdown.lines
            assert drawn == render_big(countdown.block_text(), countdown.scale)
            assert countdown.block_text().startswith(sign) and countdown.block_text().endswith(countdown.value)
            if state == "running":
                assert countdown.block_text() == countdown.value


@pytest.mark.parametrize("theme", ALL_THEMES, ids=lambda theme: theme.name)
def test_every_state_colour_is_readable_in_every_theme(theme):
    """AA (4.5:1) in every theme, AAA (7:1) in the high-contrast one, on every background drawn."""
    minimum = 7.0 if theme is INTERVISIE_HIGH_CONTRAST else 4.5
    for state, variable in COUNTDOWN_VARIABLES.items():
        for background in (theme.background, theme.surface):
            assert contrast(theme.variables[variable], background) >= minimum, (state, background)


def test_no_two_states_share_the_digits_colour_in_high_contrast():
    colours = [Color.parse(INTERVISIE_HIGH_CONTRAST.variables[name]) for name in COUNTDOWN_VARIABLES.values()]
    assert len(set(colours)) == len(colours)


async def test_the_high_contrast_screen_draws_each_state_in_its_own_colour():
    """What is drawn, not only what the theme says: the countdown's colour per state."""
    drawn = {}
    for state in STATES:
        app, clock = make_app(theme="intervisie-high-contrast")
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            screen = await reach(app, clock, pilot, state)
            countdown = screen.query_one("#countdown")
            drawn[state] = countdown.styles.color
            assert drawn[state] == Color.parse(INTERVISIE_HIGH_CONTRAST.variables[COUNTDOWN_VARIABLES[state]])
    assert len(set(drawn.values())) == len(drawn)


def ink_rows(screen, selector) -> int:
    widget = screen.query_one(selector)
    lines = screen_lines(screen)
    region = widget.region
    return sum(bool(lines[y][region.x : region.right].strip()) for y in range(region.y, region.bottom))


@pytest.mark.parametrize(("size", "turn_rows", "main_rows"), [((160, 45), 5, 10), ((200, 50), 8, 16)])
async def test_the_turn_clock_is_drawn_in_the_block_font(size, turn_rows, main_rows):
    app, clock = make_app("en")
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        screen = app.screen
        screen.pause_ticking()
        await pilot.press("space", "n", "n", "n")  # the information round: 90 s per turn
        clock.advance(20)
        screen.refresh_view()
        await pilot.pause()
        turn = screen.query_one("#turn-countdown")
        assert turn.scale >= 2 and ink_rows(screen, "#turn-countdown") >= turn_rows
        assert ink_rows(screen, "#countdown") >= main_rows
        clock.advance(80)  # the turn runs over: its own sign
        screen.refresh_view()
        await pilot.pause()
        assert turn.value.startswith("+") and turn.lines[0]
        assert screen.query_one("#turn-box").has_class("-over")
        assert "turn is up" in str(screen.query_one("#turn-state").render())


async def test_the_room_sees_the_planned_end_and_how_far_behind():
    app, clock = make_app("en")
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.pause()
        screen = app.screen
        screen.pause_ticking()
        assert "90 min planned" in str(screen.query_one("#run-header").render())
        await pilot.press("space")
        wall = app.clock.wall().astimezone()
        clock.advance(5 * 60 + 4 * 60)  # four minutes over the first phase's five
        screen.refresh_view()
        await pilot.pause()
        timing = screen.room.timing
        end = (wall + __import__("datetime").timedelta(minutes=90)).strftime("%H:%M")
        assert timing.planned_end == end and timing.behind == 4
        assert f"ends {end} · 4 min behind" in str(screen.query_one("#run-header").render())


def test_minutes_taken_from_later_phases_show_in_the_strip(incident_plan, clock):
    runner = SessionRunner(incident_plan, clock, extend_takes_from_later=True)
    runner.start()
    before = room_view(runner.state, runner.now(), "nl")
    assert runner.extend(2)
    after = room_view(runner.state, runner.now(), "nl")
    assert after.strip[0].minutes == before.strip[0].minutes + 2
    assert sum(entry.minutes for entry in after.strip) == sum(entry.minutes for entry in before.strip)
    assert after.timing.planned_end == before.timing.planned_end and after.timing.behind == 0


async def test_a_break_stops_the_clock_shows_in_the_room_and_space_ends_it():
    app, clock = make_app("nl")
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        screen = app.screen
        screen.pause_ticking()
        await pilot.press("space", "right")
        clock.advance(30)
        await pilot.press("k")
        phase_left = screen.runner.view().remaining
        clock.advance(125)
        screen.refresh_view()
        await pilot.pause()
        room = screen.room
        assert room.clock.state == "break" and room.clock.value == "02:05"  # counting up
        assert screen.runner.view().remaining == phase_left  # the session's clock stands still
        text = screen_text(screen)
        assert "pauze · telt op" in text and "daarna nog 09:30 van deze fase" in text
        assert screen.query_one("#who-big-row").display  # PAUZE in block capitals
        assert not screen.query_one("#questions").region.height
        await pilot.press("plus")  # until a time: the minutes it lasted, plus one
        screen.refresh_view()
        await pilot.pause()
        assert screen.room.on_break.until is not None and screen.room.clock.value == "00:55"
        await pilot.press("space")
        await pilot.pause()
        assert screen.room.on_break is None and screen.room.clock.state == "running"
        assert "k" in [
            key for key, active in app.screen.active_bindings.items() if active.binding.action == "toggle_break"
        ]


async def test_a_key_that_cannot_work_now_says_why():
    app, _clock = make_app("en")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = app.screen
        screen.pause_ticking()
        await pilot.press("t")  # before the start
        await pilot.pause()
        assert any("has not started yet" in message for message, _ in notices(app))
        await pilot.press("space", "p")  # back from the first phase
        await pilot.pause()
        assert any("This is the first phase." in message for message, _ in notices(app))
        await pilot.press("right", "t")  # the sketch: the inbrenger tells, no turns
        await pilot.pause()
        assert any("This phase has no turns." in message for message, _ in notices(app))
        for _ in range(10):  # ten minutes, one is the least
            await pilot.press("minus")
        await pilot.pause()
        assert any("No shorter" in message for message, _ in notices(app))


@pytest.mark.parametrize("lang", ["nl", "en"])
async def test_help_keeps_the_private_keys_apart_from_what_the_group_sees(lang):
    from rich.console import Console

    app, _clock = make_app(lang)
    async with app.run_test(size=(120, 45)) as pilot:
        await pilot.pause()
        app.screen.pause_ticking()
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        console = Console(width=200, no_color=True)
        with console.capture() as captured:
            console.print(app.screen.render_help())
        text = captured.get()
    group, private = (
        ("Wat de groep ziet", "Alleen voor jou") if lang == "nl" else ("What the group sees", "Only for you")
    )
    notes, blank = ("Notities", "Leeg scherm") if lang == "nl" else ("Notes", "Blank")
    start, middle = text.index(group), text.index(private)
    assert start < text.index(blank) < middle, "blanking is what the group sees"
    assert notes not in text[start:middle] and notes in text[middle:]
    assert ("Pauze (klok stil" if lang == "nl" else "Break (clock stops") in text
