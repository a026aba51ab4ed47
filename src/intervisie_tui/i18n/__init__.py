"""Every user-facing string in Dutch and English.

Each area keeps its own catalogue module (`common`, `core`, `cli`, `ui`, `screens`, `store`) mapping a key to a
(Dutch, English) pair; `t` looks a key up in all of them.
"""

from __future__ import annotations

import os
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from importlib import import_module

LANGUAGES = ("nl", "en")
CATALOG_MODULES = ("common", "core", "cli", "ui", "screens", "store", "os_errors", "web", "groups", "room")


@cache
def catalog() -> dict[str, tuple[str, str]]:
    merged: dict[str, tuple[str, str]] = {}
    for name in CATALOG_MODULES:
        module = import_module(f"{__name__}.{name}")
        for key, pair in module.MESSAGES.items():
            if key in merged:
                raise KeyError(f"message key '{key}' is defined twice (in {name})")
            merged[key] = pair
    return merged


def t(key: str, lang: str, /, **values: object) -> str:
    """The text of `key` in `lang`, with its values filled in (a value that is a Message is rendered too)."""
    nl, en = catalog()[key]
    text = en if lang == "en" else nl
    if not values:
        return text
    return text.format(**{name: v.render(lang) if isinstance(v, Message) else v for name, v in values.items()})


def default_language(environ: dict[str, str] | None = None) -> str:
    """Dutch unless the system locale names another language; our users speak Dutch first."""
    env = os.environ if environ is None else environ
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = env.get(variable, "")
        if not value:
            continue
        code = value.split(":")[0].split("_")[0].split(".")[0].lower()
        if code in ("c", "posix", ""):
            continue
        return "nl" if code == "nl" else "en"
    return "nl"


def sort_key(text: str) -> str:
    """A key that sorts names as a reader expects: case and accents do not count (É with E)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


@dataclass(frozen=True)
class Message:
    """Something to tell the user, kept as a key and values until the language is known."""

    key: str
    values: dict[str, object] = field(default_factory=dict)

    def render(self, lang: str) -> str:
        return t(self.key, lang, **self.values)
