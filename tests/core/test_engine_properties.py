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
        "start", "toggle_pause", "next_phase", "previous_phase", "jump", "extend", "shorten",
        "next_speaker", "previous_speaker", "skip_speaker", "set_inbrenger", "checkpoint", "end",
    ]
)


@st.composite
def sessions(draw):
    method = LIBRARY.get(draw(st.sampled_from(METHOD_IDS)))
    people = [f"P{i}" for i in range(draw(st.integers(2, 8)))]
    budget = draw(st.integers(method.min_total, method.min_total + 200))
    inbrenger = draw(st.one_of(st.none(), st.sampled_from(people)))
    plan = SessionPlan.create(method, people, inbrenger=inbrenger, budget_minutes=budget)
    steps = draw(
        st.lists(st.tuples(ACTIONS, st.floats(0, 900, allow_nan=False), st.integers(0, 20)), max_size=60)
    )
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
    for action, wait, number in steps:
        clock.advance(wait)
        before = len(runner.events)
        if action == "jump":
            changed = runner.jump_to(number % len(plan.method.phases))
        elif action == "extend":
            changed = runner.extend(1)
        elif action == "shorten":
            changed = runner.extend(-1)
        elif action == "set_inbrenger":
            changed = runner.set_inbrenger(plan.participants[number % len(plan.participants)])
        else:
            changed = getattr(runner, action)()
        # One event for each change, none otherwise.
        assert len(runner.events) == before + (1 if changed else 0)

        view = runner.view()
        state = runner.state
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
        # Replaying the events gives exactly the live state.
        assert SessionState.replay(plan, runner.events) == state
