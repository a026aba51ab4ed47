"""Screens follow the app's language by watching its `lang` reactive, not by being called."""

from __future__ import annotations


class FollowsLanguage:
    """Mix into a Screen that has `refresh_language()`: it runs whenever `app.lang` changes.

    Textual calls every class's own `on_mount` along the MRO, so the screen's own stays free."""

    def on_mount(self) -> None:
        self.watch(self.app, "lang", self._language_changed, init=False)  # type: ignore[attr-defined]

    def _language_changed(self, _lang: str) -> None:
        self.refresh_language()  # type: ignore[attr-defined]
