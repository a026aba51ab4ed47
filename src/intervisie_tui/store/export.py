"""Session documents as Markdown (optionally anonymised) or JSON, and the text bar chart
of speaking time that the review screen shows too."""

from __future__ import annotations

import re
from string import ascii_uppercase

from ..i18n import t
from .document import SessionDocument
from .folding import fold, fold_with_origins
from .summary import minutes_label  # noqa: F401 - where the screens import it from

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
        lines.append(f"{name.ljust(name_width)}  {BAR_FULL * length}{' ' if length else ''}{minutes_label(seconds)} {unit}")
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


def pseudonyms(document: SessionDocument, lang: str) -> dict[str, str]:
    """Names → roles or letters: the inbrenger and facilitator by role, the others A, B, C…"""
    plan = document.plan
    names: dict[str, str] = {}
    inbrenger = document.inbrenger or plan.inbrenger
    if inbrenger:
        names[inbrenger] = t("word.inbrenger", lang)
    if plan.facilitator:
        names.setdefault(plan.facilitator, t("word.facilitator", lang))
    letters = iter(ascii_uppercase)
    for name in plan.participants:
        if name not in names:
            names[name] = t("review.participant_letter", lang, letter=next(letters, "?"))
    return names


# Words of a name that are not the name ("Anna de Vries" is not hidden by hiding every "de").
NAME_PARTICLES = frozenset(
    "van de der den het ter ten te in op t aan bij von vom zu la le da di du del della des dos el al bin ibn y".split()
)
POSSESSIVE = r"('s|’s|s)?"  # "Anna's", "Anna’s", "Annas"


def name_aliases(names: dict[str, str], ambiguous: str) -> dict[str, str]:
    """Folded name, or word of a name (first name, surname; 2+ letters, no particles), → alias.
    A word two people share becomes `ambiguous` rather than the wrong person's alias."""
    aliases = {fold(name): alias for name, alias in names.items() if fold(name).strip()}
    words: dict[str, set[str]] = {}
    for name, alias in names.items():
        for word in re.findall(r"\w+", fold(name)):
            if len(word) >= 2 and word not in NAME_PARTICLES and word not in aliases:
                words.setdefault(word, set()).add(alias)
    for word, owners in words.items():
        aliases[word] = next(iter(owners)) if len(owners) == 1 else ambiguous
    return aliases


def _replacer(names: dict[str, str], ambiguous: str = "?"):
    """Replace every name, any of its words, and their possessives: whole words, ignoring case and accents."""
    aliases = name_aliases(names, ambiguous)
    if not aliases:
        return lambda text: text
    pattern = re.compile(
        r"(?<!\w)(" + "|".join(re.escape(key) for key in sorted(aliases, key=len, reverse=True)) + r")" + POSSESSIVE + r"(?!\w)"
    )

    def hide(text: str) -> str:
        folded, origins = fold_with_origins(text)
        pieces: list[str] = []
        done = 0
        for match in pattern.finditer(folded):
            start, end = origins[match.start()], origins[match.end() - 1] + 1
            suffix = match.group(2)
            pieces += [text[done:start], aliases[match.group(1)]]
            if suffix:
                pieces.append("’s" if "’" in suffix else "'s")
            done = end
        pieces.append(text[done:])
        return "".join(pieces)

    return hide


def export_markdown(document: SessionDocument, lang: str, *, anonymize: bool = False) -> str:
    plan = document.plan
    method = plan.method
    aliases = pseudonyms(document, lang) if anonymize else {}
    hide = _replacer(aliases, t("review.export.ambiguous_name", lang))

    def person(name: str | None) -> str:
        return aliases.get(name, name) if name else "-"

    title = hide(plan.case_title) or method.name(lang)
    lines = [f"# {title}", ""]
    if anonymize:
        lines += [f"_{t('review.export.anonymized', lang)}_", ""]
    when = document.when
    lines += [
        f"- **{t('review.field.date', lang)}:** {when:%Y-%m-%d %H:%M}",
        f"- **{t('review.field.method', lang)}:** {method.name(lang)}",
        f"- **{t('word.participants', lang)}:** {', '.join(person(name) for name in plan.participants)}",
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
            for name, text in entries.items():
                lines += [f"**{person(name) or '-'}:** {hide(text)}", ""]
    if notes.action_points:
        items = action_point_items(notes.action_points)
        lines += [f"## {t('notes.action-points', lang)}", "", *(f"- {hide(item)}" for item in items), ""]
    if notes.reflection:
        lines += [f"## {t('review.section.reflection', lang)}", "", hide(notes.reflection), ""]
    return "\n".join(lines).rstrip() + "\n"


def export_json(document: SessionDocument) -> str:
    return document.model_dump_json(indent=2) + "\n"
