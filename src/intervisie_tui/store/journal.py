"""The live journal: one JSON line per event, on disk before the next action.

The first line holds the plan; every following line is one Event. Each line is written,
flushed and fsynced at once, so a crash or `kill -9` loses at most the event being
written. Appending never raises: when the disk refuses (read-only, full, no permission)
the events wait in memory, `problem` says what is wrong, and the next append (or
`retry()`, at most every RETRY_INTERVAL seconds) writes them all.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..core.events import Event
from ..core.files import parse_json, read_limited
from ..core.plan import SessionPlan
from ..i18n import t
from .atomic import PRIVATE_FILE_MODE, ensure_private_tree
from .errors import os_reason

JOURNAL_FORMAT = "intervisie-tui journal"
JOURNAL_VERSION = 1
RETRY_INTERVAL = 3.0  # seconds between retries of a refused disk: screens call retry() on every tick


def header_line(session_id: str, plan: SessionPlan, created_at: datetime) -> str:
    header = {
        "format": JOURNAL_FORMAT,
        "journal_version": JOURNAL_VERSION,
        "id": session_id,
        "created_at": created_at.isoformat(),
        "plan": plan.model_dump(mode="json"),
    }
    return json.dumps(header, ensure_ascii=False, separators=(",", ":"))


class LiveJournal:
    def __init__(self, session_id: str, path: Path, lang: str, pending: list[str] | None = None,
                 *, clock: Callable[[], float] = time.monotonic) -> None:
        self.id = session_id
        self.path = path
        self.lang = lang
        self.problem: str | None = None
        self._clock = clock
        self._failed_at: float | None = None  # when the disk last refused
        self._pending: list[str] = list(pending or [])
        self._descriptor: int | None = None
        # After a failed or partial write the file may end mid-line; the next line starts
        # on a fresh one, and the reader skips the fragment.
        self._needs_newline = _ends_mid_line(path)
        self.closed = False
        if self._pending:
            self._flush()

    @property
    def pending(self) -> int:
        """Lines waiting in memory because the disk refused them."""
        return len(self._pending)

    def append(self, event: Event) -> bool:
        """Write one event; True when it (and everything before it) is on disk."""
        try:
            line = event.model_dump_json()
        except Exception:  # never raise into the session
            return False
        self._pending.append(line)
        return self._flush()

    def retry(self) -> bool:
        """Write what waits in memory; while the disk refuses, try at most every RETRY_INTERVAL."""
        if self._pending and self._failed_at is not None and self._clock() - self._failed_at < RETRY_INTERVAL:
            return False
        return self._flush()

    def _open(self) -> int:
        if self._descriptor is None:
            ensure_private_tree(self.path.parent.parent, self.path.parent)
            self._descriptor = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, PRIVATE_FILE_MODE)
        return self._descriptor

    def _flush(self) -> bool:
        if not self._pending:
            return True
        if self.closed:
            return False
        try:
            descriptor = self._open()
            while self._pending:
                data = ("\n" if self._needs_newline else "") + self._pending[0] + "\n"
                self._needs_newline = True  # until the whole line is known to be written
                _write_all(descriptor, data.encode("utf-8"))
                os.fsync(descriptor)
                self._needs_newline = False
                self._pending.pop(0)
        except OSError as error:
            self._drop_descriptor()
            self._failed_at = self._clock()
            self.problem = t(
                "store.journal.problem", self.lang, path=self.path, reason=os_reason(error, self.lang), count=len(self._pending)
            )
            return False
        except Exception as error:  # noqa: BLE001 - the session must go on whatever happens here
            self._drop_descriptor()
            self._failed_at = self._clock()
            self.problem = t("store.journal.problem", self.lang, path=self.path, reason=str(error), count=len(self._pending))
            return False
        self.problem = None
        self._failed_at = None
        return True

    def _drop_descriptor(self) -> None:
        if self._descriptor is not None:
            try:
                os.close(self._descriptor)
            except OSError:
                pass
            self._descriptor = None

    def close(self) -> None:
        self._flush()
        self._drop_descriptor()
        self.closed = True


def _write_all(descriptor: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(descriptor, view)
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


@dataclass
class LiveSession:
    """A journal left behind by a session that did not finish (a crash, a kill, a power cut)."""

    id: str
    path: Path
    plan: SessionPlan
    events: list[Event]
    started_at: datetime | None
    problem: str | None = None  # e.g. a damaged last line that was skipped
    modified_at: datetime | None = None
    skipped_lines: list[int] = field(default_factory=list)


class JournalUnreadable(ValueError):
    """The journal's first line (the plan) cannot be read; `code` is an i18n key suffix."""

    def __init__(self, code: str, **values: Any) -> None:
        super().__init__(code)
        self.code = code
        self.values = values


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
        return str(header["id"]), SessionPlan.model_validate(header["plan"])
    except (KeyError, TypeError, ValidationError, ValueError, RecursionError):
        raise JournalUnreadable("header") from None


def read_journal(path: Path, lang: str) -> LiveSession:
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
            event = Event.model_validate_json(line)
        except ValueError:
            skipped.append(number)
            continue
        if events and event.t < events[-1].t:
            skipped.append(number)  # out of order: never written by us
            continue
        events.append(event)
    problem = None
    if skipped:
        problem = t("store.journal.skipped", lang, path=path, lines=", ".join(map(str, skipped)))
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
