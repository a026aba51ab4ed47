"""Small JSON files of a few plain fields (the settings, the remembered set-up), read without pydantic.

They are read at every start, before the first frame; pydantic would cost more than the rest of
reading them together. Each field of such a dataclass is declared with `described`: its
description (for the README and the help) and a check of the value a file may hold. Keys the
dataclass does not know are kept in `unknown` and written back as they were (a newer version's).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any, TypeVar

Check = Callable[[Any], bool]
R = TypeVar("R")


def described(description: str, check: Check, **default: Any) -> Any:
    """A field with a description and the check its value in a file must pass."""
    return dataclasses.field(metadata={"description": description, "check": check}, **default)


def kept_unknown() -> Any:
    """The field holding the file's keys this version does not know."""
    return dataclasses.field(default_factory=dict, repr=False, compare=False)


class BadField(ValueError):
    def __init__(self, name: str, value: Any) -> None:
        self.name = name
        self.value = value
        super().__init__(name)


def file_fields(kind: type) -> dict[str, dataclasses.Field]:
    """The fields of `kind` a file holds (those declared with `described`)."""
    return {item.name: item for item in dataclasses.fields(kind) if "check" in item.metadata}


def record_from(kind: type[R], data: dict[str, Any]) -> R:
    """A `kind` from a file's JSON object; BadField names the first value that fails its check."""
    known = file_fields(kind)
    values: dict[str, Any] = {}
    unknown: dict[str, Any] = {}
    for key, value in data.items():
        item = known.get(key)
        if item is None:
            unknown[key] = value
        elif not item.metadata["check"](value):
            raise BadField(key, value)
        else:
            values[key] = value
    build: Any = kind  # a dataclass of described fields and `unknown`
    return build(**values, unknown=unknown)


def record_data(record: Any) -> dict[str, Any]:
    """What a file holds for `record`: its fields, then the unknown keys it was read with."""
    data = {name: getattr(record, name) for name in file_fields(type(record))}
    data.update((key, value) for key, value in record.unknown.items() if key not in data)
    return data


# Checks for the kinds of value these files hold (JSON's: a bool is not a number here).
def is_bool(value: Any) -> bool:
    return isinstance(value, bool)


def is_text(value: Any) -> bool:
    return isinstance(value, str)


def is_optional_text(value: Any) -> bool:
    return value is None or isinstance(value, str)


def is_text_list(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(item, str) for item in value)


def is_text_map(value: Any) -> bool:
    return isinstance(value, dict) and all(isinstance(item, str) for item in value.values())


def whole_number(low: int, high: int | None = None) -> Check:
    """None, or a whole number from `low` to `high` (no float, no bool)."""
    return lambda value: value is None or (type(value) is int and value >= low and (high is None or value <= high))


def one_of(*choices: Any) -> Check:
    return lambda value: any(value == choice and type(value) is type(choice) for choice in choices)
