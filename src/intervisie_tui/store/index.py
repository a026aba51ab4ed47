"""A cache of session summaries and search text, so 10,000 sessions list in well under a second.

Never authoritative: the documents are. Each entry remembers the file's size and
modification time; an entry whose file changed, or a file without an entry, is read again.
Summaries (`index.json`) load on every listing; the search text (`search-index.json`) only
when someone searches. Both are written atomically and may be deleted at any time.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, fields
from datetime import datetime
from pathlib import Path
from typing import Any

from ..i18n.os_errors import os_error_reason
from ..core.events import as_aware
from ..core.files import FileRefused, parse_json, read_limited
from .atomic import atomic_write_text
from .document import DocumentProblem, migrate, parse_document_json, summary_fields
from .folding import fold

INDEX_FORMAT = 3  # bump when the cached fields change: old caches are then rebuilt


@dataclass(frozen=True)
class SessionSummary:
    """What the review list shows of one session."""

    id: str
    path: Path
    started_at: datetime | None
    saved_at: datetime
    method_id: str
    method_name: dict[str, str]
    participants: tuple[str, ...]
    inbrenger: str | None
    case_title: str
    running_seconds: float
    overtime_seconds: float
    has_reflection: bool

    @property
    def when(self) -> datetime:
        return self.started_at or self.saved_at

    def listed_text(self) -> str:
        """What the list itself shows, folded: searched where no full text is cached (the trash)."""
        names = [self.case_title, self.method_id, *self.method_name.values(), *self.participants]
        return fold(" ".join(names))

    def method_label(self, lang: str) -> str:
        return self.method_name.get(lang) or self.method_name.get("nl") or self.method_id

    def to_cache(self) -> dict[str, Any]:
        # A shallow copy: dataclasses.asdict deep-copies, which doubled a cold index build.
        data = {item.name: getattr(self, item.name) for item in fields(self)}
        data["method_name"] = dict(self.method_name)
        data["participants"] = list(self.participants)
        data["path"] = str(self.path)
        data["started_at"] = self.started_at.isoformat() if self.started_at else None
        data["saved_at"] = self.saved_at.isoformat()
        return data

    @classmethod
    def from_cache(cls, data: dict[str, Any], path: Path) -> SessionSummary:
        started = data["started_at"]
        return cls(
            id=data["id"],
            path=path,
            started_at=as_aware(datetime.fromisoformat(started)) if started else None,
            saved_at=as_aware(datetime.fromisoformat(data["saved_at"])),
            method_id=data["method_id"],
            method_name={str(lang): str(name) for lang, name in dict(data["method_name"]).items()},
            participants=tuple(str(name) for name in data["participants"]),
            inbrenger=None if data["inbrenger"] is None else str(data["inbrenger"]),
            case_title=str(data["case_title"]),
            running_seconds=float(data["running_seconds"]),
            overtime_seconds=float(data["overtime_seconds"]),
            has_reflection=bool(data["has_reflection"]),
        )


def summarize(raw: Any, path: Path) -> tuple[SessionSummary, str]:
    """The summary and folded search text (no case, no accents) of parsed document JSON, without validating
    the whole document (that happens when it is opened). Raises DocumentProblem."""
    raw = migrate(raw)
    summary = SessionSummary(path=path, **summary_fields(raw))
    return summary, search_text(raw)


def search_text(raw: dict[str, Any]) -> str:
    plan = raw.get("plan") or {}
    notes = raw.get("notes") or {}
    when = str(raw.get("started_at") or raw.get("saved_at") or "")[:10]
    # Only what the document shows: the notes' case question replaces the plan's set-up one.
    question = notes.get("case_question", plan.get("case_question", "")) if isinstance(notes, dict) else ""
    parts: list[str] = [when, str(plan.get("case_title", "")), str(question)]
    parts.extend(str(name) for name in plan.get("participants", ()))
    parts.extend(str(name) for name in ((plan.get("method") or {}).get("name") or {}).values())
    for value in notes.values():
        if isinstance(value, dict):
            parts.extend(f"{key} {text}" for key, text in value.items())
        else:
            parts.append(str(value))
    return fold("\n".join(part for part in parts if part))


def stamp_of(stat: os.stat_result) -> list[int]:
    return [stat.st_mtime_ns, stat.st_size]


class SessionIndex:
    """Keyed by the document's path relative to the sessions folder."""

    def __init__(self, folder: Path, summary_file: Path, text_file: Path) -> None:
        self.folder = folder
        self.summary_file = summary_file
        self.text_file = text_file
        # relative path -> (stamp, summary cache dict | None, problem (code, values) | None)
        self.entries: dict[str, tuple[list[int], dict | None, list | None]] = {}
        self.texts: dict[str, tuple[list[int], str]] | None = None
        self._new_texts: dict[str, tuple[list[int], str]] = {}  # read while listing, before any search
        self._loaded = False
        self._dirty = False
        self._texts_dirty = False

    # -- persistence --------------------------------------------------------------------------

    def _load(self) -> None:
        if self._loaded:
            return
        self._loaded = True
        try:
            data = parse_json(read_limited(self.summary_file, "cache"))
            if data.get("format") == INDEX_FORMAT:
                self.entries = {key: tuple(value) for key, value in data["entries"].items()}
        except (OSError, ValueError, AttributeError, KeyError, TypeError, FileRefused):
            self.entries = {}  # a missing or damaged cache is simply rebuilt

    def load_texts(self) -> dict[str, tuple[list[int], str]]:
        if self.texts is None:
            try:
                data = parse_json(read_limited(self.text_file, "cache"))
                texts = data["texts"] if data.get("format") == INDEX_FORMAT else {}
                self.texts = {key: tuple(value) for key, value in texts.items()}
            except (OSError, ValueError, AttributeError, KeyError, TypeError, FileRefused):
                self.texts = {}
            if self._new_texts:
                self.texts.update(self._new_texts)
                self._new_texts = {}
                self._texts_dirty = True
        return self.texts

    def save(self) -> None:
        """Write what changed; a cache that cannot be written is no loss."""
        try:
            if self._dirty:
                payload = {"format": INDEX_FORMAT, "entries": self.entries}
                atomic_write_text(self.summary_file, json.dumps(payload, ensure_ascii=False, separators=(",", ":")))
                self._dirty = False
            if self._new_texts:
                self.load_texts()
            if self._texts_dirty and self.texts is not None:
                payload = {"format": INDEX_FORMAT, "texts": self.texts}
                atomic_write_text(self.text_file, json.dumps(payload, ensure_ascii=False, separators=(",", ":")))
                self._texts_dirty = False
        except OSError:
            pass

    # -- scanning -----------------------------------------------------------------------------

    def scan(self) -> tuple[list[tuple[str, list[int]]], list[tuple[Path, DocumentProblem]]]:
        """Every `*.json` under the sessions folder, one level of year folders deep; and the
        folders that could not be read (never silently skipped: their sessions would seem gone)."""
        found: list[tuple[str, list[int]]] = []
        problems: list[tuple[Path, DocumentProblem]] = []
        try:
            with os.scandir(self.folder) as entries:
                years = []
                for entry in entries:
                    if entry.is_dir(follow_symlinks=False):
                        years.append(entry)
                    elif entry.name.endswith(".json") and not entry.name.startswith("."):
                        # Never silently ignored: a document put here by hand would seem lost.
                        problems.append((Path(entry.path), DocumentProblem("stray", folder=self.folder)))
        except FileNotFoundError:
            return found, problems  # no session saved yet
        except OSError as error:  # a file where the folder should be, no permission, …
            problems.append((self.folder, DocumentProblem("folder", detail=os_error_reason(error))))
            return found, problems
        for year in years:
            try:
                with os.scandir(year.path) as entries:
                    for entry in entries:
                        if entry.name.endswith(".json") and not entry.name.startswith("."):
                            try:
                                found.append((f"{year.name}/{entry.name}", stamp_of(entry.stat())))
                            except OSError as error:
                                path = Path(entry.path)
                                problems.append((path, DocumentProblem("os", detail=os_error_reason(error))))
            except OSError as error:
                problems.append((Path(year.path), DocumentProblem("folder", detail=os_error_reason(error))))
        return found, problems

    def refresh(self) -> tuple[list[SessionSummary], list[tuple[Path, DocumentProblem]]]:
        self._load()
        summaries: list[SessionSummary] = []
        present: set[str] = set()
        found, problems = self.scan()
        for relative, stamp in found:
            present.add(relative)
            path = self.folder / relative
            cached = self._cached(relative, stamp, path)
            if cached is None:
                entry = self._read(relative)
                cached = SessionSummary.from_cache(entry[1], path) if entry[1] is not None else entry[2]
            if isinstance(cached, SessionSummary):
                summaries.append(cached)
            else:
                code, values = cached
                problems.append((path, DocumentProblem(code, **values)))
        gone = set(self.entries) - present
        for relative in gone:
            del self.entries[relative]
            self._dirty = True
        if self.texts is not None:
            for relative in set(self.texts) - present:
                del self.texts[relative]
                self._texts_dirty = True
        self.save()
        return summaries, problems

    def _cached(self, relative: str, stamp: list[int], path: Path) -> SessionSummary | tuple[str, dict] | None:
        """The cached summary (or problem) when the entry is current and whole; None means: read the file.
        The cache is never authoritative: an entry lacking a field or holding a wrong type is read again."""
        entry = self.entries.get(relative)
        try:
            if entry is None or list(entry[0]) != stamp:
                return None
            if entry[1] is not None:
                return SessionSummary.from_cache(entry[1], path)
            code, values = entry[2]
            if isinstance(code, str) and isinstance(values, dict):
                return code, values
        except (KeyError, TypeError, ValueError, AttributeError, IndexError, OverflowError):
            pass
        return None

    def _read(self, relative: str) -> tuple[list[int], dict | None, list | None]:
        path = self.folder / relative
        try:
            stamp = stamp_of(path.stat())
            data = read_limited(path, "session")
        except FileRefused as refused:
            return ([0, 0], None, ["refused", {"reason": refused}])  # not cached: it may be fixed by next time
        except OSError as error:
            # Not cached: it may be readable next time.
            return ([0, 0], None, ["os", {"detail": os_error_reason(error)}])
        try:
            raw = parse_document_json(data)
            summary, text = summarize(raw, path)
        except DocumentProblem as problem:
            entry = (stamp, None, [problem.code, problem.values])
        else:
            cache = summary.to_cache()
            cache.pop("path")
            entry = (stamp, cache, None)
            if self.texts is not None:
                self.texts[relative] = (stamp, text)
                self._texts_dirty = True
            else:
                self._new_texts[relative] = (stamp, text)
        self.entries[relative] = entry
        self._dirty = True
        return entry

    def text_for(self, relative: str, stamp: list[int]) -> str | None:
        texts = self.load_texts()
        cached = texts.get(relative)
        try:
            if list(cached[0]) == list(stamp) and isinstance(cached[1], str):
                return cached[1]
        except (TypeError, IndexError, KeyError):
            pass  # no entry, or a damaged one: read the document again (the cache is never authoritative)
        path = self.folder / relative
        try:
            raw = parse_json(read_limited(path, "session"))
            _, text = summarize(raw, path)
        except (OSError, ValueError, DocumentProblem, FileRefused):
            return None
        texts[relative] = (stamp, text)
        self._texts_dirty = True
        return text

    def forget(self, relative: str) -> None:
        """Drop a document's summary and its search text (it was trashed or deleted for good);
        `save()` then writes caches that hold nothing of it."""
        self._load()
        if self.entries.pop(relative, None) is not None:
            self._dirty = True
        self._new_texts.pop(relative, None)
        if self.load_texts().pop(relative, None) is not None:
            self._texts_dirty = True
