"""Groups from the screen, keys only, on a real data folder: a new group and its settings (the form),
members joining, renamed and leaving, a report with the command line's options, the closing
evaluation, and the opening shown when a meeting of the group starts."""

from __future__ import annotations

import json

import pytest
from observe import screen_text
from textual.widgets import Input, OptionList, Select, Static

from intervisie_tui.core.plan import GroupMeeting, SessionPlan
from intervisie_tui.settings import Settings
from intervisie_tui.store.groups import GroupStore
from intervisie_tui.ui.app import IntervisieApp
from intervisie_tui.ui.dialogs.confirm import ConfirmScreen
from intervisie_tui.ui.dialogs.group_members import GroupMembersScreen
from intervisie_tui.ui.dialogs.group_report import ReportDialog
from intervisie_tui.ui.dialogs.help import HelpScreen
from intervisie_tui.ui.dialogs.name_prompt import NamePrompt
from intervisie_tui.ui.screens.group_evaluation import EvaluationScreen
from intervisie_tui.ui.screens.group_form import GroupFormScreen
from intervisie_tui.ui.screens.groups import GroupsScreen
from intervisie_tui.ui.screens.opening import OpeningScreen

from .groupapp import TODAY, group_app, seeded_group


def text_of(widget: Static) -> str:
    return str(widget.render())


def groups_on_disk(data) -> dict[str, dict]:
    return {group.name: json.loads(group.model_dump_json()) for group in GroupStore(data).list_groups()}


async def open_groups(pilot, down: int = 0):
    await pilot.press("g")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, GroupsScreen)
    screen.today = TODAY
    for _ in range(down):
        await pilot.press("down")
    await pilot.pause()
    return screen


async def test_a_new_group_from_the_form_with_a_refused_value_named(library, private_dirs):
    _, data = private_dirs
    app = group_app(library, data, lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_groups(pilot)
        await pilot.press("n")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, GroupFormScreen)
        await pilot.press(*"VP Noord", "tab", *"Anna, Bram,Cem", "tab")
        await pilot.press("enter", "down", "enter")  # kind of group: open
        await pilot.press("tab", "tab", *"zes", "tab", "8", "tab")  # rotating facilitation; cadence "zes"
        await pilot.press("space", "down", "space", "space", "tab")  # registers: LVV on, MfN on and off again
        await pilot.press(*"R-123", "tab", *"Wat hier gezegd wordt, blijft hier.")
        await pilot.press("ctrl+s")
        await pilot.pause()
        problem = text_of(form.query_one("#form-problem", Static))
        assert problem == "Cadence (every N weeks): 'zes' is not a whole number; type e.g. 6, or leave it empty."
        assert app.focused is form.query_one("#form-every-weeks", Input)
        assert groups_on_disk(data) == {}  # nothing saved
        form.query_one("#form-every-weeks", Input).value = ""
        await pilot.press("6", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, GroupsScreen)
        assert "VP Noord" in text_of(app.screen.query_one("#groups-overview", Static))
    saved = groups_on_disk(data)["VP Noord"]
    assert [member["name"] for member in saved["members"]] == ["Anna", "Bram", "Cem"]
    assert (saved["fixed"], saved["facilitator"], saved["every_weeks"], saved["planned_meetings"]) == (
        False,
        None,
        6,
        8,
    )
    assert saved["registers"] == ["lvv"] and saved["registration_number"] == "R-123"
    assert saved["agreements"] == "Wat hier gezegd wordt, blijft hier." and saved["show_agreements"] is True
    assert all(member["joined"] == "2026-12-02" for member in saved["members"])


async def test_editing_asks_before_esc_loses_anything_and_names_the_field(library, private_dirs):
    _, data = private_dirs
    seeded_group(data)
    before = groups_on_disk(data)
    app = group_app(library, data, lang="nl")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_groups(pilot, down=1)
        await pilot.press("escape")  # nothing changed in the form yet: straight back
        await pilot.press("g")
        await pilot.pause()
        app.screen.today = TODAY
        await pilot.press("down", "e")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, GroupFormScreen)
        assert form.query_one("#form-name", Input).value == "VP [red]Noord[/]"
        assert form.query_one("#form-every-weeks", Input).value == "6"
        await pilot.press("end", *" 2")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("escape")  # keep editing: nothing lost
        await pilot.pause()
        assert app.screen is form and form.query_one("#form-name", Input).value == "VP [red]Noord[/] 2"
        form.query_one("#form-name", Input).value = "coaches zuid"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert (
            text_of(form.query_one("#form-problem", Static))
            == "Naam: Er is al een groep 'coaches zuid'; kies een andere naam."
        )
        form.query_one("#form-name", Input).value = "VP Noord"
        form.query_one("#form-facilitation", Select).value = "standing"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert text_of(form.query_one("#form-problem", Static)).startswith("Vaste begeleider: geef de naam")
        assert app.focused is form.query_one("#form-facilitator", Input)
        await pilot.press(*"Bram", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, GroupsScreen)
        await pilot.press("e")
        await pilot.pause()
        form = app.screen
        form.query_one("#form-planned", Input).value = "7"
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("y")  # discard
        await pilot.pause()
        assert isinstance(app.screen, GroupsScreen)
    after = groups_on_disk(data)["VP Noord"]
    assert after["facilitator"] == "Bram" and after["planned_meetings"] == 6  # the 7 was discarded
    old = before["VP [red]Noord[/]"]
    assert after["id"] == old["id"] and after["members"] == old["members"] and after["meetings"] == old["meetings"]


async def test_members_join_are_renamed_and_leave_with_their_history(library, private_dirs):
    _, data = private_dirs
    group = seeded_group(data)
    app = group_app(library, data, lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_groups(pilot, down=1)
        await pilot.press("m")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, GroupMembersScreen)
        await pilot.press("n", *"anna", "enter")
        await pilot.pause()
        assert isinstance(app.screen, NamePrompt)
        assert (
            text_of(app.screen.query_one("#prompt-problem", Static))
            == "Member: 'anna' is already a member of the group."
        )
        app.screen.query_one(Input).value = "Eva"
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is dialog
        assert [m["name"] for m in groups_on_disk(data)["VP [red]Noord[/]"]["members"]][-1] == "Eva"  # saved at once
        await pilot.press("home", "r")
        await pilot.pause()
        app.screen.query_one(Input).value = "Anne"
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("end", "up", "delete")  # Dewi leaves
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await pilot.pause()
        listing = "\n".join(str(dialog.query_one(OptionList).get_option_at_index(i).prompt) for i in range(5))
        assert "Anne  (formerly: Anna)" in listing and "Dewi  · left 2026-12-02" in listing
        await pilot.press("escape")
        await pilot.pause()
        overview = text_of(app.screen.query_one("#groups-overview", Static))
        assert "Anne (formerly: Anna)" in overview and "Eva" in overview
    saved = groups_on_disk(data)["VP [red]Noord[/]"]
    anna, dewi = saved["members"][0], saved["members"][3]
    assert anna["id"] == group.members[0].id and anna["former_names"] == ["Anna"]
    assert dewi["left"] == "2026-12-02" and saved["meetings"][0]["inbrenger"] == anna["id"]  # history kept


async def test_a_report_with_the_command_line_s_options_and_dates_checked(library, private_dirs, tmp_path, monkeypatch):
    _, data = private_dirs
    monkeypatch.setenv("HOME", str(tmp_path))  # where the dialog suggests the file
    seeded_group(data)
    target = tmp_path / "anna.md"
    target.write_text("old", encoding="utf-8")
    app = group_app(library, data, lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_groups(pilot, down=1)
        await pilot.press("r")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ReportDialog)
        await pilot.press("enter", "down", "enter")  # member: Anna
        await pilot.press("tab", *"2026-13-01", "enter")
        problem = dialog.query_one("#report-problem", Static)
        assert (
            text_of(problem)
            == "From: '2026-13-01' is not a date; type YYYY-MM-DD (e.g. 2026-01-31), or leave it empty."
        )
        assert app.focused is dialog.query_one("#report-since", Input)
        dialog.query_one("#report-since", Input).value = "2026-12-01"
        await pilot.press("tab", *"2026-11-01", "enter")
        assert text_of(problem).startswith("From: the start date 2026-12-01 is after the end date 2026-11-01")
        dialog.query_one("#report-since", Input).value = "2026-10-01"
        await pilot.press("tab", "tab", "enter", "down", "down", "enter")  # register: MfN (after the group's and LVV)
        await pilot.press("tab", "enter", "down", "enter")  # format: Markdown; the file's suffix follows
        assert dialog.query_one("#report-target", Input).value.endswith(f"{TODAY:%Y-%m-%d}.md")
        dialog.query_one("#report-target", Input).value = str(tmp_path / "anna.csv")
        await pilot.press("tab", "enter")
        assert text_of(problem) == "File: ends in .csv but the format is md; change one of them."
        dialog.query_one("#report-target", Input).value = str(target)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)  # the file exists: asked first
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, GroupsScreen)
    report = target.read_text(encoding="utf-8")
    assert "MfN" in report and "2026-10-01" in report and "Anna" in report and "belt" not in report
    assert "LVV" not in report  # the register asked for, not the group's


async def test_the_closing_evaluation_from_the_screen(library, private_dirs):
    _, data = private_dirs
    seeded_group(data)
    app = group_app(library, data, lang="nl")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_groups(pilot, down=1)
        await pilot.press("v")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, EvaluationScreen)
        assert "Welke leerdoelen hadden we bij de start" in text_of(
            screen.query_one("#question-goals_and_results", Static)
        )
        await pilot.press(*"Casussen scherper")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)  # typed text is not lost without asking
        await pilot.press("n")
        await pilot.pause()
        await pilot.press("tab", *"De vaste volgorde", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, GroupsScreen)
    evaluation = groups_on_disk(data)["VP [red]Noord[/]"]["evaluation"]
    assert evaluation["goals_and_results"] == "Casussen scherper" and evaluation["helped"] == "De vaste volgorde"


async def test_the_opening_covers_the_first_phase_when_the_group_wants_it(library, private_dirs, clock):
    _, data = private_dirs
    group = seeded_group(data)
    plan = SessionPlan.create(
        library.get("incident"),
        ["Anna", "Cem [@click=x]", "Dewi"],
        inbrenger="Dewi",
        budget_minutes=90,
        group=GroupMeeting(group_id=group.id),
    )
    app = IntervisieApp(lang="nl", clock=clock, settings=Settings(), library=library, data_dir=data)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.start_session(plan)
        await pilot.pause()
        opening = app.screen
        assert isinstance(opening, OpeningScreen)
        text = text_of(opening.query_one("#opening-text", Static))
        assert "[b]Op tijd[/] beginnen" in text and "Anna belt de teamleider" in text  # literally, no markup
        run = app.screen_stack[-2]
        assert getattr(run, "IS_RUN_SCREEN", False) and run.runner.state.phase_index == 0
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is run
    # The group does not want it: the meeting starts on the first phase, and o still shows it.
    store = GroupStore(data)
    stored = store.find(group.id)
    stored.show_agreements = False
    store.save(stored)
    app = IntervisieApp(lang="nl", clock=clock, settings=Settings(), library=library, data_dir=data)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.start_session(plan)
        await pilot.pause()
        assert getattr(app.screen, "IS_RUN_SCREEN", False)
        app.screen.guard_choice = "open"
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, OpeningScreen)


async def test_the_groups_keys_are_the_registry_s_rebindable_and_on_the_help_screen(library, private_dirs):
    _, data = private_dirs
    seeded_group(data)
    app = IntervisieApp(lang="en", settings=Settings(keys={"group-new": "plus"}), library=library, data_dir=data)
    async with app.run_test(size=(120, 130)) as pilot:  # tall enough for the whole help screen
        await open_groups(pilot)
        footer = screen_text(app.screen).splitlines()[-1]
        assert "+ New" in footer and "m Members" in footer and "e Edit" in footer
        await pilot.press("n")  # no longer the key
        await pilot.pause()
        assert isinstance(app.screen, GroupsScreen)
        await pilot.press("plus")
        await pilot.pause()
        assert isinstance(app.screen, GroupFormScreen)
        await pilot.press("escape", "question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = screen_text(app.screen)
        assert "Series evaluation" in text and "group-evaluate" in text and "member-leave" in text


@pytest.mark.parametrize("lang", ["nl", "en"])
async def test_every_groups_footer_fits_80_columns(library, private_dirs, lang):
    from tests.ui.test_footers import assert_footer_whole

    _, data = private_dirs
    seeded_group(data)
    app = group_app(library, data, lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_groups(pilot, down=1)
        await assert_footer_whole(app, pilot, "groups")
        for key, where in (
            ("n", "new group"),
            ("e", "edit group"),
            ("m", "members"),
            ("r", "report"),
            ("v", "evaluation"),
        ):
            await pilot.press(key)
            await pilot.pause()
            await assert_footer_whole(app, pilot, where)
            app.set_focus(None)
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(app.screen, GroupsScreen), where


async def test_members_changed_in_the_form_are_saved_with_it_or_asked_about(library, private_dirs):
    _, data = private_dirs
    seeded_group(data)
    app = group_app(library, data, lang="nl")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_groups(pilot, down=1)
        await pilot.press("e", "tab", "enter")  # the members button
        await pilot.pause()
        assert isinstance(app.screen, GroupMembersScreen)
        await pilot.press("n", *"Eva", "enter", "escape")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, GroupFormScreen) and "(5)" in str(form.query_one("#form-members").label)
        assert len(groups_on_disk(data)["VP [red]Noord[/]"]["members"]) == 4  # not saved yet: with the form
        await pilot.press("ctrl+l")  # the language follows live, the values stay
        await pilot.pause()
        assert text_of(form.query_one("#label-every_weeks", Static)) == "Cadence (every N weeks)"
        assert "(5)" in str(form.query_one("#form-members").label)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, GroupsScreen)
    assert [m["name"] for m in groups_on_disk(data)["VP [red]Noord[/]"]["members"]][-1] == "Eva"


async def test_the_palette_offers_the_groups_actions_on_the_groups_screen_only(library, private_dirs):
    from intervisie_tui.ui.commands import IntervisieCommands

    _, data = private_dirs
    seeded_group(data)
    app = group_app(library, data, lang="en")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        titles = [title for title, _, _ in IntervisieCommands(app.screen)._commands()]
        assert "Series evaluation" not in titles
        await open_groups(pilot, down=1)
        titles = [title for title, _, _ in IntervisieCommands(app.screen)._commands()]
        assert "Series evaluation" in titles and "New" in titles and "Next phase" not in titles
