"""The groups screen: every group, its members and series; start its next meeting, write its
report or the next meeting's calendar file. Keyboard only; no notes or case content is shown."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ...core.groups import Group
from ...reports.content import method_names
from ...reports.overview import group_overview
from ...store.groups import GroupStore, action_points_of, today
from ..dialogs.export import ExportScreen
from ..keys import bindings_for
from ..language import FollowsLanguage
from ..widgets.key_footer import KeyFooter
from .base import IntervisieScreen


class GroupsScreen(FollowsLanguage, IntervisieScreen):
    DEFAULT_CSS = """
    GroupsScreen #groups-columns { height: 1fr; }
    GroupsScreen #groups-side { width: 36; padding: 0 1; }
    GroupsScreen #groups-title { text-style: bold; color: $accent; }
    GroupsScreen #groups-list { height: 1fr; border: round $primary; }
    GroupsScreen #groups-list:focus { border: round $accent; }
    GroupsScreen #groups-problems { color: $warning; height: auto; }
    GroupsScreen #groups-detail { width: 1fr; border: round $primary; padding: 0 1; }
    """
    KEY_SCOPE = "groups"  # its keys: the registry's (ui/keys.py)
    BINDINGS = bindings_for("groups")
    NEEDS_A_GROUP = frozenset({"start_meeting", "edit_group", "members", "report", "calendar", "evaluate"})

    def __init__(self, today_is=None) -> None:
        super().__init__()
        self.groups: list[Group] = []
        self.today = today_is or today()

    @property
    def store(self) -> GroupStore:
        return GroupStore(self.app.data_dir)

    def compose(self) -> ComposeResult:
        with Horizontal(id="groups-columns"):
            with VerticalScroll(id="groups-side"):
                yield Static(id="groups-title")
                yield OptionList(id="groups-list")
                yield Static(id="groups-problems")
            with VerticalScroll(id="groups-detail"):
                yield Static(id="groups-overview")
        yield KeyFooter(show_command_palette=False)  # ctrl+p is on the help screen; 80 columns need the room

    def on_mount(self) -> None:
        self.refresh_language()
        self.query_one(OptionList).focus()

    def on_screen_resume(self) -> None:
        self.refresh_language()  # back from a meeting: the series has grown

    def refresh_language(self) -> None:
        t = self.app.t
        store = self.store
        self.groups = store.list_groups()
        self.query_one("#groups-title", Static).update(t("groups.screen.title"))
        listing = self.query_one(OptionList)
        highlighted = listing.highlighted
        listing.clear_options()
        for group in self.groups:
            listing.add_option(Option(Text(group.name)))
        if self.groups:
            listing.highlighted = min(highlighted or 0, len(self.groups) - 1)
        problems = "\n".join(
            t("groups.screen.unreadable", name=problem.path.name, reason=problem.reason) for problem in store.problems
        )
        self.query_one("#groups-problems", Static).update(Text(problems))
        self._show()

    def _chosen(self) -> Group | None:
        index = self.query_one(OptionList).highlighted
        return self.groups[index] if index is not None and 0 <= index < len(self.groups) else None

    def _show(self) -> None:
        group = self._chosen()
        overview = self.query_one("#groups-overview", Static)
        if group is None:
            overview.update(self.app.t("groups.screen.none"))
            return
        names = method_names(self.app.library, self.app.lang)
        overview.update(Text(group_overview(group, self.app.lang, self.today, names)))

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        self._show()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_start_meeting()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in self.NEEDS_A_GROUP and self._chosen() is None:
            return None  # shown dimmed: nothing to act on yet
        return True

    # -- actions ------------------------------------------------------------------------------

    def _open_action_points(self, group: Group) -> str:
        held = group.held()
        return action_points_of(held[-1], self.app.store) if held else ""

    def action_start_meeting(self) -> None:
        from .group_setup import CheckInScreen

        group = self._chosen()
        if group is not None and group.active_members:
            self.app.push_screen(CheckInScreen(group, self._open_action_points(group)))
        elif group is not None:
            self.notify(self.app.t("launch.group_empty", name=group.name), severity="warning")

    def _safe_name(self, group: Group) -> str:
        kept = "".join(char if char.isalnum() or char in "-_" else "-" for char in group.name)
        return "-".join(part for part in kept.split("-") if part)[:60] or group.id

    def action_report(self) -> None:
        from ..dialogs.group_report import ReportDialog

        group = self._chosen()
        if group is not None:
            self.app.push_screen(ReportDialog(group, self.today))

    def _write(self, target: Path, data: bytes) -> None:
        from ...store.atomic import atomic_write_bytes

        try:
            atomic_write_bytes(target, data)
        except OSError as error:
            self.notify(self.app.t("cli.output.failed", path=target, reason=error.strerror or error), severity="error")
            return
        self.notify(self.app.t("cli.output.written", path=target))

    def action_calendar(self) -> None:
        from ...reports.calendar import next_meeting_ics

        group = self._chosen()
        if group is None:
            return
        upcoming = group.next_date(self.today)
        if upcoming is None:
            self.notify(self.app.t("groups.cli.no_cadence", name=group.name), severity="warning")
            return
        suggestion = Path.home() / f"{self._safe_name(group)}_{upcoming:%Y-%m-%d}.ics"

        def chosen(target: Path | None) -> None:
            if target is not None:
                self._write(target, next_meeting_ics(group, upcoming, self.app.lang, stamp=datetime.now().astimezone()))

        self.app.push_screen(
            ExportScreen(suggestion, anonymize=False, title=self.app.t("groups.screen.calendar_title")), chosen
        )

    def _select(self, group_id: str) -> None:
        """Show the list afresh, with this group highlighted."""
        self.refresh_language()
        index = next((i for i, group in enumerate(self.groups) if group.id == group_id), None)
        if index is not None:
            self.query_one(OptionList).highlighted = index
            self._show()

    def _after_form(self, group: Group | None) -> None:
        if group is not None:
            self._select(group.id)

    def action_new_group(self) -> None:
        from .group_form import GroupFormScreen

        self.app.push_screen(GroupFormScreen(None, self.today), self._after_form)

    def action_edit_group(self) -> None:
        from .group_form import GroupFormScreen

        group = self._chosen()
        if group is not None:
            self.app.push_screen(GroupFormScreen(group, self.today), self._after_form)

    def action_members(self) -> None:
        from ..dialogs.group_members import GroupMembersScreen, save_group

        group = self._chosen()
        if group is not None:
            screen = GroupMembersScreen(group, self.today, saved=lambda changed: save_group(self.app, changed))
            self.app.push_screen(screen, lambda _changed: self._select(group.id))

    def action_evaluate(self) -> None:
        from .group_evaluation import EvaluationScreen

        group = self._chosen()
        if group is not None:
            self.app.push_screen(EvaluationScreen(group), lambda _saved: self._select(group.id))

    def action_back(self) -> None:
        self.app.pop_screen()
