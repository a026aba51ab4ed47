"""A group's report from the screen, with the options of `intervisie groups report`: a member
(or everyone), a period from/to, a register (or the group's), the format (PDF attendance list
to sign, Markdown, CSV for register portals) and the file. Checked by the same rules; a wrong
date or option is named by its field and nothing is written."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Input, Select, Static

from ...core.groups import Group, GroupRuleError, parse_date
from ...core.message import Message
from ...core.paths import config_dir
from ...core.registers import load_registers
from ...reports.content import method_names
from ...reports.render import FORMATS, render_report
from ...store.atomic import atomic_write_bytes
from ..keys import bindings_for
from ..language import FollowsLanguage
from ..screens.base import IntervisieModalScreen
from ..widgets.key_footer import KeyFooter
from .confirm import ConfirmScreen

EVERYONE = "*"
GROUPS_OWN = "*"
FIELD_WIDGETS = {
    "member": "#report-member",
    "since": "#report-since",
    "until": "#report-until",
    "registers": "#report-register",
    "format": "#report-format",
    "target": "#report-target",
}
FIELD_LABELS = {"registers": "register"}


class ReportDialog(FollowsLanguage, IntervisieModalScreen[Path | None]):
    """Dismisses with the file written, or None."""

    KEY_SCOPE = "group-form"  # its keys: the registry's (ui/keys.py)
    DEFAULT_CSS = """
    ReportDialog { align: center middle; }
    ReportDialog > Vertical { width: 96; max-width: 100%; height: auto; max-height: 100%; background: $surface; border: thick $accent; padding: 0 1; }
    ReportDialog #report-title { text-style: bold; color: $accent; }
    ReportDialog .form-row { height: auto; }
    ReportDialog .form-label { width: 14; color: $text-muted; }
    ReportDialog .form-row > Input, ReportDialog .form-row > Select { width: 1fr; }
    ReportDialog #report-problem { color: $error; height: auto; }
    ReportDialog #report-hint { color: $text-muted; }
    """
    BINDINGS = bindings_for("group-form")

    def __init__(self, group: Group, today: date, folder: Path | None = None) -> None:
        super().__init__()
        self.group = group
        self.today = today
        self.folder = folder or Path.home()
        self.book = load_registers(config_dir() / "registers")

    def _suggestion(self, fmt: str) -> Path:
        kept = "".join(char if char.isalnum() or char in "-_" else "-" for char in self.group.name)
        name = "-".join(part for part in kept.split("-") if part)[:60] or self.group.id
        return self.folder / f"{name}_{self.today:%Y-%m-%d}.{fmt}"

    def _row(self, field: str, widget) -> Horizontal:
        return Horizontal(Static(id=f"label-{field}", classes="form-label"), widget, classes="form-row")

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(id="report-title")
            yield self._row(
                "member", Select(self._members(), value=EVERYONE, id="report-member", allow_blank=False, compact=True)
            )
            yield self._row("since", Input(id="report-since", compact=True))
            yield self._row("until", Input(id="report-until", compact=True))
            yield self._row(
                "register",
                Select(self._registers(), value=GROUPS_OWN, id="report-register", allow_blank=False, compact=True),
            )
            yield self._row(
                "format", Select(self._formats(), value="pdf", id="report-format", allow_blank=False, compact=True)
            )
            yield self._row("target", Input(str(self._suggestion("pdf")), id="report-target", compact=True))
            yield Static("", id="report-problem")
            yield Static(id="report-hint")
        yield KeyFooter(show_command_palette=False)

    def _members(self) -> list[tuple[str | Text, str]]:
        t = self.app.t
        people = [
            (
                Text(
                    member.name
                    if member.active
                    else f"{member.name} ({t('groups.left_on', date=f'{member.left:%Y-%m-%d}')})"
                ),
                member.id,
            )
            for member in self.group.members
        ]
        return [(t("groups.report.all_members"), EVERYONE), *people]

    def _registers(self) -> list[tuple[str, str]]:
        t, lang = self.app.t, self.app.lang
        own = (
            t("groups.report.group_registers", ids=", ".join(self.group.registers))
            if self.group.registers
            else t("groups.report.no_registers")
        )
        known = sorted(self.book.registers.values(), key=lambda register: register.label(lang).casefold())
        return [(own, GROUPS_OWN), *((register.label(lang), register.id) for register in known)]

    def _formats(self) -> list[tuple[str, str]]:
        return [(self.app.t(f"groups.report.format.{fmt}"), fmt) for fmt in ("pdf", "md", "csv")]

    def on_mount(self) -> None:
        self.refresh_language()
        self.query_one("#report-member", Select).focus()

    def refresh_language(self) -> None:
        t = self.app.t
        self.query_one("#report-title", Static).update(Text(t("groups.report.title", name=self.group.name)))
        for field in ("member", "since", "until", "register", "format", "target"):
            self.query_one(f"#label-{field}", Static).update(t(f"groups.field.{field}"))
        for selector, options in (
            ("#report-member", self._members()),
            ("#report-register", self._registers()),
            ("#report-format", self._formats()),
        ):
            select = self.query_one(selector, Select)
            value = select.value
            select.set_options(options)
            select.value = value
        self.query_one("#report-since", Input).placeholder = t("groups.report.since_placeholder")
        self.query_one("#report-until", Input).placeholder = t("groups.report.until_placeholder")
        self.query_one("#report-hint", Static).update(t("groups.report.hint"))

    def on_select_changed(self, event: Select.Changed) -> None:
        """Another format: the file's suffix follows, if it is one of ours."""
        if event.select.id != "report-format" or not isinstance(event.value, str):
            return
        target = self.query_one("#report-target", Input)
        path = Path(target.value.strip())
        if path.suffix.lower().lstrip(".") in FORMATS:
            target.value = str(path.with_suffix(f".{event.value}"))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def _refuse(self, field: str, message: str) -> None:
        label = self.app.t(f"groups.field.{FIELD_LABELS.get(field, field)}")
        self.query_one("#report-problem", Static).update(Text(f"{label}: {message}"))
        self.app.bell()
        if field in FIELD_WIDGETS:
            self.query_one(FIELD_WIDGETS[field]).focus()

    def _request(self) -> tuple[Path, bytes]:
        """The file and its contents; GroupRuleError naming the field that is wrong."""
        fmt = str(self.query_one("#report-format", Select).value)
        since = parse_date("since", self.query_one("#report-since", Input).value)
        until = parse_date("until", self.query_one("#report-until", Input).value) or self.today
        text = self.query_one("#report-target", Input).value.strip()
        if not text:
            raise GroupRuleError("target", Message("groups.rule.required"))
        target = Path(text).expanduser()
        suffix = target.suffix.lower().lstrip(".")
        if suffix in FORMATS and suffix != fmt:
            raise GroupRuleError(
                "target", Message("groups.report.suffix_mismatch", {"suffix": target.suffix, "format": fmt})
            )
        member = self.query_one("#report-member", Select).value
        register = self.query_one("#report-register", Select).value
        report = render_report(
            self.group,
            self.book,
            method_names(self.app.library, self.app.lang),
            fmt=fmt,
            until=until,
            since=since,
            member=None if member == EVERYONE else str(member),
            register=None if register == GROUPS_OWN else str(register),
            lang=self.app.lang,
        )
        return target, report if isinstance(report, bytes) else report.encode("utf-8")

    def action_save(self) -> None:
        try:
            target, data = self._request()
        except GroupRuleError as error:
            self._refuse(error.field, error.message.render(self.app.lang))
            return
        t = self.app.t
        if target.is_dir():
            self._refuse("target", t("groups.report.is_folder"))
            return

        def write(confirmed: bool | None = True) -> None:
            if not confirmed:
                return
            try:
                atomic_write_bytes(target, data)
            except OSError as error:
                self._refuse("target", t("cli.output.failed", path=target, reason=error.strerror or error))
                return
            self.notify(t("cli.output.written", path=target))
            self.dismiss(target)

        if target.exists():
            question = t("review.export.replace_question", path=target)
            self.app.push_screen(
                ConfirmScreen(question, t("review.export.replace_yes"), t("review.export.replace_no"), danger=True),
                write,
            )
        else:
            write()

    def action_cancel(self) -> None:
        self.dismiss(None)
