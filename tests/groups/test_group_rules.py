"""The rules for changing a group (core.groups): shared by the command line and the screens."""

from __future__ import annotations

from datetime import date

import pytest

from intervisie_tui.core.groups import (
    Group,
    GroupRuleError,
    apply_settings,
    check_period,
    join_members,
    member_leaves,
    member_renamed,
    parse_date,
    parse_whole,
    report_registers,
    split_names,
)

KNOWN = ("lvv", "mfn")
DAY = date(2026, 12, 2)


def refused(call) -> GroupRuleError:
    with pytest.raises(GroupRuleError) as caught:
        call()
    return caught.value


def test_settings_are_applied_all_or_none_and_the_wrong_one_is_named():
    group = Group(name="G")
    apply_settings(
        group,
        {
            "name": " VP Noord ",
            "every_weeks": 6,
            "registers": ["lvv", "lvv"],
            "facilitator": " ",
            "show_agreements": False,
        },
        known_registers=KNOWN,
    )
    assert (group.name, group.every_weeks, group.registers, group.facilitator, group.show_agreements) == (
        "VP Noord",
        6,
        ["lvv"],
        None,
        False,
    )
    error = refused(lambda: apply_settings(group, {"planned_meetings": 8, "every_weeks": 53}, known_registers=KNOWN))
    assert error.field == "every_weeks" and "1 to 52" in error.message.render("en")
    assert group.planned_meetings is None  # nothing changed
    error = refused(lambda: apply_settings(group, {"registers": ["lvv", "nope"]}, known_registers=KNOWN))
    assert error.field == "registers" and "'nope'" in error.message.render("en") and group.registers == ["lvv"]
    error = refused(lambda: apply_settings(group, {"name": "coaches"}, known_registers=KNOWN, taken_names=["Coaches"]))
    assert error.field == "name" and "already a group" in error.message.render("en")
    assert refused(lambda: apply_settings(group, {"name": "  "}, known_registers=KNOWN)).field == "name"
    assert (
        refused(lambda: apply_settings(group, {"registration_number": "x" * 121}, known_registers=KNOWN)).field
        == "registration_number"
    )
    assert (
        refused(lambda: apply_settings(group, {"planned_meetings": True}, known_registers=KNOWN)).field
        == "planned_meetings"
    )


def test_typed_numbers_dates_and_names():
    assert parse_whole("every_weeks", " 6 ") == 6 and parse_whole("every_weeks", "") is None
    error = refused(lambda: parse_whole("every_weeks", "zes"))
    assert error.field == "every_weeks" and "'zes' is geen heel getal" in error.message.render("nl")
    assert parse_date("since", "2026-01-31") == date(2026, 1, 31) and parse_date("since", " ") is None
    assert "YYYY-MM-DD" in refused(lambda: parse_date("until", "31-1-2026")).message.render("en")
    assert split_names("Anna, Bram\nCem,, \n") == ["Anna", "Bram", "Cem"]
    check_period(date(2026, 1, 1), DAY)
    assert refused(lambda: check_period(DAY, date(2026, 1, 1))).field == "since"


def test_members_join_leave_come_back_and_are_renamed_with_history():
    group = Group(name="G")
    join_members(group, ["Anna", "Bram"], DAY)
    assert "distinct" in refused(lambda: join_members(group, ["Cem", "cem"], DAY)).message.render("en")
    assert refused(lambda: join_members(group, ["Cem", "anna"], DAY)).field == "members"
    assert [member.name for member in group.members] == ["Anna", "Bram"]  # Cem was not added either
    bram = member_leaves(group, "Bram", DAY)
    assert bram.left == DAY and "No member" in refused(lambda: member_leaves(group, "Bram", DAY)).message.render("en")
    assert join_members(group, ["Bram"], DAY)[0] is bram and bram.active  # came back, same id
    anna = member_renamed(group, "Anna", "Anne")
    assert anna.name == "Anne" and anna.former_names == ["Anna"]
    assert "already a member" in refused(lambda: member_renamed(group, "Anne", "bram")).message.render("en")
    assert refused(lambda: member_renamed(group, "Anne", " ")).field == "members"


def test_report_registers_are_the_group_s_unless_one_is_asked_for():
    group = Group(name="G", registers=["lvv"])
    assert report_registers(group, None, KNOWN) == ["lvv"] and report_registers(group, "mfn", KNOWN) == ["mfn"]
    assert refused(lambda: report_registers(group, "skj", KNOWN)).field == "registers"
