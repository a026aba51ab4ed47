"""Net hours from scripted journals: what a register counts."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from intervisie_tui.core.events import Event
from intervisie_tui.core.events import EventKind as K
from intervisie_tui.core.hours import hours_label, net_time
from intervisie_tui.core.state import SessionState

from .journals import journal

PEOPLE = ("Anna", "Bram", "Cem")


def test_the_issues_example_pause_and_early_leaving():
    events = journal(
        ("19:00", K.START), ("20:00", K.PAUSE), ("20:15", K.RESUME), ("20:30", K.LEAVE, "Bram"), ("21:15", K.END)
    )
    times = net_time(PEOPLE, events)
    assert hours_label(times.seconds) == "2:00"
    assert hours_label(times.per_member["Bram"]) == "1:15"
    assert hours_label(times.per_member["Anna"]) == "2:00"
    assert times.started_at.hour == 19 and times.ended_at.hour == 21 and times.ended_at.minute == 15


def test_late_arrival_counts_from_the_arrival():
    events = journal(("19:00", K.START), ("19:40", K.ARRIVE, "Cem"), ("21:00", K.END))
    times = net_time(PEOPLE, events)
    assert hours_label(times.per_member["Cem"]) == "1:20"
    assert hours_label(times.per_member["Anna"]) == "2:00"


def test_leaving_and_coming_back_during_a_pause():
    events = journal(
        ("19:00", K.START),
        ("19:30", K.LEAVE, "Anna"),
        ("19:45", K.PAUSE),
        ("19:50", K.ARRIVE, "Anna"),
        ("20:00", K.RESUME),
        ("20:30", K.END),
    )
    times = net_time(PEOPLE, events)
    assert hours_label(times.seconds) == "1:15"
    assert hours_label(times.per_member["Anna"]) == "1:00"


def test_resume_after_a_crash_does_not_count_the_time_away():
    # The app died at 19:50 (last checkpoint); restarted at 20:20 the timeline goes on from
    # 19:50 with a pause, and the facilitator restarts the clock.
    events = journal(("19:00", K.START), ("19:50", K.CHECKPOINT))
    last = events[-1]
    events += [
        replace(last, kind=K.PAUSE),
        replace(last, kind=K.RESUME, t=last.t + 60),
        replace(last, kind=K.END, t=last.t + 60 + 40 * 60),
    ]
    assert hours_label(net_time(PEOPLE, events).seconds) == "1:30"


def test_events_after_the_end_and_before_the_start_count_nothing():
    events = journal(("19:00", K.LEAVE, "Anna"), ("19:00", K.START), ("20:00", K.END), ("20:30", K.RESUME))
    times = net_time(PEOPLE, events)
    assert hours_label(times.seconds) == "1:00"
    assert times.per_member["Anna"] == 0


def test_attendance_of_strangers_is_ignored_and_the_fold_knows_who_is_away(incident_plan):
    events = journal(("19:00", K.START), ("19:10", K.LEAVE, "Zoë"), ("19:20", K.LEAVE, "Bram"), ("20:00", K.END))
    assert set(net_time(PEOPLE, events).per_member) == set(PEOPLE)
    state = SessionState.replay(incident_plan, events[:3])
    assert state.away == {"Bram"} and state.status.value == "running"


KINDS = [K.START, K.PAUSE, K.RESUME, K.ARRIVE, K.LEAVE, K.CHECKPOINT, K.GOTO, K.END]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(KINDS), st.integers(0, 600), st.sampled_from((*PEOPLE, "Zoë"))), max_size=40))
def test_nobody_is_counted_longer_than_the_session_nor_the_session_longer_than_start_to_end(steps):
    t, events = 0.0, []
    base = datetime(2026, 12, 2, 19, tzinfo=UTC)
    for kind, gap, name in steps:
        t += gap
        events.append(Event(kind=kind, t=t, at=base + timedelta(seconds=t), name=name))
    times = net_time(PEOPLE, events)
    starts = [e.t for e in events if e.kind is K.START]
    span = (max(e.t for e in events) - starts[0]) if starts else 0.0
    assert 0.0 <= times.seconds <= span + 1e-9
    assert all(0.0 <= seconds <= times.seconds + 1e-9 for seconds in times.per_member.values())
    if not any(e.kind in (K.PAUSE, K.ARRIVE, K.LEAVE) for e in events):
        assert all(abs(seconds - times.seconds) < 1e-9 for seconds in times.per_member.values())
