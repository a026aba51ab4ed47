"""The rows of `intervisie methods list`, cached so the command starts fast.

Validating method files needs pydantic, which costs more than the listing itself.
The rows are cached in the user cache folder, keyed by the size and modification
time of every method file and of the folders on sys.path; any change, any installed
plugin, or any trouble with the cache means a full load. The cache is never
authoritative and never required.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

from ..core.records import record
from ..store.method_stamp import library_key, plugins_installed

CACHE_FORMAT = 3


@record(frozen=True)
class MethodRow:
    """One method as `methods list` prints it."""

    id: str
    name: dict[str, str]
    minutes: int
    phases: int
    group_size: tuple[int, int]
    origin: str
    replaces_builtin: bool


Problem = dict[str, str]  # the message per language


def _full_load(user_dir: Path | None) -> tuple[list[MethodRow], list[Problem]]:
    from ..core.library import load_library

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


def method_rows(user_dir: Path | None, cache_file: Path | None) -> tuple[list[MethodRow], list[Problem]]:
    """Rows and problem messages, from the cache when nothing changed."""
    if cache_file is None:
        return _full_load(user_dir)
    key = library_key(user_dir, CACHE_FORMAT)
    try:
        from ..core.files import FileRefused, parse_json, read_limited

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
        from ..store.atomic import atomic_write_text, ensure_private_dir

        ensure_private_dir(cache_file.parent)
        # With plugins installed the rows may change without any file changing: never cache them.
        payload = {
            "key": key,
            "plugins": plugins_installed(),
            "rows": [asdict(row) for row in rows],
            "problems": problems,
        }
        atomic_write_text(cache_file, json.dumps(payload, ensure_ascii=False))
    except OSError:
        pass  # a cache we cannot write only costs speed
    return rows, problems
