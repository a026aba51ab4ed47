"""The app's screens: their footer as the key registry says (`KeysFromRegistry`), and `self.app` known to the
type checker as the IntervisieApp.

Textual types `self.app` as its base `App`, but the screens reach the app's own things (`app.t`, `app.lang`,
`app.store`, ...). The declaration is for the type checker only, as Textual's own is: at run time Textual's `app`
property answers as before.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from textual.screen import ModalScreen, Screen

from ..first_resume import StyledAtMount
from ..keys import KeysFromRegistry

if TYPE_CHECKING:
    from textual import getters

    from ..app import IntervisieApp

Result = TypeVar("Result")  # what the screen gives back when dismissed


class IntervisieScreen(StyledAtMount, KeysFromRegistry, Screen[Result]):
    if TYPE_CHECKING:
        app = getters.app(IntervisieApp)


class IntervisieModalScreen(StyledAtMount, KeysFromRegistry, ModalScreen[Result]):
    if TYPE_CHECKING:
        app = getters.app(IntervisieApp)
