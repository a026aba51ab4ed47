"""Places in parsed JSON, for the tests that damage files one value at a time."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any


def json_paths(value: Any, prefix: tuple = (), *, items_per_list: int | None = None) -> Iterator[tuple]:
    """Every place in parsed JSON, as a tuple of keys and indexes (the top first); long lists only
    to their first `items_per_list` items."""
    yield prefix
    if isinstance(value, dict):
        for key, item in value.items():
            yield from json_paths(item, (*prefix, key), items_per_list=items_per_list)
    elif isinstance(value, list):
        for index, item in enumerate(value[:items_per_list]):
            yield from json_paths(item, (*prefix, index), items_per_list=items_per_list)
