"""The rows of `intervisie methods list`, cached so the command starts fast.

Validating method files needs pydantic, which costs more than the listing itself.
The rows are cached in the user cache folder, keyed by the size and modification
time of every method file and of the folders on sys.path; any change, any installed
plugin, or any trouble with the cache means a full load. The cache is never
authoritative and never required.
"""

from __future__ import annotations

import json
import os
import sys
from dataclasses import asdict, dataclass
from pathlib import Path

from . import __version__
from .core.locations import builtin_methods_dir

CACHE_FORMAT = 3


@dataclass(frozen=True)
class MethodRow:
    id: str
    name: dict[str, str]
    minutes: int
    phases: int
    group_size: tuple[int, int]
    origin: str
    replaces_builtin: bool


def _stamp(folders: list[Path]) -> list[list]:
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


Problem = dict[str, str]  # the message per language


def _full_load(user_dir: Path | None) -> tuple[list[MethodRow], list[Problem]]:
    from .core.library import load_library

    library = load_library(user_dir)
    rows = [
        MethodRow(
            id=loaded.method.id,
            name={"nl": loaded.method.name.nl, "en": loaded.method.name.en},
            minutes=loaded.method.minutes,
            phases=len(loaded.method.phases),
            group_size=(loaded.method.group_size[0], loaded.method.group_size[1]),  # exactly two: validated
            origin=loaded.origin.value,
            replaces_builtin=loaded.replaces_builtin,
        )
        for loaded in library.sorted()
    ]
    return rows, [{lang: problem.render(lang) for lang in ("nl", "en")} for problem in library.problems]


def _usable_row(row: MethodRow) -> bool:
    """A cached row the listing can print (a damaged cache is loaded again, never trusted)."""
    return (
        isinstance(row.id, str)
        and isinstance(row.name, dict)
        and all(isinstance(row.name.get(lang), str) for lang in ("nl", "en"))
        and all(
            isinstance(number, int) and not isinstance(number, bool) and 0 <= number < 100_000
            for number in (row.minutes, row.phases, *row.group_size)
        )
        and len(row.group_size) == 2
        and isinstance(row.origin, str)
        and row.origin in ("built-in", "plugin", "user")
        and isinstance(row.replaces_builtin, bool)
    )


def _usable_problem(problem: object) -> bool:
    return isinstance(problem, dict) and all(isinstance(problem.get(lang), str) for lang in ("nl", "en"))


def _plugins_installed() -> bool:
    from importlib import metadata

    from .core.locations import ENTRY_POINT_GROUP

    return bool(metadata.entry_points(group=ENTRY_POINT_GROUP))


def _holds_distributions(entry: str) -> bool:
    try:
        return any(name.endswith((".dist-info", ".egg-info")) for name in os.listdir(entry or "."))
    except OSError:
        return False


def _path_stamp() -> list[list]:
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


def method_rows(user_dir: Path | None, cache_file: Path | None) -> tuple[list[MethodRow], list[Problem]]:
    """Rows and problem messages, from the cache when nothing changed."""
    if cache_file is None:
        return _full_load(user_dir)
    folders = [builtin_methods_dir()] + ([user_dir] if user_dir else [])
    key = {"format": CACHE_FORMAT, "version": __version__, "files": _stamp(folders), "path": _path_stamp()}
    try:
        from .core.files import FileRefused, parse_json, read_limited

        try:
            cached = parse_json(read_limited(cache_file, "cache"))
        except FileRefused:
            raise ValueError("not a usable cache") from None
        if cached["key"] == key and not cached["plugins"]:
            rows = [MethodRow(**{**row, "group_size": tuple(row["group_size"])}) for row in cached["rows"]]
            problems = list(cached["problems"])
            if all(map(_usable_row, rows)) and all(_usable_problem(problem) for problem in problems):
                return rows, problems
    except (OSError, ValueError, KeyError, TypeError):
        pass
    rows, problems = _full_load(user_dir)
    try:
        from .store.atomic import atomic_write_text, ensure_private_dir

        ensure_private_dir(cache_file.parent)
        # With plugins installed the rows may change without any file changing: never cache them.
        payload = {
            "key": key,
            "plugins": _plugins_installed(),
            "rows": [asdict(row) for row in rows],
            "problems": problems,
        }
        atomic_write_text(cache_file, json.dumps(payload, ensure_ascii=False))
    except OSError:
        pass  # a cache we cannot write only costs speed
    return rows, problems
