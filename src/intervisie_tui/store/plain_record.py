"""Small JSON files of a few plain fields (the settings, the remembered set-up), read without pydantic.

They are read at every start, before the first frame. Their dataclasses annotate each field as the
core's do (`Annotated[int, Rules(description, ge=1)]`), and `core.plain.from_plain` checks the file's
values against them. Keys the dataclass does not know are kept in its `unknown` field and written
back as they were (a newer version's).
"""

from __future__ import annotations

import dataclasses
from typing import Any, TypeVar

from ..core.plain import from_plain

R = TypeVar("R")


def kept_unknown() -> Any:
    """The field holding the file's keys this version does not know (not one of the file's own fields)."""
    return dataclasses.field(default_factory=dict, init=False, repr=False, compare=False)


def _file_keys(kind: type) -> list[str]:
    """The fields a file holds, in their order (`unknown` is not one of them)."""
    return [item.name for item in dataclasses.fields(kind) if item.init]


def record_from(kind: type[R], data: dict[str, Any]) -> R:
    """A `kind` from a file's JSON object; core.plain.NotPlain names the first value that fails its check."""
    record: R = from_plain(kind, data)
    known = _file_keys(kind)
    record.unknown = {key: value for key, value in data.items() if key not in known}  # type: ignore[attr-defined]
    return record


def record_data(record: Any) -> dict[str, Any]:
    """What a file holds for `record`: its fields, then the unknown keys it was read with."""
    data = {name: getattr(record, name) for name in _file_keys(type(record))}
    data.update((key, value) for key, value in record.unknown.items() if key not in data)
    return data
