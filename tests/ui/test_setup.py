"""The set-up screen: the group editor, every refusal message, the live schedule, the plan it starts."""

from __future__ import annotations

import io

import pytest
from rich.console import Console
from textual.widgets import Input, OptionList, Select, Static

from intervisie_tui.core.clock import FakeClock
from intervisie_tui.core.plan import MAX_PARTICIPANTS
from intervisie_tui.core.setup import schedule
from intervisie_tui.i18n import t
from intervisie_tui.settings import Settings
from intervisie_tui.store.remembered import Remembered
from intervisie_tui.ui.app import IntervisieApp
from intervisie_tui.ui.screens.setup import RenameScreen, SetupScreen


def make_app(
    library, *, settings: Settings | None = None, lang: str = "nl", remembered: Remembered | None = None
) -> IntervisieApp:
    app = IntervisieApp(
        lang=lang,
        clock=FakeClock(),
        settings=settings or Settings(),
        library=library,
        remembered=remembered or Remembered(),
    )
    app.started = []
    app.start_session = app.started.append
    return app


def plain(renderable, width: int = 80) -> str:
    console = Console(width=width, record=True, file=io.StringIO())
    console.print(renderable)
    return console.export_text()


def problems_text(screen: SetupScreen) -> str:
    return str(screen.query_one("#problems", Static).render())


def names_shown(screen: SetupScreen) -> list[str]:
    listing = screen.query_one("#participants", OptionList)
    return [str(listing.get_option_at_index(i).prompt).split(". ", 1)[1] for i in range(listing.option_count)]


# -- the screen ---------------------------------------------------------------------------------


async def open_setup(app, pilot, method_id=None):
    app.push_screen(SetupScreen(method_id))
    await pilot.pause()
    return app.screen


async def test_last_group_is_offered_again(library):
    app = make_app(library, remembered=Remembered(last_group=["Anna", "Bram", "Cem"], last_facilitator="Fleur"))
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_setup(app, pilot)
        assert names_shown(screen) == ["Anna", "Bram", "Cem"]
        assert screen.query_one("#facilitator", Input).value == "Fleur"


async def test_add_rename_remove_and_reorder_by_keyboard(library):
    app = make_app(library)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_setup(app, pilot)
        assert screen.focused.id == "participant-input"
        for name in ("Anna", "Bram", "Cem"):
            await pilot.press(*name, "enter")
        assert screen.group.names == ["Anna", "Bram", "Cem"]
        await pilot.press("enter")  # an empty Enter moves on to the list
        assert screen.focused.id == "participants"
        # Rename the highlighted (last added) one.
        await pilot.press("f2")
        assert isinstance(app.screen, RenameScreen)
        await pilot.press("ctrl+u", *"Cemal", "enter")
        await pilot.pause()
        assert screen.group.names == ["Anna", "Bram", "Cemal"]
        # Move Cemal up twice, to the front.
        await pilot.press("ctrl+up", "shift+up")
        assert screen.group.names == ["Cemal", "Anna", "Bram"]
        await pilot.press("ctrl+down")
        assert screen.group.names == ["Anna", "Cemal", "Bram"]
        # Remove the highlighted one (Cemal).
        await pilot.press("x")
        assert screen.group.names == ["Anna", "Bram"]
        assert names_shown(screen) == ["Anna", "Bram"]


async def test_rename_to_a_taken_name_is_refused_in_the_dialog(library):
    app = make_app(library, remembered=Remembered(last_group=["Anna", "Bram"]))
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_setup(app, pilot)
        screen.query_one("#participants").focus()
        await pilot.press("home", "r", "ctrl+u", *"bram", "enter")
        await pilot.pause()
        assert isinstance(app.screen, RenameScreen)
        assert "Bram" in str(app.screen.query_one("#rename-error", Static).render()) or "bram" in str(
            app.screen.query_one("#rename-error", Static).render()
        )
        await pilot.press("escape")
        assert app.screen is screen
        assert screen.group.names == ["Anna", "Bram"]


async def test_inline_messages_for_names(library):
    app = make_app(library)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_setup(app, pilot)
        assert t("plan.too_few", "nl", count=0, min=2) in problems_text(screen)
        assert screen.query_one("#start").disabled
        await pilot.press(*"Anna", "enter", *"anna", "enter")
        message = str(screen.query_one("#group-message", Static).render())
        assert message == t("plan.duplicate", "nl", name="anna")
        await pilot.press("ctrl+u", " ", "enter")
        message = str(screen.query_one("#group-message", Static).render())
        assert message == t("plan.empty_name", "nl")
        assert screen.group.names == ["Anna"]


async def test_too_many_participants_from_the_last_group_is_reported(library):
    # A hand-edited settings file may hold more names than a session allows.
    group = [f"P{i}" for i in range(MAX_PARTICIPANTS)]
    app = make_app(library, remembered=Remembered(last_group=group))
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_setup(app, pilot)
        screen.group.names.append("P99")
        screen._show_group()
        assert t("plan.too_many", "nl", count=13, max=12) in problems_text(screen)


async def test_budget_below_minimum_says_the_minimum_and_schedule_follows_the_budget(library):
    app = make_app(library, remembered=Remembered(last_group=["Anna", "Bram", "Cem"]))
    incident = library.get("incident")
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_setup(app, pilot, "incident")
        budget = screen.query_one("#budget", Input)
        assert budget.value == str(incident.minutes)
        budget.focus()
        await pilot.press("ctrl+u", "2", "0")
        expected = t("plan.budget_too_low", "nl", budget=20, minimum=incident.min_total)
        assert expected in problems_text(screen)
        assert screen.query_one("#start").disabled
        await pilot.press("ctrl+u", "6", "0")
        assert problems_text(screen) == t("setup.ready", "nl")
        rows = plain(screen.query_one("#preview", Static).content).splitlines()
        assert f"60 {t('word.minutes', 'nl')} {t('word.total', 'nl')}" in [row.strip() for row in rows]
        for number, (phase, minutes) in enumerate(zip(incident.phases, schedule(incident, 60), strict=True), 1):
            assert f"{minutes} {t('word.minutes', 'nl')} {number}. {phase.title('nl')}" in [row.strip() for row in rows]
        await pilot.press("ctrl+u")
        assert t("setup.error.budget_not_number", "nl", minimum=incident.min_total) in problems_text(screen)


async def test_inbrenger_removed_from_the_list_is_reported(library):
    app = make_app(library, remembered=Remembered(last_group=["Anna", "Bram", "Cem"]))
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_setup(app, pilot, "incident")
        screen.query_one("#inbrenger", Select).value = "Bram"
        await pilot.pause()
        assert screen.inbrenger == "Bram"
        screen.query_one("#participants").focus()
        await pilot.press("home", "down", "delete")
        await pilot.pause()
        assert screen.group.names == ["Anna", "Cem"]
        assert t("plan.inbrenger_missing", "nl", name="Bram") in problems_text(screen)
        await pilot.press("ctrl+s")
        assert app.started == []
        screen.query_one("#inbrenger", Select).value = ""
        await pilot.pause()
        assert screen.inbrenger is None
        assert problems_text(screen) == t("setup.ready", "nl")


async def test_start_builds_the_plan_and_remembers_the_choices(library):
    app = make_app(library, remembered=Remembered(last_group=["Anna", "Bram", "Cem", "Dewi"]))
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_setup(app, pilot, "incident")
        screen.query_one("#inbrenger", Select).value = "Cem"
        await pilot.pause()
        screen.query_one("#facilitator", Input).value = "Fleur"
        screen.query_one("#budget", Input).value = "75"
        screen.query_one("#case-title", Input).value = "Lastig gesprek"
        screen.query_one("#case-question", Input).value = "Hoe zeg ik nee?"
        await pilot.pause()
        await pilot.press("ctrl+s")
        assert len(app.started) == 1
        plan = app.started[0]
        assert plan.method.id == "incident"
        assert plan.participants == ("Anna", "Bram", "Cem", "Dewi")
        assert plan.inbrenger == "Cem"
        assert plan.facilitator == "Fleur"
        assert plan.budget_minutes == 75 and sum(plan.phase_minutes) == 75
        assert plan.case_title == "Lastig gesprek" and plan.case_question == "Hoe zeg ik nee?"
        assert plan.language == "nl"
        assert app.remembered.last_method == "incident" and app.remembered.last_minutes == 75
        assert app.remembered.last_facilitator == "Fleur"


async def test_changing_the_method_resets_the_budget_to_its_minutes(library):
    app = make_app(library, remembered=Remembered(last_group=["Anna", "Bram"]))
    other = next(loaded.method for loaded in library.sorted() if loaded.method.id != "incident")
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_setup(app, pilot, "incident")
        screen.query_one("#method", Select).value = other.id
        await pilot.pause()
        assert screen.method_id == other.id
        assert screen.query_one("#budget", Input).value == str(other.minutes)


async def test_escape_goes_back_home(library):
    app = make_app(library)
    async with app.run_test(size=(100, 30)) as pilot:
        home = app.screen
        await open_setup(app, pilot)
        app.screen.query_one("#participants").focus()
        await pilot.press("escape")
        assert app.screen is home


@pytest.mark.parametrize("lang,other", [("nl", "en"), ("en", "nl")])
async def test_switching_language_relabels_the_screen(library, lang, other):
    app = make_app(library, lang=lang, remembered=Remembered(last_group=["Anna"]))
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_setup(app, pilot, "incident")
        label = screen.query_one("#method-label")
        assert str(label.render()) == t("setup.method", lang)
        app.set_language(other)
        await pilot.pause()
        assert str(screen.query_one("#budget-label").render()) == t("setup.budget", other)
        assert t("plan.too_few", other, count=1, min=2) in problems_text(screen)
        assert library.get("incident").name(other) in plain(screen.query_one("#preview", Static).content)
        assert screen.query_one("#participant-input", Input).placeholder == t("setup.add_placeholder", other)


@pytest.mark.parametrize("lang", ["nl", "en"])
async def test_the_methods_to_choose_are_sorted_by_name_in_the_language(library, lang):
    app = make_app(library, lang=lang)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_setup(app, pilot)
        labels = [str(prompt) for prompt, _ in screen._method_choices()]
        assert len(labels) == len(library.methods)
        assert labels == sorted(labels, key=str.casefold)
