"""The core's dataclasses as plain JSON data, and back from data this program wrote itself.

`to_plain` is how methods, plans and events are written (the method cache, journals, documents);
`from_plain` rebuilds them from the method cache only, which holds what was validated from the
files. Anything read from a file a person or another program may have touched goes through
pydantic instead (core/validation.py).
"""

from __future__ import annotations

import dataclasses
import types
from datetime import datetime
from enum import Enum
from functools import cache
from typing import Any, Literal, TypeVar, Union, get_args, get_origin, get_type_hints

T = TypeVar("T")


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


@cache
def _field_types(kind: type) -> dict[str, Any]:
    return get_type_hints(kind)


def from_plain(kind: Any, data: Any) -> Any:
    """A `kind` rebuilt from what `to_plain` gave. The dataclasses' own rules run again; types and
    bounds are not checked, so never use this on data from outside the program."""
    origin = get_origin(kind)
    if origin is Union or origin is types.UnionType:
        if data is None:
            return None
        (inner,) = [arg for arg in get_args(kind) if arg is not type(None)]
        return from_plain(inner, data)
    if origin is list:
        return [from_plain(get_args(kind)[0], item) for item in data]
    if origin is tuple:
        return tuple(from_plain(get_args(kind)[0], item) for item in data)
    if origin is dict or origin is Literal or kind is Any:
        return data
    if isinstance(kind, type):
        if dataclasses.is_dataclass(kind):
            fields = _field_types(kind)
            return kind(**{name: from_plain(fields[name], value) for name, value in data.items()})
        if issubclass(kind, Enum):
            return kind(data)
        if kind is datetime:
            return datetime.fromisoformat(data)
    return data
