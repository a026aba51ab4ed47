"""The set-up's rules: editing the participants in speaking order, what still has to change before the start, and
the schedule the budget gives. Pure: no Textual; the set-up screen only shows them."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from ..i18n import Message
from .method import Method
from .plan import (
    MAX_BUDGET_MINUTES,
    MAX_PARTICIPANTS,
    MIN_PARTICIPANTS,
    PlanProblem,
    name_problem,
    plan_problems,
    scale_minutes,
)


class SpeakingOrder:
    """The participants, in speaking order. Every change is checked; a refused change
    leaves the group as it was and says why."""

    def __init__(self, names: Iterable[str] = ()) -> None:
        self.names: list[str] = [name.strip() for name in names]

    def __len__(self) -> int:
        return len(self.names)

    def add(self, name: str) -> PlanProblem | None:
        name = name.strip()
        if len(self.names) >= MAX_PARTICIPANTS:
            return PlanProblem("plan.group_full", {"max": MAX_PARTICIPANTS})
        problem = name_problem(self.names, name)
        if problem is None:
            self.names.append(name)
        return problem

    def rename(self, index: int, name: str) -> PlanProblem | None:
        name = name.strip()
        problem = name_problem(self.names, name, ignore=index)
        if problem is None:
            self.names[index] = name
        return problem

    def remove(self, index: int) -> str:
        return self.names.pop(index)

    def move(self, index: int, step: int) -> int:
        """Move one place up (-1) or down (+1); returns where the name is now."""
        target = index + step
        if not 0 <= index < len(self.names) or not 0 <= target < len(self.names):
            return index
        self.names[index], self.names[target] = self.names[target], self.names[index]
        return target


def parse_budget(text: str) -> int | None:
    try:
        return int(text.strip())
    except ValueError:
        return None


def setup_problems(names: list[str], inbrenger: str | None, method: Method | None, budget_text: str) -> list[Message]:
    """Everything that still has to change before the session can start, in screen order."""
    budget = parse_budget(budget_text)
    problems: list[Message] = list(plan_problems(names, inbrenger, method, budget))
    if method is None:
        problems.append(Message("setup.error.no_method"))
    elif budget is None:
        problems.append(Message("setup.error.budget_not_number", {"minimum": method.min_total}))
    return problems


def group_size_note(method: Method | None, count: int, t: Callable[..., str]) -> str:
    """A gentle note (never a refusal) when the group is outside the method's usual size."""
    if method is None or count < MIN_PARTICIPANTS:
        return ""
    low, high = method.group_size
    if low <= count <= high:
        return ""
    return t("setup.note.group_size", count=count, low=low, high=high)


def schedule(method: Method, budget: int | None) -> list[int]:
    """Minutes per phase for the budget; the method's own minutes when the budget cannot hold it."""
    if budget is None or budget < method.min_total or budget > MAX_BUDGET_MINUTES:
        return [phase.minutes for phase in method.phases]
    return scale_minutes(method, budget)
