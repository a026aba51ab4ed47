"""The session plan: who takes part, which method, and how its phases fit the time budget.

The rules for a plan live here once (`plan_problems`); the set-up screen shows the same
problems inline that `SessionPlan.create` refuses with.
"""

# No `from __future__ import annotations`: core/plain.py reads these fields' types when it rebuilds
# what this program wrote (the method cache at every start, journals), and would evaluate strings.
from collections.abc import Sequence
from typing import Annotated

from .field_rules import Rules
from .message import Message
from .method import Language, Method
from .records import record

MIN_PARTICIPANTS = 2
MAX_PARTICIPANTS = 12
MAX_BUDGET_MINUTES = 600  # ten hours: longer than any meeting, short enough to catch a typo


@record(frozen=True)
class PlanProblem(Message):
    """One thing that keeps a plan from running, and the input it concerns."""

    input: str = "participants"  # participants | inbrenger | budget

    __hash__ = Message.__hash__


class PlanError(ValueError):
    """A plan that cannot run; each problem says what to change."""

    def __init__(self, problems: Sequence[PlanProblem]) -> None:
        self.problems = list(problems)
        super().__init__(*self.problems)

    def render(self, lang: str) -> str:
        return " ".join(problem.render(lang) for problem in self.problems)

    def __str__(self) -> str:  # for logs and pydantic; the screens and commands render the problems
        return self.render("en")


def name_problem(names: Sequence[str], name: str, ignore: int | None = None) -> PlanProblem | None:
    """Why `name` cannot join `names` (empty, or already there in any case), or None."""
    name = name.strip()
    if not name:
        return PlanProblem("plan.empty_name")
    for index, other in enumerate(names):
        if index != ignore and other.strip().casefold() == name.casefold():
            return PlanProblem("plan.duplicate", {"name": name})
    return None


def plan_problems(
    participants: Sequence[str], inbrenger: str | None, method: Method | None, budget: int | None
) -> list[PlanProblem]:
    """Everything that must change before this plan can run, in the order of the set-up screen.
    The budget is checked only with a method and a budget (the set-up screen may have neither yet)."""
    problems: list[PlanProblem] = []
    count = len(participants)
    if count < MIN_PARTICIPANTS:
        problems.append(PlanProblem("plan.too_few", {"count": count, "min": MIN_PARTICIPANTS}))
    elif count > MAX_PARTICIPANTS:
        problems.append(PlanProblem("plan.too_many", {"count": count, "max": MAX_PARTICIPANTS}))
    for index, name in enumerate(participants):
        problem = name_problem(participants[:index], name)
        if problem is not None and problem not in problems:
            problems.append(problem)
    if inbrenger and inbrenger.strip() not in [name.strip() for name in participants]:
        problems.append(PlanProblem("plan.inbrenger_missing", {"name": inbrenger}, "inbrenger"))
    if method is not None and budget is not None:
        if budget < method.min_total:
            problems.append(
                PlanProblem("plan.budget_too_low", {"budget": budget, "minimum": method.min_total}, "budget")
            )
        elif budget > MAX_BUDGET_MINUTES:
            problems.append(PlanProblem("plan.budget_too_high", {"max": MAX_BUDGET_MINUTES}, "budget"))
    return problems


def scale_minutes(method: Method, budget: int) -> list[int]:
    """Whole minutes per phase, proportional to the defaults, never below a phase's
    minimum, summing exactly to `budget`.

    Minutes are handed out one at a time from the minimums, each to the phase furthest
    below its share (Sainte-Laguë). So the default budget gives the default minutes, a
    multiple of it gives exact multiples, and a minute more never shortens any phase.
    """
    minimums = [phase.min_minutes for phase in method.phases]
    if budget < sum(minimums):
        raise PlanError([PlanProblem("plan.budget_too_low", {"budget": budget, "minimum": sum(minimums)}, "budget")])
    weights = [phase.minutes for phase in method.phases]
    result = list(minimums)
    for _ in range(budget - sum(minimums)):
        neediest = max(range(len(result)), key=lambda i: (weights[i] / (result[i] + 0.5), -i))
        result[neediest] += 1
    return result


@record(frozen=True, slots=True)
class GroupMeeting:
    """A session held as a meeting of a group (see core.groups): recorded there when it ends."""

    group_id: str
    excused: tuple[str, ...] = ()  # members absent with notice
    share_title: bool = False  # the case title may appear in the group's reports as its theme


@record(frozen=True, slots=True)
class SessionPlan:
    """Everything decided before the session starts. The method is embedded so a session
    can be replayed and reviewed even after its method file changes or disappears."""

    method: Method
    participants: tuple[str, ...]
    budget_minutes: Annotated[int, Rules(gt=0, le=MAX_BUDGET_MINUTES)]
    phase_minutes: tuple[Annotated[int, Rules(ge=0, le=MAX_BUDGET_MINUTES)], ...]
    inbrenger: str | None = None
    facilitator: str | None = None
    case_title: str = ""
    case_question: str = ""
    language: Language = "nl"
    group: GroupMeeting | None = None

    def __post_init__(self) -> None:
        # Guards plans read back from disk; `create` reports the same rules translated.
        problems = plan_problems(self.participants, self.inbrenger, self.method, None)
        if problems:
            raise ValueError(str(PlanError(problems)))
        if len(self.phase_minutes) != len(self.method.phases) or sum(self.phase_minutes) != self.budget_minutes:
            raise ValueError("phase_minutes must give one value per phase, adding up to budget_minutes")

    @classmethod
    def create(
        cls,
        method: Method,
        participants: Sequence[str],
        *,
        inbrenger: str | None = None,
        facilitator: str | None = None,
        case_title: str = "",
        case_question: str = "",
        budget_minutes: int | None = None,
        language: Language = "nl",
        group: GroupMeeting | None = None,
    ) -> "SessionPlan":
        """A plan ready to run, or PlanError with every problem (render it in the user's language)."""
        budget = method.minutes if budget_minutes is None else budget_minutes
        names = tuple(name.strip() for name in participants)
        inbrenger = (inbrenger or "").strip() or None
        problems = plan_problems(names, inbrenger, method, budget)
        if problems:
            raise PlanError(problems)
        return cls(
            method=method,
            participants=names,
            inbrenger=inbrenger,
            facilitator=(facilitator or "").strip() or None,
            case_title=case_title.strip(),
            case_question=case_question.strip(),
            budget_minutes=budget,
            phase_minutes=tuple(scale_minutes(method, budget)),
            language=language,
            group=group,
        )
