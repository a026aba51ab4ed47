"""`record`: a dataclass whose equality, hash and repr are shared, not written for each class.

`dataclass` writes `__eq__`, `__hash__` and `__repr__` (with `__init__`) for every class as source
text and compiles it at import. For the records a session start imports, that compiling came to a
fiftieth of everything the start runs before its first frame (21 of 1,138 million instructions,
bench/startup_instructions.py). `record` takes `__init__` (and, frozen, the guards against setting a field)
from `dataclass` and these three from here, where they read the fields when called: equal when the
class is the same and every compared field is; a frozen record hashes its compared fields, a mutable
one cannot be hashed; the repr names every field shown. As `dataclass` does, a class that writes one
of them itself keeps its own. It is still a dataclass: pydantic, `fields`, `replace` all see one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields
from functools import cache
from reprlib import recursive_repr
from typing import Any, TypeVar, dataclass_transform, overload

T = TypeVar("T", bound=type)


@cache
def _names(kind: type) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """The fields compared, hashed and shown, as `dataclass` would choose them."""
    found = fields(kind)
    compared = tuple(item.name for item in found if item.compare)
    hashed = tuple(item.name for item in found if (item.compare if item.hash is None else item.hash))
    shown = tuple(item.name for item in found if item.repr)
    return compared, hashed, shown


def _eq(self: Any, other: Any) -> bool:
    if other.__class__ is not self.__class__:
        return NotImplemented
    compared = _names(self.__class__)[0]
    return tuple(getattr(self, name) for name in compared) == tuple(getattr(other, name) for name in compared)


def _hash(self: Any) -> int:
    return hash(tuple(getattr(self, name) for name in _names(self.__class__)[1]))


@recursive_repr()
def _repr(self: Any) -> str:
    shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in _names(self.__class__)[2])
    return f"{self.__class__.__qualname__}({shown})"


@overload
def record(cls: T, /) -> T: ...
@overload
def record(*, frozen: bool = False, slots: bool = False) -> Callable[[T], T]: ...


@dataclass_transform()
def record(cls: T | None = None, /, *, frozen: bool = False, slots: bool = False) -> T | Callable[[T], T]:
    def wrap(kind: T) -> T:
        own = set(kind.__dict__)
        made: Any = dataclass(kind, frozen=frozen, slots=slots, eq=False, repr=False)
        if "__eq__" not in own:
            made.__eq__ = _eq
        if "__hash__" not in own:
            made.__hash__ = _hash if frozen else None  # as dataclass(eq=True): a mutable one has no hash
        if "__repr__" not in own:
            made.__repr__ = _repr
        return made

    return wrap if cls is None else wrap(cls)
