"""A group at a glance, as text: members, agreements, the timeline of meetings held and planned.
Shown by `intervisie groups show` and on the groups screen; no notes, no case content."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from ..core.groups import Attendance, Group
from ..core.hours import hours_label
from ..i18n import t


def group_overview(group: Group, lang: str, today: date, method_names: Mapping[str, str]) -> str:
    out = [group.name, "=" * min(len(group.name), 60)]
    kind = t("groups.kind.fixed" if group.fixed else "groups.kind.open", lang)
    cadence = (
        t("groups.every_weeks", lang, weeks=group.every_weeks) if group.every_weeks else t("groups.no_cadence", lang)
    )
    planned = t("groups.planned", lang, held=len(group.meetings), planned=group.planned_meetings or "-")
    out.append(f"{kind}; {cadence}; {planned}")
    facilitator = group.facilitator or t("groups.facilitator_rotates", lang)
    out.append(f"{t('word.facilitator', lang)}: {facilitator}")
    if group.registers:
        registration = f" ({group.registration_number})" if group.registration_number else ""
        out.append(f"{t('groups.registers', lang)}: {', '.join(group.registers)}{registration}")
    out.append("")
    out.append(f"{t('groups.members', lang)}:")
    for member in group.members:
        history = []
        if member.former_names:
            history.append(t("groups.formerly", lang, names=", ".join(member.former_names)))
        if member.left:
            history.append(t("groups.left_on", lang, date=f"{member.left:%Y-%m-%d}"))
        out.append(f"  - {member.name}" + (f" ({'; '.join(history)})" if history else ""))
    if group.agreements:
        out += ["", f"{t('groups.agreements', lang)}:", *[f"  {line}" for line in group.agreements.splitlines()]]
    out += ["", f"{t('groups.timeline', lang)}:"]
    held = group.held()
    if not held:
        out.append(f"  {t('groups.no_meetings', lang)}")
    for number, meeting in enumerate(held, start=1):
        present = sum(1 for value in meeting.attendance.values() if value is Attendance.PRESENT)
        parts = [
            f"{number:>2}. {meeting.date:%Y-%m-%d}",
            method_names.get(meeting.method_id) or meeting.method_id or "-",
            f"{t('word.inbrenger', lang)}: {group.name_of(meeting.inbrenger) or '-'}",
            f"{t('word.facilitator', lang)}: {group.name_of(meeting.facilitator) or group.facilitator or '-'}",
            f"{t('report.net', lang)} {hours_label(meeting.net_seconds)}",
            t("groups.present_of", lang, present=present, total=len(meeting.attendance)),
        ]
        if meeting.theme:
            parts.append(meeting.theme)
        out.append("  " + " · ".join(parts))
    for offset, planned_date in enumerate(group.planned_dates(today), start=len(held) + 1):
        out.append(f"  {offset:>2}. {planned_date:%Y-%m-%d} · {t('groups.planned_meeting', lang)}")
    return "\n".join(out) + "\n"
