"""Set-up from a group: the check-in first (present, absent with notice, absent), then the set-up
screen filled in: the members present, the suggested inbrenger, facilitator and method, and at
the top the opening: the group's agreements and the last meeting's open action points."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Checkbox, OptionList, Static
from textual.widgets.option_list import Option

from ...core.groups import Attendance, Group
from ...core.meeting import MeetingSetup, prepare_meeting
from ...core.plan import GroupMeeting
from ..keys import bindings_for
from ..language import FollowsLanguage
from ..widgets.key_footer import KeyFooter
from .base import IntervisieScreen
from .setup import SetupScreen

CYCLE = (Attendance.PRESENT, Attendance.EXCUSED, Attendance.ABSENT)
MARKS = {Attendance.PRESENT: "[x]", Attendance.EXCUSED: "[~]", Attendance.ABSENT: "[ ]"}


class CheckInScreen(FollowsLanguage, IntervisieScreen):
    """Who is here today. Each member's word is shown beside a mark: colour is never the signal."""

    DEFAULT_CSS = """
    CheckInScreen { align: center middle; }
    CheckInScreen #checkin-box { width: 80; max-width: 100%; height: auto; max-height: 100%; padding: 0 1; }
    CheckInScreen #checkin-title { text-style: bold; color: $accent; }
    CheckInScreen #checkin-hint { color: $text-muted; margin-bottom: 1; }
    CheckInScreen #checkin-list { height: auto; max-height: 16; border: round $accent; }
    CheckInScreen #checkin-summary { margin-top: 1; }
    """
    KEY_SCOPE = "group-setup"  # its keys: the registry's (ui/keys.py)
    BINDINGS = bindings_for("group-setup")

    def __init__(self, group: Group, open_action_points: str = "") -> None:
        super().__init__()
        self.group = group
        self.open_action_points = open_action_points
        self.attendance = {member.id: Attendance.PRESENT for member in group.active_members}

    def compose(self) -> ComposeResult:
        with Vertical(id="checkin-box"):
            yield Static(id="checkin-title")
            yield Static(id="checkin-hint")
            yield OptionList(id="checkin-list")
            yield Static(id="checkin-summary")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.refresh_language()
        self.query_one(OptionList).focus()

    def refresh_language(self) -> None:
        t = self.app.t
        self.query_one("#checkin-title", Static).update(Text(t("groups.checkin.title", name=self.group.name)))
        self.query_one("#checkin-hint", Static).update(t("groups.checkin.hint"))
        self._fill()

    def _fill(self) -> None:
        t = self.app.t
        listing = self.query_one(OptionList)
        highlighted = listing.highlighted
        listing.clear_options()
        for member in self.group.active_members:
            state = self.attendance[member.id]
            listing.add_option(Option(Text(f"{MARKS[state]} {member.name}  ({t(f'report.attendance.{state.value}')})")))
        if self.group.active_members:
            listing.highlighted = min(highlighted or 0, len(self.group.active_members) - 1)
        present = sum(1 for state in self.attendance.values() if state is Attendance.PRESENT)
        self.query_one("#checkin-summary", Static).update(
            t("groups.checkin.summary", present=present, total=len(self.attendance))
        )

    def _member_id(self) -> str | None:
        index = self.query_one(OptionList).highlighted
        members = self.group.active_members
        return members[index].id if index is not None and 0 <= index < len(members) else None

    def action_cycle(self) -> None:
        member_id = self._member_id()
        if member_id is not None:
            state = self.attendance[member_id]
            self.attendance[member_id] = CYCLE[(CYCLE.index(state) + 1) % len(CYCLE)]
            self._fill()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_cycle()

    def action_mark(self, state: str) -> None:
        member_id = self._member_id()
        if member_id is not None:
            self.attendance[member_id] = Attendance(state)
            self._fill()

    def action_proceed(self) -> None:
        methods = [loaded.method for loaded in self.app.library.sorted()]
        meeting = prepare_meeting(self.group, self.attendance, methods, open_action_points=self.open_action_points)
        self.app.switch_screen(GroupSetupScreen(meeting))

    def action_back(self) -> None:
        self.app.pop_screen()


class GroupSetupScreen(SetupScreen):
    """The set-up screen, filled in from a group's check-in; everything stays editable."""

    DEFAULT_CSS = """
    GroupSetupScreen #group-opening { border: round $accent; padding: 0 1; height: auto; max-height: 12; }
    GroupSetupScreen #share-title { margin-top: 0; }
    """

    def __init__(self, meeting: MeetingSetup) -> None:
        super().__init__(method_id=meeting.method_id)
        self.meeting = meeting

    def initial_names(self) -> list[str]:
        return list(self.meeting.present)

    def initial_facilitator(self) -> str:
        return self.meeting.facilitator or ""

    def group_link(self) -> GroupMeeting | None:
        return self.meeting.link(share_title=self.query_one("#share-title", Checkbox).value)

    def on_mount(self) -> None:
        form = self.query_one("#setup-form")
        form.mount(Static(id="group-opening"), before=0)
        form.mount(Checkbox(id="share-title"), after=self.query_one("#case-title"))
        super().on_mount()
        if self.meeting.inbrenger in self.group.names:
            self.inbrenger = self.meeting.inbrenger
            self._show_group()

    def refresh_language(self) -> None:
        super().refresh_language()
        t = self.app.t
        opening = Text()
        opening.append(t("groups.opening.title", name=self.meeting.group.name), style="bold")
        if self.meeting.excused:
            opening.append("\n" + t("groups.opening.excused", names=", ".join(self.meeting.excused)))
        suggested = (
            [t("groups.opening.suggested_inbrenger", name=self.meeting.inbrenger)] if self.meeting.inbrenger else []
        )
        if self.meeting.facilitator:
            suggested.append(t("groups.opening.suggested_facilitator", name=self.meeting.facilitator))
        if suggested:
            opening.append("\n" + "; ".join(suggested))
        if self.meeting.agreements:
            opening.append("\n" + t("groups.agreements") + ": ", style="bold")
            opening.append(self.meeting.agreements)
        if self.meeting.open_action_points:
            opening.append("\n" + t("groups.opening.action_points") + ": ", style="bold")
            opening.append(self.meeting.open_action_points)
        for widget in self.query("#group-opening").results(Static):
            widget.update(opening)
        for box in self.query("#share-title").results(Checkbox):
            box.label = t("groups.share_title")
