"""The set-up's rules without Textual: editing the speaking order, what is still wrong, the schedule."""

from __future__ import annotations

from intervisie_tui.core.plan import MAX_PARTICIPANTS, PlanProblem
from intervisie_tui.core.setup import SpeakingOrder, group_size_note, schedule, setup_problems


def test_speaking_order_refuses_empty_and_duplicate_names_case_insensitively():
    group = SpeakingOrder(["Anna"])
    assert group.add("  ") == PlanProblem("plan.empty_name")
    assert group.add("anna") == PlanProblem("plan.duplicate", {"name": "anna"})
    assert group.add(" Bram ") is None
    assert group.names == ["Anna", "Bram"]


def test_speaking_order_rename_may_keep_its_own_name_but_not_take_another():
    group = SpeakingOrder(["Anna", "Bram"])
    assert group.rename(0, "ANNA") is None
    assert group.rename(0, "bram") == PlanProblem("plan.duplicate", {"name": "bram"})
    assert group.names == ["ANNA", "Bram"]


def test_speaking_order_move_stays_inside_the_list():
    group = SpeakingOrder(["Anna", "Bram", "Cem"])
    assert group.move(0, -1) == 0
    assert group.move(0, 1) == 1
    assert group.names == ["Bram", "Anna", "Cem"]
    assert group.move(2, 1) == 2


def test_speaking_order_is_full_at_the_maximum():
    group = SpeakingOrder(f"P{i}" for i in range(MAX_PARTICIPANTS))
    assert group.add("One more") == PlanProblem("plan.group_full", {"max": MAX_PARTICIPANTS})
    assert len(group) == MAX_PARTICIPANTS


def test_setup_problems_names_each_issue(library):
    incident = library.get("incident")
    keys = lambda problems: [problem.key for problem in problems]  # noqa: E731
    assert keys(setup_problems(["Anna"], None, incident, "90")) == ["plan.too_few"]
    assert keys(setup_problems([f"P{i}" for i in range(13)], None, incident, "90")) == ["plan.too_many"]
    assert keys(setup_problems(["Anna", "anna"], None, incident, "90")) == ["plan.duplicate"]
    assert keys(setup_problems(["Anna", " "], None, incident, "90")) == ["plan.empty_name"]
    assert keys(setup_problems(["Anna", "Bram"], "Cem", incident, "90")) == ["plan.inbrenger_missing"]
    assert keys(setup_problems(["Anna", "Bram"], None, incident, "")) == ["setup.error.budget_not_number"]
    low = setup_problems(["Anna", "Bram"], None, incident, "10")
    assert low == [PlanProblem("plan.budget_too_low", {"budget": 10, "minimum": incident.min_total}, "budget")]
    assert setup_problems(["Anna", "Bram"], "Anna", incident, str(incident.min_total)) == []


def test_group_size_note_only_outside_the_methods_range(library):
    incident = library.get("incident")  # meant for 4-8
    assert group_size_note(incident, 5, lambda key, **values: key) == ""
    assert group_size_note(incident, 1, lambda key, **values: key) == ""  # too few is a refusal instead
    assert group_size_note(incident, 3, lambda key, **values: key) == "setup.note.group_size"
    assert group_size_note(incident, 9, lambda key, **values: key) == "setup.note.group_size"


def test_schedule_sums_to_the_budget_and_falls_back_to_defaults(library):
    incident = library.get("incident")
    assert sum(schedule(incident, 60)) == 60
    assert schedule(incident, 5) == [phase.minutes for phase in incident.phases]
