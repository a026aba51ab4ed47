"""A new group, or a group's settings changed, in one form: name, members, fixed or open,
facilitation, cadence, planned meetings, registers, registration number, agreements and
whether they are shown at the opening. The rules are core.groups' (as on the command line);
a refused value is named by its field and focused. Escape with changes asks first."""

from __future__ import annotations

import json
from datetime import date

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widget import Widget
from textual.widgets import Button, Input, OptionList, Select, Static, TextArea
from textual.widgets.option_list import Option

from ...core.groups import Group, GroupRuleError, apply_settings, join_members, parse_whole, split_names
from ...core.message import Message
from ...core.paths import config_dir
from ...core.registers import load_registers
from ...store.errors import StoreError
from ...store.groups import GroupStore
from ..dialogs.confirm import ConfirmScreen
from ..dialogs.group_members import GroupMembersScreen
from ..keys import bindings_for
from ..language import FollowsLanguage
from ..widgets.key_footer import KeyFooter
from .base import IntervisieScreen

# The widget that holds each setting, so a refused one can be focused.
FIELD_WIDGETS = {
    "name": "#form-name",
    "members": "#form-members",
    "fixed": "#form-kind",
    "facilitator": "#form-facilitator",
    "facilitation": "#form-facilitation",
    "every_weeks": "#form-every-weeks",
    "planned_meetings": "#form-planned",
    "registers": "#form-registers",
    "registration_number": "#form-registration",
    "agreements": "#form-agreements",
    "show_agreements": "#form-show-agreements",
}


class ToggleList(OptionList):
    """Items ticked on and off with space or Enter, each marked [x] or [ ] in text (never by colour alone)."""

    BINDINGS = bindings_for("toggle-list")

    def __init__(self, *, id: str) -> None:
        super().__init__(id=id, compact=True)
        self.items: list[tuple[str, str]] = []  # (value, label)
        self.ticked: set[str] = set()

    def show(self, items: list[tuple[str, str]], ticked: set[str]) -> None:
        self.items, self.ticked = items, set(ticked)
        self._draw()

    def _draw(self) -> None:
        highlighted = self.highlighted
        self.clear_options()
        for value, label in self.items:
            self.add_option(Option(Text(f"{'[x]' if value in self.ticked else '[ ]'} {label}"), id=value))
        if self.items:
            self.highlighted = min(highlighted or 0, len(self.items) - 1)

    @property
    def selected(self) -> list[str]:
        return [value for value, _ in self.items if value in self.ticked]

    def action_tick(self) -> None:  # not "toggle": DOMNode.action_toggle flips an attribute
        if self.highlighted is None or not self.items:
            return
        value = self.items[self.highlighted][0]
        self.ticked.symmetric_difference_update({value})
        self._draw()

    def _on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_tick()


class GroupFormScreen(FollowsLanguage, IntervisieScreen[Group | None]):
    """Dismisses with the saved group, or None when cancelled. `group` None: a new one."""

    KEY_SCOPE = "group-form"  # its keys: the registry's (ui/keys.py)
    DEFAULT_CSS = """
    GroupFormScreen #form-title { text-style: bold; color: $accent; padding: 0 1; }
    GroupFormScreen #form-body { height: 1fr; padding: 0 1; }
    GroupFormScreen .form-row { height: auto; }
    GroupFormScreen .form-label { width: 24; color: $text-muted; }
    GroupFormScreen .form-row > Input, GroupFormScreen .form-row > Button { width: 1fr; }
    GroupFormScreen .form-row > Button { content-align: left middle; text-align: left; }
    GroupFormScreen #form-kind { width: 1fr; }
    GroupFormScreen #form-facilitation { width: 30; }
    GroupFormScreen #form-facilitator { width: 1fr; }
    GroupFormScreen #form-registers { width: 1fr; height: auto; max-height: 6; }
    GroupFormScreen #form-agreements { width: 1fr; height: 4; background: $boost; }
    GroupFormScreen #form-agreements:focus { background: $surface-lighten-1; }
    GroupFormScreen #form-show-agreements { width: 1fr; }
    GroupFormScreen #form-registers:focus { background: $boost; }
    GroupFormScreen #form-problem { color: $error; height: auto; padding: 0 1; }
    GroupFormScreen #form-hint { color: $text-muted; padding: 0 1; }
    """
    BINDINGS = bindings_for("group-form")

    def __init__(self, group: Group | None, today: date) -> None:
        super().__init__()
        self.original = group
        self.working = group.model_copy(deep=True) if group is not None else Group(name="-")
        self.today = today
        self._started: str | None = None  # the form's values when it opened, to see a change

    # -- building -----------------------------------------------------------------------------

    def _row(self, field: str, *widgets: Widget) -> Horizontal:
        return Horizontal(Static(id=f"label-{field}", classes="form-label"), *widgets, classes="form-row")

    def compose(self) -> ComposeResult:
        group = self.working
        new = self.original is None
        yield Static(id="form-title")
        with VerticalScroll(id="form-body"):
            yield self._row("name", Input("" if new else group.name, id="form-name", compact=True))
            if new:
                yield self._row("members", Input(id="form-members", compact=True))
            else:
                yield self._row("members", Button("", id="form-members", compact=True))
            kind = "fixed" if group.fixed else "open"
            yield self._row("fixed", Select(self._kinds(), value=kind, id="form-kind", allow_blank=False, compact=True))
            facilitation = "standing" if group.facilitator else "rotates"
            yield self._row(
                "facilitation",
                Select(
                    self._facilitations(), value=facilitation, id="form-facilitation", allow_blank=False, compact=True
                ),
                Input(group.facilitator or "", id="form-facilitator", compact=True),
            )
            yield self._row("every_weeks", Input(str(group.every_weeks or ""), id="form-every-weeks", compact=True))
            yield self._row(
                "planned_meetings", Input(str(group.planned_meetings or ""), id="form-planned", compact=True)
            )
            yield self._row("registers", ToggleList(id="form-registers"))
            yield self._row(
                "registration_number", Input(group.registration_number, id="form-registration", compact=True)
            )
            yield self._row(
                "agreements", TextArea(group.agreements, id="form-agreements", compact=True, soft_wrap=True)
            )
            yield self._row(
                "show_agreements",
                Select(
                    self._shows(),
                    value="yes" if group.show_agreements else "no",
                    id="form-show-agreements",
                    allow_blank=False,
                    compact=True,
                ),
            )
        yield Static("", id="form-problem")
        yield Static(id="form-hint")
        yield KeyFooter(show_command_palette=False)  # ctrl+p is on the help screen; 80 columns need the room

    def on_mount(self) -> None:
        self.book = load_registers(config_dir() / "registers")
        self.refresh_language()
        self._started = self._values()
        self.query_one("#form-name", Input).focus()

    def refresh_language(self) -> None:
        t = self.app.t
        title = (
            t("groups.form.new_title")
            if self.original is None
            else t("groups.form.edit_title", name=self.original.name)
        )
        self.query_one("#form-title", Static).update(Text(title))
        for field in (
            "name",
            "members",
            "fixed",
            "facilitation",
            "every_weeks",
            "planned_meetings",
            "registers",
            "registration_number",
            "agreements",
            "show_agreements",
        ):
            self.query_one(f"#label-{field}", Static).update(t(f"groups.field.{field}"))
        self._relabel_select("#form-kind", self._kinds())
        self._relabel_select("#form-facilitation", self._facilitations())
        self.query_one("#form-facilitator", Input).placeholder = t("groups.form.facilitator_placeholder")
        self.query_one("#form-every-weeks", Input).placeholder = t("groups.form.every_weeks_placeholder")
        self.query_one("#form-planned", Input).placeholder = t("groups.form.planned_placeholder")
        self._relabel_select("#form-show-agreements", self._shows())
        if self.original is None:
            self.query_one("#form-members", Input).placeholder = t("groups.form.members_placeholder")
        self._show_members()
        self._fill_registers()
        self._show_facilitation()
        self.query_one("#form-hint", Static).update(t("groups.form.hint"))

    def _kinds(self) -> list[tuple[str, str]]:
        return [(self.app.t("groups.form.fixed"), "fixed"), (self.app.t("groups.form.open"), "open")]

    def _facilitations(self) -> list[tuple[str, str]]:
        return [(self.app.t("groups.form.rotates"), "rotates"), (self.app.t("groups.form.standing"), "standing")]

    def _shows(self) -> list[tuple[str, str]]:
        return [(self.app.t("groups.form.show_yes"), "yes"), (self.app.t("groups.form.show_no"), "no")]

    def _relabel_select(self, selector: str, options: list[tuple[str, str]]) -> None:
        select = self.query_one(selector, Select)
        value = select.value
        select.set_options(options)
        if value in {option for _, option in options}:
            select.value = value

    def _show_members(self) -> None:
        if self.original is not None:
            label = self.app.t("groups.form.members_button", count=len(self.working.active_members))
            self.query_one("#form-members", Button).label = label

    def _fill_registers(self) -> None:
        listing = self.query_one("#form-registers", ToggleList)
        chosen = set(listing.selected) if self._started is not None else set(self.working.registers)
        lang = self.app.lang
        items = [
            (register.id, register.label(lang))
            for register in sorted(self.book.registers.values(), key=lambda r: r.label(lang).casefold())
        ]
        # A register the group counts for whose profile is gone stays listed (and may be unticked).
        items += [
            (register_id, self.app.t("groups.form.unknown_register", id=register_id))
            for register_id in self.working.registers
            if register_id not in self.book.registers
        ]
        listing.show(items, chosen)

    def _show_facilitation(self) -> None:
        standing = self.query_one("#form-facilitation", Select).value == "standing"
        self.query_one("#form-facilitator", Input).disabled = not standing

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id == "form-facilitation":
            self._show_facilitation()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.focus_next()  # Enter goes on to the next field, as Tab does

    # -- values -------------------------------------------------------------------------------

    def _values(self) -> str:
        """Everything the form holds now, to tell whether anything changed."""
        values = {
            "inputs": [widget.value for widget in self.query(Input)],
            "selects": [widget.value for widget in self.query(Select)],
            "registers": sorted(self.query_one("#form-registers", ToggleList).selected),
            "agreements": self.query_one("#form-agreements", TextArea).text,
            "members": json.loads(self.working.model_dump_json())["members"],
        }
        return json.dumps(values, default=str)

    @property
    def changed(self) -> bool:
        return self._started is not None and self._values() != self._started

    def _changes(self) -> dict[str, object]:
        """The form's settings; GroupRuleError for one that cannot be read."""
        standing = self.query_one("#form-facilitation", Select).value == "standing"
        facilitator = self.query_one("#form-facilitator", Input).value
        if standing and not facilitator.strip():
            raise GroupRuleError("facilitator", Message("groups.rule.standing_needs_name"))
        return {
            "name": self.query_one("#form-name", Input).value,
            "fixed": self.query_one("#form-kind", Select).value == "fixed",
            "facilitator": facilitator if standing else None,
            "every_weeks": parse_whole("every_weeks", self.query_one("#form-every-weeks", Input).value),
            "planned_meetings": parse_whole("planned_meetings", self.query_one("#form-planned", Input).value),
            "registers": self.query_one("#form-registers", ToggleList).selected,
            "registration_number": self.query_one("#form-registration", Input).value,
            "agreements": self.query_one("#form-agreements", TextArea).text,
            "show_agreements": self.query_one("#form-show-agreements", Select).value == "yes",
        }

    def _refuse(self, field: str, message: str) -> None:
        label = self.app.t(f"groups.field.{field}")
        self.query_one("#form-problem", Static).update(Text(f"{label}: {message}"))
        self.app.bell()
        selector = FIELD_WIDGETS.get(field)
        if selector:
            widget = self.query_one(selector)
            if widget.disabled:
                widget = self.query_one("#form-facilitation")
            widget.focus()

    # -- actions ------------------------------------------------------------------------------

    def action_save(self) -> None:
        store = GroupStore(self.app.data_dir)
        others = [group.name for group in store.list_groups() if self.original is None or group.id != self.original.id]
        group = self.working.model_copy(deep=True)
        known = set(self.book.registers) | set(self.working.registers)
        try:
            apply_settings(group, self._changes(), known_registers=known, taken_names=others)
            if self.original is None:
                join_members(group, split_names(self.query_one("#form-members", Input).value), self.today)
        except GroupRuleError as error:
            self._refuse(error.field, error.message.render(self.app.lang))
            return
        try:
            store.create(group) if self.original is None else store.save(group)
        except StoreError as error:
            self.query_one("#form-problem", Static).update(Text(error.message.render(self.app.lang)))
            return
        key = "groups.form.created" if self.original is None else "groups.cli.saved"
        self.notify(self.app.t(key, name=group.name))
        self.dismiss(group)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id != "form-members":
            return
        event.stop()

        def back(changed: bool | None) -> None:
            self._show_members()

        self.app.push_screen(GroupMembersScreen(self.working, self.today), back)

    def action_cancel(self) -> None:
        if not self.changed:
            self.dismiss(None)
            return
        t = self.app.t

        def answered(discard: bool | None) -> None:
            if discard:
                self.dismiss(None)

        question = ConfirmScreen(
            t("groups.form.discard_question"), t("groups.form.discard_yes"), t("groups.form.discard_no"), danger=True
        )
        self.app.push_screen(question, answered)
