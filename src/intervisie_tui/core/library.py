"""Find and load methods from the built-ins, the user's folder and Python plugins.

A bad file never hides the good ones: every problem is collected, never raised.
A user file (or plugin) with a built-in's id replaces the built-in, and says so.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator, MutableMapping
from dataclasses import field
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..i18n import sort_key
from .files import MAX_NESTING, FileRefused, nesting_exceeds, read_text_limited
from .method import Method
from .os_errors import os_error_reason
from .paths import ENTRY_POINT_GROUP, builtin_methods_dir
from .records import record

if TYPE_CHECKING:  # importing it costs more than a start from the method cache takes
    from importlib import metadata

    # Imported where a problem is found: a start from the method cache has none to word.
    from .method_errors import MethodFileError


class Origin(str, Enum):
    BUILTIN = "built-in"
    PLUGIN = "plugin"
    USER = "user"


@record(frozen=True)
class LoadedMethod:
    """A method with where it came from (and the one it replaces)."""

    method: Method
    origin: Origin
    source: str
    replaces: LoadedMethod | None = None

    @property
    def replaces_builtin(self) -> bool:
        replaced = self.replaces
        while replaced is not None:
            if replaced.origin is Origin.BUILTIN:
                return True
            replaced = replaced.replaces
        return False


@record
class MethodLibrary:
    """Every method found, by id, and the problems of the files that could not be read."""

    methods: MutableMapping[str, LoadedMethod] = field(
        default_factory=dict
    )  # a dict, or the cache's (store/method_cache.py)
    problems: list[MethodFileError] = field(default_factory=list)

    def get(self, method_id: str) -> Method:
        return self.methods[method_id].method

    def sorted(self, lang: str | None = None) -> list[LoadedMethod]:
        """By name in `lang` (as a reader looks for them), or by id without a language."""
        if lang is None:
            return sorted(self.methods.values(), key=lambda loaded: loaded.method.id)
        return sorted(self.methods.values(), key=lambda loaded: (sort_key(loaded.method.name(lang)), loaded.method.id))

    def add(self, loaded: LoadedMethod) -> None:
        previous = self.methods.get(loaded.method.id)
        if previous is not None:
            if previous.origin is loaded.origin:
                # Two of the user's own files (or two plugins) with one id: say which one is used.
                self.problems.append(
                    method_problem(loaded.source, "duplicate_id", {"id": loaded.method.id, "other": previous.source})
                )
            loaded = LoadedMethod(loaded.method, loaded.origin, loaded.source, replaces=previous)
        self.methods[loaded.method.id] = loaded


# A key of more than MAX_NESTING dotted parts (`a.a.a.…`): tomllib's time grows with the square of the parts,
# so such a key is refused before parsing (a real method's deepest key has three: summary.nl, questions.en).
# Compiled when first used (the re module keeps it): a start from the method cache parses no method file.
_DOTTED_KEY = r"(?:[A-Za-z0-9_-]+[ \t]*\.[ \t]*){" + str(MAX_NESTING) + ",}"


def method_problem(source: str, code: str, values: dict[str, Any] | None = None) -> MethodFileError:
    """A problem with a method file or plugin (worded in core/method_errors.py)."""
    from . import method_errors

    return method_errors.method_problem(source, code, values)


def parse_method_text(text: str, source: str) -> tuple[Method | None, list[MethodFileError]]:
    if re.search(_DOTTED_KEY, text):
        return None, [method_problem(source, "too_deep", {"depth": MAX_NESTING})]
    import tomllib  # here: a start from the method cache reads no TOML

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        from .method_errors import from_toml_error

        return None, [from_toml_error(source, text, error)]
    except RecursionError:  # arrays or inline tables nested thousands deep
        return None, [method_problem(source, "too_deep", {"depth": MAX_NESTING})]
    except ValueError:  # an integer of thousands of digits (Python refuses to convert it)
        return None, [method_problem(source, "huge_number")]
    if nesting_exceeds(data, MAX_NESTING):  # e.g. a key of 50,000 dotted parts
        return None, [method_problem(source, "too_deep", {"depth": MAX_NESTING})]
    return validate_method_data(data, source, text)


def validate_method_data(data: Any, source: str, text: str = "") -> tuple[Method | None, list[MethodFileError]]:
    from pydantic import ValidationError  # here: a start from the method cache needs no pydantic

    from .validation import validated

    try:
        return validated(Method, data), []
    except ValidationError as error:
        from .method_errors import from_validation_error

        return None, from_validation_error(source, text, data, error)


def load_method_file(path: Path) -> tuple[Method | None, list[MethodFileError]]:
    try:
        text = read_text_limited(path, "method")
    except UnicodeDecodeError:
        return None, [method_problem(str(path), "not_utf8")]
    except FileRefused as refused:  # a pipe, a folder, a dangling link, a link loop, too large
        return None, [method_problem(str(path), "refused", {"reason": refused.message})]
    except OSError as error:
        return None, [method_problem(str(path), "unreadable", {"reason": os_error_reason(error)})]
    return parse_method_text(text, str(path))


def _method_files(folder: Path) -> list[Path]:
    """Every `*.toml` in the folder, whatever it is: one that cannot be read (a dangling link, a pipe) is
    named by load_method_file, never skipped without a word."""
    try:
        with os.scandir(folder) as entries:
            return sorted(Path(entry.path) for entry in entries if entry.name.endswith(".toml"))
    except OSError:
        return []  # no folder (yet): nothing of the user's own


def _load_folder(library: MethodLibrary, folder: Path, origin: Origin) -> None:
    for path in _method_files(folder):
        method, problems = load_method_file(path)
        library.problems.extend(problems)
        if method is not None:
            library.add(LoadedMethod(method, origin, str(path)))


def _plugin_sources(entry_points: Iterable[metadata.EntryPoint]) -> Iterator[tuple[str, Any]]:
    for entry_point in entry_points:
        label = f"plugin '{entry_point.name}' ({entry_point.value})"
        try:
            provider = entry_point.load()
            items = provider() if callable(provider) else provider
            for item in items:
                yield label, item
        except Exception as error:  # a broken plugin must never stop the app
            yield label, error


def _load_plugins(library: MethodLibrary, entry_points: Iterable[metadata.EntryPoint]) -> None:
    for label, item in _plugin_sources(entry_points):
        if isinstance(item, Exception):
            library.problems.append(
                method_problem(label, "plugin_failed", {"reason": f"{type(item).__name__}: {item}"})
            )
        elif isinstance(item, Method):
            library.add(LoadedMethod(item, Origin.PLUGIN, label))
        elif isinstance(item, (str, Path)) and Path(item).is_dir():
            _load_folder(library, Path(item), Origin.PLUGIN)
        elif isinstance(item, (str, Path)):
            method, problems = load_method_file(Path(item))
            library.problems.extend(problems)
            if method is not None:
                library.add(LoadedMethod(method, Origin.PLUGIN, str(item)))
        else:
            method, problems = validate_method_data(item, label)
            library.problems.extend(problems)
            if method is not None:
                library.add(LoadedMethod(method, Origin.PLUGIN, label))


def load_library(
    user_dir: Path | None = None,
    *,
    builtin_dir: Path | None = None,
    entry_points: Iterable[metadata.EntryPoint] | None = None,
) -> MethodLibrary:
    """Built-ins first, then plugins, then the user's folder: later sources replace earlier ones."""
    library = MethodLibrary()
    _load_folder(library, builtin_dir or builtin_methods_dir(), Origin.BUILTIN)
    if entry_points is None:
        from importlib import metadata

        entry_points = metadata.entry_points(group=ENTRY_POINT_GROUP)
    _load_plugins(library, entry_points)
    if user_dir is not None:
        _load_folder(library, user_dir, Origin.USER)
    return library
