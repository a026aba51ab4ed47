"""Following a live journal like `tail -F`, for the room's display.

The same fold as the app's (`SessionState.apply`) over the same lines, read as they are
appended. Only whole lines count: a half-written last line waits for its newline. A
journal that shrinks or is replaced (another file identity) is folded again from the
start. Notes and the case are dropped as they are read: the display's state never holds
them. An unreadable line freezes the state on the last good event, with a notice, until
the file is replaced. Polling with os.stat only, so it works on every platform.
"""

from __future__ import annotations

import os
import time
from dataclasses import replace
from pathlib import Path
from stat import S_ISREG

from ..core.events import Event, EventKind
from ..core.message import Message
from ..core.plan import SessionPlan
from ..core.records import record
from ..core.room import RoomView, room_view
from ..core.state import SessionState, Status
from .journal import JournalUnreadable, parse_header, read_event
from .room_link import (
    APP_HEARTBEAT,
    DISPLAY_HEARTBEAT,
    HEARTBEAT_SECONDS,
    POINTER_FILE,
    Heartbeat,
    Wall,
    heartbeat_fresh,
    read_pointer,
)

READ_CHUNK = 1 << 20


class JournalFollower:
    """One journal, followed. `poll()` reads what was appended; `state` is the fold so far."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._reset(None)

    def _reset(self, identity: tuple[int, int] | None) -> None:
        self._identity = identity
        self._offset = 0
        self._partial = b""
        self._line = 0  # number of the last whole line read (1 is the header)
        self.session_id: str | None = None
        self.plan: SessionPlan | None = None
        self.state: SessionState | None = None
        self.last_event: Event | None = None
        self.problem: Message | None = None  # set when frozen: which line could not be read

    @property
    def lines_read(self) -> int:
        """Whole lines read so far (the header included)."""
        return self._line

    @property
    def frozen(self) -> bool:
        return self.problem is not None

    def poll(self) -> bool:
        """Read what is new; True when the state (or the problem) changed."""
        try:
            stat = os.stat(self.path)
        except OSError:
            return False  # gone (finished and moved aside) or unreachable: keep the last state
        if not S_ISREG(stat.st_mode):
            return False  # a pipe or a folder where the journal should be: opening it could block forever
        identity = (stat.st_dev, stat.st_ino)
        changed = False
        if identity != self._identity or stat.st_size < self._offset:
            changed = self._identity is not None or self.state is not None
            self._reset(identity)
        if stat.st_size == self._offset:
            return changed
        try:
            with open(self.path, "rb") as stream:
                stream.seek(self._offset)
                data = stream.read(max(0, stat.st_size - self._offset) or READ_CHUNK)
        except OSError:
            return changed
        self._offset += len(data)
        *lines, self._partial = (self._partial + data).split(b"\n")
        for line in lines:
            self._line += 1
            changed = self._take(line) or changed
        return changed

    def _take(self, line: bytes) -> bool:
        if self.frozen or not line.strip():
            return False
        if self.plan is None:
            try:
                self.session_id, plan = parse_header(line)
            except JournalUnreadable as error:
                self.problem = error.message
                return True
            # The case is the facilitator's: the display never keeps it.
            self.plan = replace(plan, case_title="", case_question="")
            self.state = SessionState.initial(self.plan)
            return True
        try:
            event = read_event(line)
        except ValueError:
            event = None
        if event is None or (self.last_event is not None and event.t < self.last_event.t):
            self.problem = Message("display.frozen", {"line": self._line})
            return True
        assert self.state is not None
        if event.kind is EventKind.NOTE:
            # Notes never reach the room, not even the display's state: only their moment counts.
            self.last_event = Event(kind=EventKind.CHECKPOINT, t=event.t, at=event.at)
            return False
        self.last_event = event
        self.state.apply(event)
        return True

    def session_time(self, wall_now: float) -> float:
        """The session's own time now: the last event's, plus the wall-clock time since it."""
        last = self.last_event
        if last is None:
            return 0.0
        return last.t + max(0.0, wall_now - last.at.timestamp())


@record(frozen=True)
class RoomScene:
    """What a display shows: waiting (no session), the room's view, or closing (ended)."""

    kind: str  # "waiting" | "room" | "closing"
    room: RoomView | None = None
    notice: Message | None = None  # one line: frozen on a bad line, or the facilitator's app gone


class RoomFollower:
    """The display's side: follows the session the pointer names (or one given session),
    beats its own heartbeat, and watches the app's. Journal polled on every `poll()`;
    pointer and heartbeats about once a second."""

    def __init__(self, data_dir: Path, session: str | None = None, *, wall: Wall = time.time) -> None:
        self.live_dir = data_dir / "live"
        self.fixed_session = session
        self._wall = wall
        self._heartbeat = Heartbeat(self.live_dir / DISPLAY_HEARTBEAT, wall)
        self._checked_at = float("-inf")
        self.follower: JournalFollower | None = None
        self.app_alive = False
        self._pointer_stamp: tuple[int, int, int] | None = None
        self._pointed: str | None = None

    def _journal_path(self, session_id: str) -> Path | None:
        live = self.live_dir / f"{session_id}.jsonl"
        if live.exists():
            return live
        done = self.live_dir / "done" / f"{session_id}.jsonl"
        if self.fixed_session and done.exists():
            return done  # a session asked for by name may have ended already
        return None

    def poll(self) -> bool:
        """Look for changes; True when what the display shows may have changed."""
        changed = False
        now = self._wall()
        if now - self._checked_at >= HEARTBEAT_SECONDS:
            self._checked_at = now
            self._heartbeat.beat()
            alive = heartbeat_fresh(self.live_dir / APP_HEARTBEAT, self._wall)
            changed = alive != self.app_alive
            self.app_alive = alive
            changed = self._follow_pointer() or changed
        if self.follower is not None:
            changed = self.follower.poll() or changed
        return changed

    def _follow_pointer(self) -> bool:
        session = self.fixed_session or self._pointed_session()
        current = self.follower
        if session is None:
            return False  # no pointer (yet): keep what is shown
        if current is not None and current.path.stem == session:
            return False
        path = self._journal_path(session)
        if path is None:
            return False
        self.follower = JournalFollower(path)
        return True

    def session_time(self) -> float:
        """The followed session's own time now (the wall clock before any session)."""
        if self.follower is None:
            return self._wall()
        return self.follower.session_time(self._wall())

    def _pointed_session(self) -> str | None:
        """The pointer's session, read again only when the file changed (a stat a second)."""
        try:
            stat = os.stat(self.live_dir / POINTER_FILE)
        except OSError:
            return None
        stamp = (stat.st_ino, stat.st_mtime_ns, stat.st_size)
        if stamp != self._pointer_stamp:
            self._pointer_stamp = stamp
            self._pointed = read_pointer(self.live_dir)
        return self._pointed

    def stop(self) -> None:
        self._heartbeat.stop()

    def scene(self, lang: str) -> RoomScene:
        follower = self.follower
        if follower is None or follower.state is None:
            notice = follower.problem if follower is not None else None
            return RoomScene("waiting", notice=notice)
        state = follower.state
        if state.status is Status.ENDED:
            return RoomScene("closing", notice=follower.problem)
        view = room_view(state, follower.session_time(self._wall()), lang)
        notice = follower.problem
        if notice is None and not self.app_alive:
            notice = Message("display.app_gone")
        return RoomScene("room", view, notice)
