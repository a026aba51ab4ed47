"""Why the system refused a file operation, as a message (worded in `i18n.os_errors`).

`OSError.strerror` is the C library's English text; every place that tells the user why a
file could not be read or written goes through `os_error_reason` instead.
"""

from __future__ import annotations

import errno

from .message import Message

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
