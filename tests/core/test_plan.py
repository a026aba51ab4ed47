"""The session plan and fitting the phases to a time budget."""

from __future__ import annotations

import json

import pytest

from intervisie_tui.core.plain import to_plain
from intervisie_tui.core.plan import PlanError, SessionPlan, scale_minutes
from intervisie_tui.core.validation import validated, validated_json

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
    with pytest.raises(
        PlanError, match=r"30 minutes is too short for this method: it needs at least 46 minutes"
    ) as caught:
        scale_minutes(method, 30)
    assert caught.value.problems[0].input == "budget"
    assert "minstens 46 minuten" in caught.value.render("nl")


def test_a_minute_more_never_shortens_a_phase(library):
    for method in library.methods.values():
        previous = scale_minutes(method.method, method.method.min_total)
        for budget in range(method.method.min_total + 1, 301):
            current = scale_minutes(method.method, budget)
            assert all(now >= before for now, before in zip(current, previous)), (method.method.id, budget)
            previous = current


def test_plan_requires_two_to_twelve_distinct_names(library):
    method = library.get("incident")
    with pytest.raises(PlanError, match="Too few participants: 1; add at least 2"):
        SessionPlan.create(method, ["Anna"])
    with pytest.raises(PlanError, match="Too many participants: 13"):
        SessionPlan.create(method, [f"P{i}" for i in range(13)])
    with pytest.raises(PlanError, match="anna is already in the list") as caught:
        SessionPlan.create(method, ["Anna", "Bram", "anna"])
    assert "staat al in de lijst" in caught.value.render("nl")
    with pytest.raises(PlanError, match="A name cannot be empty"):
        SessionPlan.create(method, ["Anna", " "])


def test_every_problem_is_reported_at_once(library):
    with pytest.raises(PlanError) as caught:
        SessionPlan.create(library.get("incident"), ["Anna"], inbrenger="Zoe", budget_minutes=10)
    assert [problem.key for problem in caught.value.problems] == [
        "plan.too_few",
        "plan.inbrenger_missing",
        "plan.budget_too_low",
    ]


def test_inbrenger_must_be_a_participant(library):
    with pytest.raises(PlanError, match="Inbrenger Zoe is not in the list") as caught:
        SessionPlan.create(library.get("incident"), PEOPLE, inbrenger="Zoe")
    assert caught.value.problems[0].input == "inbrenger"


def test_a_plan_read_back_is_checked_by_the_same_rules(library):
    plan = SessionPlan.create(library.get("roddel"), PEOPLE)
    data = to_plain(plan)
    data["participants"] = ["Anna", "anna"]
    with pytest.raises(ValueError, match="already in the list"):
        validated(SessionPlan, data)


def test_inbrenger_may_be_chosen_later(library):
    plan = SessionPlan.create(library.get("incident"), PEOPLE, facilitator="  ", budget_minutes=60)
    assert plan.inbrenger is None
    assert plan.facilitator is None
    assert sum(plan.phase_minutes) == 60


def test_plan_round_trips_through_json(library):
    plan = SessionPlan.create(library.get("balint"), PEOPLE, inbrenger="Cem", case_title="Een botsing")
    assert validated_json(SessionPlan, json.dumps(to_plain(plan))) == plan
