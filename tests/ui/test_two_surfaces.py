"""The run screen as console (a display attached) and, without one, the mirrored-screen guard."""

from __future__ import annotations

import os

from observe import screen_text

from intervisie_tui.core.events import EventKind
from intervisie_tui.core.plan import SessionPlan
from intervisie_tui.settings import Settings
from intervisie_tui.store.room_link import DISPLAY_HEARTBEAT, read_pointer
from intervisie_tui.ui.app import IntervisieApp
from intervisie_tui.ui.dialogs.guard import MirrorGuard
from intervisie_tui.ui.dialogs.room_message import RoomMessageScreen
from intervisie_tui.ui.screens.run import RunScreen

SECRET = "Bram twijfelt aan zijn leidinggevende"


def make_app(library, clock, lang="nl") -> IntervisieApp:
    plan = SessionPlan.create(
        library.get("incident"),
        ["Anna", "Bram", "Cem", "Dewi"],
        inbrenger="Bram",
        case_title="Lastig gesprek",
        budget_minutes=90,
        language=lang,
    )
    return IntervisieApp(lang=lang, clock=clock, plan=plan, library=library, settings=Settings(bell=False))


def attach_display(screen: RunScreen, clock) -> None:
    """What `intervisie display` does: beat its heartbeat file (here on the fake clock)."""
    path = screen.journal.path.parent / DISPLAY_HEARTBEAT
    path.touch()
    moment = clock.wall().timestamp()
    os.utime(path, (moment, moment))


async def started_console(app, pilot, clock) -> RunScreen:
    """The session started, then a display attached: the run screen is the console."""
    await pilot.pause()
    screen = app.screen
    screen.pause_ticking()
    await pilot.press("space")
    attach_display(screen, clock)
    screen.tick()
    await pilot.pause()
    return screen


async def test_the_app_names_its_live_session_for_displays(library, clock):
    app = make_app(library, clock)
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert read_pointer(screen.journal.path.parent) == screen.journal.id


async def test_with_a_display_the_run_screen_is_the_console(library, clock):
    app = make_app(library, clock)
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await started_console(app, pilot, clock)
        assert screen.console and screen.facilitator_visible and screen.notes_visible
        text = screen_text(app)
        assert "Scherm voor de groep aangesloten" in text
        assert "Spreektijd" in text and "Casus: Lastig gesprek" in text
        assert "Keuze van het incident" in text  # the compact copy of what the room sees

        # b covers the display, not the console; the clock keeps running.
        await pilot.press("b")
        assert screen.runner.state.covered and not screen.blanked
        assert screen.runner.events[-1].kind is EventKind.COVER
        assert "Scherm van de groep bedekt" in screen_text(app)
        await pilot.press("space")  # keys still work on the console while the room is covered
        assert screen.runner.status.value == "paused"

        # Without a heartbeat for a while the display is gone: private panels close.
        clock.advance(10)
        screen.tick()
        await pilot.pause()
        assert not screen.console and not screen.facilitator_visible and not screen.notes_visible
        assert screen.blanked  # still covered: now this screen is the room's, so it shows the cover


async def test_a_message_to_the_room_is_an_event_until_cleared(library, clock):
    app = make_app(library, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = app.screen
        screen.pause_ticking()
        await pilot.press("space", "m")
        await pilot.pause()
        assert isinstance(app.screen, RoomMessageScreen)
        await pilot.press("down", "enter")  # the second preset
        await pilot.pause()
        assert screen.runner.state.room_message == "Nog 2 minuten"
        assert "Nog 2 minuten" in screen_text(app)
        await pilot.press("m")
        await pilot.pause()
        await pilot.press("tab")  # free text
        await pilot.press(*"[b]Koffie[/b]", "enter")
        await pilot.pause()
        assert screen.runner.state.room_message == "[b]Koffie[/b]"
        assert "[b]Koffie[/b]" in screen_text(app)  # as typed, never markup
        await pilot.press("m")
        await pilot.pause()
        await pilot.press("enter")  # the first option clears
        await pilot.pause()
        assert screen.runner.state.room_message == ""
        assert not screen.query_one("#room-message").display


async def test_the_guard_asks_once_per_session_and_types_covered(library, clock):
    app = make_app(library, clock)
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.pause()
        screen = app.screen
        screen.pause_ticking()
        await pilot.press("space", "e")
        await pilot.pause()
        assert isinstance(app.screen, MirrorGuard) and not screen.notes_visible
        await pilot.click("#masked")
        await pilot.pause()
        assert screen.notes_visible and screen.notes_panel.masked
        await pilot.press(*SECRET)
        await pilot.pause()
        text = screen_text(app)
        assert SECRET not in text and f"•••• {len(SECRET)} tekens" in text
        await pilot.press("ctrl+r")  # shown on request
        await pilot.pause()
        assert SECRET in screen_text(app)
        await pilot.press("escape", "f")  # once per session: the panel opens without asking
        await pilot.pause()
        assert screen.facilitator_visible and not isinstance(app.screen, MirrorGuard)


async def test_the_guard_shows_the_command_that_opens_a_display(library, clock, private_dirs):
    app = make_app(library, clock, lang="en")
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.pause()
        await pilot.press("f")
        await pilot.pause()
        guard = app.screen
        assert isinstance(guard, MirrorGuard) and not guard.query("#masked")  # nothing typed in this panel
        await pilot.click("#display")
        await pilot.pause()
        command = guard.query_one("#guard-command").value
        assert command.startswith("intervisie display --data-dir ")
        assert command.split("--data-dir ")[1] == str(private_dirs[1])
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, RunScreen) and not app.screen.facilitator_visible  # nothing opened


async def test_help_shows_no_home_folder(library, clock, monkeypatch, tmp_path):
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("INTERVISIE_CONFIG_DIR", str(tmp_path / ".config" / "intervisie-tui"))
    app = make_app(library, clock)
    async with app.run_test(size=(120, 45)) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        text = screen_text(app)
        assert str(tmp_path) not in text and "~/.config/intervisie-tui" in text


async def test_on_the_console_the_notes_key_goes_to_the_open_notes(library, clock):
    """The console keeps the notes open: `e` goes to them, again after Esc, and what is
    typed next lands in the note at its end (never on the facilitation keys)."""
    app = make_app(library, clock)
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await started_console(app, pilot, clock)
        assert screen.console and screen.notes_visible
        for typed in ("abc", "nq"):  # n and q would change the phase and end the session
            await pilot.press("e", *typed)
            await pilot.pause()
            await pilot.press("escape")
            await pilot.pause()
        assert screen.notes_visible
        assert screen.runner.state.phase_index == 0 and screen.runner.status.value == "running"
        screen.notes_panel.flush()
        assert screen.runner.state.note("text", screen.runner.state.phase.id, None) == "abcnq"


async def display_attaches_while_the_guard_asks(app, pilot, clock, *keys: str) -> RunScreen:
    """Start the session, press `keys` until the mirrored-screen guard asks, then let a display attach."""
    await pilot.pause()
    screen = app.screen
    screen.pause_ticking()
    await pilot.press("space", *keys)
    await pilot.pause()
    assert isinstance(app.screen, MirrorGuard)
    attach_display(screen, clock)
    screen.tick()
    await pilot.pause()
    await pilot.pause()
    return screen


async def test_a_display_that_attaches_while_the_guard_asks_answers_it(library, clock):
    app = make_app(library, clock, lang="en")
    async with app.run_test(size=(120, 35)) as pilot:
        screen = await display_attaches_while_the_guard_asks(app, pilot, clock, "e")
        assert app.screen is screen and screen.console and screen.notes_visible
        assert screen.guard_choice is None  # not remembered: if the display goes, the guard asks again
        await pilot.press("escape", "q")  # out of the notes, then end
        await pilot.pause()
        await pilot.press("y")  # end the session: the console goes straight to the wrap-up
        await pilot.pause()
        assert type(app.screen).__name__ == "WrapUpScreen"


async def test_ending_with_the_guard_open_then_a_display_attaches_opens_the_wrapup(library, clock):
    app = make_app(library, clock, lang="en")
    async with app.run_test(size=(120, 35)) as pilot:
        await display_attaches_while_the_guard_asks(app, pilot, clock, "q", "y")
        assert type(app.screen).__name__ == "WrapUpScreen"
