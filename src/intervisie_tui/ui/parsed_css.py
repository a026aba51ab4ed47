"""Textual's parsed stylesheets, kept in the user cache folder between starts.

Textual parses every stylesheet (ours and each widget's DEFAULT_CSS) afresh at every start,
which costs more than a minimal app needs for its whole first frame. What it parses depends
only on the CSS text, where it was read from, the theme's variables and Textual itself, so
the parsed rules are kept, as a pickle, under a key made of the variables and the stamps
(size, modification time) of Textual's CSS modules and of this Python. A start whose key
matches hands the kept rules to the stylesheet's own parse cache (`Stylesheet._parse_cache`,
keyed by the CSS text itself: a stylesheet that changed is simply parsed anew); any other
start parses as Textual always does and keeps the result for the next.

The cache is never needed and never trusted beyond that: a file that is missing, damaged,
foreign or from another Textual means a normal parse, and it is written anew. It lives in
the user's private cache folder (0700), the same trust as the program's own files, and a
checksum of its content (CRC-32: for damage, as the folder is as private as the program) is
checked before anything of it is unpickled.
"""

from __future__ import annotations

import pickle
import sys
import zlib
from pathlib import Path
from typing import Any

import textual.css

FORMAT = 1
CACHE_NAME = "stylesheet.pickle"
# Textual's modules that decide what a parse gives; a reinstall of any changes their stamps.
PARSER_MODULES = ("parse.py", "tokenize.py", "tokenizer.py", "model.py", "styles.py", "stylesheet.py", "types.py")


def cache_key(variables: dict[str, str]) -> bytes:
    """What parsed rules depend on besides the CSS text and its place."""
    folder = Path(textual.css.__file__).parent
    stamps = []
    for name in PARSER_MODULES:
        try:
            status = (folder / name).stat()
            stamps.append((name, status.st_size, status.st_mtime_ns))
        except OSError:
            stamps.append((name, -1, -1))
    # The text itself, on one line (a repr escapes line breaks): exact, and no hash module to import.
    return repr((FORMAT, sys.version, str(folder), stamps, sorted(variables.items()))).encode("utf-8")


def payload_checksum(payload: bytes) -> bytes:
    return b"%08x" % zlib.crc32(payload)


def read_kept(cache_file: Path, key: bytes) -> dict[tuple, Any]:
    """The kept parses for `key`, or nothing when the file is missing, damaged or another key's."""
    try:
        data = cache_file.read_bytes()
        kept_key, checksum, payload = data.split(b"\n", 2)
        if kept_key != key or checksum != payload_checksum(payload):
            return {}
        entries = pickle.loads(payload)
    except Exception:  # whatever is wrong with the file, a normal parse follows
        return {}
    if not isinstance(entries, dict) or not all(
        isinstance(source, tuple) and isinstance(rules, list) for source, rules in entries.items()
    ):
        return {}
    return entries


def write_kept(cache_file: Path, key: bytes, entries: dict[tuple, Any]) -> None:
    """Keep `entries` (raises OSError when the cache folder refuses)."""
    from ..store.atomic import atomic_write_bytes, ensure_private_dir

    payload = pickle.dumps(entries, protocol=pickle.HIGHEST_PROTOCOL)
    ensure_private_dir(cache_file.parent)
    atomic_write_bytes(cache_file, key + b"\n" + payload_checksum(payload) + b"\n" + payload)


class KeepsParsedCss:
    """Mixin for our apps: call `use_kept_css(cache_file)` once the theme is chosen (before the
    app runs), and `keep_parsed_css()` after a frame; it writes only when something new was parsed."""

    _css_cache_file: Path | None = None
    _css_kept: tuple[bytes, frozenset[tuple]] = (b"", frozenset())  # the key and the entries on file

    def use_kept_css(self, cache_file: Path | None) -> None:
        self._css_cache_file = cache_file
        if cache_file is None:
            return
        stylesheet = self.stylesheet  # type: ignore[attr-defined]
        key = cache_key(stylesheet._variables)
        entries = read_kept(cache_file, key)
        for source, rules in entries.items():
            stylesheet._parse_cache[source] = rules
        self._css_kept = (key, frozenset(entries))

    def parsed_css_to_keep(self) -> tuple[bytes, dict[tuple, Any]] | None:
        """The key and every parse the stylesheet holds now, or None when there is nothing new."""
        if self._css_cache_file is None:
            return None
        stylesheet = self.stylesheet  # type: ignore[attr-defined]
        cache = stylesheet._parse_cache
        entries = {source: cache.get(source) for source in list(cache.keys())}
        key = cache_key(stylesheet._variables)
        kept_key, kept = self._css_kept
        if not entries or (key == kept_key and frozenset(entries) <= kept):
            return None  # nothing new (another theme's parses are new, though their sources are not)
        return key, entries

    def keep_parsed_css(self, *, in_thread: bool = True) -> None:
        """Write what is new: in a thread while the app runs (the disk may be slow; only the next
        start reads it), at once when it ends."""
        found = self.parsed_css_to_keep()
        if found is None or self._css_cache_file is None:
            return
        key, entries = found
        self._css_kept = (key, frozenset(entries))
        cache_file = self._css_cache_file

        def write() -> None:
            try:
                write_kept(cache_file, key, entries)
            except (OSError, pickle.PicklingError, TypeError, AttributeError):
                pass  # a cache we cannot write only costs the next start a parse

        if in_thread:
            self.run_worker(write, thread=True, name="keep parsed CSS", group="parsed-css", exit_on_error=False)  # type: ignore[attr-defined]
        else:
            write()
