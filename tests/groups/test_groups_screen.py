"""The groups screen and set-up from a group, driven by keys only."""

from __future__ import annotations

from textual.widgets import Checkbox, Input, OptionList, Select, Static

from intervisie_tui.core.groups import Attendance
from intervisie_tui.ui.screens.group_setup import CheckInScreen, GroupSetupScreen
from intervisie_tui.ui.screens.groups import GroupsScreen

from .groupapp import TODAY, group_app, seeded_group


def text_of(widget: Static) -> str:
    return str(widget.render())


async def test_from_home_to_a_meeting_with_check_in_and_suggestions(library, private_dirs):
    _, data = private_dirs
    group = seeded_group(data)
    app = group_app(library, data)
    started = []
    app.start_session = started.append
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("g")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, GroupsScreen)
        screen.today = TODAY
        await pilot.press("down")  # "Coaches Zuid" sorts first
        await pilot.pause()
        overview = text_of(app.screen.query_one("#groups-overview", Static))
        assert "VP [red]Noord[/]" in overview and "[bold]Bram[/]" in overview and "Cem [@click=x]" in overview
        assert "belt" not in overview  # no notes on the groups screen
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, CheckInScreen)
        await pilot.press("down", "e")  # Bram: absent with notice
        assert app.screen.attendance[group.members[1].id] is Attendance.EXCUSED
        await pilot.press("ctrl+s")
        await pilot.pause()
        setup = app.screen
        assert isinstance(setup, GroupSetupScreen)
        assert setup.group.names == ["Anna", "Cem [@click=x]", "Dewi"]
        # Anna brought the last case: Cem (never) and Dewi (never) are next, Cem first in order.
        assert setup.inbrenger == "Cem [@click=x]"
        assert setup.query_one("#facilitator", Input).value == "Dewi"
        assert setup.method_id != "incident"
        opening = text_of(setup.query_one("#group-opening", Static))
        assert "[b]Op tijd[/]" in opening and "Anna belt de teamleider" in opening and "[bold]Bram[/]" in opening
        setup.query_one("#share-title", Checkbox).value = True
        await pilot.press("ctrl+s")
        await pilot.pause()
    plan = started[0]
    assert plan.group.group_id == group.id and plan.group.excused == ("[bold]Bram[/]",) and plan.group.share_title


async def test_damaged_group_files_are_named_on_the_screen(library, private_dirs):
    _, data = private_dirs
    seeded_group(data)
    (data / "groups" / "kapot.json").write_bytes(b"{nope")
    app = group_app(library, data, lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("g")
        await pilot.pause()
        problems = text_of(app.screen.query_one("#groups-problems", Static))
        assert "kapot.json" in problems and "not valid JSON" in problems
        assert app.screen.query_one(OptionList).option_count == 2
    assert (data / "groups" / "kapot.json").read_bytes() == b"{nope"


async def test_report_and_calendar_from_the_screen(library, private_dirs, tmp_path):
    _, data = private_dirs
    seeded_group(data)
    app = group_app(library, data, lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("g")
        await pilot.pause()
        app.screen.today = TODAY
        await pilot.press("down", "r")
        await pilot.pause()
        app.screen.query_one("#report-format", Select).value = "csv"
        field = app.screen.query_one("#report-target", Input)
        field.value = str(tmp_path / "report.csv")
        field.focus()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        app.screen.query_one(Input).value = str(tmp_path / "next.ics")
        await pilot.press("enter")
        await pilot.pause()
    report = (tmp_path / "report.csv").read_text(encoding="utf-8")
    assert "[bold]Bram[/]" in report and "belt" not in report
    assert b"20261202" in (tmp_path / "next.ics").read_bytes()  # 21 Oct + 6 weeks
    assert oct((tmp_path / "report.csv").stat().st_mode & 0o777) == "0o600"


async def test_the_language_switches_live_on_the_groups_screens(library, private_dirs):
    _, data = private_dirs
    seeded_group(data)
    app = group_app(library, data, lang="nl")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("g")
        await pilot.pause()
        app.screen.today = TODAY
        await pilot.press("down")
        await pilot.pause()
        assert "vaste groep" in text_of(app.screen.query_one("#groups-overview", Static))
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert "fixed group" in text_of(app.screen.query_one("#groups-overview", Static))
        await pilot.press("s")
        await pilot.pause()
        assert "Who is here today?" in text_of(app.screen.query_one("#checkin-title", Static))
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert "(aanwezig)" in str(app.screen.query_one(OptionList).get_option_at_index(0).prompt)
