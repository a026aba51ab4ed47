"""The methods browser: list, details, unreadable files, and setting up a session from it."""

from __future__ import annotations

import pytest
from textual.widgets import OptionList, Static

from intervisie_tui.core.clock import FakeClock
from intervisie_tui.core.library import builtin_methods_dir, load_library
from intervisie_tui.i18n import t
from intervisie_tui.settings import Settings
from intervisie_tui.ui.app import IntervisieApp
from intervisie_tui.ui.screens.methods import MethodsScreen
from intervisie_tui.ui.screens.setup import SetupScreen


def make_app(library, *, lang: str = "nl") -> IntervisieApp:
    return IntervisieApp(lang=lang, clock=FakeClock(), settings=Settings(), library=library)


@pytest.fixture
def user_library(tmp_path):
    """The built-ins plus a user copy of the incident method and one broken file."""
    folder = tmp_path / "methods"
    folder.mkdir()
    own = (builtin_methods_dir() / "incident.toml").read_text(encoding="utf-8")
    (folder / "incident.toml").write_text(own.replace("minutes = 90", "minutes = 80", 1), encoding="utf-8")
    (folder / "kapot.toml").write_text('id = "kapot"\nname = {nl = "x"\n', encoding="utf-8")
    return load_library(folder, entry_points=())


def detail(screen) -> str:
    return str(screen.query_one("#methods-detail", Static).render())


async def open_methods(app, pilot) -> MethodsScreen:
    await pilot.press("m")
    await pilot.pause()
    assert isinstance(app.screen, MethodsScreen)
    return app.screen


async def test_lists_every_method_and_shows_the_highlighted_one(library):
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_methods(app, pilot)
        listing = screen.query_one("#methods-list", OptionList)
        methods = library.sorted("nl")
        assert listing.option_count == len(methods)
        first = methods[0].method
        assert first.name("nl") in str(listing.get_option_at_index(0).prompt)
        text = detail(screen)
        assert first.summary("nl") in text
        for phase in first.phases:
            assert phase.title("nl") in text
        assert t(f"speakers.{first.phases[0].speakers.value}", "nl") in text
        if first.phases[0].questions:
            assert first.phases[0].questions("nl")[0] in text
        # Tips are for the facilitator during the session, not part of the browser.
        if first.phases[0].tips:
            assert first.phases[0].tips("nl") not in text
        await pilot.press("down")
        assert methods[1].method.summary("nl") in detail(screen)
        assert screen.query_one("#methods-problems").has_class("-none")


async def test_user_method_replacing_a_built_in_and_unreadable_files(user_library):
    app = make_app(user_library)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_methods(app, pilot)
        index = [loaded.method.id for loaded in user_library.sorted("nl")].index("incident")
        prompt = str(screen.query_one("#methods-list", OptionList).get_option_at_index(index).prompt)
        assert t("cli.origin.user", "nl") in prompt
        assert t("cli.methods.replaces_builtin", "nl") in prompt
        problems = str(screen.query_one("#methods-problems", Static).render())
        assert t("methods.problems_title", "nl", count=1) in problems
        assert "kapot.toml" in problems
        assert not screen.query_one("#methods-problems").has_class("-none")


async def test_s_sets_up_a_session_with_the_highlighted_method(library):
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_methods(app, pilot)
        await pilot.press("down", "down")
        chosen = library.sorted("nl")[2].method
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, SetupScreen)
        assert app.screen.method_id == chosen.id
        assert app.screen.query_one("#budget").value == str(chosen.minutes)
        app.screen.set_focus(None)
        await pilot.press("escape")
        assert app.screen is screen
        await pilot.press("escape")
        assert not isinstance(app.screen, MethodsScreen)


@pytest.mark.parametrize("lang,other", [("nl", "en"), ("en", "nl")])
async def test_switching_language_relabels_the_screen(library, lang, other):
    app = make_app(library, lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_methods(app, pilot)
        first = library.sorted(lang)[0].method
        assert first.summary(lang) in detail(screen)
        app.set_language(other)
        await pilot.pause()
        assert first.summary(other) in detail(screen)
        prompt = str(screen.query_one("#methods-list", OptionList).get_option_at_index(0).prompt)
        assert first.name(other) in prompt
        labels = {active.binding.description for active in screen.active_bindings.values()}
        assert t("methods.key.setup", other) in labels


async def test_methods_are_sorted_by_their_name_in_the_language_shown(library):
    app = make_app(library, lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_methods(app, pilot)
        listing = screen.query_one("#methods-list", OptionList)

        def names(lang: str) -> list[str]:
            return [str(listing.get_option_at_index(i).prompt).split("\n")[0] for i in range(listing.option_count)]

        english = names("en")
        assert english == sorted(english, key=str.casefold)
        await pilot.press("down", "down")
        kept = screen.selected.method.id
        app.set_language("nl")
        await pilot.pause()
        dutch = names("nl")
        assert dutch == sorted(dutch, key=str.casefold) and dutch != english
        assert screen.selected.method.id == kept  # the highlighted method stays highlighted
