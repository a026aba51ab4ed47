"""The live journal: one JSON line per event, on disk before the next action.

The first line holds the plan; every following line is one Event. Each line is written,
flushed and fsynced at once, so a crash or `kill -9` loses at most the event being
written. Appending never raises: when the disk refuses (read-only, full, no permission)
the events wait in memory, `problem` says what is wrong, and the next append (or
`retry()`, at most every RETRY_INTERVAL seconds) writes them all.

With `background=True` (the app's journals) the writing, flushing and fsyncing happen on a
writer thread of the journal's own, line after line in the order they were appended, so a
slow disk (a USB stick: an fsync of hundreds of milliseconds) never holds up the screen.
`append` then only queues the line; `pending` counts the lines not yet known to be on disk,
`problem` is set by the writer when the disk refuses, and `drain()` waits until the writer
is done or stuck. The file operations are `files` (a `JournalFiles`), so a test can make
them slow or failing without a real slow disk.
"""

from __future__ import annotations

import contextlib
import json
import os
import threading
import time
from collections.abc import Callable
from dataclasses import field
from datetime import datetime
from pathlib import Path

from ..core.events import Event, EventKind
from ..core.files import parse_json, read_limited
from ..core.message import Message
from ..core.plain import from_plain, to_plain
from ..core.plan import SessionPlan
from ..core.records import record
from .atomic import PRIVATE_FILE_MODE, ensure_private_tree
from .errors import UnreadableFile, os_reason

JOURNAL_FORMAT = "intervisie-tui journal"
JOURNAL_VERSION = 1
RETRY_INTERVAL = 3.0  # seconds between retries of a refused disk: screens call retry() on every tick


def header_line(session_id: str, plan: SessionPlan, created_at: datetime) -> str:
    header = {
        "format": JOURNAL_FORMAT,
        "journal_version": JOURNAL_VERSION,
        "id": session_id,
        "created_at": created_at.isoformat(),
        "plan": to_plain(plan),
    }
    return json.dumps(header, ensure_ascii=False, separators=(",", ":"))


def event_line(event: Event) -> str:
    """One event as its journal line (fields that are None left out: they are the defaults)."""
    return json.dumps(to_plain(event, drop_none=True), ensure_ascii=False, separators=(",", ":"))


def read_event(line: bytes | str) -> Event:
    """The event a journal line holds, every field checked; ValueError when the line is damaged."""
    event: Event = from_plain(Event, parse_json(line))
    return event


class JournalFiles:
    """The file operations a journal uses (a test passes slow or failing ones)."""

    def open(self, path: Path) -> int:
        ensure_private_tree(path.parent.parent, path.parent)
        return os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, PRIVATE_FILE_MODE)

    def write(self, descriptor: int, data: bytes | memoryview) -> int:
        return os.write(descriptor, data)

    def fsync(self, descriptor: int) -> None:
        os.fsync(descriptor)

    def close(self, descriptor: int) -> None:
        os.close(descriptor)

    def ends_mid_line(self, path: Path) -> bool:
        return _ends_mid_line(path)


DRAIN_TIMEOUT = 5.0  # seconds close() waits for a slow disk before leaving the rest in memory


class LiveJournal:
    def __init__(
        self,
        session_id: str,
        path: Path,
        pending: list[str] | None = None,
        *,
        clock: Callable[[], float] = time.monotonic,
        background: bool = False,
        files: JournalFiles | None = None,
    ) -> None:
        self.id = session_id
        self.path = path
        self.problem: Message | None = None  # why the disk refuses the lines that wait in memory
        self.background = background
        self.written = 0  # lines known to be on disk (written and fsynced) since this journal was opened
        self._files = files or JournalFiles()
        self._clock = clock
        self._failed_at: float | None = None  # when the disk last refused
        self._pending: list[str] = list(pending or [])
        self._descriptor: int | None = None
        # After a failed or partial write the file may end mid-line; the next line starts
        # on a fresh one, and the reader skips the fragment. Looked at by the first write.
        self._needs_newline: bool | None = None
        self.closed = False
        # The writer thread (background only): woken by append and retry, one line at a time.
        self._wake = threading.Condition()
        self._kicked = False
        self._busy = False  # the writer is writing (or about to)
        self._stopping = False
        self._thread: threading.Thread | None = None
        if self._pending:
            self._kick() if background else self._flush()

    @property
    def pending(self) -> int:
        """Lines not yet known to be on disk: waiting for the writer, or because the disk refused them."""
        return len(self._pending)

    def append(self, event: Event) -> bool:
        """Write one event; True when it (and everything before it) is on disk — in the
        background, when it is queued and the disk has not refused anything."""
        try:
            line = event_line(event)
        except Exception:  # never raise into the session
            return False
        with self._wake:
            self._pending.append(line)
        if self.background:
            self._kick()
            return self.problem is None
        return self._flush()

    def retry(self) -> bool:
        """Write what waits in memory; while the disk refuses, try at most every RETRY_INTERVAL."""
        if self._pending and self._failed_at is not None and self._clock() - self._failed_at < RETRY_INTERVAL:
            return False
        if self.background:
            if self._pending:
                self._kick()
            return not self._pending
        return self._flush()

    # -- the writer thread ----------------------------------------------------------------------

    def _kick(self) -> None:
        with self._wake:
            if self.closed or self._stopping:
                return
            self._kicked = True
            if self._thread is None:
                self._thread = threading.Thread(target=self._write_loop, name=f"journal {self.id}", daemon=True)
                self._thread.start()
            self._wake.notify_all()

    def _write_loop(self) -> None:
        while True:
            with self._wake:
                while not (self._kicked or self._stopping):
                    self._wake.wait()
                stopping = self._stopping
                self._kicked = False
                self._busy = True
            try:
                self._flush()
            finally:
                with self._wake:
                    self._busy = False
                    self._wake.notify_all()
            if stopping:
                self._drop_descriptor()
                return

    def drain(self, timeout: float | None = None) -> bool:
        """Wait until the writer has written everything or the disk refused (then `problem` says
        why); True when nothing waits. In the foreground there is nothing to wait for."""
        if not self.background or self._thread is None:
            return not self._pending
        deadline = None if timeout is None else time.monotonic() + timeout
        with self._wake:
            while self._kicked or self._busy:
                remaining = None if deadline is None else deadline - time.monotonic()
                if remaining is not None and remaining <= 0:
                    break
                self._wake.wait(remaining)
        return not self._pending

    # -- writing ----------------------------------------------------------------------------------

    def _open(self) -> int:
        if self._descriptor is None:
            self._descriptor = self._files.open(self.path)
        return self._descriptor

    def _flush(self) -> bool:
        if not self._pending:
            return True
        if self.closed:
            return False
        try:
            if self._needs_newline is None:
                self._needs_newline = self._files.ends_mid_line(self.path)
            descriptor = self._open()
            while self._pending:
                data = ("\n" if self._needs_newline else "") + self._pending[0] + "\n"
                self._needs_newline = True  # until the whole line is known to be written
                _write_all(descriptor, data.encode("utf-8"), self._files)
                self._files.fsync(descriptor)
                self._needs_newline = False
                with self._wake:
                    self._pending.pop(0)
                self.written += 1
        except OSError as error:
            self._drop_descriptor()
            # Whether the refused line left a fragment is for the file to say at the next try:
            # a blind newline would make an empty first line (the header) unreadable.
            self._needs_newline = None
            self._failed_at = self._clock()
            self.problem = Message(
                "store.journal.problem", {"path": self.path, "reason": os_reason(error), "count": len(self._pending)}
            )
            return False
        self.problem = None
        self._failed_at = None
        return True

    def _drop_descriptor(self) -> None:
        if self._descriptor is not None:
            with contextlib.suppress(OSError):
                self._files.close(self._descriptor)
            self._descriptor = None

    def close(self, timeout: float = DRAIN_TIMEOUT) -> None:
        """Write what waits (the writer finishes its queue, `timeout` at most), then close.
        Lines the disk still refuses stay in memory (`pending`, `problem`)."""
        thread = self._thread
        if thread is not None:
            with self._wake:
                self._stopping = True
                self._wake.notify_all()
            thread.join(timeout)
            self.closed = True  # a disk that hangs: the writer stops after its current line
            return
        self._flush()
        self._drop_descriptor()
        self.closed = True


def _write_all(descriptor: int, data: bytes, files: JournalFiles | None = None) -> None:
    write = files.write if files is not None else os.write
    view = memoryview(data)
    while view:
        written = write(descriptor, view)
        view = view[written:]


def _ends_mid_line(path: Path) -> bool:
    try:
        with open(path, "rb") as stream:
            stream.seek(0, os.SEEK_END)
            if stream.tell() == 0:
                return False
            stream.seek(-1, os.SEEK_END)
            return stream.read(1) != b"\n"
    except OSError:
        return False


# -- reading ------------------------------------------------------------------------------------


@record
class LiveSession:
    """A journal left behind by a session that did not finish (a crash, a kill, a power cut)."""

    id: str
    path: Path
    plan: SessionPlan
    events: list[Event]
    started_at: datetime | None
    problem: Message | None = None  # e.g. a damaged last line that was skipped
    modified_at: datetime | None = None
    skipped_lines: list[int] = field(default_factory=list)


class JournalUnreadable(UnreadableFile):
    """The journal's first line (the plan) cannot be read; `message` says why ("store.journal.unreadable.<code>")."""

    KEYS = "store.journal.unreadable."


def parse_header(line: bytes) -> tuple[str, SessionPlan]:
    """The session id and plan from a journal's first line, or JournalUnreadable."""
    if not line.strip():
        raise JournalUnreadable("empty")
    try:
        header = parse_json(line)
    except ValueError:
        raise JournalUnreadable("header") from None
    if not isinstance(header, dict) or header.get("format") != JOURNAL_FORMAT:
        raise JournalUnreadable("foreign")
    version = header.get("journal_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise JournalUnreadable("header")
    if version > JOURNAL_VERSION:
        shown = version if version < 10**9 else f"> {10**9}"  # str() of a 5,000-digit int raises
        raise JournalUnreadable("newer", version=shown, supported=JOURNAL_VERSION)
    try:
        return str(header["id"]), from_plain(SessionPlan, header["plan"])
    except (KeyError, TypeError, ValueError, RecursionError):
        raise JournalUnreadable("header") from None


def read_journal(path: Path) -> LiveSession:
    """Every event that was written in full; damaged lines (the last, cut off by a kill,
    or a fragment left by a full disk) are skipped and named in `problem`. A journal that is not a
    regular file, or larger than any session writes, raises FileRefused (never a blocking open)."""
    data = read_limited(path, "journal")
    lines = data.split(b"\n")
    session_id, plan = parse_header(lines[0] if lines else b"")
    events: list[Event] = []
    skipped: list[int] = []
    for number, line in enumerate(lines[1:], start=2):
        if not line.strip():
            continue
        try:
            event = read_event(line)
        except ValueError:
            skipped.append(number)
            continue
        if events and event.t < events[-1].t:
            skipped.append(number)  # out of order: never written by us
            continue
        if events and event.kind is EventKind.CHECKPOINT and events[-1].kind is EventKind.CHECKPOINT:
            events[-1] = event  # a quiet stretch written every second: its newest moment is enough
            continue
        events.append(event)
    problem = None
    if skipped:
        problem = Message("store.journal.skipped", {"path": path, "lines": ", ".join(map(str, skipped))})
    mtime = datetime.fromtimestamp(path.stat().st_mtime).astimezone()
    started = next((event.at for event in events if event.kind.value == "start"), None)
    return LiveSession(
        id=session_id,
        path=path,
        plan=plan,
        events=events,
        started_at=started,
        problem=problem,
        modified_at=mtime,
        skipped_lines=skipped,
    )
