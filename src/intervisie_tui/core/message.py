"""What the program tells the user, before it is worded: a catalogue key and its values.

The core and the store say everything they have to say with a `Message` (an exception carries
one as `.message`), never with a string: the screens and the command line word it in the
language of the moment, so a language switch changes every message shown, the store's too.
The wording itself lives in `i18n`; a value may be a message of its own (a reason inside a sentence).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import field, fields, replace
from types import MappingProxyType
from typing import Any

from .records import record


@record(frozen=True)
class Message:
    """A catalogue key (`i18n`) and the values its text is filled in with; immutable."""

    key: str
    values: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # A read-only copy: a message handed around can never change under whoever shows it.
        object.__setattr__(self, "values", MappingProxyType(dict(self.values)))

    def __hash__(self) -> int:
        # Hashable when its values are (a list among them makes it unhashable, like a tuple holding one);
        # a subclass with fields of its own sets `__hash__ = Message.__hash__` to keep this one.
        parts = [getattr(self, item.name) for item in fields(self)]
        return hash(
            (type(self), *(tuple(sorted(part.items())) if isinstance(part, Mapping) else part for part in parts))
        )

    def render(self, lang: str) -> str:
        """The text in `lang`: for the screens and the command line, when they show it."""
        from ..i18n import t  # the catalogue is loaded only once something is shown

        return t(self.key, lang, **self.values)

    def with_values(self, **values: Any) -> Message:
        """The same message with some values added or replaced."""
        return replace(self, values={**self.values, **values})


def message_to_data(message: Message) -> dict[str, Any]:
    """A message as JSON-ready data (a cache keeps it so): values that are messages nest."""
    return {
        "key": message.key,
        "values": {
            name: message_to_data(value) if isinstance(value, Message) else value
            for name, value in message.values.items()
        },
    }


def message_from_data(data: Any) -> Message:
    """The message `message_to_data` gave; ValueError for anything else."""
    if not (isinstance(data, dict) and set(data) == {"key", "values"}):
        raise ValueError("not a message")
    key, values = data["key"], data["values"]
    if not (isinstance(key, str) and isinstance(values, dict)):
        raise ValueError("not a message")
    return Message(
        key,
        {
            name: message_from_data(value) if isinstance(value, dict) and set(value) == {"key", "values"} else value
            for name, value in values.items()
        },
    )
