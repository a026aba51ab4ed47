"""The opening of a group's meeting on the room screen, when the facilitator asks for it (key o):
the group's agreements and the open action points of its last meeting, large and plain."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from ..language import FollowsLanguage
from ...core.groups import Group
from ...store.groups import action_points_of
from . import relabel_bindings


def opening_text(group: Group, action_points: str, t) -> Text:
    text = Text()
    text.append(t("groups.opening.title", name=group.name) + "\n\n", style="bold")
    if group.agreements:
        text.append(t("groups.agreements") + "\n", style="bold underline")
        text.append(group.agreements.strip() + "\n\n")
    if action_points.strip():
        text.append(t("groups.opening.action_points") + "\n", style="bold underline")
        text.append(action_points.strip() + "\n")
    if not group.agreements and not action_points.strip():
        text.append(t("groups.opening.nothing"))
    return text


class OpeningScreen(FollowsLanguage, Screen):
    DEFAULT_CSS = """
    OpeningScreen { align: center middle; }
    OpeningScreen #opening-box { width: 100; max-width: 100%; height: auto; max-height: 100%; padding: 1 2; border: thick $accent; }
    """
    BINDINGS = [Binding("escape,o", "close", "groups.key.back")]

    def __init__(self, group: Group, action_points: str) -> None:
        super().__init__()
        self.group = group
        self.action_points = action_points

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="opening-box"):
            yield Static(id="opening-text")
        yield Footer()

    def on_mount(self) -> None:
        self.refresh_language()

    def refresh_language(self) -> None:
        self.query_one("#opening-text", Static).update(opening_text(self.group, self.action_points, self.app.t))
        relabel_bindings(self)

    def action_close(self) -> None:
        self.app.pop_screen()


def opening_for(app, plan) -> OpeningScreen | None:
    """The opening of the group this session belongs to, or None (no group, or it is gone)."""
    from ...store.groups import GroupStore

    if plan.group is None:
        return None
    group = next((g for g in GroupStore(app.data_dir, lang=app.lang).list_groups() if g.id == plan.group.group_id), None)
    if group is None:
        return None
    held = group.held()  # this session joins the record only when it is saved
    action_points = action_points_of(held[-1], app.store) if held else ""
    return OpeningScreen(group, action_points)
