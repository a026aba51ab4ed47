"""`intervisie display`: the room's screen, read-only, in a terminal of its own.

It follows the live session's journal (store/follow.py) and shows the room's view with
the same widgets as the run screen: phase, strip, countdown and state, whose turn, the
questions and the room's message. Nothing else is in what it folds into view, so nothing
private can show. Before any session it waits; after one it shows a calm closing screen.
Its only write is its own heartbeat (so the app knows a display is attached).
"""

from __future__ import annotations

import math
import time
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import App, ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.reactive import var
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Static

from .. import gc_pause
from ..core.paths import cache_dir
from ..core.room import RoomView
from ..i18n import t
from ..store.follow import RoomFollower, RoomScene
from ..store.room_link import Wall
from .first_resume import StyledAtMount
from .keys import ACTIONS_BY_ID
from .parsed_css import CACHE_NAME as PARSED_CSS_CACHE
from .parsed_css import KeepsParsedCss
from .themes import ALL_THEMES, ThemeSetBeforeStart, next_theme, with_fallbacks
from .widgets.room import ROOM_BREAKPOINTS, STATE_CLASSES, RoomBody, state_class, width_class

if TYPE_CHECKING:
    from textual import getters

POLL_SECONDS = 0.3  # a key on the laptop shows here within this (plus a paint); a stat each time


class DisplayScreen(StyledAtMount, Screen):
    """The room, full screen: the room's view, or a waiting, closing or covered scene."""

    if TYPE_CHECKING:  # for the type checker only, as Textual declares `app`: this screen's app has `lang`
        app = getters.app(lambda: DisplayApp)  # defined below

    AUTO_FOCUS = None
    HORIZONTAL_BREAKPOINTS = ROOM_BREAKPOINTS

    room: var[RoomView | None] = var(None, init=False)
    scene: var[RoomScene | None] = var(None, init=False)

    def __init__(self) -> None:
        super().__init__(
            classes=f"room-surface -scene -ready {width_class(self.app.size.width)}"
        )  # as for the run screen

    def compose(self) -> ComposeResult:
        yield RoomBody(id="session-view").data_bind(DisplayScreen.room)
        with Vertical(id="display-scene"):
            yield Static("", id="scene-title")
            yield Static("", id="scene-hint")
        yield Static("", id="display-notice")

    _scene_texts: tuple[str, str, str] | None = None

    @staticmethod
    def _covered_hint(room: RoomView | None) -> str:
        """A covered screen says whether the clock goes on behind the cover."""
        runs = room is not None and room.clock.state in ("running", "last_minute", "over")
        return "display.covered.clock_runs" if runs else "display.covered.clock_stopped"

    def watch_scene(self, old: RoomScene | None, scene: RoomScene | None) -> None:
        if scene is None:
            return
        lang = self.app.lang
        room = scene.room
        showing_room = scene.kind == "room" and room is not None and not room.covered
        self.set_class(not showing_room, "-scene")
        if showing_room:
            assert room is not None
            wanted = state_class(room.clock.state)
            if not self.has_class(wanted):
                self.remove_class(*STATE_CLASSES)
                self.add_class(wanted)
            self.room = room
        else:
            title, hint = {
                "waiting": ("display.waiting.title", "display.waiting.hint"),
                "closing": ("display.closing.title", "display.closing.hint"),
            }.get(scene.kind, ("display.covered", self._covered_hint(room)))
            if self._scene_texts != (title, hint, lang):
                self._scene_texts = (title, hint, lang)
                self.query_one("#scene-title", Static).update(Content(t(title, lang)))
                self.query_one("#scene-hint", Static).update(Content(t(hint, lang)))
        if old is None or old.notice != scene.notice:
            text = scene.notice.render(lang) if scene.notice is not None else ""
            notice = self.query_one("#display-notice", Static)
            notice.display = bool(text)
            notice.update(Content(f"⚠ {text}" if text else ""))


class DisplayApp(KeepsParsedCss, ThemeSetBeforeStart, App):
    CSS_PATH = Path(__file__).with_name("intervisie.tcss")  # absolute: subclasses may live anywhere
    TITLE = "Intervisie"
    ENABLE_COMMAND_PALETTE = False  # read-only: nothing to choose
    BINDINGS = [ACTIONS_BY_ID["theme"].binding()]  # the app's theme key (no footer here)

    def __init__(
        self,
        data_dir: Path,
        *,
        session: str | None = None,
        lang: str = "nl",
        theme: str | None = None,
        wall: Wall = time.time,
        poll_seconds: float = POLL_SECONDS,
    ) -> None:
        super().__init__()
        self.lang = lang
        self.follower = RoomFollower(data_dir, session, wall=wall)
        self._second = -1
        self.poll_seconds = poll_seconds
        for known in ALL_THEMES:
            self.register_theme(known)
        self.choose_theme(theme if theme in self.available_themes else ALL_THEMES[0].name)
        self.poll_timer: Timer | None = None
        self.use_kept_css(cache_dir() / PARSED_CSS_CACHE)  # the theme is chosen: its variables are set

    def get_css_variables(self) -> dict[str, str]:
        return with_fallbacks(super().get_css_variables())

    async def on_mount(self) -> None:
        self.call_after_refresh(gc_pause.resume)  # the first frame is drawn: collect again
        self.call_after_refresh(self.keep_parsed_css)
        self.title = t("display.title", self.lang)
        await self.push_screen(DisplayScreen())
        self.refresh_scene()
        self.poll_timer = self.set_interval(self.poll_seconds, self.poll, name="follow")

    def poll(self) -> None:
        """Read what the facilitator did; the scene follows when something was read, or when
        the session's second changed (most polls read nothing and build nothing)."""
        changed = self.follower.poll()
        second = math.floor(self.follower.session_time())  # the countdown's own seconds
        if changed or second != self._second:
            self._second = second
            self.refresh_scene()

    def refresh_scene(self) -> None:
        screen = self.screen
        if isinstance(screen, DisplayScreen):
            screen.scene = self.follower.scene(self.lang)

    def on_unmount(self) -> None:
        self.follower.stop()
        self.keep_parsed_css(in_thread=False)

    def action_next_theme(self) -> None:
        self.theme = next_theme(self.theme)

    def action_screenshot(self, filename: str | None = None, path: str | None = None) -> None:
        """Never written from here: the room's screen is confidential too."""
