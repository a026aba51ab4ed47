"""Reading the files the app is given, with bounded work whatever they hold.

Every file the app reads goes through `read_limited`: it never blocks on something that is
not a regular file (a named pipe, a device, a folder), follows no dangling link, and refuses
a file larger than its kind's limit with a message that says so. `parse_json` turns JSON
nested deeper than any file of ours (Python's parser then raises RecursionError) into a
plain ValueError. `FileRefused.message` explains what is wrong and what to do.
"""

from __future__ import annotations

import errno
import json
import os
import stat
from collections.abc import Iterable
from pathlib import Path

TYPE_CHECKING = False  # typing's, without importing typing (`intervisie notes list` does not)

if TYPE_CHECKING:  # a file read without trouble words nothing: `intervisie notes list` imports no message
    from typing import Any

    from .message import Message

MiB = 1024 * 1024

# The largest file of each kind the app reads. A real session document of a long day with many notes is
# well under 1 MB; these leave room for years of growth and keep a hostile file from eating memory and time.
LIMITS: dict[str, int] = {
    "session": 64 * MiB,
    "journal": 128 * MiB,  # every note event holds its field's whole text: long sessions grow
    "settings": 1 * MiB,
    "method": 1 * MiB,
    "cache": 256 * MiB,
    "group": 8 * MiB,
    "import": 32 * MiB,
}

# Nesting deeper than this in a TOML or JSON file of ours is damage: the deepest real file has about 6 levels.
MAX_NESTING = 64


class FileRefused(Exception):
    """A file the app will not read; `message` (a "files.refused.*" message) says why."""

    def __init__(self, path: Path, message: Message) -> None:
        super().__init__(message)
        self.path = path
        self.message = message

    def __str__(self) -> str:  # for logs; the screens word `message` in their language
        return f"{self.path}: {self.message.render('en')}"


class TooDeep(ValueError):
    """JSON nested deeper than any file of ours."""

    def __init__(self) -> None:
        super().__init__(f"nested more than {MAX_NESTING} levels deep")


class HugeNumber(ValueError):
    """A number with more digits than Python converts (4,300): no file of ours holds one."""

    def __init__(self) -> None:
        super().__init__("a number with thousands of digits")


def _message(key: str, values: dict[str, object] | None = None) -> Message:
    """Why a file is refused; the message module imported only then (a file that reads fine needs none)."""
    from .message import Message

    return Message(key) if values is None else Message(key, values)


def _reason(error: OSError) -> Message:
    from .os_errors import os_error_reason

    return os_error_reason(error)


def _kind_of(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "folder"
    if stat.S_ISFIFO(mode):
        return "pipe"
    if stat.S_ISSOCK(mode):
        return "socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "device"
    return "other"


def read_limited(path: Path, kind: str) -> bytes:
    """The bytes of a regular file, at most LIMITS[kind] of them; FileRefused otherwise.

    A missing file raises FileNotFoundError (callers often treat it as "nothing yet");
    any other OSError becomes FileRefused ("files.refused.os").
    """
    return read_limited_with_stamp(path, kind)[0]


def read_limited_with_stamp(path: Path, kind: str) -> tuple[bytes, tuple[int, int, int]]:
    """As read_limited, with the stamp (inode, size, mtime) of exactly what was read: a
    writer compares it before replacing the file (another instance may have written it)."""
    limit = LIMITS[kind]
    try:
        # O_NONBLOCK: opening a named pipe for reading must not wait for a writer.
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except FileNotFoundError:
        if os.path.islink(path):
            raise FileRefused(Path(path), _message("files.refused.dangling")) from None
        raise
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise FileRefused(Path(path), _message("files.refused.loop")) from None
        if error.errno == errno.EISDIR:
            raise FileRefused(
                Path(path), _message("files.refused.not_regular", {"kind": _message("files.kind.folder")})
            ) from None
        raise FileRefused(Path(path), _message("files.refused.os", {"reason": _reason(error)})) from None
    try:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):
            raise FileRefused(
                Path(path),
                _message("files.refused.not_regular", {"kind": _message(f"files.kind.{_kind_of(info.st_mode)}")}),
            )
        if info.st_size > limit:
            raise FileRefused(
                Path(path), _message("files.refused.too_large", {"size": _size(info.st_size), "limit": _size(limit)})
            )
        chunks: list[bytes] = []
        total = 0
        while True:
            chunk = os.read(descriptor, min(4 * MiB, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:  # it grew while we read
                raise FileRefused(
                    Path(path), _message("files.refused.too_large", {"size": _size(total), "limit": _size(limit)})
                )
        return b"".join(chunks), (info.st_ino, info.st_size, info.st_mtime_ns)
    except OSError as error:
        raise FileRefused(Path(path), _message("files.refused.os", {"reason": _reason(error)})) from None
    finally:
        os.close(descriptor)


def read_text_limited(path: Path, kind: str) -> str:
    """`read_limited`, decoded as UTF-8 (UnicodeDecodeError when it is not)."""
    return read_limited(path, kind).decode("utf-8")


def _size(count: int) -> str:
    if count >= MiB:
        return f"{count / MiB:.0f} MB"
    return f"{max(1, round(count / 1024))} kB"


def parse_json(data: bytes | str) -> Any:
    """json.loads, but JSON nested deeper than MAX_NESTING (a RecursionError in the parser, or
    a later one in whoever walks it) raises TooDeep, a ValueError."""
    try:
        value = json.loads(data)
    except RecursionError:
        raise TooDeep() from None
    except ValueError as error:
        if "integer string conversion" in str(error):
            raise HugeNumber() from None
        raise
    if nesting_exceeds(value, MAX_NESTING):
        raise TooDeep()
    return value


def nesting_exceeds(value: Any, limit: int) -> bool:
    """Whether `value` (parsed JSON or TOML) holds containers nested more than `limit` deep; iterative."""
    stack: list[tuple[Any, int]] = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        children: Iterable[Any]
        if isinstance(item, dict):
            children = item.values()
        elif isinstance(item, list):
            children = item
        else:
            continue
        if depth >= limit:
            return True
        stack.extend((child, depth + 1) for child in children if isinstance(child, (dict, list)))
    return False
