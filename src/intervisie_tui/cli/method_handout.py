"""Methods as text: the participants' Markdown handout and the facilitator's overview, both laid out from the
method's outline (`core.method_outline`)."""

from __future__ import annotations

from ..core.method import Method
from ..core.method_outline import method_outline
from ..i18n import t


def method_handout(method: Method, lang: str) -> str:
    """What participants read before the meeting. Facilitator tips are left out."""
    outline = method_outline(method, lang)
    low, high = outline.group_size
    minutes = t("word.minutes", lang)
    lines = [
        f"# {outline.name}",
        "",
        f"*{outline.summary}*",
        "",
        outline.description,
        "",
        f"{t('word.group_size', lang)}: {low}–{high} · {t('word.total', lang)}: {outline.minutes} {minutes}",
        "",
        f"## {t('handout.roles', lang)}",
        "",
        f"- **{t('word.inbrenger', lang)}** — {t('handout.role.inbrenger', lang)}",
        f"- **{t('word.facilitator', lang)}** — {t('handout.role.facilitator', lang)}",
        f"- **{t('word.participants', lang)}** — {t('handout.role.participants', lang)}",
        "",
        f"## {t('word.phases', lang)}",
        "",
    ]
    for phase in outline.phases:
        lines.append(f"{phase.number}. **{phase.title}** — {phase.minutes} {minutes} · {phase.speakers}")
        lines += [f"   - {question}" for question in phase.questions]
    lines += ["", f"## {t('word.ground_rules', lang)}", ""]
    lines += [f"- {rule}" for rule in outline.ground_rules]
    lines += ["", f"*{t('handout.footer', lang)}*", ""]
    return "\n".join(lines)


def method_overview(method: Method, lang: str) -> str:
    """The full method for the facilitator, tips included, as plain text for a terminal."""
    outline = method_outline(method, lang)
    low, high = outline.group_size
    minutes = t("word.minutes", lang)
    lines = [
        f"{outline.name} ({outline.id})",
        outline.summary,
        "",
        outline.description,
        "",
        f"{t('word.group_size', lang)}: {low}–{high}    {t('word.total', lang)}: {outline.minutes} {minutes}",
        "",
    ]
    for phase in outline.phases:
        extra = []
        if phase.turn_seconds:
            extra.append(t("overview.turn_seconds", lang, seconds=phase.turn_seconds))
        if phase.inbrenger_in_round:
            extra.append(t("overview.inbrenger_in_round", lang))
        suffix = f" ({', '.join(extra)})" if extra else ""
        lines.append(
            f"{phase.number:>2}. {phase.title} — {phase.minutes} {minutes} (min. {phase.min_minutes}) · {phase.speakers}{suffix}"
        )
        lines += [f"      ? {question}" for question in phase.questions]
        if phase.tips:
            lines.append(f"      {t('overview.tip', lang)}: {phase.tips}")
        if phase.notes:
            lines.append(f"      {t('overview.notes', lang)}: {', '.join(phase.notes)}")
    lines += ["", f"{t('word.ground_rules', lang)}:"]
    lines += [f"  - {rule}" for rule in outline.ground_rules]
    return "\n".join(lines)
