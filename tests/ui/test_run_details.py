"""The run screen on the projector: clocks never cut off, a footer that keeps the privacy key,
panels that leave the session in view, a one-line phase strip, keys in the current language,
a question before quitting an unsaved session, live speaking time, checkpoints."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from observe import notices, screen_lines
from rich.cells import cell_len

from intervisie_tui.core.message import Message
from intervisie_tui.core.plan import SessionPlan
from intervisie_tui.core.room import StripEntry
from intervisie_tui.core.state import Status
from intervisie_tui.i18n import t
from intervisie_tui.settings import Settings
from intervisie_tui.ui.app import IntervisieApp
from intervisie_tui.ui.dialogs.confirm import ConfirmScreen
from intervisie_tui.ui.dialogs.help import HelpScreen
from intervisie_tui.ui.keys import check_keymap
from intervisie_tui.ui.text import strip_text
from intervisie_tui.ui.widgets.big_countdown import BigCountdown, big_size, render_big


def make_app(plan, clock, library, lang="en", **settings) -> IntervisieApp:
    return IntervisieApp(lang=lang, clock=clock, plan=plan, library=library, settings=Settings(**settings))


def text_of(screen, selector: str) -> str:
    return str(screen.query_one(selector).render())


async def settle(pilot, screen) -> None:
    await pilot.pause()
    screen.refresh_view()
    await pilot.pause()


def assert_fits(countdown: BigCountdown) -> None:
    """What the countdown draws is no wider than its box (nothing is cut off)."""
    if countdown.scale:
        columns, rows = big_size(countdown.value, countdown.scale)
        assert len(render_big(countdown.value, countdown.scale)[0]) == columns
        assert columns <= countdown.content_size.width, (countdown.id, countdown.value, countdown.scale)
        assert rows <= countdown.content_size.height


@pytest.mark.parametrize("size", [(200, 50), (250, 70)])
async def test_clocks_in_overtime_are_never_cut_off(incident_plan, clock, library, size):
    app = make_app(incident_plan, clock, library)
    async with app.run_test(size=size) as pilot:
        screen = app.screen
        screen.pause_ticking()
        screen.guard_choice = "open"  # as if the mirrored-screen guard was answered (test_two_surfaces.py)
        await pilot.press("space", "n", "n", "n")  # the information round: a clock per turn
        turn = screen.query_one("#turn-countdown", BigCountdown)
        main = screen.query_one("#countdown", BigCountdown)
        clock.advance(screen.runner.view().turn.turn_remaining + 5)
        await settle(pilot, screen)
        assert turn.value.startswith("+") and len(turn.value) == 6
        assert_fits(turn)
        assert_fits(main)
        clock.advance(screen.runner.view().remaining + 100 * 60)  # the room's clock past +99:59
        await settle(pilot, screen)
        assert len(main.value) == 7 and main.value.startswith("+1")
        assert_fits(main)
        assert main.scale >= 2  # still big, just a size smaller


async def test_main_clock_takes_a_third_of_a_large_screen(incident_plan, clock, library):
    app = make_app(incident_plan, clock, library)
    async with app.run_test(size=(200, 50)) as pilot:
        screen = app.screen
        screen.pause_ticking()
        screen.guard_choice = "open"  # as if the mirrored-screen guard was answered (test_two_surfaces.py)
        await pilot.press("space", "n", "n", "n")  # with the turn clock beside it
        await settle(pilot, screen)
        main = screen.query_one("#countdown", BigCountdown)
        assert len(render_big(main.value, main.scale)) >= 50 // 3


@pytest.mark.parametrize("size", [(80, 24), (60, 20)])
@pytest.mark.parametrize("lang", ["nl", "en"])
async def test_small_footer_keeps_blank_and_end(incident_plan, clock, library, lang, size):
    app = make_app(incident_plan, clock, library, lang=lang)
    async with app.run_test(size=size) as pilot:
        screen = app.screen
        screen.pause_ticking()
        screen.guard_choice = "open"  # as if the mirrored-screen guard was answered (test_two_surfaces.py)
        await pilot.press("space", "n", "n", "n")  # a round: the speaker key shows too
        await settle(pilot, screen)
        footer = screen_lines(app)[-1]
        blank, end = ("b Leeg scherm", "q Einde") if lang == "nl" else ("b Blank", "q End")
        assert blank in footer and end in footer, footer
        assert footer.index("?") < footer.index(blank) < footer.index(end)


@pytest.mark.parametrize("size", [(60, 20), (80, 24)])
async def test_both_panels_leave_the_clock_and_whose_turn_in_view(incident_plan, clock, library, size):
    app = make_app(incident_plan, clock, library)
    async with app.run_test(size=size) as pilot:
        screen = app.screen
        screen.pause_ticking()
        screen.guard_choice = "open"  # as if the mirrored-screen guard was answered (test_two_surfaces.py)
        await pilot.press("space", "n", "n", "n", "f", "e")
        await settle(pilot, screen)
        assert screen.facilitator_visible and screen.notes_visible
        visible = "\n".join(screen_lines(app))
        for selector in ("#countdown", "#who"):
            region = screen.query_one(selector).region
            assert region.width >= 10 and region.height >= 1, (selector, region)
        panel = screen.query_one("#notes-panel").region
        assert screen.query_one("#countdown").region.right <= panel.x
        assert text_of(screen, "#who") in visible  # Anna, the first in the round


@given(
    titles=st.lists(st.text(alphabet="abcdefghij ", min_size=1, max_size=30), min_size=1, max_size=12),
    current=st.integers(min_value=0, max_value=11),
    width=st.integers(min_value=40, max_value=260),
)
def test_phase_strip_never_wider_than_asked_when_it_can_be(titles, current, width):
    current %= len(titles)
    entries = [
        StripEntry(i + 1, title, 10, "past" if i < current else "current" if i == current else "coming")
        for i, title in enumerate(titles)
    ]
    text = strip_text(entries, width)
    shortest = cell_len("  ".join(f"·{i + 1}" for i in range(len(titles)))) + 4 + cell_len(titles[current])
    if shortest <= width:
        assert cell_len(text.plain) <= width, text.plain


@pytest.mark.parametrize("size", [(250, 70), (60, 20), (120, 35)])
async def test_phase_strip_stays_on_one_line(incident_plan, clock, library, size):
    app = make_app(incident_plan, clock, library)
    async with app.run_test(size=size) as pilot:
        screen = app.screen
        screen.pause_ticking()
        screen.guard_choice = "open"  # as if the mirrored-screen guard was answered (test_two_surfaces.py)
        await pilot.press("space", "n", "n", "n")
        for panel in ("", "f"):
            if panel:
                await pilot.press(panel)
            await settle(pilot, screen)
            strip = screen.query_one("#phase-strip")
            assert strip.region.height == 1
            rendered = screen_lines(app)[strip.region.y][strip.region.x : strip.region.right]
            assert "▶" in rendered and "…" not in rendered, rendered


async def test_keys_show_in_the_current_language_everywhere(incident_plan, clock, library):
    app = make_app(incident_plan, clock, library, lang="nl")
    async with app.run_test(size=(160, 40)) as pilot:
        screen = app.screen
        screen.pause_ticking()
        screen.guard_choice = "open"  # as if the mirrored-screen guard was answered (test_two_surfaces.py)
        await settle(pilot, screen)
        assert "spatie: start" in text_of(screen, "#clock-sign")
        assert "spatie Start/pauze" in screen_lines(app)[-1]
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        help_text = "\n".join(screen_lines(app))
        assert "spatie" in help_text and "space " not in help_text


async def test_keymap_warnings_speak_dutch(incident_plan, clock, library):
    usable, problems = check_keymap({"nonsense": "x", "blank": "ctrl+wobble"}, lambda key, **v: t(key, "nl", **v))
    assert usable == {}
    assert any("onbekende actie-id 'nonsense'" in problem for problem in problems)
    assert any("onbekende toets" in problem and "ctrl+wobble" in problem for problem in problems)
    app = make_app(incident_plan, clock, library, lang="nl", keys={"bogus-id": "x"})
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert any("onbekende actie-id 'bogus-id'" in message for message, _ in notices(app))
        assert not any("unknown action id" in message for message, _ in notices(app))


@pytest.mark.parametrize("owner", ["app", "store"])
async def test_quit_asks_first_while_a_session_is_live(incident_plan, clock, library, owner):
    app = make_app(incident_plan, clock, library)
    # What the store reports when the disk refused lines (asked of the app or of its store).
    words = "3 lines not yet written to disk"
    if owner == "app":
        app.unsaved_problem = lambda: words
    else:  # the store says it as a message, the app words it
        app.store.unsaved_problem = lambda: Message("store.reason.other", {"detail": words})
    async with app.run_test(size=(100, 30)) as pilot:
        screen = app.screen
        screen.pause_ticking()
        screen.guard_choice = "open"  # as if the mirrored-screen guard was answered (test_two_surfaces.py)
        await pilot.press("space")
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert "3 lines not yet written to disk" in app.screen.question
        await pilot.press("ctrl+q")  # asking twice does not stack dialogs
        await pilot.pause()
        assert sum(isinstance(s, ConfirmScreen) for s in app.screen_stack) == 1
        await pilot.press("escape")  # no: keep going
        await pilot.pause()
        assert app.screen is screen and app.is_running and screen.runner.status is Status.RUNNING
        await app.run_action("quit")  # the palette's Quit asks as well
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await pilot.pause()
    assert app.return_code == 0


async def test_quit_before_the_start_does_not_ask(incident_plan, clock, library):
    app = make_app(incident_plan, clock, library)
    async with app.run_test(size=(100, 30)) as pilot:
        app.screen.pause_ticking()
        app.screen.guard_choice = "open"  # as if the mirrored-screen guard was answered (test_two_surfaces.py)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert not app.is_running


async def test_facilitator_sees_speaking_time_up_to_now(incident_plan, clock, library):
    app = make_app(incident_plan, clock, library)
    async with app.run_test(size=(160, 40)) as pilot:
        screen = app.screen
        screen.pause_ticking()
        screen.guard_choice = "open"  # as if the mirrored-screen guard was answered (test_two_surfaces.py)
        await pilot.press("space", "n", "f")  # Bram (the inbrenger) tells
        clock.advance(75)
        await settle(pilot, screen)
        assert "Bram 01:15" in text_of(screen, "#facilitator-content")
        await pilot.press("space")  # paused: the time stands still
        clock.advance(30)
        await settle(pilot, screen)
        assert "Bram 01:15" in text_of(screen, "#facilitator-content")


async def test_typing_a_note_hides_keys_the_field_types(incident_plan, clock, library):
    app = make_app(incident_plan, clock, library)
    async with app.run_test(size=(160, 40)) as pilot:
        screen = app.screen
        screen.pause_ticking()
        screen.guard_choice = "open"  # as if the mirrored-screen guard was answered (test_two_surfaces.py)
        await pilot.press("space", "e")
        await settle(pilot, screen)
        footer = screen_lines(app)[-1]
        assert "+1 min" not in footer and "Blank" not in footer and "f1 Help" in footer
        await pilot.press("plus")
        assert screen.runner.state.phases[0].extra_minutes == 0  # typed, not an extra minute
        await pilot.press("escape")
        await settle(pilot, screen)
        assert "b Blank" in screen_lines(app)[-1]


async def test_a_missing_inbrenger_is_asked_for_on_screen(library, clock):
    plan = SessionPlan.create(library.get("incident"), ["Anna", "Bram", "Cem", "Dewi"])
    app = make_app(plan, clock, library, lang="nl")
    async with app.run_test(size=(120, 35)) as pilot:
        screen = app.screen
        screen.pause_ticking()
        screen.guard_choice = "open"  # as if the mirrored-screen guard was answered (test_two_surfaces.py)
        await pilot.press("space", "n")
        await settle(pilot, screen)
        assert "Nog geen inbrenger gekozen — i: inbrenger kiezen" in text_of(screen, "#who-detail")
        await pilot.press("i")
        await pilot.pause()
        await pilot.press("down", "enter")
        await settle(pilot, screen)
        assert "inbrenger kiezen" not in text_of(screen, "#who-detail")


def test_banner_text_draws_names_in_capitals_or_declines():
    from intervisie_tui.ui.widgets.big_countdown import banner_text

    assert banner_text("Zoë") == "ZOE" and banner_text("Jan-Willem") == "JAN-WILLEM"
    assert banner_text("李") is None and banner_text("") is None
    lines = render_big(banner_text("Anna"), 1)
    assert len(lines) == 4 and len(set(map(len, lines))) == 1


@pytest.mark.parametrize(("size", "banner"), [((200, 50), True), ((80, 24), False)])
async def test_speakers_name_in_block_capitals_on_a_large_screen(incident_plan, clock, library, size, banner):
    app = make_app(incident_plan, clock, library)
    async with app.run_test(size=size) as pilot:
        screen = app.screen
        screen.pause_ticking()
        screen.guard_choice = "open"  # as if the mirrored-screen guard was answered (test_two_surfaces.py)
        await pilot.press("space", *["n"] * 6)  # a round without time per turn (that one has its clock)
        await settle(pilot, screen)
        name = screen.runner.view().turn.current
        assert text_of(screen, "#who") == name  # the words stay, for tests and logs
        big = screen.query_one("#who-big")
        assert screen.query_one("#who-big-row").display is banner
        assert screen.query_one("#who").display is not banner
        if banner:
            assert big.lines == render_big(name.upper(), 2)
            assert big.region.height == 7 and big.region.right <= size[0]


async def test_quit_from_the_wrap_up_asks_first(incident_plan, clock, library):
    app = make_app(incident_plan, clock, library)
    async with app.run_test(size=(100, 30)) as pilot:
        runner = app.screen.runner
        app.screen.pause_ticking()
        app.screen.guard_choice = "open"  # as if the mirrored-screen guard was answered (test_two_surfaces.py)
        runner.start()
        app.end_session(runner)
        await pilot.pause()
        wrapup = app.screen
        assert type(wrapup).__name__ == "WrapUpScreen"
        app.run_worker(app.action_quit())
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is wrapup and app.is_running


async def test_the_timer_keeps_the_time_spent_on_disk(incident_plan, clock, library):
    app = make_app(incident_plan, clock, library)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = app.screen
        screen.pause_ticking()
        screen.guard_choice = "open"  # as if the mirrored-screen guard was answered (test_two_surfaces.py)
        await pilot.press("space")
        clock.advance(31)
        screen.tick()
        assert screen.runner.events[-1].kind.value == "checkpoint"
        screen.tick()
        assert [event.kind.value for event in screen.runner.events].count("checkpoint") == 1
