"""The series report: what the group did over its meetings and how it looks back on them.

For the group itself: the timeline, the roles each member took, the methods used, and the
closing evaluation (goals against results, what helped and hindered, safety, methods). It is
the one report that holds the evaluation; like the others it holds no session notes or cases.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping

from ..core.groups import Attendance, Group
from ..core.hours import hours_label
from ..i18n import t
from .text import table_cell

EVALUATION_FIELDS = ("goals_and_results", "helped", "hindered", "safety", "methods")


def series_markdown(group: Group, lang: str, method_names: Mapping[str, str]) -> str:
    held = group.held()
    out = [f"# {t('series.title', lang)}: {table_cell(group.name)}", ""]
    if group.agreements:
        out += [f"## {t('groups.agreements', lang)}", "", group.agreements.strip(), ""]
    out += [f"## {t('groups.timeline', lang)}", ""]
    if held:
        out += [
            f"| # | {t('report.date', lang)} | {t('report.method', lang)} | {t('word.inbrenger', lang)} | "
            f"{t('word.facilitator', lang)} | {t('report.theme', lang)} | {t('report.net', lang)} | {t('report.presence', lang)} |",
            "|---|---|---|---|---|---|---|---|",
        ]
    else:
        out.append(t("groups.no_meetings", lang))
    for number, meeting in enumerate(held, start=1):
        present = sum(1 for value in meeting.attendance.values() if value is Attendance.PRESENT)
        out.append(
            " | ".join(
                [
                    f"| {number}",
                    f"{meeting.date:%Y-%m-%d}",
                    table_cell(method_names.get(meeting.method_id, meeting.method_id)),
                    table_cell(group.name_of(meeting.inbrenger)),
                    table_cell(group.name_of(meeting.facilitator) or group.facilitator or ""),
                    table_cell(meeting.theme),
                    hours_label(meeting.net_seconds),
                    f"{present}/{len(meeting.attendance)} |",
                ]
            )
        )
    out += [
        "",
        f"## {t('series.roles', lang)}",
        "",
        f"| {t('report.name', lang)} | {t('word.inbrenger', lang)} | {t('word.facilitator', lang)} | {t('series.attended', lang)} |",
        "|---|---|---|---|",
    ]
    for member in group.members:
        attended = sum(1 for meeting in held if meeting.attendance.get(member.id) is Attendance.PRESENT)
        out.append(
            f"| {table_cell(member.name)} | {sum(m.inbrenger == member.id for m in held)} | "
            f"{sum(m.facilitator == member.id for m in held)} | {attended}/{len(held)} |"
        )
    used = Counter(method_names.get(meeting.method_id, meeting.method_id) for meeting in held if meeting.method_id)
    out += ["", f"## {t('series.methods_used', lang)}", ""]
    out += [f"- {table_cell(name)}: {count}×" for name, count in used.most_common()] or [t("series.none", lang)]
    out += ["", f"## {t('series.evaluation', lang)}", ""]
    evaluation = group.evaluation
    for field in EVALUATION_FIELDS:
        out += [f"### {t(f'series.field.{field}', lang)}", ""]
        text = getattr(evaluation, field, "") if evaluation else ""
        out += [text.strip() if text and text.strip() else f"_{t(f'series.prompt.{field}', lang)}_", ""]
    return "\n".join(out).rstrip() + "\n"
