"""Reports as Markdown (to read, print or sign) and CSV (for register portals)."""

from __future__ import annotations

import csv
import io

from ..core.hours import hours_label
from ..i18n import t
from .content import AttendanceLine, GroupReport, MeetingSheet


def period_label(report: GroupReport, lang: str) -> str:
    since = f"{report.since:%Y-%m-%d}" if report.since else t("report.period.start", lang)
    return t("report.period", lang, since=since, until=f"{report.until:%Y-%m-%d}")


def roles_label(line: AttendanceLine, lang: str) -> str:
    return ", ".join(t(f"report.role.{role}", lang) for role in line.roles)


def times_label(sheet: MeetingSheet) -> str:
    return f"{sheet.start}–{sheet.end}" if sheet.start else "–"


def table_cell(text: str) -> str:
    """A Markdown table cell shows its text literally: no pipes, no line breaks."""
    return " ".join(text.replace("|", "\\|").split())


def disclaimer(report: GroupReport, lang: str) -> list[str]:
    lines = [t("report.disclaimer", lang)]
    for register in report.registers:
        lines.append(
            t(
                "report.register_source",
                lang,
                register=register.label(lang),
                source=register.source,
                checked=f"{register.checked:%Y-%m-%d}",
            )
        )
    return lines


def to_markdown(report: GroupReport, lang: str) -> str:
    out = [f"# {t('report.title', lang)}: {table_cell(report.group_name)}", ""]
    if report.registration_number:
        out.append(f"{t('report.registration_number', lang)}: {table_cell(report.registration_number)}  ")
    out += [period_label(report, lang), ""]
    out += [f"> {line}" for line in disclaimer(report, lang)] + [""]
    out += [f"## {t('report.attendance', lang)}", ""]
    if not report.sheets:
        out += [t("report.no_meetings", lang), ""]
    for sheet in report.sheets:
        out += [
            f"### {sheet.on:%Y-%m-%d}, {times_label(sheet)}, {t('report.net', lang)} {hours_label(sheet.seconds)}",
            "",
        ]
        facts = [
            (t("report.method", lang), sheet.method),
            (t("word.facilitator", lang), sheet.facilitator),
            (t("word.inbrenger", lang), sheet.inbrenger),
            (t("report.theme", lang), sheet.theme),
        ]
        out += [f"- {label}: {table_cell(value)}" for label, value in facts if value] + [""]
        out += [
            f"| {t('report.name', lang)} | {t('report.presence', lang)} | {t('report.net', lang)} | "
            f"{t('report.signature', lang)} |",
            "|---|---|---|---|",
        ]
        for line in sheet.lines:
            out.append(
                f"| {table_cell(line.name)} | {t(f'report.attendance.{line.attendance.value}', lang)} | "
                f"{hours_label(line.seconds)} |  |"
            )
        out.append("")
    out += [f"## {t('report.proof', lang)}", ""]
    for proof in report.proofs:
        out += [f"### {table_cell(proof.name)}", ""]
        if proof.lines:
            out += [
                f"| {t('report.date', lang)} | {t('report.times', lang)} | {t('report.net', lang)} | {t('report.roles', lang)} |",
                "|---|---|---|---|",
            ]
            for sheet, line in proof.lines:
                out.append(
                    f"| {sheet.on:%Y-%m-%d} | {times_label(sheet)} | {hours_label(line.seconds)} | {roles_label(line, lang)} |"
                )
            out.append("")
        out += [t("report.total", lang, count=len(proof.lines), hours=hours_label(proof.seconds)), ""]
        for item in proof.standings:
            out.append(f"- {standing_line(item, lang)}")
            out += [f"  - ⚠ {problem.render(lang)}" for problem in item.shortfalls]
        if proof.standings:
            out.append("")
    return "\n".join(out).rstrip() + "\n"


def standing_line(item, lang: str) -> str:
    register = item.register
    text = t("report.standing", lang, register=register.label(lang), hours=f"{item.hours:.1f}", meetings=item.meetings)
    if item.since is not None:
        text += " " + t("report.standing.since", lang, since=f"{item.since:%Y-%m-%d}")
    if item.points is not None:
        text += " " + t("report.standing.points", lang, points=f"{item.points:.1f}")
    return text


CSV_COLUMNS = (
    "group",
    "registration_number",
    "date",
    "start",
    "end",
    "method",
    "facilitator",
    "name",
    "attendance",
    "net_hours",
    "net",
    "roles",
)


def _safe(value: str) -> str:
    """A spreadsheet must not run a name as a formula (=, +, -, @ first): quote it as text."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def to_csv(report: GroupReport, lang: str) -> str:
    """One row per member per meeting; the header in the report's language, then the values."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([t(f"report.csv.{column}", lang) for column in CSV_COLUMNS])
    for sheet in report.sheets:
        for line in sheet.lines:
            writer.writerow(
                [
                    _safe(value)
                    for value in [
                        report.group_name,
                        report.registration_number,
                        f"{sheet.on:%Y-%m-%d}",
                        sheet.start,
                        sheet.end,
                        sheet.method,
                        sheet.facilitator,
                        line.name,
                        t(f"report.attendance.{line.attendance.value}", lang),
                        f"{line.seconds / 3600:.2f}",
                        hours_label(line.seconds),
                        roles_label(line, lang),
                    ]
                ]
            )
    return buffer.getvalue()
