"""Why the system refused a file operation, in the user's language.

`OSError.strerror` is the C library's English text; every place that tells the user why a
file could not be read or written goes through `os_error_reason` instead.
"""

from __future__ import annotations

import errno

from . import Message

MESSAGES: dict[str, tuple[str, str]] = {
    "oserror.not_found": ("bestand of map bestaat niet", "no such file or folder"),
    "oserror.denied": ("geen toestemming", "permission denied"),
    "oserror.full": ("de schijf is vol", "the disk is full"),
    "oserror.read_only": ("de schijf is alleen-lezen", "the disk is read-only"),
    "oserror.is_folder": ("dit is een map, geen bestand", "this is a folder, not a file"),
    "oserror.not_folder": ("een deel van het pad is geen map", "part of the path is not a folder"),
    "oserror.exists": ("bestaat al", "already exists"),
    "oserror.name_too_long": ("de naam is te lang", "the name is too long"),
    "oserror.io": ("lees- of schrijffout op de schijf", "input/output error on the disk"),
    "oserror.busy": ("bestand of apparaat is bezet", "file or device is busy"),
    "oserror.loop": ("te veel symbolische koppelingen", "too many symbolic links"),
    "oserror.too_many_open": ("te veel open bestanden", "too many open files"),
    "oserror.not_empty": ("de map is niet leeg", "the folder is not empty"),
    "oserror.cross_device": ("kan niet naar een andere schijf verplaatsen", "cannot move to another disk"),
    "oserror.invalid": ("ongeldige naam of bewerking", "invalid name or operation"),
    "oserror.other": ("systeemfout {number}: {detail}", "system error {number}: {detail}"),
    "oserror.unknown": ("systeemfout: {detail}", "system error: {detail}"),
}

_BY_ERRNO: dict[int, str] = {
    errno.ENOENT: "not_found",
    errno.EACCES: "denied",
    errno.EPERM: "denied",
    errno.ENOSPC: "full",
    errno.EROFS: "read_only",
    errno.EISDIR: "is_folder",
    errno.ENOTDIR: "not_folder",
    errno.EEXIST: "exists",
    errno.ENAMETOOLONG: "name_too_long",
    errno.EIO: "io",
    errno.EBUSY: "busy",
    errno.ELOOP: "loop",
    errno.EMFILE: "too_many_open",
    errno.ENOTEMPTY: "not_empty",
    errno.EXDEV: "cross_device",
    errno.EINVAL: "invalid",
}
if hasattr(errno, "EDQUOT"):
    _BY_ERRNO[errno.EDQUOT] = "full"


def os_error_reason(error: OSError) -> Message:
    """The reason as a message, rendered once the language is known (it may be a value of another message)."""
    name = _BY_ERRNO.get(error.errno or -1)
    if name is not None:
        return Message(f"oserror.{name}")
    detail = error.strerror or str(error) or type(error).__name__
    if error.errno:
        return Message("oserror.other", {"number": error.errno, "detail": detail})
    return Message("oserror.unknown", {"detail": detail})
