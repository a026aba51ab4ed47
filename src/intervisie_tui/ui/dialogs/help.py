"""Every key, grouped, in the current language, with the ids used to rebind them."""

from __future__ import annotations

from pathlib import Path

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from ...settings import SETTINGS_FILE
from ..keys import ACTIONS, GROUPS, bindings_for, display_keys, key_label, keys_in_force
from ..language import FollowsLanguage
from ..screens.base import IntervisieModalScreen


def shown_path(path: Path) -> str:
    """A path as the shared screen may show it: the home folder (with the user's name) as ~."""
    try:
        return str(Path("~") / path.relative_to(Path.home()))
    except ValueError:
        return str(path)


class HelpScreen(FollowsLanguage, IntervisieModalScreen[None]):
    KEY_SCOPE = "help"  # its keys: the registry's (ui/keys.py)
    BINDINGS = bindings_for("help")

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body"):
            yield Static(id="help-intro")
            yield Static(id="help-content")

    def on_mount(self) -> None:
        self.refresh_language()

    def refresh_language(self) -> None:
        app = self.app
        self.query_one("#help-body").border_title = app.t("help.title")
        path = shown_path(app.settings_path.parent / SETTINGS_FILE)
        self.query_one("#help-intro", Static).update(Text(app.t("help.intro", path=str(path)) + "\n"))
        self.query_one("#help-content", Static).update(self.render_help())

    def render_help(self) -> Table:
        app = self.app
        keymap = app.keymap
        table = Table.grid(padding=(0, 2))
        table.add_column(no_wrap=True)
        table.add_column()
        table.add_column(style="dim")
        for group in GROUPS:
            table.add_row(Text(app.t(group), style="bold underline"), "", "")
            for action in ACTIONS:
                if action.group != group:
                    continue
                table.add_row(
                    Text(display_keys(keys_in_force(action, keymap, app.t)), style="bold"),
                    Text(app.t(action.description)),
                    Text(action.id),
                )
            table.add_row("", "", "")
        table.add_row(Text(key_label("ctrl+p", app.t), style="bold"), Text(app.t("help.palette")), "")
        table.add_row(Text(key_label("escape", app.t), style="bold"), Text(app.t("help.close")), "")
        return table

    async def action_dismiss(self, result: None = None) -> None:
        self.dismiss(result)
