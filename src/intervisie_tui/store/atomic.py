"""Private, atomic file writes: a temporary file in the same folder, flushed, then renamed.

A crash at any moment leaves either the old file or the new one, never half of one.
Folders are 0700 and files 0600: intervisie content is confidential.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

PRIVATE_DIR_MODE = 0o700
PRIVATE_FILE_MODE = 0o600


def _restrict(path: Path | str, mode: int) -> None:
    """Make private where the file system allows; some cannot (FAT or exFAT on a USB stick
    refuses chmod with EPERM) and saving there must still work."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        os.chmod(path, mode)


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


Stamp = tuple[int, int, int]  # (inode, size, mtime in ns): changes whenever a file is written anew


class _Anything:
    def __repr__(self) -> str:
        return "ANYTHING"


ANYTHING = _Anything()  # `expected`: write whatever is there now
NEW = None  # `expected`: only if no file is there


class WrittenMeanwhile(OSError):
    """The file is not what the writer read (another instance wrote or removed it): nothing
    was written, so neither version is lost."""

    def __init__(self, path: Path) -> None:
        super().__init__(f"{path} was written by someone else meanwhile")
        self.path = path


def stamp_of_file(path: Path) -> Stamp | None:
    try:
        stat = os.stat(path)
    except FileNotFoundError:
        return None
    return (stat.st_ino, stat.st_size, stat.st_mtime_ns)


def atomic_write_bytes(path: Path, data: bytes, *, expected: Stamp | _Anything | None = ANYTHING) -> None:
    """Write `data` to `path` atomically. With `expected` the stamp of the file as the writer
    read it (or NEW: no file), the file there is compared just before the rename, and
    WrittenMeanwhile raised (nothing written) when another instance wrote it since."""
    import tempfile  # here: opening the index (`notes list`) needs this module, never a temporary file

    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        _restrict(temporary, PRIVATE_FILE_MODE)
        if expected is NEW:
            _link_new(Path(temporary), path)
        else:
            if not isinstance(expected, _Anything) and stamp_of_file(path) != expected:
                raise WrittenMeanwhile(path)
            os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    _fsync_dir(path.parent)


def _link_new(temporary: Path, path: Path) -> None:
    """Give the written file its name only if no file has that name: a hard link fails when
    one exists, with no moment between a check and the rename. File systems without hard
    links (FAT on a USB stick) get the check just before the rename."""
    try:
        os.link(temporary, path)
    except FileExistsError:
        raise WrittenMeanwhile(path) from None
    except OSError:
        if os.path.lexists(path):
            raise WrittenMeanwhile(path) from None
        os.replace(temporary, path)
        return
    temporary.unlink(missing_ok=True)


def atomic_write_text(path: Path, text: str, *, expected: Stamp | _Anything | None = ANYTHING) -> None:
    atomic_write_bytes(path, text.encode("utf-8"), expected=expected)


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
