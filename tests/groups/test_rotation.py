"""Rotation: everyone takes each role, and only members present are suggested."""

from __future__ import annotations

import math
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from intervisie_tui.core.groups import Group, MeetingRecord
from intervisie_tui.core.rotation import ROLES, suggest, suggest_method

START = date(2026, 1, 5)


def group_of(k: int) -> Group:
    return Group(name="G", members=[{"name": f"M{i}"} for i in range(k)])


def hold(group: Group, present: list[str], day: int) -> MeetingRecord:
    suggestion = suggest(group, present)
    record = MeetingRecord(
        date=START + timedelta(weeks=day),
        inbrenger=suggestion.inbrenger,
        facilitator=suggestion.facilitator,
        attendance=dict.fromkeys(present, "present"),
    )
    group.meetings.append(record)
    return record


@settings(max_examples=60, deadline=None)
@given(k=st.integers(2, 8), n=st.integers(1, 30))
def test_everyone_takes_each_role_when_all_are_present(k, n):
    group = group_of(k)
    everyone = [member.id for member in group.members]
    records = [hold(group, everyone, day) for day in range(n)]
    window = math.ceil(n / k) + 1
    for role in ROLES:
        holders = [getattr(record, role) for record in records]
        counts = {member: holders.count(member) for member in everyone}
        # Fair: nobody has the role more than once more than anyone else ...
        assert max(counts.values()) - min(counts.values()) <= 1
        # ... so each member has had it at least ⌈N/k⌉+1 - 2 times, i.e. no-one waits
        # more than one extra round: every k consecutive meetings give it to k different people.
        assert all(count >= window - 2 for count in counts.values())
        for start in range(0, n - k + 1):
            assert len(set(holders[start : start + k])) == k
    for record in records:
        assert record.inbrenger != record.facilitator


@settings(max_examples=60, deadline=None)
@given(k=st.integers(2, 8), absences=st.lists(st.sets(st.integers(0, 7)), min_size=1, max_size=25))
def test_an_absent_member_is_never_suggested(k, absences):
    group = group_of(k)
    everyone = [member.id for member in group.members]
    for day, absent in enumerate(absences):
        present = [member for index, member in enumerate(everyone) if index not in absent]
        record = hold(group, present, day)
        if present:
            assert record.inbrenger in present and record.facilitator in present
        else:
            assert record.inbrenger is None and record.facilitator is None
        if len(present) >= 2:
            assert record.inbrenger != record.facilitator


def test_least_then_longest_ago_and_a_member_who_left_is_not_suggested():
    group = group_of(3)
    a, b, c = (member.id for member in group.members)
    group.meetings = [
        MeetingRecord(date=START, inbrenger=a, facilitator=b),
        MeetingRecord(date=START + timedelta(weeks=1), inbrenger=b, facilitator=a),
    ]
    assert suggest(group, [a, b]).inbrenger == a  # both once; a longest ago
    assert suggest(group, [a, b, c]).inbrenger == c  # never yet
    group.remove_member("M2", START)
    assert suggest(group, [a, b, c]).inbrenger == a


def test_a_standing_facilitator_is_not_rotated_and_methods_not_used_longest_come_first():
    group = group_of(3)
    group.facilitator = "Outside coach"
    assert suggest(group, [member.id for member in group.members]).facilitator is None
    meetings = [MeetingRecord(date=START, method_id="incident"), MeetingRecord(date=START, method_id="balint")]
    assert suggest_method(meetings, ["balint", "incident", "roddel"]) == "roddel"
    assert suggest_method(meetings, ["balint", "incident"]) == "incident"
