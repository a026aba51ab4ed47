"""Statistics derived from a session's events: for the review and the record of hours."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .events import Event
from .plan import SessionPlan
from .state import SessionState


@dataclass(frozen=True)
class PhaseStats:
    phase_id: str
    planned_minutes: int
    allotted_minutes: int  # planned plus extensions
    actual_seconds: float
    overtime_seconds: float
    visited: bool

    @property
    def actual_minutes(self) -> float:
        return self.actual_seconds / 60


@dataclass(frozen=True)
class SessionStats:
    phases: tuple[PhaseStats, ...]
    speaking_seconds: dict[str, float]
    running_seconds: float
    overtime_seconds: float
    break_seconds: float = 0.0


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
