"""Statistics derived from a session's events: for the review and the record of hours."""

from __future__ import annotations

from collections.abc import Iterable

from pydantic import BaseModel, ConfigDict, Field

from .events import Event
from .plan import SessionPlan
from .state import SessionState


class PhaseStats(BaseModel):
    model_config = ConfigDict(frozen=True, allow_inf_nan=False)

    phase_id: str
    planned_minutes: int
    allotted_minutes: int  # planned plus extensions
    actual_seconds: float
    overtime_seconds: float
    visited: bool


class SessionStats(BaseModel):
    """The statistics as a session document keeps them (the defaults read a document that has none)."""

    model_config = ConfigDict(frozen=True, allow_inf_nan=False)

    phases: tuple[PhaseStats, ...] = ()
    speaking_seconds: dict[str, float] = Field(default_factory=dict)
    running_seconds: float = 0.0
    overtime_seconds: float = 0.0
    # Not written to the document (its format predates breaks); loading derives it from the events again.
    break_seconds: float = Field(default=0.0, exclude=True)


def session_stats(plan: SessionPlan, events: Iterable[Event]) -> SessionStats:
    state = SessionState.replay(plan, events)
    return stats_of(state)


def stats_of(state: SessionState) -> SessionStats:
    plan = state.plan
    phases = []
    for index, (phase, record) in enumerate(zip(plan.method.phases, state.phases)):
        allotted = state.allotted_seconds(index)
        phases.append(
            PhaseStats(
                phase_id=phase.id,
                planned_minutes=plan.phase_minutes[index],
                allotted_minutes=round(allotted / 60),
                actual_seconds=record.elapsed,
                overtime_seconds=max(0.0, record.elapsed - allotted),
                visited=record.visited,
            )
        )
    return SessionStats(
        phases=tuple(phases),
        speaking_seconds=dict(state.speaking),
        running_seconds=sum(p.actual_seconds for p in phases),
        overtime_seconds=sum(p.overtime_seconds for p in phases),
        break_seconds=state.break_seconds,
    )
