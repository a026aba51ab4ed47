"""One report, asked for the way `intervisie groups report` and the groups screen both ask:
a member (or all), a period, a register (or the group's), a format. The checks are core.groups'
rules, so both refuse alike and name the option or field that is wrong."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from ..core.groups import Group, GroupRuleError, check_period, report_registers
from ..core.message import Message
from ..core.registers import RegisterBook
from .content import build_report
from .text import to_csv, to_markdown

FORMATS = ("md", "csv", "pdf")


def render_report(
    group: Group,
    book: RegisterBook,
    method_names: Mapping[str, str],
    *,
    fmt: str,
    until: date,
    since: date | None = None,
    member: str | None = None,
    register: str | None = None,
    lang: str,
) -> str | bytes:
    """Markdown or CSV as text, a PDF as bytes; GroupRuleError (nothing written) if the request is wrong."""
    if member and group.member(member) is None:
        raise GroupRuleError("member", Message("groups.cli.no_member", {"name": member, "group": group.name}))
    check_period(since, until)
    ids = report_registers(group, register, book.registers)
    registers = [book.registers[register_id] for register_id in ids]
    report = build_report(group, registers, method_names, until=until, since=since, member=member or None)
    if fmt == "pdf":
        from .pdf import to_pdf

        return to_pdf(report, lang)
    return to_csv(report, lang) if fmt == "csv" else to_markdown(report, lang)
