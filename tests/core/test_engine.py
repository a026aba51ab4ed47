"""The session runner with a fake clock: every action, rounds, overtime and statistics."""

from __future__ import annotations

import pytest

from intervisie_tui.core.engine import SessionRunner
from intervisie_tui.core.events import EventKind, NoteField
from intervisie_tui.core.method import Speakers
from intervisie_tui.core.plan import SessionPlan
from intervisie_tui.core.state import SessionState, Status
from intervisie_tui.core.stats import session_stats

MIN = 60.0


@pytest.fixture
def runner(incident_plan, clock):
    return SessionRunner(incident_plan, clock)


def phase_index(plan: SessionPlan, phase_id: str) -> int:
    return plan.method.phase_index(phase_id)


def test_nothing_runs_before_start(runner, clock):
    clock.advance(100)
    view = runner.view()
    assert view.status is Status.READY
    assert view.remaining == runner.plan.phase_minutes[0] * MIN
    assert not runner.next_phase()
    assert runner.events == []


def test_remaining_is_deadline_minus_now(runner, clock):
    runner.start()
    clock.advance(61.5)
    assert runner.view().remaining == pytest.approx(5 * MIN - 61.5)
    # However late the refresh comes, the figure is right.
    clock.advance(1000)
    assert runner.view().remaining == pytest.approx(5 * MIN - 1061.5)
    assert runner.view().overtime == pytest.approx(761.5)


def test_pause_freezes_the_clock_and_resume_continues(runner, clock):
    runner.start()
    clock.advance(30)
    assert runner.pause()
    assert not runner.pause()
    clock.advance(500)
    assert runner.view().remaining == pytest.approx(270)
    assert runner.view().status is Status.PAUSED
    assert runner.toggle_pause()
    clock.advance(20)
    assert runner.view().remaining == pytest.approx(250)


def test_next_previous_and_jump(runner, clock):
    runner.start()
    assert not runner.previous_phase()
    assert runner.next_phase()
    assert runner.view().phase.id == runner.plan.method.phases[1].id
    assert runner.jump_to(9)
    assert runner.view().is_last_phase
    assert not runner.next_phase()
    assert not runner.jump_to(10)
    assert runner.previous_phase()
    assert runner.state.phase_index == 8


def test_time_spent_in_a_phase_is_kept_when_coming_back(runner, clock):
    runner.start()
    clock.advance(100)
    runner.next_phase()
    clock.advance(50)
    runner.previous_phase()
    assert runner.view().remaining == pytest.approx(5 * MIN - 100)
    clock.advance(10)
    assert runner.view().remaining == pytest.approx(5 * MIN - 110)


def test_extend_and_shorten(runner, clock):
    runner.start()
    assert runner.extend(1)
    assert runner.view().allotted == 6 * MIN
    assert runner.extend(-1) and runner.extend(-1)
    assert runner.view().allotted == 4 * MIN
    for _ in range(3):
        runner.extend(-1)
    assert runner.view().allotted == 1 * MIN
    assert not runner.extend(-1)  # a phase keeps at least one minute


def test_last_minute_and_overtime(runner, clock):
    runner.start()
    clock.advance(4 * MIN)
    view = runner.view()
    assert view.is_last_minute and not view.is_over
    clock.advance(MIN + 15)
    view = runner.view()
    assert view.is_over and not view.is_last_minute
    assert view.overtime == pytest.approx(15)


def test_rounds_start_after_the_inbrenger_and_exclude_them(runner, clock, incident_plan):
    runner.start()
    runner.jump_to(phase_index(incident_plan, "informatieronde"))
    turn = runner.view().turn
    assert turn.current == "Cem" and turn.next == "Dewi"
    assert (turn.position, turn.total) == (0, 3)
    assert turn.turn_remaining == pytest.approx(90)
    clock.advance(100)
    assert runner.view().turn.turn_remaining == pytest.approx(-10)
    runner.next_speaker()
    turn = runner.view().turn
    assert turn.current == "Dewi" and turn.next == "Anna" and turn.done == ("Cem",)
    assert turn.turn_remaining == pytest.approx(90)
    runner.skip_speaker()
    assert runner.view().turn.skipped == ("Dewi",)
    runner.previous_speaker()
    assert runner.view().turn.current == "Dewi" and runner.view().turn.skipped == ()
    runner.next_speaker()
    runner.next_speaker()
    turn = runner.view().turn
    assert turn.finished and turn.done == ("Cem", "Dewi", "Anna")
    assert runner.previous_speaker()
    assert runner.view().turn.current == "Anna"
    runner.next_speaker()
    # After the last speaker, the round may go round again (one question per turn).
    assert runner.next_speaker()
    turn = runner.view().turn
    assert turn.current == "Cem" and turn.done == () and runner.state.record.round.passes == 2
    # Back across the start of the pass: the last turn of the first pass again, its record intact.
    assert runner.previous_speaker()
    turn = runner.view().turn
    assert turn.current == "Anna" and turn.done == ("Cem", "Dewi") and turn.passes == 1


def test_a_round_with_the_inbrenger_starts_with_them(runner, incident_plan):
    runner.start()
    assert runner.plan.method.phases[0].inbrenger_in_round
    turn = runner.view().turn
    assert turn.current == "Bram" and turn.next == "Cem" and turn.total == 4


def test_choosing_the_inbrenger_reorders_the_turns_not_yet_taken(library, clock):
    plan = SessionPlan.create(library.get("incident"), ["Anna", "Bram", "Cem", "Dewi"])
    runner = SessionRunner(plan, clock)
    runner.start()
    runner.jump_to(phase_index(plan, "informatieronde"))
    assert runner.view().turn.current == "Anna"
    runner.next_speaker()  # Anna asked her question
    runner.set_inbrenger("Cem")
    turn = runner.view().turn
    assert runner.state.record.round.order == ("Anna", "Dewi", "Bram")
    assert turn.current == "Dewi" and turn.done == ("Anna",)
    # A round not yet reached is ordered afresh, and one with the inbrenger starts with them.
    runner.jump_to(phase_index(plan, "evaluatie"))
    assert runner.view().turn.current == "Cem"


def test_round_without_inbrenger_uses_the_listed_order(library, clock):
    plan = SessionPlan.create(library.get("incident"), ["Anna", "Bram", "Cem"])
    runner = SessionRunner(plan, clock)
    runner.start()
    assert runner.view().turn.current == "Anna"
    runner.set_inbrenger("Anna")
    runner.jump_to(phase_index(plan, "informatieronde"))
    assert runner.view().turn.current == "Bram"
    assert runner.view().turn.total == 2


def test_notes_are_events_and_unchanged_notes_record_nothing(runner):
    runner.start()
    assert runner.set_note(NoteField.TEXT, "eerste indruk", phase="keuze")
    assert not runner.set_note(NoteField.TEXT, "eerste indruk", phase="keuze")
    runner.set_note(NoteField.ADVICE, "Bel haar", phase="standpunten", key="Cem")
    assert runner.state.note(NoteField.ADVICE, "standpunten", "Cem") == "Bel haar"
    assert [e.kind for e in runner.events].count(EventKind.NOTE) == 2


def test_end_stops_everything(runner, clock):
    runner.start()
    clock.advance(10)
    assert runner.end()
    clock.advance(100)
    assert runner.view().status is Status.ENDED
    assert runner.view().remaining == pytest.approx(290)
    assert not runner.next_phase() and not runner.end()
    assert runner.state.ended_at is not None


def test_resume_pauses_at_the_last_event(incident_plan, clock):
    first = SessionRunner(incident_plan, clock)
    first.start()
    clock.advance(120)
    first.next_phase()
    clock.advance(45)  # lost in the crash: no event after it
    events = list(first.events)

    clock.advance(3600)
    again = SessionRunner.recover(incident_plan, clock, events)
    assert again.status is Status.PAUSED
    assert again.state.phase_index == 1
    assert again.view().remaining == pytest.approx(incident_plan.phase_minutes[1] * MIN)
    assert again.events[-1].kind is EventKind.PAUSE
    again.toggle_pause()
    clock.advance(5)
    assert again.view().remaining == pytest.approx(incident_plan.phase_minutes[1] * MIN - 5)


def test_full_incident_session_statistics(incident_plan, clock):
    """Every phase of an Incidentmethode, with rounds, a pause, extensions and overtime."""
    runner = SessionRunner(incident_plan, clock)
    method = incident_plan.method
    seen = []
    runner.listeners.append(seen.append)
    runner.start()
    for index, phase in enumerate(method.phases):
        if index:
            runner.next_phase()
        if phase.speakers is Speakers.ROUND:
            for _ in range(runner.view().turn.total):
                clock.advance(60)
                runner.next_speaker()
        else:
            clock.advance(incident_plan.phase_minutes[index] * MIN)
        if phase.id == "schets":
            runner.pause()
            clock.advance(300)  # paused time is not counted
            runner.toggle_pause()
            runner.extend(2)
            clock.advance(90)  # within the extension: no overtime
        if phase.id == "analyse":
            clock.advance(150)  # over time
    runner.end()

    stats = session_stats(incident_plan, runner.events)
    by_id = {p.phase_id: p for p in stats.phases}
    assert seen == runner.events
    assert all(p.visited for p in stats.phases)
    assert by_id["schets"].actual_seconds == pytest.approx(10 * MIN + 90)
    assert by_id["schets"].allotted_minutes == 12
    assert by_id["schets"].overtime_seconds == 0
    assert by_id["analyse"].overtime_seconds == pytest.approx(150)
    assert by_id["informatieronde"].actual_seconds == pytest.approx(3 * MIN)
    assert stats.overtime_seconds == pytest.approx(150)
    # Bram tells (schets, wat-deed-inbrenger) and takes his turn in the two rounds that include him.
    telling = 10 * MIN + 90 + 15 * MIN
    rounds_with_inbrenger = sum(1 for p in method.phases if p.speakers is Speakers.ROUND and p.inbrenger_in_round)
    assert stats.speaking_seconds["Bram"] == pytest.approx(telling + rounds_with_inbrenger * MIN)
    rounds = sum(1 for p in method.phases if p.speakers is Speakers.ROUND)
    assert stats.speaking_seconds["Cem"] == pytest.approx(rounds * MIN)
    assert stats.running_seconds == pytest.approx(sum(p.actual_seconds for p in stats.phases))
    assert SessionState.replay(incident_plan, runner.events) == runner.state


def test_checkpoints_bound_what_a_crash_can_lose(incident_plan, clock):
    runner = SessionRunner(incident_plan, clock)
    assert not runner.checkpoint()  # not running: nothing to keep
    runner.start()
    clock.advance(20)
    assert not runner.checkpoint(every=30)
    clock.advance(15)
    assert runner.checkpoint(every=30)
    assert not runner.checkpoint(every=30)  # the clock has not moved since
    clock.advance(50)  # lost in a crash: no event after the checkpoint
    again = SessionRunner.recover(incident_plan, clock, list(runner.events))
    assert again.view().remaining == pytest.approx(5 * MIN - 35)
    assert again.state.phases[0].elapsed == pytest.approx(35)


def test_speaking_time_up_to_now_includes_the_running_stretch(incident_plan, clock):
    runner = SessionRunner(incident_plan, clock)
    runner.start()  # a round that starts with the inbrenger, Bram
    clock.advance(40)
    assert runner.state.speaking["Bram"] == 0  # booked at the next event
    assert runner.state.speaking_at(runner.now())["Bram"] == pytest.approx(40)
    runner.pause()
    clock.advance(100)
    assert runner.state.speaking_at(runner.now())["Bram"] == pytest.approx(40)
