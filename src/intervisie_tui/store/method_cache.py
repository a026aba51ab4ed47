"""The method library, cached so a session's first frame needs neither TOML nor pydantic.

Reading and validating the method files costs more than drawing the first frame. So the
validated methods are kept in the user cache folder as plain JSON (core/plain.py),
keyed (as `methods list` does, see cli/method_listing.py) by the size and modification time of
every method file and of the folders on sys.path, and by this program's version. The cache
is used only when that key matches and the full load it came from found no problem and no
plugin; any change or any trouble with the cache means a full load (and a new cache). The
cache is never authoritative and never required: the files stay the truth.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..core.library import LoadedMethod, MethodLibrary, Origin, load_library
from ..core.method import Method
from ..core.plain import from_plain, to_plain
from .method_stamp import library_key, plugins_installed

CACHE_FORMAT = 2  # 2: methods as dataclasses (`schema`, not `schema_version`)


def _loaded_data(loaded: LoadedMethod) -> dict[str, Any]:
    return {
        "method": to_plain(loaded.method),
        "origin": loaded.origin.value,
        "source": loaded.source,
        "replaces": _loaded_data(loaded.replaces) if loaded.replaces is not None else None,
    }


def _loaded(data: dict[str, Any]) -> LoadedMethod:
    replaces = _loaded(data["replaces"]) if data["replaces"] is not None else None
    return LoadedMethod(from_plain(Method, data["method"]), Origin(data["origin"]), data["source"], replaces=replaces)


def cached_library(user_dir: Path | None, cache_file: Path | None) -> MethodLibrary:
    """The library `load_library(user_dir)` gives, from the cache when nothing changed."""
    if cache_file is None:
        return load_library(user_dir)
    key = library_key(user_dir, CACHE_FORMAT)
    try:
        cached = json.loads(cache_file.read_text(encoding="utf-8"))
        if cached["key"] == key:
            library = MethodLibrary()
            for data in cached["methods"]:
                loaded = _loaded(data)
                library.methods[loaded.method.id] = loaded
            return library
    except Exception:  # a cache that cannot be used, however damaged, only means a full load
        pass
    library = load_library(user_dir)
    if library.problems or plugins_installed():
        return library  # problems are reported from the files each time; plugins may change unseen
    try:
        from .atomic import atomic_write_text, ensure_private_dir

        ensure_private_dir(cache_file.parent)
        payload = {"key": key, "methods": [_loaded_data(loaded) for loaded in library.methods.values()]}
        atomic_write_text(cache_file, json.dumps(payload, ensure_ascii=False))
    except OSError:
        pass  # a cache we cannot write only costs speed
    return library
