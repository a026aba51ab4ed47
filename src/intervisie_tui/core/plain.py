"""The core's dataclasses as plain JSON data, and back from data this program wrote itself.

`to_plain` is how methods, plans and events are written (the method cache, journals, documents);
`from_plain` rebuilds them from the method cache only, which holds what was validated from the
files. Anything read from a file a person or another program may have touched goes through
pydantic instead (core/validation.py).
"""

from __future__ import annotations

import dataclasses
import types
from collections.abc import Callable
from datetime import datetime
from enum import Enum
from functools import cache
from typing import Any, Union, get_args, get_origin, get_type_hints


def to_plain(value: Any, *, drop_none: bool = False) -> Any:
    """JSON-ready data: dataclasses as objects (fields in order), enums as their values, times in ISO
    8601, tuples as lists. With `drop_none`, fields that are None are left out (their default)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        result = {}
        for item in dataclasses.fields(value):
            field_value = getattr(value, item.name)
            if field_value is None and drop_none:
                continue
            result[item.name] = to_plain(field_value, drop_none=drop_none)
        return result
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [to_plain(item, drop_none=drop_none) for item in value]
    if isinstance(value, dict):
        return {key: to_plain(item, drop_none=drop_none) for key, item in value.items()}
    return value


def from_plain(kind: Any, data: Any) -> Any:
    """A `kind` rebuilt from what `to_plain` gave. The dataclasses' own rules run again; types and
    bounds are not checked, so never use this on data from outside the program."""
    return _rebuilder(kind)(data)


Rebuild = Callable[[Any], Any]


def _keep(data: Any) -> Any:
    return data


@cache
def _rebuilder(kind: Any) -> Rebuild:
    """How to rebuild a `kind` from plain data, worked out once per type (the method cache holds
    thousands of values; looking at each one's type afresh cost more than building them)."""
    origin = get_origin(kind)
    if origin is Union or origin is types.UnionType:
        (inner,) = [arg for arg in get_args(kind) if arg is not type(None)]
        rebuild_inner = _rebuilder(inner)
        return lambda data: None if data is None else rebuild_inner(data)
    if origin is list or origin is tuple:
        rebuild_item = _rebuilder(get_args(kind)[0])
        container = list if origin is list else tuple
        return lambda data: container(rebuild_item(item) for item in data)
    if isinstance(kind, type) and dataclasses.is_dataclass(kind):
        fields = {name: _rebuilder(hint) for name, hint in get_type_hints(kind).items()}
        return lambda data: kind(**{name: fields[name](value) for name, value in data.items()})
    if isinstance(kind, type) and issubclass(kind, Enum):
        return kind
    if kind is datetime:
        return datetime.fromisoformat
    return _keep  # str, int, float, bool, Literal, dict, Any: as JSON gave them
