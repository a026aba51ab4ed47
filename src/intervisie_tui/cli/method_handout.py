"""Methods as text: the participants' Markdown handout and the facilitator's overview."""

from __future__ import annotations

from ..core.method import Method, Phase, ground_rules
from ..i18n import t


def _phase_line(number: int, phase: Phase, lang: str) -> str:
    pattern = t(f"speakers.{phase.speakers.value}", lang)
    return f"{number}. **{phase.title(lang)}** — {phase.minutes} {t('word.minutes', lang)} · {pattern}"


def method_handout(method: Method, lang: str) -> str:
    """What participants read before the meeting. Facilitator tips are left out."""
    low, high = method.group_size
    lines = [
        f"# {method.name(lang)}",
        "",
        f"*{method.summary(lang)}*",
        "",
        method.description(lang).strip(),
        "",
        f"{t('word.group_size', lang)}: {low}–{high} · {t('word.total', lang)}: {method.minutes} {t('word.minutes', lang)}",
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
    for number, phase in enumerate(method.phases, start=1):
        lines.append(_phase_line(number, phase, lang))
        for question in phase.questions(lang) if phase.questions else []:
            lines.append(f"   - {question}")
    lines += ["", f"## {t('word.ground_rules', lang)}", ""]
    lines += [f"- {rule}" for rule in ground_rules(method)(lang)]
    lines += ["", f"*{t('handout.footer', lang)}*", ""]
    return "\n".join(lines)


def method_overview(method: Method, lang: str) -> str:
    """The full method for the facilitator, tips included, as plain text for a terminal."""
    low, high = method.group_size
    lines = [
        f"{method.name(lang)} ({method.id})",
        method.summary(lang),
        "",
        method.description(lang).strip(),
        "",
        f"{t('word.group_size', lang)}: {low}–{high}    {t('word.total', lang)}: {method.minutes} {t('word.minutes', lang)}",
        "",
    ]
    for number, phase in enumerate(method.phases, start=1):
        pattern = t(f"speakers.{phase.speakers.value}", lang)
        extra = []
        if phase.turn_seconds:
            extra.append(t("overview.turn_seconds", lang, seconds=phase.turn_seconds))
        if phase.inbrenger_in_round:
            extra.append(t("overview.inbrenger_in_round", lang))
        suffix = f" ({', '.join(extra)})" if extra else ""
        lines.append(
            f"{number:>2}. {phase.title(lang)} — {phase.minutes} {t('word.minutes', lang)} "
            f"(min. {phase.min_minutes}) · {pattern}{suffix}"
        )
        for question in phase.questions(lang) if phase.questions else []:
            lines.append(f"      ? {question}")
        if phase.tips:
            lines.append(f"      {t('overview.tip', lang)}: {phase.tips(lang)}")
        if phase.notes:
            kinds = ", ".join(t(f"notes.{kind.value}", lang) for kind in phase.notes)
            lines.append(f"      {t('overview.notes', lang)}: {kinds}")
    lines += ["", f"{t('word.ground_rules', lang)}:"]
    lines += [f"  - {rule}" for rule in ground_rules(method)(lang)]
    return "\n".join(lines)
