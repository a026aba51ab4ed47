"""The session plan: who takes part, which method, and how its phases fit the time budget."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from .method import Language, Method

MIN_PARTICIPANTS = 2
MAX_PARTICIPANTS = 12


class PlanError(ValueError):
    """A plan that cannot run; the message says what to change."""


def scale_minutes(method: Method, budget: int) -> list[int]:
    """Whole minutes per phase, proportional to the defaults, never below a phase's
    minimum, summing exactly to `budget`."""
    minimums = [phase.min_minutes for phase in method.phases]
    if budget < sum(minimums):
        raise PlanError(
            f"{budget} minutes cannot hold the phases of {method.id}: "
            f"they need at least {sum(minimums)} minutes; give a budget of {sum(minimums)} or more"
        )
    defaults = [phase.minutes for phase in method.phases]
    fixed: dict[int, int] = {}
    # Phases whose proportional share falls below their minimum get the minimum;
    # repeat, since fixing one lowers the share left for the others.
    while True:
        free = [i for i in range(len(defaults)) if i not in fixed]
        left = budget - sum(fixed.values())
        weight = sum(defaults[i] for i in free)
        shares = {i: left * defaults[i] / weight for i in free}
        low = [i for i in free if shares[i] < minimums[i]]
        if not low:
            break
        for i in low:
            fixed[i] = minimums[i]
    result = [0] * len(defaults)
    for i, minutes in fixed.items():
        result[i] = minutes
    for i, share in shares.items():
        result[i] = max(minimums[i], int(share))
    # Hand out what flooring left over, largest fraction first (stable by phase order).
    remainder = budget - sum(result)
    by_fraction = sorted(shares, key=lambda i: (-(shares[i] - int(shares[i])), i))
    for i in by_fraction[:remainder]:
        result[i] += 1
    return result


class SessionPlan(BaseModel):
    """Everything decided before the session starts. The method is embedded so a session
    can be replayed and reviewed even after its method file changes or disappears."""

    model_config = ConfigDict(frozen=True)

    method: Method
    participants: tuple[str, ...]
    inbrenger: str | None = None
    facilitator: str | None = None
    case_title: str = ""
    case_question: str = ""
    budget_minutes: int = Field(gt=0)
    phase_minutes: tuple[int, ...]
    language: Language = "nl"

    @field_validator("participants")
    @classmethod
    def _valid_participants(cls, names: tuple[str, ...]) -> tuple[str, ...]:
        cleaned = tuple(name.strip() for name in names)
        if any(not name for name in cleaned):
            raise PlanError("a participant's name is empty")
        if not MIN_PARTICIPANTS <= len(cleaned) <= MAX_PARTICIPANTS:
            raise PlanError(
                f"{len(cleaned)} participants; a session needs {MIN_PARTICIPANTS} to {MAX_PARTICIPANTS}"
            )
        seen: set[str] = set()
        for name in cleaned:
            if name.casefold() in seen:
                raise PlanError(f"'{name}' is named twice; give each participant a distinct name")
            seen.add(name.casefold())
        return cleaned

    @model_validator(mode="after")
    def _consistent(self) -> SessionPlan:
        if self.inbrenger is not None and self.inbrenger not in self.participants:
            raise PlanError(f"the inbrenger '{self.inbrenger}' is not one of the participants")
        if len(self.phase_minutes) != len(self.method.phases):
            raise PlanError("phase_minutes must give one value per phase")
        if sum(self.phase_minutes) != self.budget_minutes:
            raise PlanError("phase_minutes must add up to budget_minutes")
        return self

    @classmethod
    def create(
        cls,
        method: Method,
        participants: list[str] | tuple[str, ...],
        *,
        inbrenger: str | None = None,
        facilitator: str | None = None,
        case_title: str = "",
        case_question: str = "",
        budget_minutes: int | None = None,
        language: Language = "nl",
    ) -> SessionPlan:
        budget = method.minutes if budget_minutes is None else budget_minutes
        if budget <= 0:
            raise PlanError(f"the time budget must be above 0 minutes, got {budget}")
        try:
            return cls(
                method=method,
                participants=tuple(participants),
                inbrenger=(inbrenger or "").strip() or None,
                facilitator=(facilitator or "").strip() or None,
                case_title=case_title.strip(),
                case_question=case_question.strip(),
                budget_minutes=budget,
                phase_minutes=tuple(scale_minutes(method, budget)),
                language=language,
            )
        except ValidationError as error:
            first = error.errors(include_url=False)[0]
            raise PlanError(str(first["msg"]).removeprefix("Value error, ")) from None
