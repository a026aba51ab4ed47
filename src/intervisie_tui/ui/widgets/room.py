"""The room's view as widgets: header, phase strip, countdown with its state, whose turn,
questions and the room's message. Each is bound to a `RoomView` snapshot by a reactive
(`data_bind` from its screen) and redraws only when its own part of the snapshot changed.

The run screen and the display compose the same `RoomBody`. Everything shown is text the
snapshot holds, drawn literally: a name like "[bold]" or "[@click=x]" shows as typed.
"""

from __future__ import annotations

from typing import NamedTuple

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.containers import Center, Horizontal, Vertical
from textual.content import Content
from textual.reactive import var
from textual.widget import Widget
from textual.widgets import Static

from ...core.room import RoomView
from ...i18n import t
from ..text import strip_text
from .big_countdown import BigCountdown, BlockDigits, banner_text, render_big

NAME_BANNER_MIN_HEIGHT = 30  # below this the clock needs the rows; the name stays one line
NAME_BANNER_LARGE_HEIGHT = 45  # from here the name is drawn twice as large
STATE_CLASSES = ("-ready", "-running", "-last-minute", "-over", "-paused", "-break", "-ended")
# The sign the large clock puts before its digits: each state its own shape, not only its colour.
CLOCK_SIGNS = {"ready": "▶", "paused": "‖", "last_minute": "!"}  # overtime has its "+" already


def state_class(state: str) -> str:
    return f"-{state.replace('_', '-')}"


# The room's screens' width classes (Textual's HORIZONTAL_BREAKPOINTS: the last whose width is reached).
ROOM_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]


def width_class(width: int) -> str:
    """The breakpoint class Textual will give a room screen this wide. A screen made with it
    already is not restyled, every widget of it, when Textual sets it on the first resize."""
    return [name for least, name in ROOM_BREAKPOINTS if width >= least][-1]


class KeyHints(NamedTuple):
    """Keys named on the facilitator's own screen (the display names none)."""

    start: str
    choose_inbrenger: str
    more_time: str = "+"
    less_time: str = "-"


class RoomPart:
    """What one line or block of the room's view shows: `of(room)` picks its part of the
    snapshot (the line redraws when that changed), `text(room, line)` words it.

    Plain objects drawn by one widget class (`RoomLine`), not a widget class each: Textual
    takes about 0.4 ms to define a widget class (its metaclass and CSS bookkeeping), and the
    room has thirteen kinds of line on the way to its first frame."""

    fixed_size = False  # lines that tick every second: repaint without a layout
    fits_width = False  # drawn again when its width changes

    def of(self, room: RoomView) -> object:
        raise NotImplementedError

    def text(self, room: RoomView, line: RoomLine) -> Content:
        raise NotImplementedError

    def drawn(self, room: RoomView, line: RoomLine) -> None:
        """After the text is in (the room's message shows or hides itself here)."""


class RoomLine(Static):
    """A line or block of the room's view, as its `RoomPart` says, bound to the room's
    snapshot (the reactive hands over the old and the new one)."""

    room: var[RoomView | None] = var(None, init=False)
    hints: var[KeyHints | None] = var(None, init=False)

    def __init__(self, part: RoomPart, *, id: str) -> None:
        super().__init__(id=id)
        self.part = part

    def watch_room(self, old: RoomView | None, new: RoomView | None) -> None:
        part = self.part
        if new is not None and (old is None or part.of(old) != part.of(new) or old.lang != new.lang):
            self.draw(new)

    def watch_hints(self) -> None:
        if self.room is not None:
            self.draw(self.room)

    def draw(self, room: RoomView) -> None:
        self.update(self.part.text(room, self), layout=not self.part.fixed_size)
        self.part.drawn(room, self)

    def on_resize(self) -> None:
        if self.part.fits_width and self.room is not None:
            self.draw(self.room)


class HeaderPart(RoomPart):
    """The header line: method and phase on the left, the session's timing and the step on the
    right. Where they do not all fit, the timing is shortened ("15:30 +3′") or left out and the
    method goes before the phase does: the room needs the phase and the step first."""

    fits_width = True
    TIMING_MARGIN = (1, 3)  # blanks before and after the timing
    # In the theme's variables, read as the line is drawn (so a new theme shows at once). Not
    # component classes: Textual styles each as a node of its own, on every restyle of the screen.
    TITLE_STYLE, MUTED_STYLE = "bold $foreground", "$muted-text"

    def of(self, room):
        return (room.header, room.timing)

    def text(self, room, line):
        width = line.content_size.width
        if not width and line.is_attached:  # not laid out yet (the first frame): the header spans the screen
            width = line.app.size.width - 2
        header = room.header
        step = t("run.step", room.lang, number=header.step, total=header.steps)
        full, short = timing_texts(room)
        left = width - len(header.phase) - len(step) - 6
        timing = full if len(full) <= left else short if len(short) <= left else ""
        before, after = self.TIMING_MARGIN
        title_width = max(0, width - cell_len(step) - cell_len(timing) - before - after)
        both = f"{header.method} — {header.phase}"
        title = Content(header.phase if cell_len(both) > title_width else both).truncate(title_width, ellipsis=True)
        return Content.assemble(
            title.stylize(self.TITLE_STYLE),
            " " * (title_width - title.cell_length + before),
            (timing, self.MUTED_STYLE),
            " " * after,
            (step, self.MUTED_STYLE),
        )


class StripPart(RoomPart):
    """Past ✓, current ▶, coming ·: fits its own width (titles shrink to numbers)."""

    fits_width = True

    def of(self, room):
        return room.strip

    def text(self, room, line):
        width = line.content_size.width or (line.screen.size.width - 2 if line.is_attached else 80)
        return strip_text(list(room.strip), max(10, width))


class ClockStatePart(RoomPart):
    fixed_size = True

    def of(self, room):
        return (room.clock.state, room.clock.minutes, room.clock.extra, room.on_break)

    def text(self, room, line):
        clock = room.clock
        breaking = room.on_break
        if breaking is not None:
            if breaking.until is None:
                line = t("room.break.counting_up", room.lang)
            else:
                line = t("room.break.over" if breaking.over else "room.break.until", room.lang, time=breaking.until)
            return Content(f"{line} · {t('room.break.phase_left', room.lang, time=breaking.phase_left)}")
        if clock.state == "ready":  # the key to start is the sign's
            line = t("display.state.ready", room.lang)
        else:
            line = t(f"run.state.{clock.state}", room.lang)
        line += f" · {t('run.of_minutes', room.lang, minutes=clock.minutes)}"
        if clock.extra:
            line += " " + t("run.extra", room.lang, sign="+" if clock.extra > 0 else "−", minutes=abs(clock.extra))
        return Content(line)


class SignPart(RoomPart):
    """The state's own sign under the clock, a line of shapes and words that differs in every
    state (the room reads it without colour, and on a small screen where the digits are plain)."""

    fixed_size = True

    def of(self, room):
        return (room.clock.state, room.on_break is not None and room.on_break.until is None)

    def text(self, room, line):
        state = room.clock.state
        hints = line.hints
        if state == "ready":
            if hints is None:
                return Content(t("room.sign.ready_display", room.lang))
            return Content(t("room.sign.ready", room.lang, key=hints.start))
        if state == "break":
            if hints is None:
                return Content(t("room.sign.break_display", room.lang))
            return Content(t("room.sign.break", room.lang, key=hints.start, more=hints.more_time, less=hints.less_time))
        if state == "running":
            return Content("")
        return Content(t(f"room.sign.{state}", room.lang))


class RoomCountdown(BigCountdown):
    """The phase's clock (on a break the break's), with its state's sign before the digits when
    they are drawn large: ▶ ready, ‖ paused, ! the last minute, + overtime."""

    room: var[RoomView | None] = var(None, init=False)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._sign = ""

    def block_text(self) -> str:
        return self._sign + self.value

    def watch_room(self, room: RoomView | None) -> None:
        if room is None:
            return
        sign = CLOCK_SIGNS.get(room.clock.state, "")
        if sign != self._sign:
            self._sign = sign
            if room.clock.value == self.value:
                self.redraw()  # the same digits with another sign: draw them again
        self.value = room.clock.value


def timing_texts(room: RoomView) -> tuple[str, str]:
    """The whole session: when it ends by the plan, and how far ahead or behind it runs; in
    words, and short."""
    timing = room.timing
    if timing.planned_end is None:
        return t("room.timing.budget", room.lang, minutes=timing.budget), f"{timing.budget}′"
    if timing.behind > 0:
        where = t("room.timing.behind", room.lang, minutes=timing.behind)
    elif timing.behind < 0:
        where = t("room.timing.ahead", room.lang, minutes=-timing.behind)
    else:
        where = t("room.timing.on_time", room.lang)
    sign = "+" if timing.behind > 0 else "−" if timing.behind < 0 else "±"
    return (
        f"{t('room.timing.end', room.lang, time=timing.planned_end)} · {where}",
        f"{timing.planned_end} {sign}{abs(timing.behind)}′",
    )


class SpeakerPart(RoomPart):
    """Who speaks now, in one line (or, on a large screen, as a banner: see RoomBody.show_banner)."""

    def of(self, room):
        return (room.turn.headline, room.on_break is not None)

    def text(self, room, line):
        if room.on_break is not None:
            return Content(t("room.break.title", room.lang))
        return Content(room.turn.headline)


class TurnDetailPart(RoomPart):
    def of(self, room):
        return (room.turn.detail, room.turn.needs_inbrenger)

    def text(self, room, line):
        if room.turn.needs_inbrenger:
            if line.hints is None:
                return Content(t("display.inbrenger_needed", room.lang))
            return Content(t("run.inbrenger_needed", room.lang, shortcut=line.hints.choose_inbrenger))
        return Content(room.turn.detail)


class SpokenPart(RoomPart):
    def of(self, room):
        return room.turn.spoken

    def text(self, room, line):
        return Content(room.turn.spoken)


class QuestionsPart(RoomPart):
    def of(self, room):
        return room.questions

    def text(self, room, line):
        return Content("\n\n".join(f"• {question}" for question in room.questions))


class MessagePart(RoomPart):
    """The facilitator's message to the room ("Nog 2 minuten"), large until cleared."""

    def of(self, room):
        return room.message

    def drawn(self, room, line):
        if line.display != bool(room.message):
            line.display = bool(room.message)

    def text(self, room, line):
        lines = self._banner(room.message, line)
        return Content("\n".join(lines) if lines else room.message)

    @staticmethod
    def _banner(message: str, line: RoomLine) -> list[str]:
        """On a large screen the message in block capitals, when they fit on one line."""
        if not line.is_attached:
            return []
        screen = line.screen
        capitals = banner_text(message) if screen.has_class("-wide") and not screen.has_class("-console") else None
        if capitals is None or screen.size.height < NAME_BANNER_MIN_HEIGHT:
            return []
        lines = render_big(capitals, 1)
        return lines if len(lines[0]) <= screen.size.width - 30 else []


class RoomBody(Vertical):
    """The whole room's view. `room` and `hints` come from the screen (data_bind);
    `wide` from its width breakpoint.

    The parts a view often does not show (the turn's own clock, the name in block capitals,
    the room's message: a third of the widgets) are made at the start only when the first
    view (`first_room`) shows them; the others follow, hidden, just after the first frame."""

    room: var[RoomView | None] = var(None, init=False)
    hints: var[KeyHints | None] = var(None, init=False)
    cramped: var[bool] = var(False, init=False)

    def __init__(self, first_room: RoomView | None = None, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._first_room = first_room

    def compose(self) -> ComposeResult:
        bind = {"room": RoomBody.room}
        hinted = {"room": RoomBody.room, "hints": RoomBody.hints}
        first = self._first_room
        yield RoomLine(HeaderPart(), id="run-header").data_bind(**bind)
        yield RoomLine(StripPart(), id="phase-strip").data_bind(**bind)
        with Horizontal(id="clock-row"):
            with Vertical(id="clock-box"):
                yield RoomCountdown(id="countdown").data_bind(**bind)
                yield RoomLine(SignPart(), id="clock-sign").data_bind(**hinted)
                yield RoomLine(ClockStatePart(), id="clock-state").data_bind(**hinted)
            if first is not None and first.turn.clock is not None:
                yield self._turn_box()
        if first is not None and self._banner_lines(self._banner_name(first)):
            yield self._banner_row()
        yield RoomLine(SpeakerPart(), id="who").data_bind(**bind)
        yield RoomLine(TurnDetailPart(), id="who-detail").data_bind(**hinted)
        yield RoomLine(SpokenPart(), id="who-spoken").data_bind(**bind)
        if first is not None and first.message:
            yield self._message()
        yield RoomLine(QuestionsPart(), id="questions").data_bind(**bind)

    def _turn_box(self) -> Widget:
        from .room_turn import RoomTurnBox  # most phases time no turns: not on the way to a first frame

        return RoomTurnBox(id="turn-box").data_bind(room=RoomBody.room, cramped=RoomBody.cramped)

    @staticmethod
    def _banner_row() -> Center:
        return Center(BlockDigits(id="who-big"), id="who-big-row")

    def _message(self) -> RoomLine:
        return RoomLine(MessagePart(), id="room-message").data_bind(room=RoomBody.room)

    def on_mount(self) -> None:
        self.call_after_refresh(self._mount_the_rest)  # in this widget's context: data_bind needs it

    async def _mount_the_rest(self) -> None:
        """The parts the first view did not need, hidden until their own watchers show them."""
        for part_id, make, parent, before in (
            ("turn-box", self._turn_box, "#clock-row", None),
            ("who-big-row", self._banner_row, None, "#who"),
            ("room-message", self._message, None, "#questions"),
        ):
            if not self.is_attached:
                return  # the screen went meanwhile (a quit at the start)
            if self.query(f"#{part_id}"):
                continue  # the first view had it
            part = make()
            part.display = False  # its watcher shows it when the room needs it
            target = self.query_one(parent) if parent else self
            await target.mount(part, before=self.query_one(before) if before else None)
        self.show_banner()

    def watch_room(self, old: RoomView | None, new: RoomView | None) -> None:
        if new is None:
            return
        timed = new.turn.clock is not None and new.on_break is None
        if self.has_class("-timed-turn") != timed:
            self.set_class(timed, "-timed-turn")
        if old is None or self._banner_name(old) != self._banner_name(new):
            self.show_banner()

    @staticmethod
    def _banner_name(room: RoomView) -> str | None:
        """What the banner spells: on a break the word for it; in a round with time per turn
        none (the turn's clock needs the rows); else the speaker."""
        if room.on_break is not None:
            return t("room.break.title", room.lang)
        if room.turn.clock is not None:
            return None
        return room.turn.speaker

    def on_resize(self) -> None:
        self.show_banner()

    def show_banner(self) -> None:
        """On a large screen the speaker's name in block capitals instead of one line of text."""
        rows = self.query("#who-big-row")
        if not self.is_mounted or not rows:
            return  # it comes after the first frame (see _mount_the_rest), and shows itself then
        name = self._banner_name(self.room) if self.room is not None else None
        lines = self._banner_lines(name)
        row = rows.first()
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
