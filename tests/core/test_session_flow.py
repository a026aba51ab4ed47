"""How a meeting flows: breaks, the whole session's time, minutes taken from later phases,
rounds that keep skipped and done apart, and why an action did nothing."""

from __future__ import annotations

from datetime import timedelta

import pytest

from intervisie_tui.core.engine import SessionRunner
from intervisie_tui.core.events import Event, EventKind
from intervisie_tui.core.state import SessionState, Status
from intervisie_tui.core.stats import session_stats
from intervisie_tui.core.validation import validated_json
from intervisie_tui.i18n import t
from intervisie_tui.store.journal import event_line

MIN = 60.0


@pytest.fixture
def runner(incident_plan, clock):
    return SessionRunner(incident_plan, clock)


def replayed(runner: SessionRunner) -> SessionState:
    """The state rebuilt from the events as the journal writes and reads them."""
    events = [validated_json(Event, event_line(event)) for event in runner.events]
    return SessionState.replay(runner.plan, events)


# -- breaks ----------------------------------------------------------------------------------


def test_a_break_stops_the_clock_and_keeps_its_time_apart(runner, clock):
    runner.start()
    clock.advance(60)
    assert runner.start_break()
    view = runner.view()
    assert view.status is Status.PAUSED and view.on_break is not None
    clock.advance(7 * MIN)
    view = runner.view()
    assert view.remaining == pytest.approx(4 * MIN)  # the phase clock stood still
    assert view.on_break.elapsed == pytest.approx(7 * MIN)
    assert view.on_break.minutes is None and view.on_break.remaining is None  # it counts up
    assert view.break_seconds == pytest.approx(7 * MIN)
    assert not runner.start_break()
    assert runner.refusal.key == "refusal.on_break"
    # Space ends the break, and the clock runs again.
    assert runner.toggle_pause()
    assert runner.events[-1].kind is EventKind.BREAK_END
    clock.advance(30)
    view = runner.view()
    assert view.status is Status.RUNNING and view.on_break is None
    assert view.remaining == pytest.approx(3.5 * MIN)
    assert view.break_seconds == pytest.approx(7 * MIN)
    stats = session_stats(runner.plan, runner.events)
    assert stats.break_seconds == pytest.approx(7 * MIN)
    assert stats.running_seconds == pytest.approx(60)  # booked up to the last event
    assert replayed(runner) == runner.state


def test_a_break_until_a_chosen_time(runner, clock):
    runner.start()
    began = clock.wall()
    assert runner.start_break(10)
    clock.advance(4 * MIN)
    view = runner.view().on_break
    assert view.minutes == 10 and view.remaining == pytest.approx(6 * MIN)
    assert view.until == began + timedelta(minutes=10)
    assert runner.change_break(1) and runner.view().on_break.minutes == 11
    assert runner.change_break(-5) and runner.view().on_break.minutes == 6
    clock.advance(3 * MIN)
    assert runner.view().on_break.is_over
    assert runner.view().on_break.remaining == pytest.approx(-1 * MIN)
    # Down to nothing, the break counts up again; counting up, minus has nothing to take.
    assert runner.change_break(-6) and runner.view().on_break.minutes is None
    assert not runner.change_break(-1)
    assert runner.refusal.key == "refusal.break_counts_up"
    assert replayed(runner) == runner.state


def test_a_counting_break_given_a_length_starts_from_the_minutes_it_has_lasted(runner, clock):
    runner.start()
    runner.start_break()
    clock.advance(7 * MIN + 20)
    assert runner.change_break(1)
    assert runner.view().on_break.minutes == 8
    assert runner.view().on_break.remaining == pytest.approx(40)


def test_a_break_while_paused_and_one_at_the_end(runner, clock):
    assert not runner.start_break()
    assert runner.refusal.key == "refusal.not_started"
    runner.start()
    runner.pause()
    assert runner.start_break()
    assert not runner.change_break(0)
    clock.advance(MIN)
    # Resuming ends the break too.
    assert runner.resume_clock() and runner.events[-1].kind is EventKind.BREAK_END
    assert runner.status is Status.RUNNING
    runner.start_break()
    clock.advance(2 * MIN)
    runner.end()
    assert runner.state.break_seconds == pytest.approx(3 * MIN)
    assert not runner.end_break() and runner.refusal.key == "refusal.not_on_break"
    assert replayed(runner) == runner.state


def test_a_resumed_session_stays_on_its_break(incident_plan, clock):
    first = SessionRunner(incident_plan, clock)
    first.start()
    first.start_break(15)
    clock.advance(5 * MIN)
    first.checkpoint(every=0)
    clock.advance(3600)  # the laptop was off: that hour is no part of the session
    again = SessionRunner.recover(incident_plan, clock, first.events)
    assert again.state.on_break and again.view().on_break.elapsed == pytest.approx(5 * MIN)
    clock.advance(MIN)
    assert again.view().on_break.remaining == pytest.approx(9 * MIN)


# -- the whole session's time ---------------------------------------------------------------


def test_the_session_ends_by_the_plan_and_says_how_far_behind_it_runs(runner, clock):
    timing = runner.view().timing
    assert timing.planned_end is None and timing.to_go == pytest.approx(90 * MIN)
    started = clock.wall()
    runner.start()
    timing = runner.view().timing
    assert timing.planned_end == started + timedelta(minutes=90)
    assert timing.expected_end == timing.planned_end and timing.behind == pytest.approx(0)
    # A pause puts the session behind by as long as it lasts.
    runner.pause()
    clock.advance(2 * MIN)
    assert runner.view().timing.behind == pytest.approx(2 * MIN)
    runner.resume_clock()
    # Overtime puts it further behind; moving on early puts it ahead.
    clock.advance(6 * MIN)  # one minute over the first phase's five
    assert runner.view().timing.behind == pytest.approx(3 * MIN)
    runner.next_phase()
    clock.advance(4 * MIN)
    runner.next_phase()  # six of the second phase's ten minutes left unused
    timing = runner.view().timing
    assert timing.behind == pytest.approx(-3 * MIN) and timing.ahead == pytest.approx(3 * MIN)
    assert timing.expected_end == timing.planned_end - timedelta(minutes=3)


def test_a_minute_more_moves_the_end_unless_later_phases_give_it(runner, clock):
    runner.start()
    assert runner.extend(2, from_later=False)
    assert runner.view().timing.behind == pytest.approx(2 * MIN)
    assert runner.extend(-2, from_later=False)
    assert runner.extend(3, from_later=True)
    view = runner.view()
    assert view.allotted == 8 * MIN and view.timing.behind == pytest.approx(0)
    # The phase with most to spare gives first (the later one on a tie); the strip shows it.
    event = runner.events[-1]
    assert event.balance is not None and len(event.balance) == 3
    planned = runner.plan.phase_minutes
    assert sum(view.phase_minutes) == sum(planned)
    assert view.phase_minutes[0] == 8
    for index in event.balance:
        assert view.phase_minutes[index] < planned[index]
    # A minute less gives back to the phases that gave.
    assert runner.extend(-3, from_later=True)
    assert runner.view().phase_minutes == planned
    assert replayed(runner) == runner.state


def test_later_phases_never_give_below_their_minimums(runner, clock, incident_plan):
    runner.start()
    runner.jump_to(incident_plan.method.phase_index("discussie"))  # only 'evaluatie' (5, at least 3) after
    before = runner.view().timing.behind
    assert runner.extend(5, from_later=True)
    view = runner.view()
    assert view.phase_minutes[-1] == 3
    assert view.allotted == 15 * MIN
    assert view.timing.behind - before == pytest.approx(3 * MIN)  # two minutes came from later, three did not
    assert runner.events[-1].balance == (9, 9)


def test_the_runner_default_for_taking_minutes_from_later(incident_plan, clock):
    runner = SessionRunner(incident_plan, clock, extend_takes_from_later=True)
    runner.start()
    runner.extend(1)
    assert runner.events[-1].balance
    runner.extend(1, from_later=False)
    assert runner.events[-1].balance is None


def test_a_forged_balance_is_ignored_by_the_fold(incident_plan, clock):
    runner = SessionRunner(incident_plan, clock)
    runner.start()
    at = clock.wall()
    for balance in [(0,), (99,), (9, 9, 9), (1, 2)]:
        event = Event(kind=EventKind.EXTEND, t=1.0, at=at, minutes=1, balance=balance)
        state = SessionState.replay(incident_plan, [*runner.events, event])
        assert state.allotted_minutes(0) == incident_plan.phase_minutes[0], balance


# -- rounds -----------------------------------------------------------------------------------


def test_a_skipped_person_is_not_counted_as_having_been(runner, incident_plan):
    runner.start()
    runner.jump_to(incident_plan.method.phase_index("informatieronde"))
    runner.skip_speaker()
    turn = runner.view().turn
    assert turn.done_count == 0 and turn.skipped == ("Cem",) and turn.position == 1
    runner.next_speaker()
    assert runner.view().turn.done_count == 1


def test_back_across_a_pass_and_forward_again(runner, incident_plan):
    runner.start()
    runner.jump_to(incident_plan.method.phase_index("informatieronde"))
    runner.skip_speaker()  # Cem
    runner.next_speaker()  # Dewi
    runner.next_speaker()  # Anna
    runner.next_speaker()  # a second pass
    runner.next_speaker()  # Cem, this time
    assert runner.previous_speaker() and runner.previous_speaker()
    turn = runner.view().turn
    assert turn.current == "Anna" and turn.passes == 1
    assert turn.done == ("Dewi",) and turn.skipped == ("Cem",)
    runner.next_speaker()
    runner.next_speaker()
    turn = runner.view().turn
    assert turn.current == "Cem" and turn.passes == 2 and turn.done == ()
    assert replayed(runner) == runner.state


# -- why nothing happened -----------------------------------------------------------------------


def test_every_refusal_says_why(runner, incident_plan):
    refused = []

    def expect(done: bool, key: str | None) -> None:
        assert not done
        refused.append(runner.refusal)
        assert (runner.refusal.key if runner.refusal else None) == key

    expect(runner.next_phase(), "refusal.not_started")
    expect(runner.extend(1), "refusal.not_started")
    expect(runner.next_speaker(), "refusal.not_started")
    runner.start()
    expect(runner.start(), None)
    expect(runner.previous_phase(), "refusal.first_phase")
    runner.next_phase()
    expect(runner.next_speaker(), "refusal.no_round")
    for _ in range(9):
        runner.extend(-1)
    expect(runner.extend(-1), "refusal.phase_minimum")
    runner.jump_to(incident_plan.method.phase_index("informatieronde"))
    expect(runner.previous_speaker(), "refusal.round_first")
    for _ in range(3):
        runner.next_speaker()
    expect(runner.skip_speaker(), "refusal.round_done")
    runner.jump_to(len(incident_plan.method.phases) - 1)
    expect(runner.next_phase(), "refusal.last_phase")
    runner.end()
    expect(runner.toggle_pause(), "refusal.ended")
    expect(runner.end(), "refusal.ended")
    # A success clears the reason; each reason reads in both languages.
    for refusal in filter(None, refused):
        assert refusal.render("nl") and refusal.render("en")
        assert refusal.render("nl") != refusal.render("en")
    assert t("refusal.phase_minimum", "nl", minutes=1).startswith("Korter kan niet")


# -- the case question typed at set-up -----------------------------------------------------------


def test_the_case_question_of_the_set_up_is_the_fields_text_until_edited(library, clock):
    from intervisie_tui.core.events import NoteField
    from intervisie_tui.core.plan import SessionPlan

    plan = SessionPlan.create(library.get("incident"), ["Anna", "Bram"], case_question="Hoe zeg ik nee?")
    runner = SessionRunner(plan, clock)
    runner.start()
    phase = plan.method.phases[1].id
    assert runner.state.note(NoteField.CASE_QUESTION, phase) == "Hoe zeg ik nee?"
    # Saving the field unchanged records nothing: the plan already holds the question.
    assert not runner.set_note(NoteField.CASE_QUESTION, "Hoe zeg ik nee?", phase=phase)
    assert runner.set_note(NoteField.CASE_QUESTION, "Hoe zeg ik vriendelijk nee?", phase=phase)
    assert runner.state.note(NoteField.CASE_QUESTION, phase) == "Hoe zeg ik vriendelijk nee?"
    assert runner.state.note(NoteField.TEXT, phase) == ""
