"""One instance per live session: a lock file beside its journal (`live/<id>.lock`).

Where `fcntl` exists (Linux, macOS) the lock is an `flock` on that file, held as long as the
session is open here; the system drops it when the process ends in any way (a crash, kill -9,
a power cut), so a lock left behind by a dead instance is never in force: no guessing about
staleness. The file also says who holds it (pid, host, since), for the message to the second
instance. Elsewhere the file is created exclusively and holds the same; it counts as stale
when it names this host and a process that no longer runs.
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
from datetime import datetime
from pathlib import Path
from typing import NamedTuple

from .atomic import PRIVATE_FILE_MODE

try:  # Linux, macOS
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]


class Holder(NamedTuple):
    """Who holds a session's lock, as its lock file says (fields may be unknown)."""

    pid: int | None
    host: str
    since: str

    @classmethod
    def read(cls, path: Path) -> Holder:
        try:
            data = json.loads(path.read_text(encoding="utf-8")[:4096])
            pid = data.get("pid")
            return cls(
                pid if isinstance(pid, int) and not isinstance(pid, bool) else None,
                str(data.get("host", "?"))[:200],
                str(data.get("since", "?"))[:40],
            )
        except (OSError, ValueError, AttributeError):
            return cls(None, "?", "?")


class SessionLocked(Exception):
    """The session is open in another instance; `holder` says which."""

    def __init__(self, path: Path, holder: Holder) -> None:
        super().__init__(str(path))
        self.path = path
        self.holder = holder


def _identity() -> str:
    return json.dumps(
        {
            "pid": os.getpid(),
            "host": socket.gethostname(),
            "since": datetime.now().astimezone().isoformat(timespec="seconds"),
        }
    )


class SessionLock:
    """Held from `acquire()` until `release()` (or the end of the process)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._descriptor: int | None = None

    @property
    def held(self) -> bool:
        return self._descriptor is not None

    def acquire(self) -> None:
        """Take the lock, or raise SessionLocked naming who has it (OSError if the folder refuses)."""
        if self._descriptor is not None:
            return
        if fcntl is None:  # pragma: no cover - Windows
            self._acquire_exclusive()
            return
        for _ in range(5):  # the file may be replaced between our open and our lock
            descriptor = os.open(self.path, os.O_RDWR | os.O_CREAT, PRIVATE_FILE_MODE)
            try:
                fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                os.close(descriptor)
                raise SessionLocked(self.path, Holder.read(self.path)) from None
            try:
                same = os.fstat(descriptor).st_ino == os.stat(self.path).st_ino
            except OSError:
                same = False
            if not same:  # released and removed by its holder meanwhile: lock the new file
                os.close(descriptor)
                continue
            os.ftruncate(descriptor, 0)
            os.write(descriptor, _identity().encode("utf-8"))
            self._descriptor = descriptor
            return
        raise SessionLocked(self.path, Holder.read(self.path))

    def _acquire_exclusive(self) -> None:  # pragma: no cover - Windows
        for _ in range(2):
            try:
                descriptor = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_EXCL, PRIVATE_FILE_MODE)
            except FileExistsError:
                holder = Holder.read(self.path)
                if holder.host == socket.gethostname() and holder.pid is not None and not _running(holder.pid):
                    self.path.unlink(missing_ok=True)  # stale: its process is gone
                    continue
                raise SessionLocked(self.path, holder) from None
            os.write(descriptor, _identity().encode("utf-8"))
            self._descriptor = descriptor
            return
        raise SessionLocked(self.path, Holder.read(self.path))

    def release(self) -> None:
        """Let go, and remove the file (nothing in it is needed any more)."""
        if self._descriptor is None:
            return
        with contextlib.suppress(OSError):
            self.path.unlink(missing_ok=True)
        try:
            os.close(self._descriptor)  # drops the flock
        except OSError:
            pass
        self._descriptor = None

    def __del__(self) -> None:  # unreachable, it could never be released: as if the process ended
        if self._descriptor is not None:
            with contextlib.suppress(OSError):
                os.close(self._descriptor)


def holder_of(path: Path) -> Holder | None:
    """Who holds the lock at `path` right now; None when nobody does (or nobody can tell)."""
    if not path.exists():
        return None
    if fcntl is None:  # pragma: no cover - Windows
        holder = Holder.read(path)
        if holder.host == socket.gethostname() and holder.pid is not None and not _running(holder.pid):
            return None
        return holder
    try:
        descriptor = os.open(path, os.O_RDONLY)
    except OSError:
        return None
    try:
        fcntl.flock(descriptor, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except OSError:
        return Holder.read(path)
    finally:
        os.close(descriptor)  # a shared lock we got is dropped with the descriptor
    return None


def _running(pid: int) -> bool:  # pragma: no cover - used where fcntl is missing
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True
