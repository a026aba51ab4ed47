"""The core's dataclasses as plain JSON data, and back, checked, without pydantic.

`to_plain` is how methods, plans and events are written (the method cache, journals, documents).
`from_plain` rebuilds them from such data and checks every value against the same annotations
pydantic reads (types, `Rules` constraints, unknown keys where a class refuses them, the classes'
own rules): a session's journal is read back by the display and on resume, and the method cache at
every start, without importing pydantic. It accepts only what this program writes: JSON's own
types, times in ISO 8601. pydantic, more lenient in what it converts, stays the reader of files
people write (method files) and of documents (core/validation.py); tests/core/test_plain.py checks
that whatever `from_plain` accepts, pydantic accepts as the same value.
"""

from __future__ import annotations

import dataclasses
import math
import re
import types
from collections.abc import Callable
from datetime import datetime
from enum import Enum
from functools import cache
from typing import Annotated, Any, Literal, Union, get_args, get_origin, get_type_hints

from .field_rules import Rules


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


class NotPlain(ValueError):
    """Data that is not a valid `kind`: `where` (a dotted path), what was expected there and what was `given`."""

    def __init__(self, where: str, expected: str, given: Any = None) -> None:
        self.where = where
        self.expected = expected
        self.given = given
        super().__init__(f"{where or '(top)'}: expected {expected}")


def from_plain(kind: Any, data: Any) -> Any:
    """A `kind` rebuilt from plain JSON data, every value checked; NotPlain says where it is wrong."""
    return _rebuilder(kind)(data, "")


Rebuild = Callable[[Any, str], Any]


def _fail(where: str, expected: str, given: Any = None) -> NotPlain:
    return NotPlain(where, expected, given)


@cache
def _rebuilder(kind: Any) -> Rebuild:
    """How to rebuild and check a `kind`, worked out once per type (the method cache holds thousands
    of values: looking at each one's annotation afresh would cost more than building them)."""
    origin = get_origin(kind)
    if origin is Annotated:
        inner, *metadata = get_args(kind)
        constraints: dict[str, Any] = {}
        for item in metadata:
            if isinstance(item, Rules):
                constraints.update(item.constraints)
        return _constrained(_rebuilder(inner), constraints)
    if origin is Union or origin is types.UnionType:
        options = [arg for arg in get_args(kind) if arg is not type(None)]
        if len(options) != 1:
            raise TypeError(f"from_plain handles X | None only, not {kind}")
        rebuild_inner = _rebuilder(options[0])
        return lambda data, where: None if data is None else rebuild_inner(data, where)
    if origin is list or origin is tuple:
        args = get_args(kind)
        if origin is tuple and (len(args) != 2 or args[1] is not Ellipsis):
            raise TypeError(f"from_plain handles tuple[X, ...] only, not {kind}")
        rebuild_item = _rebuilder(args[0])
        container = list if origin is list else tuple

        def sequence(data: Any, where: str) -> Any:
            if not isinstance(data, list):
                raise _fail(where, "a list", data)
            return container(rebuild_item(item, f"{where}[{i}]") for i, item in enumerate(data))

        return sequence
    if origin is dict:
        key_type, value_type = get_args(kind)
        if key_type is not str:
            raise TypeError(f"from_plain handles dict[str, X] only, not {kind}")
        rebuild_value = _rebuilder(value_type)

        def mapping(data: Any, where: str) -> Any:
            if not isinstance(data, dict):
                raise _fail(where, "an object", data)
            return {key: rebuild_value(value, f"{where}.{key}" if where else key) for key, value in data.items()}

        return mapping
    if origin is Literal:
        choices = get_args(kind)

        def literal(data: Any, where: str) -> Any:
            if not any(data == choice and type(data) is type(choice) for choice in choices):
                raise _fail(where, " or ".join(map(repr, choices)), data)
            return data

        return literal
    if isinstance(kind, type) and dataclasses.is_dataclass(kind):
        return _record(kind)
    if isinstance(kind, type) and issubclass(kind, Enum):
        values = {member.value: member for member in kind}

        def enum(data: Any, where: str) -> Any:
            member = values.get(data) if isinstance(data, str) else None
            if member is None:
                raise _fail(where, "one of " + ", ".join(map(str, values)), data)
            return member

        return enum
    simple = _SIMPLE.get(kind)
    if simple is None:
        raise TypeError(f"from_plain cannot check {kind}")
    return simple


def _record(kind: type) -> Rebuild:
    hints = get_type_hints(kind, include_extras=True)
    fields = {item.name: _rebuilder(hints[item.name]) for item in dataclasses.fields(kind) if item.init}
    required = {
        item.name
        for item in dataclasses.fields(kind)
        if item.init and item.default is dataclasses.MISSING and item.default_factory is dataclasses.MISSING
    }
    config = getattr(kind, "__pydantic_config__", None) or {}
    refuses_unknown = config.get("extra") == "forbid"
    renamed: dict[str, str] = getattr(kind, "LEGACY_KEYS", {})

    def record(data: Any, where: str) -> Any:
        if not isinstance(data, dict):
            raise _fail(where, "an object", data)
        for old, new in renamed.items():
            if old in data and new not in data:
                data = {(new if key == old else key): value for key, value in data.items()}
        values = {}
        for key, value in data.items():
            rebuild = fields.get(key)
            inside = f"{where}.{key}" if where else str(key)
            if rebuild is None:
                if refuses_unknown:
                    raise _fail(inside, "no such key", value)
                continue
            values[key] = rebuild(value, inside)
        missing = required - values.keys()
        if missing:
            raise _fail(f"{where}.{min(missing)}" if where else min(missing), "a value (it is missing)")
        try:
            return kind(**values)
        except ValueError as broken:  # the class's own rules (RuleBroken among them)
            raise _fail(where, f"values that fit together ({broken})", data) from None

    return record


def _text(data: Any, where: str) -> Any:
    if not isinstance(data, str):
        raise _fail(where, "text", data)
    return data


def _whole(data: Any, where: str) -> Any:
    if type(data) is not int:
        raise _fail(where, "a whole number", data)
    return data


def _number(data: Any, where: str) -> Any:
    if type(data) not in (int, float):
        raise _fail(where, "a number", data)
    return float(data)


def _truth(data: Any, where: str) -> Any:
    if type(data) is not bool:
        raise _fail(where, "true or false", data)
    return data


def _moment(data: Any, where: str) -> Any:
    if not isinstance(data, str):
        raise _fail(where, "a time (ISO 8601)", data)
    try:
        return datetime.fromisoformat(data)
    except ValueError:
        raise _fail(where, "a time (ISO 8601)", data) from None


_SIMPLE: dict[Any, Rebuild] = {str: _text, int: _whole, float: _number, bool: _truth, datetime: _moment}


def _constrained(rebuild: Rebuild, constraints: dict[str, Any]) -> Rebuild:
    """`rebuild`, then the constraints pydantic would check (those the core's annotations use)."""
    known = {"strict", "gt", "ge", "le", "allow_inf_nan", "min_length", "max_length", "pattern", "strip_whitespace"}
    unknown = constraints.keys() - known
    if unknown:
        raise TypeError(f"from_plain cannot check {sorted(unknown)}")
    strip = constraints.get("strip_whitespace", False)
    pattern = re.compile(constraints["pattern"]) if "pattern" in constraints else None
    low = constraints.get("min_length")
    high = constraints.get("max_length")
    gt, ge, le = constraints.get("gt"), constraints.get("ge"), constraints.get("le")
    finite = constraints.get("allow_inf_nan") is False

    def check(data: Any, where: str) -> Any:
        value = rebuild(data, where)
        if strip and isinstance(value, str):
            value = value.strip()
        if isinstance(value, (int, float)):
            if finite and not math.isfinite(value):
                raise _fail(where, "a finite number", value)
            if (gt is not None and not value > gt) or (ge is not None and not value >= ge):
                raise _fail(where, f"a number above {gt}" if gt is not None else f"a number of at least {ge}", value)
            if le is not None and not value <= le:
                raise _fail(where, f"a number of at most {le}", value)
        if isinstance(value, (str, list, tuple)):
            if low is not None and len(value) < low:
                raise _fail(where, f"at least {low} long", value)
            if high is not None and len(value) > high:
                raise _fail(where, f"at most {high} long", value)
        if pattern is not None and not pattern.search(value):
            raise _fail(where, f"text matching {pattern.pattern}", value)
        return value

    return check
