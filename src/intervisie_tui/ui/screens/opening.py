"""The opening of a group's meeting on the room screen: the group's agreements and the open action
points of its last meeting, large and plain. Shown over the first phase when a meeting of a group
that wants its agreements at the opening starts (`opening_at_start`), and whenever the facilitator
asks for it (key o). Both are meant for the whole group: nothing private is on it (no notes of this
session, no tips, no case text, no speaking times), so it may show on a mirrored screen."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from ...core.groups import Group
from ...store.groups import action_points_of
from ..keys import bindings_for
from ..language import FollowsLanguage
from ..widgets.key_footer import KeyFooter
from .base import IntervisieScreen


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


class OpeningScreen(FollowsLanguage, IntervisieScreen):
    DEFAULT_CSS = """
    OpeningScreen { align: center middle; }
    OpeningScreen #opening-box { width: 100; max-width: 100%; height: auto; max-height: 100%; padding: 1 2; border: thick $accent; }
    """
    KEY_SCOPE = "opening"  # its keys: the registry's (ui/keys.py)
    BINDINGS = bindings_for("opening")

    def __init__(self, group: Group, action_points: str) -> None:
        super().__init__()
        self.group = group
        self.action_points = action_points

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="opening-box"):
            yield Static(id="opening-text")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.refresh_language()

    def refresh_language(self) -> None:
        self.query_one("#opening-text", Static).update(opening_text(self.group, self.action_points, self.app.t))

    def action_close(self) -> None:
        self.app.pop_screen()


def _opening(app, plan) -> tuple[Group, str] | None:
    from ...store.groups import GroupStore

    if plan.group is None:
        return None
    group = next((g for g in GroupStore(app.data_dir).list_groups() if g.id == plan.group.group_id), None)
    if group is None:
        return None
    held = group.held()  # this session joins the record only when it is saved
    return group, action_points_of(held[-1], app.store) if held else ""


def opening_for(app, plan) -> OpeningScreen | None:
    """The opening of the group this session belongs to, or None (no group, or it is gone)."""
    found = _opening(app, plan)
    return OpeningScreen(*found) if found is not None else None


def opening_at_start(app, plan) -> OpeningScreen | None:
    """The opening to show as the meeting starts: only for a group that wants its agreements shown
    at the opening, and only when there is something to show (agreements or open action points)."""
    found = _opening(app, plan)
    if found is None:
        return None
    group, action_points = found
    if not group.show_agreements or not (group.agreements.strip() or action_points.strip()):
        return None
    return OpeningScreen(group, action_points)
