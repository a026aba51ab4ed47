"""The key both method caches (the library's and `methods list`'s rows) are checked against.

It is made of the size and modification time of every method file and of the folders on sys.path (installing a
package changes its folder), and of this program's version. Imports no pydantic and no TOML: computing the key must
cost far less than the load it saves.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

from .. import __version__
from ..core.paths import builtin_methods_dir


def library_key(user_dir: Path | None, cache_format: int) -> dict[str, Any]:
    """What a cache made with this format must have been made from to be used."""
    folders = [builtin_methods_dir()] + ([user_dir] if user_dir else [])
    return {"format": cache_format, "version": __version__, "files": file_stamp(folders), "path": path_stamp()}


def file_stamp(folders: list[Path]) -> list[list]:
    """Path, modification time and size of every method file in the folders: a changed file changes the key."""
    stamp = []
    for folder in folders:
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob("*.toml")):
            try:
                info = path.stat()
            except OSError:  # a dangling link, a link loop: the link itself, so fixing it changes the key
                try:
                    info = path.lstat()
                except OSError:
                    continue
                stamp.append([str(path), info.st_mtime_ns, -1])
                continue
            stamp.append([str(path), info.st_mtime_ns, info.st_size])
    return stamp


def plugins_installed() -> bool:
    from importlib import metadata

    from ..core.paths import ENTRY_POINT_GROUP

    return bool(metadata.entry_points(group=ENTRY_POINT_GROUP))


def _holds_distributions(entry: str) -> bool:
    try:
        return any(name.endswith((".dist-info", ".egg-info")) for name in os.listdir(entry or "."))
    except OSError:
        return False


def path_stamp() -> list[list]:
    """Installing or removing a package changes its folder on sys.path: then the cache is
    stale, and the next full load looks for plugins again."""
    stamp = []
    for index, entry in enumerate(sys.path):
        if index == 0 and not _holds_distributions(entry):
            continue  # the script's folder or the working directory: its stamp says nothing of plugins
        try:
            stamp.append([entry, os.stat(entry or ".").st_mtime_ns])
        except OSError:
            continue
    return stamp
