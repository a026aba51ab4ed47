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

import contextlib
import json
from collections.abc import Callable, Iterator, MutableMapping
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
            entries = {data["method"]["id"]: data for data in cached["methods"]}
            if all(isinstance(method_id, str) for method_id in entries):
                return MethodLibrary(methods=MethodsFromCache(entries, lambda: _full_load(user_dir, cache_file, key)))
    except Exception:  # a cache that cannot be used, however damaged, only means a full load
        pass
    return _full_load(user_dir, cache_file, key)


class MethodsFromCache(MutableMapping[str, LoadedMethod]):
    """The cached methods by id, each rebuilt (and so checked) when first asked for: a session
    needs one of them. An entry that fails its check means the files are read after all, and
    the mapping holds what they give from then on."""

    def __init__(self, entries: dict[str, dict[str, Any]], full_load: Callable[[], MethodLibrary]) -> None:
        self._entries: dict[str, dict[str, Any] | None] = dict(entries)
        self._built: dict[str, LoadedMethod] = {}
        self._full_load = full_load

    def __getitem__(self, method_id: str) -> LoadedMethod:
        built = self._built.get(method_id)
        if built is not None:
            return built
        entry = self._entries[method_id]  # an unknown id: KeyError, as a dict says
        try:
            built = _loaded(entry)  # type: ignore[arg-type]
        except Exception:  # damaged after all: the files are the truth
            library = self._full_load()
            self._entries = dict.fromkeys(library.methods)
            self._built = dict(library.methods)
            return self._built[method_id]  # an id only the cache had: KeyError, unknown after all
        self._built[method_id] = built
        return built

    def __setitem__(self, method_id: str, loaded: LoadedMethod) -> None:
        self._entries.setdefault(method_id, None)
        self._built[method_id] = loaded

    def __delitem__(self, method_id: str) -> None:
        del self._entries[method_id]
        self._built.pop(method_id, None)

    def __contains__(self, method_id: object) -> bool:
        return method_id in self._entries  # without rebuilding it (Mapping's asks for the value)

    def __iter__(self) -> Iterator[str]:
        # Whoever goes through them all needs them all: rebuilt first, so that an entry found
        # damaged on the way (and the files read instead) changes nothing under the iteration.
        for method_id in list(self._entries):
            if method_id in self._entries:
                with contextlib.suppress(KeyError):  # an id only the cache had
                    self[method_id]
        return iter(list(self._entries))

    def __len__(self) -> int:
        return len(self._entries)


def _full_load(user_dir: Path | None, cache_file: Path, key: object) -> MethodLibrary:
    """Read and check every method file; cache the result when it is fit to be cached."""
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
