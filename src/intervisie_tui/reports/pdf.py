"""The attendance list as a PDF to print and sign (fpdf2).

Unicode names need a Unicode font: DejaVu Sans where the system has it; otherwise the PDF
core font, with characters it cannot show replaced by '?'. Control characters never reach
the page.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

from ..core.hours import hours_label
from ..i18n import t
from .content import GroupReport
from .text import disclaimer, period_label, roles_label, standing_line, times_label

FONT_CANDIDATES = (
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
    Path("/usr/share/fonts/TTF/DejaVuSans.ttf"),
    Path("/Library/Fonts/DejaVuSans.ttf"),
    Path("C:/Windows/Fonts/DejaVuSans.ttf"),
)


def _printable(text: str) -> str:
    return "".join(" " if unicodedata.category(char).startswith("C") else char for char in text)


def to_pdf(report: GroupReport, lang: str) -> bytes:
    from fpdf import FPDF  # only when a PDF is asked for: it is not light
    from fpdf.fonts import FontFace

    pdf = FPDF(orientation="portrait", format="A4")
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.set_title(_printable(report.group_name))
    font = next((path for path in FONT_CANDIDATES if path.is_file()), None)
    if font is not None:
        pdf.add_font("body", "", str(font))
        family = "body"

        def clean(text: str) -> str:
            return _printable(text)
    else:
        family = "helvetica"

        def clean(text: str) -> str:
            return _printable(text).encode("latin-1", "replace").decode("latin-1")

    width = 180

    def line(text: str, size: int = 10, height: float = 6) -> None:
        pdf.set_font(family, size=size)
        pdf.multi_cell(width, height, clean(text), new_x="LMARGIN", new_y="NEXT")

    for sheet in report.sheets or [None]:
        pdf.add_page()
        line(f"{t('report.title', lang)}: {report.group_name}", 15, 8)
        if report.registration_number:
            line(f"{t('report.registration_number', lang)}: {report.registration_number}")
        if sheet is None:
            line(period_label(report, lang))
            line(t("report.no_meetings", lang))
            break
        line(
            f"{sheet.on:%Y-%m-%d}   {times_label(sheet)}   {t('report.net', lang)} {hours_label(sheet.seconds)}", 12, 8
        )
        for label, value in (
            (t("report.method", lang), sheet.method),
            (t("word.facilitator", lang), sheet.facilitator),
            (t("report.theme", lang), sheet.theme),
        ):
            if value:
                line(f"{label}: {value}")
        pdf.ln(2)
        pdf.set_font(family, size=10)
        with pdf.table(
            col_widths=(60, 35, 20, 65),
            line_height=9,
            first_row_as_headings=True,
            headings_style=FontFace(emphasis="", fill_color=(230, 230, 230)),
        ) as table:
            heading = table.row()
            for title in ("report.name", "report.presence", "report.net", "report.signature"):
                heading.cell(clean(t(title, lang)))
            for entry in sheet.lines:
                row = table.row()
                row.cell(clean(entry.name + (f" ({roles_label(entry, lang)})" if entry.roles else "")))
                row.cell(clean(t(f"report.attendance.{entry.attendance.value}", lang)))
                row.cell(hours_label(entry.seconds))
                row.cell("")
        pdf.ln(4)
        for text in disclaimer(report, lang):
            line(text, 8, 4)
    if report.proofs and report.sheets:
        pdf.add_page()
        line(t("report.proof", lang), 14, 8)
        line(period_label(report, lang))
        for proof in report.proofs:
            pdf.ln(2)
            line(proof.name, 12, 7)
            for sheet, entry in proof.lines:
                roles = roles_label(entry, lang)
                line(
                    f"{sheet.on:%Y-%m-%d}  {times_label(sheet)}  {hours_label(entry.seconds)}"
                    + (f"  {roles}" if roles else "")
                )
            line(t("report.total", lang, count=len(proof.lines), hours=hours_label(proof.seconds)))
            for item in proof.standings:
                line(standing_line(item, lang))
                for problem in item.shortfalls:
                    line("! " + problem.render(lang))
        pdf.ln(4)
        for text in disclaimer(report, lang):
            line(text, 8, 4)
    return bytes(pdf.output())
