"""During a session: who came in late and who left early, each recorded as an event at the
moment it is marked, so the hours per member are exact (see core.hours)."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import OptionList

from ...core.engine import SessionRunner
from ...core.events import EventKind
from ..keys import bindings_for
from ..language import FollowsLanguage
from ..plain import plain
from .choose_from_list import ChooseFromList


def attendance_line(runner: SessionRunner, name: str, t) -> str:
    """'Anna: in the room', 'Bram: left at 20:30', 'Cem: arrived at 19:40'."""
    last = None
    for event in runner.events:
        if event.kind in (EventKind.ARRIVE, EventKind.LEAVE) and event.name == name:
            last = event
    if last is None:
        return t("attendance.in_room", name=name)
    key = "attendance.arrived" if last.kind is EventKind.ARRIVE else "attendance.left"
    return t(key, name=name, time=f"{last.at.astimezone():%H:%M}")


class AttendanceScreen(FollowsLanguage, ChooseFromList[None]):
    DEFAULT_CSS = """
    AttendanceScreen { align: center middle; }
    AttendanceScreen > Vertical { width: 70; max-width: 95%; height: auto; border: thick $accent; background: $surface; padding: 1 2; }
    AttendanceScreen #attendance-title { text-style: bold; }
    AttendanceScreen #attendance-hint { color: $text-muted; margin-top: 1; }
    AttendanceScreen OptionList { height: auto; max-height: 14; }
    """
    ID_PREFIX = "attendance"
    KEY_SCOPE = "attendance"  # its keys: the registry's (ui/keys.py)
    BINDINGS = bindings_for("attendance")

    def __init__(self, runner: SessionRunner) -> None:
        super().__init__()
        self.runner = runner

    def title_text(self) -> str:
        return self.app.t("attendance.title")

    def hint_text(self) -> str:
        return self.app.t("attendance.hint")

    def lines(self) -> list[Content]:
        return [plain(attendance_line(self.runner, name, self.app.t)) for name in self.runner.plan.participants]

    def _chosen_name(self) -> str | None:
        index = self.query_one(OptionList).highlighted
        names = self.runner.plan.participants
        return names[index] if index is not None and 0 <= index < len(names) else None

    def action_arrive(self) -> None:
        name = self._chosen_name()
        if name is not None and self.runner.arrive(name):
            self.refill()

    def action_leave(self) -> None:
        name = self._chosen_name()
        if name is not None and self.runner.leave(name):
            self.refill()

    def action_close(self) -> None:
        self.dismiss(None)
