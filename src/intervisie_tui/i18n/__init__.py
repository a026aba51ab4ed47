"""Every user-facing string in Dutch and English.

Each area keeps its own catalogue module (`common`, `core`, `cli`, `ui`, `screens`, `store`) mapping a key to a
(Dutch, English) pair; `t` looks a key up in all of them. The core and the store hand over a `core.message.Message`
(a key and its values); the screens and the command line word it here, in the language of the moment. The
modules are read as keys are asked for, so a start reads only the catalogues its first screen needs.
"""

from __future__ import annotations

import os
import threading
import unicodedata
from importlib import import_module

LANGUAGES = ("nl", "en")
# In the order a start needs them: a screen's first frame reads the first few, not the groups' or the web's.
CATALOG_MODULES = ("common", "ui", "room", "screens", "core", "os_errors", "store", "cli", "web", "groups")

_known: dict[str, tuple[str, str]] = {}  # the keys of the catalogue modules read so far
_unread = list(CATALOG_MODULES)
_reading = threading.Lock()  # one reader at a time: a thread may word a message while the screen does


def _read_next() -> None:
    name = _unread.pop(0)
    module = import_module(f"{__name__}.{name}")
    for key, pair in module.MESSAGES.items():
        if key in _known:
            raise KeyError(f"message key '{key}' is defined twice (in {name})")
        _known[key] = pair


def _pair(key: str) -> tuple[str, str]:
    """A key's (Dutch, English) pair, reading catalogue modules only until it is found."""
    pair = _known.get(key)
    if pair is None:
        with _reading:
            while (pair := _known.get(key)) is None:
                if not _unread:
                    raise KeyError(key)
                _read_next()
    return pair


def catalog() -> dict[str, tuple[str, str]]:
    """Every key (all modules read)."""
    with _reading:
        while _unread:
            _read_next()
    return _known


def t(key: str, lang: str, /, **values: object) -> str:
    """The text of `key` in `lang`, with its values filled in. A value that words itself (a `core.message.Message`,
    with `render(lang)`) is worded in the same language; asked by duck type, so the catalogue imports no core."""
    nl, en = _pair(key)
    text = en if lang == "en" else nl
    if not values:
        return text
    return text.format(**{name: _worded(value, lang) for name, value in values.items()})


def _worded(value: object, lang: str) -> object:
    # A message by its shape (a key, values and render): the catalogue sits below the core and imports none of it.
    if hasattr(value, "key") and hasattr(value, "values") and callable(render := getattr(value, "render", None)):
        return render(lang)
    return value


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
