"""Why the system refused a file operation, in the user's language.

`OSError.strerror` is the C library's English text; every place that tells the user why a
file could not be read or written goes through `os_error_reason` instead.
"""

from __future__ import annotations

import errno

from . import Message

# English as the C library says it (what English users always saw); Dutch in the same few words.
MESSAGES: dict[str, tuple[str, str]] = {
    "oserror.not_found": ("Bestand of map bestaat niet", "No such file or directory"),
    "oserror.denied": ("Geen toestemming", "Permission denied"),
    "oserror.full": ("Geen ruimte meer op de schijf", "No space left on device"),
    "oserror.quota": ("Schijfquotum overschreden", "Disk quota exceeded"),
    "oserror.read_only": ("Alleen-lezen bestandssysteem", "Read-only file system"),
    "oserror.is_folder": ("Dit is een map, geen bestand", "Is a directory"),
    "oserror.not_folder": ("Een deel van het pad is geen map", "Not a directory"),
    "oserror.exists": ("Bestaat al", "File exists"),
    "oserror.name_too_long": ("Naam te lang", "File name too long"),
    "oserror.io": ("Lees- of schrijffout op de schijf", "Input/output error"),
    "oserror.busy": ("Bestand of apparaat is bezet", "Device or resource busy"),
    "oserror.loop": ("Te veel symbolische koppelingen", "Too many levels of symbolic links"),
    "oserror.too_many_open": ("Te veel open bestanden", "Too many open files"),
    "oserror.not_empty": ("De map is niet leeg", "Directory not empty"),
    "oserror.cross_device": ("Kan niet naar een andere schijf verplaatsen", "Invalid cross-device link"),
    "oserror.invalid": ("Ongeldige naam of bewerking", "Invalid argument"),
    "oserror.other": ("Systeemfout {number}: {detail}", "System error {number}: {detail}"),
    "oserror.unknown": ("Systeemfout: {detail}", "System error: {detail}"),
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
    _BY_ERRNO[errno.EDQUOT] = "quota"


def os_error_reason(error: OSError) -> Message:
    """The reason as a message, rendered once the language is known (it may be a value of another message)."""
    name = _BY_ERRNO.get(error.errno or -1)
    if name is not None:
        return Message(f"oserror.{name}")
    detail = error.strerror or str(error) or type(error).__name__
    if error.errno:
        return Message("oserror.other", {"number": error.errno, "detail": detail})
    return Message("oserror.unknown", {"detail": detail})
