"""Every screen's footer fits 80x24 whole, and each action has one key label everywhere."""

from __future__ import annotations

import pytest
from observe import screen_lines

from intervisie_tui.core.clock import FakeClock
from intervisie_tui.settings import Settings
from intervisie_tui.ui.app import IntervisieApp
from intervisie_tui.ui.keys import ACTIONS_BY_ID, keys_in_force
from intervisie_tui.ui.screens.run import RunScreen
from intervisie_tui.ui.widgets.key_footer import KeyFooter


def footer_line(app) -> str:
    return screen_lines(app.screen)[-1]


async def assert_footer_whole(app, pilot, where: str) -> None:
    for _ in range(100):  # a loaded machine may need a few more rounds before the footer is drawn
        if footer_line(app).strip():
            break
        await pilot.pause()
    line = footer_line(app)
    keys = app.screen.query_one(KeyFooter).entries()
    assert keys, where
    for key in keys:
        shown = f"{key.key_display} {key.description}".strip()
        assert shown in line, f"{where}: {shown!r} cut off in {line!r}"


async def _visit_every_screen(app, pilot, plan):
    """Yield after each screen is shown, with its name."""
    await pilot.pause()
    yield "home"
    await pilot.press("s")
    await pilot.pause()
    yield "setup"
    app.set_focus(None)
    await pilot.press("escape")
    await pilot.pause()
    await pilot.press("m")
    await pilot.pause()
    yield "methods"
    await pilot.press("escape")
    await pilot.pause()
    app.start_session(plan)
    await pilot.pause()
    app.screen.pause_ticking()
    yield "run, ready"
    await pilot.press("space")
    await pilot.pause()
    yield "run, running"
    await pilot.press("q")
    await pilot.pause()
    await pilot.press("y")
    await pilot.pause()
    assert type(app.screen).__name__ == "MirrorGuard"  # a dialog: its buttons say what to do
    await pilot.click("#open")
    await pilot.pause()
    yield "wrap-up"


@pytest.mark.parametrize("lang", ["nl", "en"])
async def test_every_footer_fits_80_columns(incident_plan, library, lang):
    app = IntervisieApp(lang=lang, clock=FakeClock(), library=library, settings=Settings())
    async with app.run_test(size=(80, 24)) as pilot:
        async for where in _visit_every_screen(app, pilot, incident_plan):
            await assert_footer_whole(app, pilot, f"{lang} {where}")


async def test_the_home_footer_keeps_resume_and_quit_with_an_interrupted_session(incident_plan, library):
    from intervisie_tui.core.engine import SessionRunner
    from intervisie_tui.store.sessions import Store

    store = Store()
    journal = store.start_live(incident_plan)
    SessionRunner(incident_plan, FakeClock(), listeners=[journal.append]).start()
    journal.close()
    for lang in ("nl", "en"):
        app = IntervisieApp(lang=lang, clock=FakeClock(), library=library, settings=Settings())
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await assert_footer_whole(app, pilot, f"{lang} home with resume")
            assert app.t("home.key.quit") in footer_line(app)


async def test_the_run_footer_writes_each_action_with_its_first_key(incident_plan, clock, library):
    app = IntervisieApp(lang="nl", clock=clock, plan=incident_plan, library=library, settings=Settings())
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, RunScreen)
        screen.pause_ticking()
        await pilot.press("space")
        await pilot.pause()
        for key in screen.query_one(KeyFooter).entries():
            action = screen.active_bindings[key.key].binding.action
            binding_ids = {
                active.binding.id for active in screen.active_bindings.values() if active.binding.action == action
            }
            for binding_id in binding_ids - {None}:
                first = keys_in_force(ACTIONS_BY_ID[binding_id], app.keymap, app.t)[0]
                # The footer, the help screen, the palette and the hints all lead with this label.
                assert key.key_display == first, (binding_id, key.key_display, first)


@pytest.mark.parametrize("lang", ["nl", "en"])
async def test_the_review_footer_fits_80_columns_with_delete_for_good(private_dirs, lang):
    from intervisie_tui.ui.screens.review import ReviewScreen

    app = IntervisieApp(lang=lang, clock=FakeClock(), settings=Settings())
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(ReviewScreen())
        await pilot.pause()
        await pilot.pause()
        await assert_footer_whole(app, pilot, f"{lang} review")
        assert app.t("review.key.delete_permanently") in footer_line(app)
        await pilot.press("t")
        await pilot.pause()
        await pilot.pause()
        await assert_footer_whole(app, pilot, f"{lang} review trash")
        assert app.t("review.key.empty_trash") in footer_line(app)


async def test_the_run_screens_footer_is_compact_when_narrow_and_follows_the_width(incident_plan):
    app = IntervisieApp(lang="nl", clock=FakeClock(), settings=Settings(), plan=incident_plan)
    async with app.run_test(size=(100, 30)) as pilot:
        await assert_footer_whole(app, pilot, "run, 100 columns")
        footer = app.screen.query_one(KeyFooter)
        assert footer.compact
        narrow = footer_line(app)
        await pilot.resize_terminal(140, 30)
        await pilot.pause()
        await assert_footer_whole(app, pilot, "run, 140 columns")
        assert not footer.compact
        first = footer.entries()[0]
        assert f" {first.key_display} {first.description} " in footer_line(app)
        assert f" {first.key_display} {first.description} " not in narrow  # compact: no padding around the key
