"""How the facilitator's app and a room display find each other: files in live/, nothing else.

- `current.json`, written atomically by the app, names the live session; a display
  follows whatever it names, so a new session or a resume needs no restart of the display.
- `app.heartbeat` and `display.heartbeat`: empty files whose modification time each side
  sets every second. Fresh means "still there"; they are never in the journal.

Works the same on Linux, macOS, Windows and WSL: only stat, rename and utime.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Callable
from pathlib import Path

from .atomic import PRIVATE_FILE_MODE, atomic_write_text, ensure_private_dir

POINTER_FILE = "current.json"
POINTER_FORMAT = "intervisie-tui live pointer"
APP_HEARTBEAT = "app.heartbeat"
DISPLAY_HEARTBEAT = "display.heartbeat"
HEARTBEAT_SECONDS = 1.0  # how often each side beats
HEARTBEAT_STALE = 4.0  # older than this: the other side is gone

Wall = Callable[[], float]  # seconds since the epoch (time.time, or a test's clock)


def write_pointer(live_dir: Path, session_id: str) -> None:
    """Name the live session (atomically: a display never reads half a pointer)."""
    ensure_private_dir(live_dir.parent)
    ensure_private_dir(live_dir)
    atomic_write_text(live_dir / POINTER_FILE, json.dumps({"format": POINTER_FORMAT, "session": session_id}))


def read_pointer(live_dir: Path) -> str | None:
    """The live session's id, or None when there is none (or the file is not ours)."""
    from ..core.files import FileRefused, parse_json, read_limited

    try:
        data = parse_json(read_limited(live_dir / POINTER_FILE, "settings"))
    except (OSError, ValueError, FileRefused):  # a pipe or a folder in its place: no pointer, never a hang
        return None
    session = data.get("session") if isinstance(data, dict) and data.get("format") == POINTER_FORMAT else None
    if not isinstance(session, str) or not session or "/" in session or "\\" in session or session.startswith("."):
        return None  # an id is a file name in live/, never a path
    return session


class Heartbeat:
    """One side's heartbeat file: `beat()` often, `stop()` when leaving."""

    def __init__(self, path: Path, wall: Wall) -> None:
        self.path = path
        self._wall = wall
        self._last = float("-inf")

    def beat(self) -> None:
        now = self._wall()
        if now - self._last < HEARTBEAT_SECONDS:
            return
        self._last = now
        try:
            if not self.path.exists():
                ensure_private_dir(self.path.parent)
                os.close(os.open(self.path, os.O_WRONLY | os.O_CREAT, PRIVATE_FILE_MODE))
            os.utime(self.path, (now, now))
        except OSError:
            pass  # a read-only data folder: the other side just sees no heartbeat

    def stop(self) -> None:
        with contextlib.suppress(OSError):
            self.path.unlink(missing_ok=True)
        self._last = float("-inf")


def heartbeat_fresh(path: Path, wall: Wall, stale: float = HEARTBEAT_STALE) -> bool:
    try:
        return abs(wall() - path.stat().st_mtime) <= stale
    except OSError:
        return False
