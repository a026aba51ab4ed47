"""The home screen: each key opens its screen; resuming is offered only when a session was interrupted."""

from __future__ import annotations

from dataclasses import replace

import pytest
from textual.widgets import OptionList, Static

from intervisie_tui.core.clock import FakeClock
from intervisie_tui.core.engine import SessionRunner
from intervisie_tui.core.plan import SessionPlan
from intervisie_tui.i18n import t
from intervisie_tui.settings import Settings
from intervisie_tui.store.journal import LiveSession
from intervisie_tui.store.sessions import Store
from intervisie_tui.ui.app import IntervisieApp
from intervisie_tui.ui.dialogs.confirm import ConfirmScreen
from intervisie_tui.ui.dialogs.resume import ResumeScreen
from intervisie_tui.ui.screens.home import HomeScreen
from intervisie_tui.ui.screens.methods import MethodsScreen
from intervisie_tui.ui.screens.run import RunScreen
from intervisie_tui.ui.screens.setup import SetupScreen


def make_app(library, *, lang: str = "nl") -> IntervisieApp:
    """An app with its real store in the test's own data folder (conftest.py: private_dirs)."""
    return IntervisieApp(lang=lang, clock=FakeClock(), settings=Settings(), library=library)


def interrupted_session(plan: SessionPlan) -> LiveSession:
    """A session that ran into its third phase in an app that then stopped: its journal is left in the data folder."""
    store = Store()
    journal = store.start_live(plan)
    clock = FakeClock()
    runner = SessionRunner(plan, clock, listeners=[journal.append])
    runner.start()
    clock.advance(60)
    runner.next_phase()
    runner.next_phase()
    journal.close()
    store.release_locks()  # the app that ran it ended
    [live] = store.interrupted()
    return live


def resumed(app) -> RunScreen | None:
    """The run screen of the session the app resumed, if it did."""
    return app.screen if isinstance(app.screen, RunScreen) else None


def menu_ids(screen: HomeScreen) -> list[str]:
    menu = screen.query_one("#home-menu", OptionList)
    return [menu.get_option_at_index(i).id for i in range(menu.option_count)]


@pytest.mark.parametrize(
    "key,screen_type",
    [("s", SetupScreen), ("m", MethodsScreen)],
)
async def test_keys_open_their_screens_and_escape_returns(library, key, screen_type):
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        home = app.screen
        assert isinstance(home, HomeScreen)
        await pilot.press(key)
        await pilot.pause()
        assert isinstance(app.screen, screen_type)
        app.screen.set_focus(None)
        await pilot.press("escape")
        assert app.screen is home


async def test_menu_with_arrows_and_enter(library):
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        assert menu_ids(app.screen) == ["start", "review", "methods", "groups", "help", "language", "quit"]
        await pilot.press("down", "down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, MethodsScreen)


async def test_review_key_opens_the_review_screen(library):
    from intervisie_tui.ui.screens.review import ReviewScreen

    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("v")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)


async def test_help_key_opens_the_help_screen(library):
    from intervisie_tui.ui.dialogs.help import HelpScreen

    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)


async def test_quit_key_exits(library):
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("q")
        await pilot.pause()
        assert app._exit


async def test_language_key_relabels_home(library):
    app = make_app(library, lang="nl")
    async with app.run_test(size=(80, 24)) as pilot:
        menu = app.screen.query_one("#home-menu", OptionList)
        assert t("home.menu.start", "nl") in str(menu.get_option_at_index(0).prompt)
        await pilot.press("l")
        await pilot.pause()
        assert app.lang == "en"
        assert t("home.menu.start", "en") in str(menu.get_option_at_index(0).prompt)
        assert str(app.screen.query_one("#home-tagline", Static).render()) == t("home.tagline", "en")
        footer_labels = {active.binding.description for active in app.screen.active_bindings.values()}
        assert t("home.key.methods", "en") in footer_labels
        await pilot.press("l")
        assert app.lang == "nl"
        assert t("home.menu.start", "nl") in str(menu.get_option_at_index(0).prompt)


async def test_resume_is_offered_only_with_an_interrupted_session(library, incident_plan):
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        assert "resume" not in menu_ids(app.screen)
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)

    live = interrupted_session(incident_plan)
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        assert "resume" in menu_ids(app.screen)
        notice = str(app.screen.query_one("#home-notice", Static).render())
        assert notice == t("home.notice.interrupted", "nl", count=1)
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, ResumeScreen)
        line = str(app.screen.query_one(OptionList).get_option_at_index(0).prompt)
        assert "Incidentmethode" in line and "Anna, Bram, Cem, Dewi" in line
        phase = incident_plan.method.phases[2]
        phases = len(incident_plan.method.phases)
        assert t("home.resume.phase", "nl", number=3, count=phases, title=phase.title("nl")) in line
        await pilot.press("enter")
        await pilot.pause()
        screen = resumed(app)
        assert screen is not None and screen.runner.plan == live.plan and screen.runner.events[:3] == live.events


async def test_close_and_keep_notes_asks_first(library, incident_plan):
    interrupted_session(incident_plan)
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("r")
        await pilot.pause()
        await pilot.press("k")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await pilot.pause()
        assert len(app.store.interrupted()) == 1
        await pilot.press("k")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert app.store.interrupted() == [] and len(app.store.list_sessions()) == 1  # its notes kept
        assert isinstance(app.screen, HomeScreen)
        assert "resume" not in menu_ids(app.screen)


def test_a_session_stopped_during_the_wrapup_is_described_as_such(library, incident_plan):
    from intervisie_tui.ui.dialogs.resume import describe_interrupted

    live = interrupted_session(incident_plan)
    runner = SessionRunner.recover(incident_plan, FakeClock(), live.events)
    runner.end()
    ended = replace(live, events=list(runner.events))
    app = make_app(library, lang="en")
    assert "in the wrap-up" in describe_interrupted(ended, app)
    assert "phase 3/" in describe_interrupted(live, app)
