"""Session documents as Markdown (optionally anonymised) or JSON, and the text bar chart
of speaking time that the review screen shows too."""

from __future__ import annotations

import json
import random
import re

from ..core.visible import visible
from ..i18n import t
from .anonymise import Pseudonyms, anonymise_json
from .document import SessionDocument
from .summary import minutes_label

BAR_FULL = "█"


def speaking_bars(speaking: dict[str, float], lang: str, width: int = 30) -> list[str]:
    """One line per person: name, a bar proportional to their speaking time, and the
    minutes in words, so the chart needs no colour."""
    if not speaking:
        return []
    longest = max(speaking.values()) or 1.0
    name_width = max(len(name) for name in speaking)
    unit = t("word.minutes", lang)
    lines = []
    for name, seconds in sorted(speaking.items(), key=lambda item: -item[1]):
        length = round(width * seconds / longest) if seconds else 0
        lines.append(
            f"{name.ljust(name_width)}  {BAR_FULL * length}{' ' if length else ''}{minutes_label(seconds)} {unit}"
        )
    return lines


# A bullet or number someone typed before an action point: "- ", "* ", "• ", "1. ", "2) ".
TYPED_BULLET = re.compile(r"^\s*(?:[-*•–]|\d+[.)])\s+")


def action_point_items(text: str) -> list[str]:
    """Action points typed one per line (with or without a bullet of their own), as list items."""
    items = []
    for line in text.splitlines():
        item = TYPED_BULLET.sub("", line).strip()
        if item:
            items.append(item)
    return items


def export_markdown(
    document: SessionDocument, lang: str, *, anonymize: bool = False, rng: random.Random | None = None
) -> str:
    """The session as Markdown. Anonymised, every name of every person is a role or a letter (see
    store/anonymise.py), the people are listed in the order of their letters, and a header says what
    was replaced and what can still identify them. `rng` fixes the letters' order (tests)."""
    plan = document.plan
    method = plan.method
    pseudonyms = Pseudonyms.of_document(document, lang, rng=rng) if anonymize else None

    def hide(text: str) -> str:
        return pseudonyms.hide(text) if pseudonyms is not None else text

    def person(name: str | None) -> str:
        if not name:
            return "-"
        return pseudonyms.alias(name) if pseudonyms is not None else name

    def in_order(names):
        """People in the list's order, or, anonymised, in the order of their letters (never the list's)."""
        names = list(names)
        return sorted(names, key=lambda name: _letter_order(person(name), lang)) if pseudonyms is not None else names

    title = hide(plan.case_title) or method.name(lang)
    lines = [f"# {title}", ""]
    if pseudonyms is not None:
        lines += [f"_{pseudonyms.header()}_", ""]
    when = document.when
    lines += [
        f"- **{t('review.field.date', lang)}:** {when:%Y-%m-%d %H:%M}",
        f"- **{t('review.field.method', lang)}:** {method.name(lang)}",
        f"- **{t('word.participants', lang)}:** {', '.join(person(name) for name in in_order(plan.participants))}",
        f"- **{t('word.inbrenger', lang)}:** {person(document.inbrenger)}",
    ]
    if plan.facilitator:
        lines.append(f"- **{t('word.facilitator', lang)}:** {person(plan.facilitator)}")
    stats = document.stats
    lines += [
        f"- **{t('review.field.duration', lang)}:** {minutes_label(stats.running_seconds)} "
        f"{t('word.minutes', lang)} ({t('review.field.planned', lang)} {plan.budget_minutes})",
        "",
    ]
    notes = document.notes
    if notes.case_question:
        lines += [f"## {t('notes.case-question', lang)}", "", hide(notes.case_question), ""]

    lines += [f"## {t('word.phases', lang)}", ""]
    lines += [
        f"| {t('review.column.phase', lang)} | {t('review.column.planned', lang)} | "
        f"{t('review.column.actual', lang)} | {t('review.column.overtime', lang)} |",
        "|---|---:|---:|---:|",
    ]
    for phase, record in zip(method.phases, stats.phases):
        actual = minutes_label(record.actual_seconds) if record.visited else "-"
        over = minutes_label(record.overtime_seconds) if record.overtime_seconds else ""
        lines.append(f"| {phase.title(lang)} | {record.allotted_minutes} | {actual} | {over} |")
    lines.append("")

    speaking = {person(name): seconds for name, seconds in stats.speaking_seconds.items()}
    if any(speaking.values()):
        lines += [f"## {t('review.section.speaking', lang)}", "", "```"]
        lines += speaking_bars(speaking, lang)
        lines += ["```", ""]

    phase_titles = {phase.id: phase.title(lang) for phase in method.phases}
    if notes.phases:
        lines += [f"## {t('review.section.phase_notes', lang)}", ""]
        for phase_id, text in notes.phases.items():
            lines += [f"### {phase_titles.get(phase_id, phase_id)}", "", hide(text), ""]
    for heading, entries in (
        (t("notes.advice", lang), notes.advice),
        (t("review.section.evaluation", lang), notes.evaluation),
    ):
        if entries:
            lines += [f"## {heading}", ""]
            for name in in_order(entries):
                lines += [f"**{person(name) or '-'}:** {hide(entries[name])}", ""]
    if notes.action_points:
        items = action_point_items(notes.action_points)
        lines += [f"## {t('notes.action-points', lang)}", "", *(f"- {hide(item)}" for item in items), ""]
    if notes.reflection:
        lines += [f"## {t('review.section.reflection', lang)}", "", hide(notes.reflection), ""]
    # Control characters typed or pasted into a title or a note show as signs, never act on a terminal.
    return visible("\n".join(lines).rstrip()) + "\n"


EXPORT_FORMAT = "intervisie-tui export"
EXPORT_VERSION = 1


def export_record(document: SessionDocument, lang: str) -> dict:
    """What the Markdown export shows, as data: no events, nothing erased, nothing the
    Markdown leaves out (the room's messages, the history of the notes)."""
    plan = document.plan
    method = plan.method
    stats = document.stats
    notes = document.notes
    phases = []
    for phase, phase_stats in zip(method.phases, stats.phases):
        entry = {
            "id": phase.id,
            "title": phase.title(lang),
            "planned_minutes": phase_stats.allotted_minutes,
            "actual_seconds": phase_stats.actual_seconds if phase_stats.visited else None,
            "overtime_seconds": phase_stats.overtime_seconds,
        }
        if notes.phases.get(phase.id):
            entry["notes"] = notes.phases[phase.id]
        phases.append(entry)
    record = {
        "format": EXPORT_FORMAT,
        "export_version": EXPORT_VERSION,
        "id": document.id,
        "date": document.when.isoformat(),
        "case_title": plan.case_title,
        "method": {"id": method.id, "name": method.name(lang)},
        "participants": list(plan.participants),
        "inbrenger": document.inbrenger,
        "facilitator": plan.facilitator,
        "running_seconds": stats.running_seconds,
        "planned_minutes": plan.budget_minutes,
        "case_question": notes.case_question,
        "phases": phases,
        "speaking_seconds": dict(stats.speaking_seconds) if any(stats.speaking_seconds.values()) else {},
        "advice": dict(notes.advice),
        "evaluation": dict(notes.evaluation),
        "action_points": action_point_items(notes.action_points),
        "reflection": notes.reflection,
    }
    return record


def export_json(
    document: SessionDocument, *, anonymize: bool = False, lang: str = "nl", rng: random.Random | None = None
) -> str:
    """What the Markdown shows, as JSON; anonymised, every name replaced as in the Markdown (and a note saying so)."""
    record = export_record(document, lang)
    if anonymize:
        record = anonymise_json(record, Pseudonyms.of_document(document, lang, rng=rng))
    return json.dumps(record, ensure_ascii=False, indent=2) + "\n"


def _letter_order(alias: str, lang: str) -> tuple[int, int, str]:
    roles = [t("word.inbrenger", lang), t("word.facilitator", lang)]
    if alias in roles:
        return (0, roles.index(alias), alias)
    return (1, len(alias), alias)
