"""The key registry: rebinding from settings, footer, help screen, palette, language and theme switches."""

from __future__ import annotations

import json

from observe import notices, screen_text
from textual.app import SystemCommand

from intervisie_tui.core.state import Status
from intervisie_tui.settings import Settings
from intervisie_tui.ui.app import IntervisieApp
from intervisie_tui.ui.dialogs.help import HelpScreen
from intervisie_tui.ui.keys import ACTIONS, SCOPES, check_keymap, is_valid_key


def make_app(plan, clock, library, lang="en", **settings) -> IntervisieApp:
    return IntervisieApp(lang=lang, clock=clock, plan=plan, library=library, settings=Settings(**settings))


# App keys that act only over the run screen: another screen may use the key for its own action.
RUN_ONLY_APP_ACTIONS = {"attendance", "opening"}
# A screen's own binding of an app key for the same action (home names help as its menu does).
SAME_AS_APP = {"home-help"}


def test_action_ids_and_default_keys_are_unique():
    """Unique among the keys that can fire on one screen: its own scope's and the app's (a dialog's
    own only: Textual stops the key chain at a modal screen)."""
    ids = [action.id for action in ACTIONS]
    assert len(ids) == len(set(ids))
    for scope in sorted({action.scope for action in ACTIONS} - {"app"}):
        seen: dict[str, str] = {}
        for action in ACTIONS:
            if action.scope != scope and (
                action.scope != "app"
                or SCOPES[scope] == "dialog"
                or (scope != "run" and action.id in RUN_ONLY_APP_ACTIONS)
            ):
                continue
            if action.id in SAME_AS_APP:
                continue
            for key in action.keys.split(","):
                assert key not in seen, f"{scope}: {key} is bound to {seen.get(key)} and {action.id}"
                seen[key] = action.id
                assert is_valid_key(key), key


def test_check_keymap_keeps_the_good_and_names_the_bad():
    usable, problems = check_keymap({"next-phase": "j, right", "nonsense": "x", "blank": "ctrl+wobble", "help": ""})
    assert usable == {"next-phase": "j,right"}
    assert any("nonsense" in problem for problem in problems)
    assert any("blank" in problem and "ctrl+wobble" in problem for problem in problems)
    assert any("help" in problem for problem in problems)
    assert is_valid_key("+") and is_valid_key("question_mark") and is_valid_key("ctrl+t") and is_valid_key("f1")
    assert not is_valid_key("hyperdrive") and not is_valid_key("banana+x")


async def test_rebound_keys_work_and_show_in_footer_and_help(incident_plan, clock, library):
    app = make_app(incident_plan, clock, library, keys={"next-phase": "j", "bogus-id": "x"})
    async with app.run_test(size=(160, 200)) as pilot:  # tall enough for the whole help screen
        await pilot.pause()
        screen = app.screen
        screen.pause_ticking()
        screen.guard_choice = "open"  # as if the mirrored-screen guard was answered (test_two_surfaces.py)
        assert any("bogus-id" in message for message, _ in notices(app))
        await pilot.press("space", "j")
        assert screen.runner.state.phase_index == 1
        await pilot.press("n")  # the old key no longer moves on
        assert screen.runner.state.phase_index == 1
        footer = screen_text(app).splitlines()[-1]
        assert " j Next phase" in footer and " n Next phase" not in footer
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = screen_text(app)
        for action in ACTIONS:
            assert app.t(action.description) in text and action.id in text
        assert "j" in next(line for line in text.splitlines() if "next-phase" in line)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen


async def test_language_switch_is_live_and_remembered(incident_plan, clock, library, private_dirs):
    app = make_app(incident_plan, clock, library, lang="nl")
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.pause()
        screen = app.screen
        screen.pause_ticking()
        screen.guard_choice = "open"  # as if the mirrored-screen guard was answered (test_two_surfaces.py)
        await pilot.press("space")
        assert "loopt" in screen_text(app) and "Volgende fase" in screen_text(app)
        await pilot.press("ctrl+l")
        await pilot.pause()
        text = screen_text(app)
        assert "running" in text and "Next phase" in text and "step 1 of 10" in text
        assert "Choosing the incident" in text  # the method's own texts follow too
        await pilot.press("question_mark")
        await pilot.pause()
        assert "What the group sees" in screen_text(app)
    config, _ = private_dirs
    assert json.loads((config / "settings.json").read_text())["language"] == "en"


async def test_theme_key_cycles_our_themes_and_is_remembered(incident_plan, clock, library, private_dirs):
    app = make_app(incident_plan, clock, library)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.theme == "intervisie-dark"
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert app.theme == "intervisie-high-contrast"
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert app.theme == "intervisie-light"
    config, _ = private_dirs
    assert json.loads((config / "settings.json").read_text())["theme"] == "intervisie-light"


async def test_palette_offers_run_actions_but_never_a_screenshot(incident_plan, clock, library):
    app = make_app(incident_plan, clock, library)
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.pause()
        screen = app.screen
        titles = [command.title for command in app.get_system_commands(screen)]
        assert all(isinstance(command, SystemCommand) for command in app.get_system_commands(screen))
        assert not any("screenshot" in title.lower() for title in titles)
        await pilot.press("ctrl+p")
        await pilot.pause(0.2)
        assert type(app.screen).__name__ == "CommandPalette"
        await pilot.press(*"start/pause")
        await pilot.pause(0.3)  # the palette searches in a worker
        await pilot.press("enter")
        await pilot.pause()
        assert screen.runner.status is Status.RUNNING
        await pilot.press("ctrl+p")
        await pilot.pause(0.2)
        await pilot.press(*"screenshot")
        await pilot.pause(0.3)
        assert "Save an SVG" not in screen_text(app)
        await pilot.press("escape")
        app.action_screenshot()
        await pilot.pause()  # Textual shows a notice when its message is handled
        assert any("Screenshots are disabled" in message for message, _ in notices(app))
