"""The store: live journals, finished session documents, the trash, search and export.

Layout under the data folder (folders 0700, files 0600):

    sessions/<year>/<date>_<method>_<id>.json   finished sessions (documents are the truth)
    live/<id>.jsonl                             journals of sessions in progress
    live/done/<id>.jsonl                        journals of finished sessions, kept, never deleted
    trash/<year>/<date>_<method>_<id>.json      deleted sessions, restorable
    index.sqlite3                               the index and search (SQLite), rebuilt from the documents when stale
"""

from __future__ import annotations

import json
import os
import secrets
import weakref
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from ..core.events import Event, EventKind
from ..core.plan import SessionPlan
from ..core.state import SessionState, Status
from ..i18n import default_language, t
from ..paths import data_dir
from .atomic import atomic_write_text, ensure_private_tree
from .document import DocumentProblem, SessionDocument, parse_document
from .errors import StoreError, os_reason
from .export import export_json, export_markdown
from .folding import fold
from .index import SessionSummary, summarize
from .listing import catalog_for, listing
from .journal import JournalFiles, JournalUnreadable, LiveJournal, LiveSession, header_line, read_journal

__all__ = ["LiveJournal", "LiveSession", "SessionSummary", "Store", "StoreError", "SessionDocument"]


def _now() -> datetime:
    return datetime.now().astimezone()


def document_name(document: SessionDocument) -> str:
    return f"{document.when:%Y-%m-%d}_{document.plan.method.id}_{document.id}.json"


@dataclass(frozen=True)
class Problem:
    """A file that could not be read: shown with its name, never deleted or rewritten."""

    path: Path
    reason: str

    def __iter__(self):  # unpacks as (path, reason)
        return iter((self.path, self.reason))

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


class Store:
    def __init__(self, data_dir_override: Path | str | None = None, *, lang: str | None = None) -> None:
        self.root = data_dir(data_dir_override)
        self.lang = lang or default_language()
        self.sessions_dir = self.root / "sessions"
        self.live_dir = self.root / "live"
        self.done_dir = self.live_dir / "done"
        self.trash_dir = self.root / "trash"
        self.index = catalog_for(self.root)
        self._summaries: list[SessionSummary] = []
        self._summary_paths: set[Path] = set()  # of _summaries: saving must not scan them all
        self._session_problems: list[Problem] = []
        self._live_problems: list[Problem] = []
        self._journals: weakref.WeakSet[LiveJournal] = weakref.WeakSet()  # open journals, for unsaved_problem()
        self.journal_files: JournalFiles | None = None  # the journals' file operations (a test's slow disk)

    # -- live sessions -----------------------------------------------------------------------------

    def new_id(self) -> str:
        return secrets.token_hex(5)

    def start_live(self, plan: SessionPlan, *, background: bool = False) -> LiveJournal:
        """A journal for a new session. Never raises: if the disk refuses, the journal keeps
        the lines in memory and says so in `problem`. `background`: written by a thread of its
        own, so the caller (the screen) never waits for the disk."""
        session_id = self.new_id()
        path = self.live_dir / f"{session_id}.jsonl"
        journal = LiveJournal(session_id, path, self.lang, pending=[header_line(session_id, plan, _now())],
                              background=background, files=self.journal_files)
        self._journals.add(journal)
        return journal

    def interrupted(self) -> list[LiveSession]:
        """Journals of sessions that never finished, newest first. Unreadable ones go to `problems`."""
        found: list[LiveSession] = []
        self._live_problems = []
        try:
            paths = sorted(self.live_dir.glob("*.jsonl"))
        except OSError:
            return found
        finished = {summary.id for summary in self._summaries or self.list_sessions()}
        for path in paths:
            try:
                live = read_journal(path, self.lang)
            except JournalUnreadable as problem:
                self._live_problems.append(Problem(path, t(f"store.journal.unreadable.{problem.code}", self.lang, **problem.values)))
                continue
            except OSError as error:
                self._live_problems.append(Problem(path, os_reason(error, self.lang)))
                continue
            if live.id in finished:
                continue  # finished, but the journal could not be moved aside
            found.append(live)
        found.sort(key=lambda live: live.modified_at or _now(), reverse=True)
        return found

    def reopen(self, live: LiveSession, *, background: bool = False) -> LiveJournal:
        """Go on appending to an interrupted session's journal (after resume)."""
        journal = LiveJournal(live.id, live.path, self.lang, background=background, files=self.journal_files)
        self._journals.add(journal)
        return journal

    def settle(self, timeout: float = 2.0) -> bool:
        """Wait (at most `timeout` seconds each) until the writers of the open journals are done
        or stuck; True when every line is on disk."""
        return all([journal.drain(timeout) for journal in list(self._journals)])

    def unsaved_problem(self) -> str | None:
        """What is wrong if an open journal still holds lines only in memory (the disk refused
        them): quitting now would lose them. Retries first (at most every few seconds); None
        when everything typed is on disk."""
        self.settle()  # a slow disk: let the writers finish what they have first
        for journal in list(self._journals):
            if journal.closed or not journal.pending:
                continue
            if journal.retry():
                continue
            return journal.problem or t("store.journal.problem", self.lang, path=journal.path,
                                        reason="?", count=journal.pending)
        return None

    def close_interrupted(self, live: LiveSession) -> Path:
        """Save an interrupted session as a document as it stood, notes and all."""
        events = list(live.events)
        if SessionState.replay(live.plan, events).status is not Status.ENDED:
            last = events[-1] if events else None
            events.append(Event(kind=EventKind.END, t=last.t if last else 0.0, at=last.at if last else _now()))
        return self.finish(live.plan, events, LiveJournal(live.id, live.path, self.lang))

    def discard_never_started(self, path: Path, plan: SessionPlan, events: list[Event]) -> None:
        """Delete the journal of a session that never started: no meeting took place, and what it
        holds (names, a case) goes when the facilitator throws it away. Started sessions are refused."""
        if SessionState.replay(plan, events).status is not Status.READY:
            raise ValueError("only a session that never started can be discarded")
        try:
            path.unlink(missing_ok=True)
        except OSError as error:
            raise StoreError(t("store.discard.failed", self.lang, path=path, reason=os_reason(error, self.lang)), path) from None

    def build_document(
        self, plan: SessionPlan, events: list[Event], journal: LiveJournal | None = None
    ) -> SessionDocument:
        session_id = journal.id if journal is not None else self.new_id()
        return SessionDocument.build(session_id, plan, list(events), saved_at=_now())

    def finish(self, plan: SessionPlan, events: list[Event], journal: LiveJournal | None = None) -> Path:
        """Write the session document; only then retire the journal. Raises StoreError when
        the document cannot be written (the journal is then left as it is)."""
        document = self.build_document(plan, events, journal)
        path = self.save(document)
        if journal is not None:
            journal.close()
            self._retire(journal.path)
        return path

    def _retire(self, path: Path) -> None:
        if not path.exists():
            return
        try:
            ensure_private_tree(self.root, self.done_dir)
            target = self.done_dir / path.name
            if target.exists():
                target = self.done_dir / f"{path.stem}-{secrets.token_hex(2)}{path.suffix}"
            os.replace(path, target)
        except OSError:
            pass  # the document is safe; interrupted() skips journals whose session is finished

    # -- documents ---------------------------------------------------------------------------------

    def document_path(self, document: SessionDocument) -> Path:
        """Where a new document goes: by year, date, method and id."""
        return self.sessions_dir / f"{document.when:%Y}" / document_name(document)

    def save(self, document: SessionDocument, path: Path | None = None) -> Path:
        """Write a document atomically (a crash leaves the old or the new file, never half).
        `path` is the file the document was loaded from: an edit goes back exactly there, even
        when another file (a sync conflict copy, a restored backup) holds the same id."""
        is_new = path is None
        path = path or self.document_path(document)
        try:
            ensure_private_tree(self.root, path.parent)
            atomic_write_text(path, document.to_json())
        except OSError as error:
            raise StoreError(
                t("store.save.failed", self.lang, path=path, reason=os_reason(error, self.lang)), path
            ) from None
        self.index.saved(path)
        if is_new and path not in self._summary_paths:
            self._summaries.append(self._summary_of(document, path))
            self._summary_paths.add(path)
        return path

    def _summary_of(self, document: SessionDocument, path: Path) -> SessionSummary:
        summary, _ = summarize(json.loads(document.to_json()), path)
        return summary

    def list_sessions(self) -> list[SessionSummary]:
        """Every readable session, newest first; unreadable files are in `problems`."""
        summaries, problems = listing(self.index, self.lang)
        self._summaries = summaries
        self._summary_paths = {summary.path for summary in summaries}
        self._session_problems = [Problem(path, reason) for path, reason in problems]
        return summaries

    @property
    def problems(self) -> list[Problem]:
        """Files that could not be read at the last listing, with the reason."""
        return [*self._session_problems, *self._live_problems]

    def describe(self, problem: DocumentProblem) -> str:
        return t(f"store.problem.{problem.code}", self.lang, **problem.values)

    def find(self, session_id: str | Path, *, in_trash: bool = False) -> SessionSummary:
        """A session by its id, a unique start of it, or its file (a path, or the file's name):
        the file is how to name one of two files that hold the same id."""
        summaries = self.list_trash() if in_trash else (self._summaries or self.list_sessions())
        by_file = self._by_file(session_id, summaries)
        if by_file is None and not in_trash:
            summaries = self.list_sessions()
            by_file = self._by_file(session_id, summaries)
        if by_file is not None:
            return by_file
        session_id = str(session_id)
        exact = [summary for summary in summaries if summary.id == session_id]
        if not exact and not in_trash:
            summaries = self.list_sessions()
            exact = [summary for summary in summaries if summary.id == session_id]
        if len(exact) > 1:
            files = "\n".join(f"  {summary.path}" for summary in sorted(exact, key=lambda summary: str(summary.path)))
            raise StoreError(t("store.find.duplicate", self.lang, id=session_id, files=files))
        matches = exact or [summary for summary in summaries if session_id and summary.id.startswith(session_id)]
        if not matches:
            raise StoreError(t("store.find.none", self.lang, id=session_id))
        if len({summary.id for summary in matches}) > 1:
            ids = ", ".join(sorted({summary.id for summary in matches})[:8])
            raise StoreError(t("store.find.ambiguous", self.lang, id=session_id, ids=ids))
        if len(matches) > 1:
            files = "\n".join(f"  {summary.path}" for summary in sorted(matches, key=lambda summary: str(summary.path)))
            raise StoreError(t("store.find.duplicate", self.lang, id=matches[0].id, files=files))
        return matches[0]

    @staticmethod
    def _by_file(reference: str | Path, summaries: list[SessionSummary]) -> SessionSummary | None:
        text = str(reference)
        if not (isinstance(reference, Path) or text.endswith(".json") or os.sep in text):
            return None
        wanted = Path(text).expanduser()
        for summary in summaries:
            if summary.path == wanted or summary.path.name == text:
                return summary
        try:
            resolved = wanted.resolve()
        except OSError:
            return None
        return next((summary for summary in summaries if summary.path.resolve() == resolved), None)

    def load(self, session_id: str | Path) -> SessionDocument:
        return self.load_path(self.find(session_id).path)

    def load_path(self, path: Path) -> SessionDocument:
        try:
            raw = json.loads(path.read_bytes())
            return parse_document(raw)
        except OSError as error:
            raise StoreError(t("store.load.failed", self.lang, path=path, reason=os_reason(error, self.lang)), path) from None
        except ValueError as error:
            reason = self.describe(error) if isinstance(error, DocumentProblem) else t("store.problem.not_json", self.lang, detail=error)
            raise StoreError(t("store.load.failed", self.lang, path=path, reason=reason), path) from None

    def save_reflection(self, document: SessionDocument, text: str, path: Path) -> SessionDocument:
        """Add the reflection and write the document back to `path`, the file it was loaded from."""
        updated = document.with_reflection(text, _now())
        if updated is not document:
            self.save(updated, path)
        return updated

    # -- search ------------------------------------------------------------------------------------

    def search(self, query: str, summaries: list[SessionSummary] | None = None) -> list[SessionSummary]:
        """Sessions whose case, people, notes, advice, action points or reflection contain every
        word of the query (ignoring case and accents: "UMIT" finds "Ümit"). Where the full text
        cannot be read (the trash), what the list shows is searched."""
        if summaries is None:
            summaries = self._summaries or self.list_sessions()
        result = self.index.search(query)
        if result is None:
            return list(summaries)
        hits, known = result
        words = fold(query).split()
        found = []
        for summary in summaries:
            key = summary.path
            if key in hits:
                found.append(summary)
            elif key not in known and all(word in self._text_of(summary) for word in words):
                found.append(summary)  # not in the index (the trash, a file the cache could not take)
        return found

    def _text_of(self, summary: SessionSummary) -> str:
        if self.index.relative(summary.path) is not None:
            try:
                return summarize(json.loads(summary.path.read_bytes()), summary.path)[1]
            except (OSError, ValueError):
                pass
        return summary.listed_text()

    # -- trash -------------------------------------------------------------------------------------

    def trash(self, session_id: str | Path) -> Path:
        """Move a session (by id or by file) into the trash folder, from where `restore` brings it back."""
        summary = self.find(session_id)
        target = self.trash_dir / summary.path.parent.name / summary.path.name
        self._move(summary.path, target)
        self.index.forget(summary.path)
        self._summaries = [s for s in self._summaries if s.path != summary.path]
        self._summary_paths.discard(summary.path)
        return target

    def restore(self, session_id: str | Path) -> Path:
        summary = self.find(session_id, in_trash=True)
        target = self.sessions_dir / summary.path.parent.name / summary.path.name
        self._move(summary.path, target)
        self.list_sessions()
        return target

    def _move(self, source: Path, target: Path) -> None:
        if target.exists():
            raise StoreError(t("store.move.exists", self.lang, path=target), target)
        try:
            ensure_private_tree(self.root, target.parent)
            os.replace(source, target)
        except OSError as error:
            raise StoreError(t("store.move.failed", self.lang, path=source, reason=os_reason(error, self.lang)), source) from None

    def list_trash(self) -> list[SessionSummary]:
        found: list[SessionSummary] = []
        for path in sorted(self.trash_dir.glob("*/*.json")):
            try:
                summary, _ = summarize(json.loads(path.read_bytes()), path)
            except (OSError, ValueError):
                continue
            found.append(summary)
        found.sort(key=lambda summary: summary.when, reverse=True)
        return found

    # -- export ------------------------------------------------------------------------------------

    def export_markdown(self, document: SessionDocument, anonymize: bool = False, lang: str | None = None) -> str:
        return export_markdown(document, lang or self.lang, anonymize=anonymize)

    def export_json(self, document: SessionDocument) -> str:
        return export_json(document)

    def export_path(self, document: SessionDocument, target: Path, fmt: str = "md") -> Path:
        """The file an export to `target` writes: `target` itself, or a named file in it if it is a folder."""
        target = target.expanduser()
        return target / default_export_name(document, fmt) if target.is_dir() else target

    def export_to(self, document: SessionDocument, target: Path, *, fmt: str = "md", anonymize: bool = False) -> Path:
        """Write an export to a file the user chose (atomically, private). Raises StoreError."""
        text = self.export_json(document) if fmt == "json" else self.export_markdown(document, anonymize)
        target = self.export_path(document, target, fmt)
        try:
            atomic_write_text(target, text)
        except OSError as error:
            raise StoreError(t("store.export.failed", self.lang, path=target, reason=os_reason(error, self.lang)), target) from None
        return target


def default_export_name(document: SessionDocument, fmt: str = "md") -> str:
    return f"intervisie_{document.when:%Y-%m-%d}_{document.plan.method.id}_{document.id}.{fmt}"
