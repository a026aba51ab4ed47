"""The command palette (ctrl+p): the keys of the screen at hand (from the registry), themes and the language, translated."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Provider

from .keys import ACTIONS, display_keys, keys_in_force

if TYPE_CHECKING:
    from .app import IntervisieApp


class IntervisieCommands(Provider):
    if TYPE_CHECKING:  # for the type checker only: the palette is the IntervisieApp's (Textual types it as App)

        @property
        def app(self) -> IntervisieApp: ...

    def _commands(self) -> list[tuple[str, str, Callable[[], object]]]:
        app = self.app
        commands: list[tuple[str, str, Callable[[], object]]] = []
        screen = self.screen
        # The actions of the screen or dialog at hand (its KEY_SCOPE: run, review, groups, …) and the app's.
        here = getattr(screen, "KEY_SCOPE", None)
        for action in ACTIONS:
            if not action.palette or action.scope not in ("app", here):
                continue
            target = app if action.scope == "app" else screen
            title = app.t(action.description)
            help_text = app.t("palette.run_help", keys=display_keys(keys_in_force(action, app.keymap, app.t)))
            commands.append((title, help_text, partial(target.run_action, action.action)))
        for name in ("intervisie-dark", "intervisie-high-contrast", "intervisie-light"):
            commands.append(
                (
                    app.t("palette.theme", theme=app.theme_label(name)),
                    app.t("palette.theme_help"),
                    partial(setattr, app, "theme", name),
                )
            )
        commands.append((app.t("palette.language"), app.t("palette.language_help"), app.action_switch_language))
        return commands

    async def discover(self) -> AsyncIterator[DiscoveryHit]:
        for title, help_text, callback in self._commands():
            yield DiscoveryHit(title, callback, help=help_text)

    async def search(self, query: str) -> AsyncIterator[Hit]:
        matcher = self.matcher(query)
        for title, help_text, callback in self._commands():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), callback, help=help_text)
