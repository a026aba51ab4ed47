"""The room's view as widgets: header, phase strip, countdown with its state, whose turn,
questions and the room's message. Each is bound to a `RoomView` snapshot by a reactive
(`data_bind` from its screen) and redraws only when its own part of the snapshot changed.

The run screen and the display compose the same `RoomBody`. Everything shown is text the
snapshot holds, drawn literally: a name like "[bold]" or "[@click=x]" shows as typed.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.containers import Center, Horizontal, Vertical
from textual.content import Content
from textual.reactive import var
from textual.widgets import Static

from ...core.room import RoomView
from ...i18n import t
from .big_countdown import BigCountdown, BlockDigits, banner_text, render_big
from .phase_strip import strip_text

NAME_BANNER_MIN_HEIGHT = 30  # below this the clock needs the rows; the name stays one line
NAME_BANNER_LARGE_HEIGHT = 45  # from here the name is drawn twice as large
STATE_CLASSES = ("-ready", "-running", "-last-minute", "-over", "-paused", "-ended")


def state_class(state: str) -> str:
    return f"-{state.replace('_', '-')}"


@dataclass(frozen=True)
class KeyHints:
    """Keys named on the facilitator's own screen (the display names none)."""

    start: str
    choose_inbrenger: str


class RoomPart(Static):
    """A line or block of the room's view. `part(room)` picks what it shows; it redraws
    when that part changed (the reactive hands over the old and the new snapshot)."""

    room: var[RoomView | None] = var(None, init=False)
    hints: var[KeyHints | None] = var(None, init=False)
    FIXED_SIZE = False  # lines that tick every second: repaint without a layout

    def part(self, room: RoomView) -> object:
        raise NotImplementedError

    def text(self, room: RoomView) -> Content | str:
        raise NotImplementedError

    def watch_room(self, old: RoomView | None, new: RoomView | None) -> None:
        if new is not None and (old is None or self.part(old) != self.part(new) or old.lang != new.lang):
            self.draw(new)

    def watch_hints(self) -> None:
        if self.room is not None:
            self.draw(self.room)

    def draw(self, room: RoomView) -> None:
        self.update(self.text(room), layout=not self.FIXED_SIZE)


class RoomTitle(RoomPart):
    def part(self, room):
        return room.header

    def text(self, room):
        return Content(f"{room.header.method} — {room.header.phase}")


class RoomStep(RoomPart):
    def part(self, room):
        return room.header

    def text(self, room):
        return Content(t("run.step", room.lang, number=room.header.step, total=room.header.steps))


class RoomStrip(RoomPart):
    """Past ✓, current ▶, coming ·: fits its own width (titles shrink to numbers)."""

    def part(self, room):
        return room.strip

    def text(self, room):
        width = self.content_size.width or (self.screen.size.width - 2 if self.is_attached else 80)
        return strip_text(list(room.strip), max(10, width))

    def on_resize(self) -> None:
        if self.room is not None:
            self.draw(self.room)


class RoomClockState(RoomPart):
    FIXED_SIZE = True

    def part(self, room):
        return (room.clock.state, room.clock.minutes, room.clock.extra)

    def text(self, room):
        clock = room.clock
        if clock.state == "ready" and self.hints is None:
            line = t("display.state.ready", room.lang)
        else:
            shortcut = self.hints.start if self.hints is not None else ""
            line = t(f"run.state.{clock.state}", room.lang, shortcut=shortcut)
        line += f" · {t('run.of_minutes', room.lang, minutes=clock.minutes)}"
        if clock.extra:
            line += " " + t("run.extra", room.lang, sign="+" if clock.extra > 0 else "−", minutes=abs(clock.extra))
        return Content(line)


class RoomCountdown(BigCountdown):
    room: var[RoomView | None] = var(None, init=False)

    def watch_room(self, room: RoomView | None) -> None:
        if room is not None:
            self.value = room.clock.value


class RoomTurnName(RoomPart):
    def part(self, room):
        return room.turn.speaker

    def text(self, room):
        return Content(room.turn.speaker or "")


class RoomTurnCountdown(BigCountdown):
    room: var[RoomView | None] = var(None, init=False)

    def watch_room(self, room: RoomView | None) -> None:
        if room is not None and room.turn.clock is not None:
            self.value = room.turn.clock


class RoomTurnState(RoomPart):
    FIXED_SIZE = True

    def part(self, room):
        return (room.turn.clock, room.turn.over)

    def text(self, room):
        if room.turn.over:
            return Content(t("run.turn_over", room.lang))
        return Content(t("run.turn_clock", room.lang, time=room.turn.clock or ""))


class RoomTurnBox(Vertical):
    """The turn's own clock beside the phase's, when the phase times each turn. `cramped`:
    a narrow screen with a private panel open keeps the room's clock only."""

    room: var[RoomView | None] = var(None, init=False)
    cramped: var[bool] = var(False, init=False)

    def compose(self) -> ComposeResult:
        yield RoomTurnName(id="turn-name").data_bind(RoomTurnBox.room)
        yield RoomTurnCountdown(id="turn-countdown").data_bind(RoomTurnBox.room)
        yield RoomTurnState(id="turn-state").data_bind(RoomTurnBox.room)

    def watch_room(self) -> None:
        self._show()

    def watch_cramped(self) -> None:
        self._show()

    def _show(self) -> None:
        room = self.room
        timed = room is not None and room.turn.clock is not None and not self.cramped
        if self.display != timed:
            self.display = timed
        self.set_class(room is not None and room.turn.over, "-over")


class RoomSpeaker(RoomPart):
    """Who speaks now, in one line (or, on a large screen, as a banner: see RoomBanner)."""

    def part(self, room):
        return room.turn.headline

    def text(self, room):
        return Content(room.turn.headline)


class RoomTurnDetail(RoomPart):
    def part(self, room):
        return (room.turn.detail, room.turn.needs_inbrenger)

    def text(self, room):
        if room.turn.needs_inbrenger:
            if self.hints is None:
                return Content(t("display.inbrenger_needed", room.lang))
            return Content(t("run.inbrenger_needed", room.lang, shortcut=self.hints.choose_inbrenger))
        return Content(room.turn.detail)


class RoomSpoken(RoomPart):
    def part(self, room):
        return room.turn.spoken

    def text(self, room):
        return Content(room.turn.spoken)


class RoomQuestions(RoomPart):
    def part(self, room):
        return room.questions

    def text(self, room):
        return Content("\n\n".join(f"• {question}" for question in room.questions))


class RoomMessage(RoomPart):
    """The facilitator's message to the room ("Nog 2 minuten"), large until cleared."""

    def part(self, room):
        return room.message

    def draw(self, room: RoomView) -> None:
        super().draw(room)
        if self.display != bool(room.message):
            self.display = bool(room.message)

    def text(self, room):
        lines = self._banner(room.message)
        return Content("\n".join(lines) if lines else room.message)

    def _banner(self, message: str) -> list[str]:
        """On a large screen the message in block capitals, when they fit on one line."""
        if not self.is_attached:
            return []
        screen = self.screen
        capitals = banner_text(message) if screen.has_class("-wide") and not screen.has_class("-console") else None
        if capitals is None or screen.size.height < NAME_BANNER_MIN_HEIGHT:
            return []
        lines = render_big(capitals, 1)
        return lines if len(lines[0]) <= screen.size.width - 30 else []


class RoomBody(Vertical):
    """The whole room's view. `room` and `hints` come from the screen (data_bind);
    `wide` from its width breakpoint."""

    room: var[RoomView | None] = var(None, init=False)
    hints: var[KeyHints | None] = var(None, init=False)
    cramped: var[bool] = var(False, init=False)

    def compose(self) -> ComposeResult:
        bind = {"room": RoomBody.room}
        hinted = {"room": RoomBody.room, "hints": RoomBody.hints}
        with Horizontal(id="run-header"):
            yield RoomTitle(id="run-title").data_bind(**bind)
            yield RoomStep(id="run-step").data_bind(**bind)
        yield RoomStrip(id="phase-strip").data_bind(**bind)
        with Horizontal(id="clock-row"):
            with Vertical(id="clock-box"):
                yield RoomCountdown(id="countdown").data_bind(**bind)
                yield RoomClockState(id="clock-state").data_bind(**hinted)
            yield RoomTurnBox(id="turn-box").data_bind(room=RoomBody.room, cramped=RoomBody.cramped)
        with Center(id="who-big-row"):
            yield BlockDigits(id="who-big")
        yield RoomSpeaker(id="who").data_bind(**bind)
        yield RoomTurnDetail(id="who-detail").data_bind(**hinted)
        yield RoomSpoken(id="who-spoken").data_bind(**bind)
        yield RoomMessage(id="room-message").data_bind(**bind)
        yield RoomQuestions(id="questions").data_bind(**bind)

    def watch_room(self, old: RoomView | None, new: RoomView | None) -> None:
        if new is not None and (old is None or old.turn.speaker != new.turn.speaker):
            self.show_banner()

    def on_resize(self) -> None:
        self.show_banner()

    def show_banner(self) -> None:
        """On a large screen the speaker's name in block capitals instead of one line of text."""
        if not self.is_mounted:
            return
        name = self.room.turn.speaker if self.room is not None else None
        lines = self._banner_lines(name)
        row = self.query_one("#who-big-row")
        if row.display != bool(lines):
            row.display = bool(lines)
            self.query_one("#who").display = not lines
        banner = self.query_one("#who-big", BlockDigits)
        if lines and banner.lines != lines:
            banner.show(lines)

    def _banner_lines(self, name: str | None) -> list[str]:
        screen = self.screen
        # The console keeps its rows for the private panels beside the room's view.
        wanted = screen.has_class("-wide") and not screen.has_class("-console")
        capitals = banner_text(name) if name and wanted else None
        if capitals is None or screen.size.height < NAME_BANNER_MIN_HEIGHT:
            return []
        room = self.content_size.width or screen.size.width
        for scale in (2, 1) if screen.size.height >= NAME_BANNER_LARGE_HEIGHT else (1,):
            lines = render_big(capitals, scale)
            if len(lines[0]) <= room - 4:
                return lines
        return []
