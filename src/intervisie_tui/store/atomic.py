"""Private, atomic file writes: a temporary file in the same folder, flushed, then renamed.

A crash at any moment leaves either the old file or the new one, never half of one.
Folders are 0700 and files 0600: intervisie content is confidential.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

PRIVATE_DIR_MODE = 0o700
PRIVATE_FILE_MODE = 0o600


def _restrict(path: Path | str, mode: int) -> None:
    """Make private where the file system allows; some cannot (FAT or exFAT on a USB stick
    refuses chmod with EPERM) and saving there must still work."""
    if os.name != "posix":
        return
    try:
        os.chmod(path, mode)
    except OSError:
        pass


def ensure_private_dir(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIR_MODE)
    _restrict(path, PRIVATE_DIR_MODE)
    return path


def ensure_private_tree(root: Path, folder: Path) -> Path:
    """`folder` and every folder between it and `root` (included), all 0700."""
    ensure_private_dir(root)
    current = root
    for part in folder.relative_to(root).parts:
        current = current / part
        ensure_private_dir(current)
    return folder


def atomic_write_bytes(path: Path, data: bytes) -> None:
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        _restrict(temporary, PRIVATE_FILE_MODE)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    _fsync_dir(path.parent)


def atomic_write_text(path: Path, text: str) -> None:
    atomic_write_bytes(path, text.encode("utf-8"))


def _fsync_dir(folder: Path) -> None:
    """Make the rename itself durable (POSIX); harmless where unsupported."""
    if os.name != "posix":
        return
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)
