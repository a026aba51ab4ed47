"""The session plan and fitting the phases to a time budget."""

from __future__ import annotations

import pytest

from intervisie_tui.core.plan import PlanError, SessionPlan, scale_minutes

PEOPLE = ["Anna", "Bram", "Cem", "Dewi"]


def test_default_budget_keeps_the_default_minutes(library):
    method = library.get("incident")
    assert scale_minutes(method, method.minutes) == [phase.minutes for phase in method.phases]


@pytest.mark.parametrize("budget", [46, 47, 60, 75, 89, 90, 91, 120, 180])
def test_scaled_minutes_sum_to_the_budget_and_respect_minimums(library, budget):
    method = library.get("incident")
    minutes = scale_minutes(method, budget)
    assert sum(minutes) == budget
    assert all(m >= phase.min_minutes for m, phase in zip(minutes, method.phases))
    assert all(isinstance(m, int) for m in minutes)


def test_scaling_is_proportional(library):
    method = library.get("incident")
    doubled = scale_minutes(method, 2 * method.minutes)
    assert doubled == [2 * phase.minutes for phase in method.phases]


def test_budget_below_the_minimums_is_a_clear_error(library):
    method = library.get("incident")
    with pytest.raises(PlanError, match=r"at least 46 minutes"):
        scale_minutes(method, 30)


def test_plan_requires_two_to_twelve_distinct_names(library):
    method = library.get("incident")
    with pytest.raises(PlanError, match="1 participants; a session needs 2 to 12"):
        SessionPlan.create(method, ["Anna"])
    with pytest.raises(PlanError, match="13 participants"):
        SessionPlan.create(method, [f"P{i}" for i in range(13)])
    with pytest.raises(PlanError, match="'anna' is named twice"):
        SessionPlan.create(method, ["Anna", "Bram", "anna"])
    with pytest.raises(PlanError, match="empty"):
        SessionPlan.create(method, ["Anna", " "])


def test_inbrenger_must_be_a_participant(library):
    with pytest.raises(PlanError, match="'Zoe' is not one of the participants"):
        SessionPlan.create(library.get("incident"), PEOPLE, inbrenger="Zoe")


def test_inbrenger_may_be_chosen_later(library):
    plan = SessionPlan.create(library.get("incident"), PEOPLE, facilitator="  ", budget_minutes=60)
    assert plan.inbrenger is None
    assert plan.facilitator is None
    assert sum(plan.phase_minutes) == 60


def test_plan_round_trips_through_json(library):
    plan = SessionPlan.create(library.get("balint"), PEOPLE, inbrenger="Cem", case_title="Een botsing")
    assert SessionPlan.model_validate_json(plan.model_dump_json()) == plan
