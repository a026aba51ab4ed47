"""A method in words, in one language: what the handout, the overview, the methods browser and the set-up preview
each lay out in their own way. Pure: no Textual, no rich."""

from __future__ import annotations

from ..i18n import t
from .method import Method, ground_rules
from .records import record


@record(frozen=True)
class PhaseOutline:
    """One phase of a method as the handout and the methods screen show it."""

    number: int  # from 1
    title: str
    minutes: int  # the method's own, before any budget scales them
    min_minutes: int
    speakers: str  # the speaking pattern in words
    questions: tuple[str, ...]
    tips: str  # for the facilitator only; "" when the phase has none
    turn_seconds: int | None
    inbrenger_in_round: bool
    notes: tuple[str, ...]  # the kinds of note the phase asks for, in words


@record(frozen=True)
class MethodOutline:
    """A method in one language, as the handout and the methods screen show it."""

    id: str
    name: str
    summary: str
    description: str
    group_size: tuple[int, int]
    minutes: int
    min_total: int
    phases: tuple[PhaseOutline, ...]
    ground_rules: tuple[str, ...]


def method_outline(method: Method, lang: str) -> MethodOutline:
    phases = tuple(
        PhaseOutline(
            number=number,
            title=phase.title(lang),
            minutes=phase.minutes,
            min_minutes=phase.min_minutes,
            speakers=t(f"speakers.{phase.speakers.value}", lang),
            questions=tuple(phase.questions(lang)) if phase.questions else (),
            tips=phase.tips(lang) if phase.tips else "",
            turn_seconds=phase.turn_seconds,
            inbrenger_in_round=phase.inbrenger_in_round,
            notes=tuple(t(f"notes.{kind.value}", lang) for kind in phase.notes),
        )
        for number, phase in enumerate(method.phases, start=1)
    )
    low, high = method.group_size
    return MethodOutline(
        id=method.id,
        name=method.name(lang),
        summary=method.summary(lang),
        description=method.description(lang).strip(),
        group_size=(low, high),
        minutes=method.minutes,
        min_total=method.min_total,
        phases=phases,
        ground_rules=tuple(ground_rules(method)(lang)),
    )
