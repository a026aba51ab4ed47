"""Errors of the store, as messages for the person at the keyboard: which file, what happened, what to do."""

from __future__ import annotations

import errno
from pathlib import Path
from typing import Any, NamedTuple

from ..core.message import Message
from ..core.os_errors import os_error_reason


class UnreadableFile(ValueError):
    """A file that cannot be read as what it should be; `message` says why (the catalogue key `KEYS` + code)."""

    KEYS = ""

    def __init__(self, code: str, **values: Any) -> None:
        self.message = Message(f"{self.KEYS}{code}", values)
        super().__init__(self.message)

    def __str__(self) -> str:  # for logs; the screens and commands render `message`
        return self.message.render("en")


class StoreError(Exception):
    """Something on disk went wrong; `message` says what, worded by whoever shows it (str() is English, for logs)."""

    def __init__(self, message: Message, path: Path | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path

    def __str__(self) -> str:
        return self.message.render("en")


class Problem(NamedTuple):
    """A file that could not be read: shown with its name, never deleted or rewritten."""

    path: Path
    reason: Message

    def render(self, lang: str) -> str:
        return f"{self.path}: {self.reason.render(lang)}"

    def __str__(self) -> str:  # for logs; the screens and commands render it in their language
        return self.render("en")


def os_reason(error: OSError) -> Message:
    """A short reason for a failed file operation, with a hint what to do."""
    if error.errno == errno.ENOSPC or error.errno == getattr(errno, "EDQUOT", -1):
        return Message("store.reason.full")
    if error.errno in (errno.EACCES, errno.EPERM):
        return Message("store.reason.denied")
    if error.errno == errno.EROFS:
        return Message("store.reason.read_only")
    return Message("store.reason.other", {"detail": os_error_reason(error)})
