"""Random sequences of facilitator actions keep the engine's invariants."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from intervisie_tui.core.clock import FakeClock
from intervisie_tui.core.engine import SessionRunner
from intervisie_tui.core.library import load_library
from intervisie_tui.core.plan import SessionPlan, scale_minutes
from intervisie_tui.core.state import SessionState, Status

LIBRARY = load_library(None, entry_points=())
METHOD_IDS = sorted(LIBRARY.methods)

ACTIONS = st.sampled_from(
    [
        "start",
        "toggle_pause",
        "next_phase",
        "previous_phase",
        "jump",
        "extend",
        "shorten",
        "next_speaker",
        "previous_speaker",
        "skip_speaker",
        "set_inbrenger",
        "checkpoint",
        "end",
        "start_break",
        "break_longer",
        "break_shorter",
        "end_break",
        "extend_from_later",
        "shorten_to_later",
    ]
)


@st.composite
def sessions(draw):
    method = LIBRARY.get(draw(st.sampled_from(METHOD_IDS)))
    people = [f"P{i}" for i in range(draw(st.integers(2, 8)))]
    budget = draw(st.integers(method.min_total, method.min_total + 200))
    inbrenger = draw(st.one_of(st.none(), st.sampled_from(people)))
    plan = SessionPlan.create(method, people, inbrenger=inbrenger, budget_minutes=budget)
    steps = draw(st.lists(st.tuples(ACTIONS, st.floats(0, 900, allow_nan=False), st.integers(0, 20)), max_size=60))
    return plan, steps


@settings(max_examples=150, deadline=None)
@given(sessions())
def test_random_actions_keep_the_invariants(session):
    plan, steps = session
    clock = FakeClock()
    runner = SessionRunner(plan, clock)
    assert sum(plan.phase_minutes) == plan.budget_minutes
    assert all(m >= p.min_minutes for m, p in zip(plan.phase_minutes, plan.method.phases))
    assert list(plan.phase_minutes) == scale_minutes(plan.method, plan.budget_minutes)
    moved_total = 0  # minutes the session grew by: extensions not balanced by later phases
    for action, wait, number in steps:
        clock.advance(wait)
        before = len(runner.events)
        last_kind = runner.events[-1].kind.value if runner.events else None
        if action == "jump":
            changed = runner.jump_to(number % len(plan.method.phases))
        elif action == "extend":
            changed = runner.extend(1)
        elif action == "shorten":
            changed = runner.extend(-1)
        elif action == "extend_from_later":
            changed = runner.extend(1 + number % 3, from_later=True)
        elif action == "shorten_to_later":
            changed = runner.extend(-1, from_later=True)
        elif action == "start_break":
            changed = runner.start_break(number % 3 * 5)
        elif action == "break_longer":
            changed = runner.change_break(1)
        elif action == "break_shorter":
            changed = runner.change_break(-1)
        elif action == "set_inbrenger":
            changed = runner.set_inbrenger(plan.participants[number % len(plan.participants)])
        else:
            changed = getattr(runner, action)()
        # One event for each change, none otherwise; a checkpoint after a checkpoint replaces it
        # (a quiet stretch keeps only its newest moment).
        replaced = action == "checkpoint" and changed and last_kind == "checkpoint"
        assert len(runner.events) == before + (1 if changed and not replaced else 0)
        if replaced:
            assert runner.events[-1].kind.value == "checkpoint"
        # An action the user asked for and did not get says why, or had nothing to do.
        if changed:
            assert runner.refusal is None

        state = runner.state
        # Minutes moved between phases never take a phase below its method's minimum (unless
        # the facilitator shortened it there), and a balanced extension keeps the budget.
        last = runner.events[-1] if changed else None
        if last is not None and last.kind.value == "extend":
            moved_total += last.minutes - (1 if last.minutes > 0 else -1) * len(last.balance or ())
        if changed and action == "extend_from_later":
            last = runner.events[-1]
            for index in set(last.balance or ()):
                assert state.allotted_minutes(index) >= plan.method.phases[index].min_minutes
            assert len(last.balance or ()) <= last.minutes
        # The clock stands still during a break; the break's time is kept apart.
        if state.on_break:
            assert state.status is Status.PAUSED
        assert state.break_seconds >= 0

        view = runner.view()
        assert 0 <= view.phase_index < len(plan.method.phases)
        assert view.allotted >= 60
        # Remaining time follows from the events alone.
        elapsed = state.phases[view.phase_index].elapsed
        if state.status is Status.RUNNING:
            elapsed += runner.now() - state.last_t
        assert abs(view.remaining - (view.allotted - elapsed)) < 1e-6
        assert all(record.elapsed >= 0 for record in state.phases)
        if view.turn is not None:
            assert 0 <= view.turn.position <= view.turn.total
        # Speaking time never exceeds the time that ran.
        assert sum(state.speaking.values()) <= sum(r.elapsed for r in state.phases) + 1e-6
        # The strip's minutes are the allotted ones, and add up to the budget plus what was not balanced.
        assert sum(view.phase_minutes) == plan.budget_minutes + moved_total
        assert view.phase_minutes[view.phase_index] * 60 == view.allotted
        # The whole session: what is still to come, and the end it gives.
        timing = view.timing
        assert timing.to_go >= 0
        if timing.planned_end is not None and timing.expected_end is not None:
            assert abs((timing.expected_end - timing.planned_end).total_seconds() - timing.behind) < 1e-6
        # Replaying the events gives exactly the live state.
        assert SessionState.replay(plan, runner.events) == state
