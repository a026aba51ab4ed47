"""pydantic at the file boundary: data read from a file, checked against a core dataclass.

The core's types are plain dataclasses annotated for pydantic (core/field_rules.py). pydantic is
imported here, when the first file is read, never on the way to a session's first frame. Callers
catch `pydantic.ValidationError` (imported where they catch it, for the same reason).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from pydantic import TypeAdapter

T = TypeVar("T")


_ADAPTERS: dict[type, TypeAdapter[Any]] = {}  # built once per class: building one costs milliseconds


def _adapter(kind: type) -> TypeAdapter[Any]:
    adapter = _ADAPTERS.get(kind)
    if adapter is None:
        from pydantic import TypeAdapter

        adapter = _ADAPTERS[kind] = TypeAdapter(kind)
    return adapter


def validated(kind: type[T], data: Any) -> T:
    """`data` (from JSON or TOML) as a `kind`, or pydantic.ValidationError saying what is wrong where."""
    result: T = _adapter(kind).validate_python(data)
    return result


def validated_json(kind: type[T], text: str | bytes) -> T:
    """A JSON text as a `kind`, or pydantic.ValidationError."""
    result: T = _adapter(kind).validate_json(text)
    return result


def json_schema(kind: type) -> dict[str, Any]:
    """The JSON Schema of a core dataclass, as pydantic generates it."""
    return _adapter(kind).json_schema()
