"""A group's members from the screen: someone joins, is renamed, leaves, by the rules of core.groups
(the same as `intervisie groups add-member|rename-member|remove-member`). History is kept: a renamed
member keeps their former names, one who leaves stays listed with their meetings."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ...core.groups import Group, GroupRuleError, Member, join_members, member_leaves, member_renamed
from ...store.errors import StoreError
from ...store.groups import GroupStore
from ..keys import bindings_for
from ..language import FollowsLanguage
from ..screens.base import IntervisieModalScreen
from ..widgets.key_footer import KeyFooter
from .confirm import ConfirmScreen
from .name_prompt import NamePrompt


def save_group(app, group: Group) -> str | None:
    """Write a changed group through a store that has just read the folder (so it writes to the
    file the group came from); the problem in words, or None."""
    store = GroupStore(app.data_dir)
    store.list_groups()
    try:
        store.save(group)
    except StoreError as error:
        return error.message.render(app.lang)
    return None


def member_line(member: Member, t) -> Text:
    line = Text(member.name)
    if member.former_names:
        line.append("  (" + t("groups.formerly", names=", ".join(member.former_names)) + ")", style="dim")
    if not member.active:
        line.append(f"  · {t('groups.left_on', date=f'{member.left:%Y-%m-%d}')}", style="italic")
    return line


class GroupMembersScreen(FollowsLanguage, IntervisieModalScreen[bool]):
    """The members of `group`, all of them (those who left too). `saved(group)` writes each change
    (from the groups screen) and returns the problem, or None; without it the changes stay in
    `group` (the form's copy, saved with the form). Dismisses True when something changed."""

    KEY_SCOPE = "group-members"  # its keys: the registry's (ui/keys.py)
    DEFAULT_CSS = """
    GroupMembersScreen { align: center middle; }
    GroupMembersScreen > Vertical { width: 80; max-width: 100%; height: auto; max-height: 100%; background: $surface; border: thick $accent; padding: 0 1; }
    GroupMembersScreen #members-title { text-style: bold; color: $accent; }
    GroupMembersScreen #members-list { height: auto; max-height: 12; border: round $primary; }
    GroupMembersScreen #members-list:focus { border: round $accent; }
    GroupMembersScreen #members-hint { color: $text-muted; }
    """
    BINDINGS = bindings_for("group-members")

    def __init__(self, group: Group, today: date, saved: Callable[[Group], str | None] | None = None) -> None:
        super().__init__()
        self.group = group
        self.today = today
        self.saved = saved
        self.changed = False

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(id="members-title")
            yield OptionList(id="members-list")
            yield Static(id="members-hint")
        yield KeyFooter(show_command_palette=False)

    def on_mount(self) -> None:
        self.refresh_language()
        self.query_one(OptionList).focus()

    def refresh_language(self) -> None:
        t = self.app.t
        self.query_one("#members-title", Static).update(Text(t("groups.members.title", name=self.group.name)))
        self.query_one("#members-hint", Static).update(t("groups.members.hint"))
        self._fill()

    def _fill(self, highlight: str | None = None) -> None:
        listing = self.query_one(OptionList)
        index = listing.highlighted
        listing.clear_options()
        for member in self.group.members:
            listing.add_option(Option(member_line(member, self.app.t), id=member.id))
        if not self.group.members:
            listing.add_option(Option(self.app.t("groups.members.none"), disabled=True))
            return
        if highlight is not None:
            index = next(i for i, member in enumerate(self.group.members) if member.id == highlight)
        listing.highlighted = min(index or 0, len(self.group.members) - 1)

    def _chosen(self) -> Member | None:
        index = self.query_one(OptionList).highlighted
        members = self.group.members
        return members[index] if index is not None and 0 <= index < len(members) else None

    def _change(self, change: Callable[[Group], Member]) -> str | None:
        """Try the change on a copy; keep it only when the rules and (if saving) the disk allow it."""
        trial = self.group.model_copy(deep=True)
        try:
            member = change(trial)
        except GroupRuleError as error:
            return f"{self.app.t('groups.field.member')}: {error.message.render(self.app.lang)}"
        if self.saved is not None:
            problem = self.saved(trial)
            if problem:
                return problem
        self.group.members = trial.members
        self.changed = True
        self._fill(highlight=member.id)
        return None

    def action_add_member(self) -> None:
        check = lambda name: self._change(lambda group: join_members(group, [name], self.today)[0])  # noqa: E731
        self.app.push_screen(NamePrompt(self.app.t("groups.members.add_prompt"), "", check))

    def action_rename_member(self) -> None:
        member = self._chosen()
        if member is None:
            return
        check = lambda name: self._change(lambda group: member_renamed(group, member.id, name))  # noqa: E731
        self.app.push_screen(
            NamePrompt(self.app.t("groups.members.rename_prompt", name=member.name), member.name, check)
        )

    def action_leave_member(self) -> None:
        member = self._chosen()
        if member is None:
            return
        t = self.app.t
        if not member.active:
            self.notify(t("groups.members.already_left", name=member.name), severity="warning")
            return

        def answered(confirmed: bool | None) -> None:
            if confirmed:
                problem = self._change(lambda group: member_leaves(group, member.id, self.today))
                if problem:
                    self.notify(problem, severity="error", timeout=15)

        question = t("groups.members.leave_question", name=member.name, group=self.group.name)
        self.app.push_screen(
            ConfirmScreen(question, t("groups.members.leave_yes"), t("groups.members.leave_no")), answered
        )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("rename_member", "leave_member") and self._chosen() is None:
            return None
        return True

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_rename_member()

    def action_close(self) -> None:
        self.dismiss(self.changed)
