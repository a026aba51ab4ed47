"""Errors of the store, worded for the person at the keyboard: which file, what happened, what to do."""

from __future__ import annotations

import errno
from pathlib import Path

from ..i18n import t
from ..i18n.os_errors import os_error_reason


class StoreError(Exception):
    """Something on disk went wrong; `str(error)` is a translated message ready to show."""

    def __init__(self, message: str, path: Path | None = None) -> None:
        super().__init__(message)
        self.path = path


def os_reason(error: OSError, lang: str) -> str:
    """A short translated reason for a failed file operation, with a hint what to do."""
    if error.errno == errno.ENOSPC or error.errno == getattr(errno, "EDQUOT", -1):
        return t("store.reason.full", lang)
    if error.errno in (errno.EACCES, errno.EPERM):
        return t("store.reason.denied", lang)
    if error.errno == errno.EROFS:
        return t("store.reason.read_only", lang)
    return t("store.reason.other", lang, detail=os_error_reason(error))
