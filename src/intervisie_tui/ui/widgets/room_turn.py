"""The turn's own clock, beside the phase's when a phase times each speaker's turn: who speaks,
the time left for the turn, and whether it is over. Most phases time no turns, so this is
imported when a room first shows one (`RoomBody`), not on the way to every first frame."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.reactive import var

from ...core.room import RoomView
from ...i18n import t
from .big_countdown import BigCountdown
from .room import RoomLine, RoomPart


class TurnNamePart(RoomPart):
    def of(self, room):
        return room.turn.speaker

    def text(self, room, line):
        return Content(room.turn.speaker or "")


class RoomTurnCountdown(BigCountdown):
    room: var[RoomView | None] = var(None, init=False)

    def watch_room(self, room: RoomView | None) -> None:
        if room is not None and room.turn.clock is not None:
            self.value = room.turn.clock


class TurnStatePart(RoomPart):
    fixed_size = True

    def of(self, room):
        return (room.turn.clock, room.turn.over)

    def text(self, room, line):
        if room.turn.over:
            return Content(t("run.turn_over", room.lang))
        return Content(t("run.turn_clock", room.lang, time=room.turn.clock or ""))


class RoomTurnBox(Vertical):
    """The turn's own clock beside the phase's, when the phase times each turn. `cramped`:
    a narrow screen with a private panel open keeps the room's clock only."""

    room: var[RoomView | None] = var(None, init=False)
    cramped: var[bool] = var(False, init=False)

    def compose(self) -> ComposeResult:
        yield RoomLine(TurnNamePart(), id="turn-name").data_bind(RoomTurnBox.room)
        yield RoomTurnCountdown(id="turn-countdown").data_bind(RoomTurnBox.room)
        yield RoomLine(TurnStatePart(), id="turn-state").data_bind(RoomTurnBox.room)

    def watch_room(self) -> None:
        self._show()

    def watch_cramped(self) -> None:
        self._show()

    def _show(self) -> None:
        room = self.room
        timed = room is not None and room.turn.clock is not None and not self.cramped and room.on_break is None
        if self.display != timed:
            self.display = timed
        self.set_class(room is not None and room.turn.over, "-over")
