"""The store: live journals, finished session documents, the trash, search and export.

Layout under the data folder (folders 0700, files 0600):

    sessions/<year>/<date>_<method>_<id>.json   finished sessions (documents are the truth)
    live/<id>.jsonl                             journals of sessions in progress
    trash/<year>/<date>_<method>_<id>.json      deleted sessions, restorable (or deleted for good)
    index.sqlite3                               the index and search (SQLite), rebuilt from the documents when stale

A journal holds every keystroke's version of the notes: once its session's document is safely
on disk (written, fsynced, renamed, the folder fsynced) the journal is deleted. Versions before
this kept finished journals in `live/done/`; `compact_all` removes those whose document exists.
The index holds only what the documents show; a session deleted for good leaves none of its
text in it (its rows are deleted and the freed pages overwritten).
"""

from __future__ import annotations

import contextlib
import json
import os
import weakref
from datetime import datetime
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from ..core.events import Event, EventKind
from ..core.files import FileRefused, read_limited, read_limited_with_stamp
from ..core.message import Message
from ..core.paths import data_dir
from ..core.plan import SessionPlan
from ..core.state import SessionState, Status
from ..core.validation import validated

if TYPE_CHECKING:
    from .catalog import SessionCatalog
    from .document import SessionDocument
    from .summary import SessionSummary
from .atomic import ANYTHING, NEW, WrittenMeanwhile, atomic_write_text, ensure_private_tree, stamp_of_file
from .errors import Problem, StoreError, os_reason
from .journal import JournalFiles, JournalUnreadable, LiveJournal, LiveSession, header_line, read_journal
from .lock import Holder, SessionLock, SessionLocked, holder_of

__all__ = ["LiveJournal", "LiveSession", "Store", "StoreError"]
# What reads saved sessions (the raw document reader, the summaries, folding for search) is imported
# where it is used: a session's start, straight to its first frame, needs none of it.


def _now() -> datetime:
    return datetime.now().astimezone()


TEMPORARY_AGE = 15 * 60  # seconds: a hidden temporary file older than this is left by a save that died


def document_name(document: SessionDocument) -> str:
    return f"{document.when:%Y-%m-%d}_{document.plan.method.id}_{document.id}.json"


class SessionInUse(StoreError):
    """A live session is open in another instance (`holder` says which): never resumed twice."""

    def __init__(self, message: Message, path: Path, holder: Holder) -> None:
        super().__init__(message, path)
        self.holder = holder


class CompactReport(NamedTuple):
    """What `compact_all` did: documents rewritten, journals deleted, journals left (no document)."""

    compacted: list[Path]
    unchanged: int
    journals_removed: list[Path]
    journals_kept: list[Path]
    failed: list[Problem]


class Store:
    def __init__(self, data_dir_override: Path | str | None = None) -> None:
        self.root = data_dir(data_dir_override)
        self.sessions_dir = self.root / "sessions"
        self.live_dir = self.root / "live"
        self.done_dir = self.live_dir / "done"
        self.trash_dir = self.root / "trash"
        self._summaries: list[SessionSummary] = []
        # Of _summaries, so saving need not scan them all; made at the first save (hashing 10,000
        # paths would delay the review's first frame).
        self._summary_paths: set[Path] | None = None
        self._session_problems: list[Problem] = []
        self._live_problems: list[Problem] = []
        self._journals: weakref.WeakSet[LiveJournal] = weakref.WeakSet()  # open journals, for unsaved_problem()
        self.journal_files: JournalFiles | None = None  # the journals' file operations (a test's slow disk)
        self._temporaries_checked = False
        self._locks: dict[str, SessionLock] = {}  # live sessions this instance has open

    @cached_property
    def index(self) -> SessionCatalog:
        """The session index (SQLite), opened when first used: a session runs without it."""
        from .listing import catalog_for

        return catalog_for(self.root)
        self.last_save_conflict: Path | None = None  # the other instance's file, when finish() had to save beside it

    # -- live sessions -----------------------------------------------------------------------------

    def new_id(self) -> str:
        return os.urandom(5).hex()  # as secrets.token_hex, whose import (hmac, OpenSSL's hashlib) a start need not pay

    def start_live(self, plan: SessionPlan, *, background: bool = False) -> LiveJournal:
        """A journal for a new session. Never raises: if the disk refuses, the journal keeps
        the lines in memory and says so in `problem`. `background`: written by a thread of its
        own, so the caller (the screen) never waits for the disk."""
        session_id = self.new_id()
        path = self.live_dir / f"{session_id}.jsonl"
        try:
            self.lock(session_id)
        except (SessionInUse, OSError):
            pass  # a disk that refuses the lock refuses the journal too, and the journal says so
        journal = LiveJournal(
            session_id,
            path,
            pending=[header_line(session_id, plan, _now())],
            background=background,
            files=self.journal_files,
        )
        self._journals.add(journal)
        return journal

    # -- one instance per live session -------------------------------------------------------------

    def lock_path(self, session_id: str) -> Path:
        return self.live_dir / f"{session_id}.lock"

    def lock(self, session_id: str) -> None:
        """Hold the session's lock, or SessionInUse naming the instance that has it. OSError when
        the folder refuses the lock file (then nobody can write a journal there either)."""
        if session_id in self._locks:
            return
        ensure_private_tree(self.root, self.live_dir)
        lock = SessionLock(self.lock_path(session_id))
        try:
            lock.acquire()
        except SessionLocked as locked:
            raise SessionInUse(self.in_use_message(locked.holder, locked.path), locked.path, locked.holder) from None
        self._locks[session_id] = lock

    def unlock(self, session_id: str) -> None:
        lock = self._locks.pop(session_id, None)
        if lock is not None:
            lock.release()

    def release_locks(self) -> None:
        """Let go of every live session this instance holds (what the end of the process does)."""
        for session_id in list(self._locks):
            self.unlock(session_id)

    def holder(self, session_id: str) -> Holder | None:
        """Who else has this live session open now (None: nobody, or this instance)."""
        if session_id in self._locks:
            return None
        return holder_of(self.lock_path(session_id))

    def in_use_message(self, holder: Holder, path: Path) -> Message:
        pid = str(holder.pid) if holder.pid is not None else "?"
        return Message("store.lock.in_use", {"pid": pid, "host": holder.host, "since": holder.since, "path": path})

    def _lock_for(self, live: LiveSession) -> bool:
        """Take the lock of an interrupted session before acting on it; True if taken here
        (and so to be released when done). SessionInUse when another instance has it."""
        if live.id in self._locks:
            return False
        try:
            self.lock(live.id)
        except OSError:
            return False  # no lock possible (a read-only folder): act without
        return True

    def preview(self, live: LiveSession) -> SessionDocument:
        """An interrupted (or elsewhere running) session as it stands, for reading only."""
        from .document import SessionDocument  # here: a session runs without pydantic

        return SessionDocument.build(live.id, live.plan, list(live.events), saved_at=live.modified_at or _now())

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
                live = read_journal(path)
            except (JournalUnreadable, FileRefused) as problem:
                self._live_problems.append(Problem(path, problem.message))
                continue
            except OSError as error:
                self._live_problems.append(Problem(path, os_reason(error)))
                continue
            if live.id in finished:
                continue  # finished, but the journal could not be moved aside
            if live.id in self._locks:
                continue  # open here: running, not interrupted
            found.append(live)
        found.sort(key=lambda live: live.modified_at or _now(), reverse=True)
        return found

    def reopen(self, live: LiveSession, *, background: bool = False) -> LiveJournal:
        """Go on appending to an interrupted session's journal (after resume). SessionInUse when
        another instance has it open (resumed or running): a session is never resumed twice."""
        self._lock_for(live)
        journal = LiveJournal(live.id, live.path, background=background, files=self.journal_files)
        self._journals.add(journal)
        return journal

    def settle(self, timeout: float = 2.0) -> bool:
        """Wait (at most `timeout` seconds each) until the writers of the open journals are done
        or stuck; True when every line is on disk."""
        return all(journal.drain(timeout) for journal in list(self._journals))

    def unsaved_problem(self) -> Message | None:
        """What is wrong if an open journal still holds lines only in memory (the disk refused
        them): quitting now would lose them. Retries first (at most every few seconds); None
        when everything typed is on disk."""
        self.settle()  # a slow disk: let the writers finish what they have first
        for journal in list(self._journals):
            if journal.closed or not journal.pending:
                continue
            if journal.retry():
                continue
            return journal.problem or Message(
                "store.journal.problem", {"path": journal.path, "reason": "?", "count": journal.pending}
            )
        return None

    def close_interrupted(self, live: LiveSession) -> Path:
        """Save an interrupted session as a document as it stood, notes and all."""
        taken = self._lock_for(live)
        try:
            events = list(live.events)
            if SessionState.replay(live.plan, events).status is not Status.ENDED:
                last = events[-1] if events else None
                events.append(Event(kind=EventKind.END, t=last.t if last else 0.0, at=last.at if last else _now()))
            return self.finish(live.plan, events, LiveJournal(live.id, live.path))
        finally:
            if taken:
                self.unlock(live.id)

    def discard_never_started(self, path: Path, plan: SessionPlan, events: list[Event]) -> None:
        """Delete the journal of a session that never started: no meeting took place, and what it
        holds (names, a case) goes when the facilitator throws it away. Started sessions are refused."""
        if SessionState.replay(plan, events).status is not Status.READY:
            raise ValueError("only a session that never started can be discarded")
        session_id = path.stem
        taken = False
        if session_id not in self._locks:
            try:
                self.lock(session_id)
                taken = True
            except OSError:
                pass
        try:
            path.unlink(missing_ok=True)
        except OSError as error:
            raise StoreError(
                Message("store.discard.failed", {"path": path, "reason": os_reason(error)}), path
            ) from None
        finally:
            if taken or session_id in self._locks:
                self.unlock(session_id)

    def build_document(
        self, plan: SessionPlan, events: list[Event], journal: LiveJournal | None = None
    ) -> SessionDocument:
        from .document import SessionDocument  # here: a session runs without pydantic

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
            self.unlock(journal.id)
        return path

    def _retire(self, path: Path) -> None:
        """Delete the journal of a session whose document is safely on disk (the atomic write
        fsyncs the file and its folder before it returns): the journal holds every version of
        every note as it was typed, and what was erased must be gone."""
        try:
            path.unlink(missing_ok=True)
        except OSError:
            pass  # the document is safe; interrupted() skips journals whose session is finished
        session_id = path.stem
        for old in self._done_journals(session_id):
            with contextlib.suppress(OSError):
                old.unlink(missing_ok=True)

    def _done_journals(self, session_id: str | None = None) -> list[Path]:
        """Journals that versions before this one kept in `live/done/` (all, or one session's)."""
        try:
            found = sorted(self.done_dir.glob("*.jsonl"))
        except OSError:
            return []
        if session_id is None:
            return found
        return [path for path in found if path.stem == session_id or path.stem.startswith(f"{session_id}-")]

    def remove_temporaries(self, *, older_than: float = TEMPORARY_AGE) -> list[Path]:
        """Hidden temporary copies left by a save that was killed before its rename (they hold
        a whole session): deleted once older than `older_than` seconds, so a save running in
        another instance right now keeps its own."""
        removed: list[Path] = []
        patterns = ("sessions/*/.*.tmp", "trash/*/.*.tmp", "live/.*.tmp", ".*.tmp", "groups/.*.tmp")
        now = datetime.now().timestamp()
        for pattern in patterns:
            try:
                candidates = list(self.root.glob(pattern))
            except OSError:
                continue
            for path in candidates:
                try:
                    if now - path.lstat().st_mtime >= older_than and path.is_file():
                        path.unlink()
                        removed.append(path)
                except OSError:
                    continue
        return removed

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
        if is_new:
            self.last_save_conflict = None
        expected = NEW if is_new else (document.read_stamp if document.read_stamp is not None else ANYTHING)
        text = document.to_json()
        try:
            ensure_private_tree(self.root, path.parent)
            for _ in range(20):
                try:
                    atomic_write_text(path, text, expected=expected)
                    break
                except WrittenMeanwhile:
                    if not is_new:
                        raise StoreError(Message("store.save.written_meanwhile", {"path": path}), path) from None
                    # Another instance saved this session too: keep both, side by side.
                    self.last_save_conflict = self.last_save_conflict or path
                    base = self.document_path(document)
                    path = base.with_name(f"{base.stem}-{os.urandom(2).hex()}{base.suffix}")
        except OSError as error:
            raise StoreError(Message("store.save.failed", {"path": path, "reason": os_reason(error)}), path) from None
        document.with_read_stamp(stamp_of_file(path))
        self.index.saved(path)
        if self._summary_paths is None:
            self._summary_paths = {summary.path for summary in self._summaries}
        if is_new and path not in self._summary_paths:
            self._summaries.append(self._summary_of(document, path))
            self._summary_paths.add(path)
        return path

    def _summary_of(self, document: SessionDocument, path: Path) -> SessionSummary:
        from .index import summarize

        summary, _ = summarize(json.loads(document.to_json()), path)
        return summary

    def list_sessions(self) -> list[SessionSummary]:
        """Every readable session, newest first; unreadable files are in `problems`."""
        if not self._temporaries_checked:
            self._temporaries_checked = True
            self.remove_temporaries()
        from .listing import listing

        summaries, problems = listing(self.index)
        self._summaries = summaries
        self._summary_paths = None
        self._session_problems = [Problem(path, reason) for path, reason in problems]
        return summaries

    def newest_sessions(self, count: int) -> list[SessionSummary]:
        """The newest saved sessions as the index has them, each checked against its file; for a
        first screenful only (`list_sessions` compares the whole folder and finds the rest)."""
        return self.index.newest(count)

    @property
    def journal_problems(self) -> list[Problem]:
        """Journals of sessions in progress that could not be read at the last `interrupted()`, with the reason."""
        return list(self._live_problems)

    @property
    def problems(self) -> list[Problem]:
        """Files that could not be read at the last listing, with the reason."""
        return [*self._session_problems, *self._live_problems]

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
            raise StoreError(Message("store.find.duplicate", {"id": session_id, "files": files}))
        matches = exact or [summary for summary in summaries if session_id and summary.id.startswith(session_id)]
        if not matches:
            raise StoreError(Message("store.find.none", {"id": session_id}))
        if len({summary.id for summary in matches}) > 1:
            ids = ", ".join(sorted({summary.id for summary in matches})[:8])
            raise StoreError(Message("store.find.ambiguous", {"id": session_id, "ids": ids}))
        if len(matches) > 1:
            files = "\n".join(f"  {summary.path}" for summary in sorted(matches, key=lambda summary: str(summary.path)))
            raise StoreError(Message("store.find.duplicate", {"id": matches[0].id, "files": files}))
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
        from .document import parse_document  # here: a session runs without pydantic
        from .document_raw import DocumentProblem, parse_document_json

        try:
            data, stamp = read_limited_with_stamp(path, "session")
            return parse_document(parse_document_json(data)).with_read_stamp(stamp)
        except (FileRefused, DocumentProblem) as problem:
            raise StoreError(Message("store.load.failed", {"path": path, "reason": problem.message}), path) from None
        except OSError as error:
            raise StoreError(Message("store.load.failed", {"path": path, "reason": os_reason(error)}), path) from None
        except ValueError as error:
            reason = Message("store.problem.not_json", {"detail": str(error)})
            raise StoreError(Message("store.load.failed", {"path": path, "reason": reason}), path) from None

    def save_reflection(self, document: SessionDocument, text: str, path: Path) -> SessionDocument:
        """Add the reflection and write the document back to `path`, the file it was loaded from."""
        updated = document.with_reflection(text, _now())
        if updated is not document:
            self.save(updated, path)  # StoreError if another instance wrote the file since it was read
        return updated

    # -- compacting ---------------------------------------------------------------------------------

    def compact_all(self) -> CompactReport:
        """Compact every document (in the sessions folder and the trash) that still holds the
        history of its notes, and delete the old finished journals whose document exists."""
        from .document_raw import DocumentProblem, parse_document_json

        compacted: list[Path] = []
        failed: list[Problem] = []
        unchanged = 0
        ids: set[str] = set()
        paths = [summary.path for summary in self.list_sessions()]
        paths += [summary.path for summary in self.list_trash()]
        for path in paths:
            try:
                document = self.load_path(path)
            except StoreError as error:
                failed.append(Problem(path, error.message))
                continue
            ids.add(document.id)
            try:
                raw = parse_document_json(read_limited(path, "session"))
                same = raw == json.loads(document.to_json()) or _same_story(raw, document)
            except (OSError, FileRefused, DocumentProblem, ValueError, TypeError, KeyError):
                same = False
            if same:
                unchanged += 1
                continue
            try:
                self.save(document, path)
            except StoreError as error:
                failed.append(Problem(path, error.message))
                continue
            compacted.append(path)
        removed: list[Path] = []
        kept: list[Path] = []
        for journal in self._done_journals():
            if journal.stem.split("-")[0] in ids:
                try:
                    journal.unlink()
                    removed.append(journal)
                except OSError as error:
                    failed.append(Problem(journal, os_reason(error)))
            else:
                kept.append(journal)
        self.list_sessions()
        self.index.scrub()  # the index file rewritten too: no old text left in its free pages
        return CompactReport(compacted, unchanged, removed, kept, failed)

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
        from .folding import fold

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
        from .document_raw import parse_document_json
        from .index import summarize

        if self.index.relative(summary.path) is not None:
            try:
                return summarize(parse_document_json(read_limited(summary.path, "session")), summary.path)[1]
            except (OSError, ValueError, FileRefused, RecursionError):
                pass
        return summary.listed_text()

    # -- trash -------------------------------------------------------------------------------------

    def trash(self, session_id: str | Path) -> Path:
        """Move a session (by id or by file) into the trash folder, from where `restore` brings it back."""
        summary = self.find(session_id)
        target = self.trash_dir / summary.path.parent.name / summary.path.name
        self._move(summary.path, target)
        self.index.forget(summary.path)  # its row and text leave the index now
        self._summaries = [s for s in self._summaries if s.path != summary.path]
        if self._summary_paths is not None:
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
            raise StoreError(Message("store.move.exists", {"path": target}), target)
        try:
            ensure_private_tree(self.root, target.parent)
            os.replace(source, target)
        except OSError as error:
            raise StoreError(
                Message("store.move.failed", {"path": source, "reason": os_reason(error)}), source
            ) from None

    # -- deleting for good ----------------------------------------------------------------------

    def deletion_files(self, summary: SessionSummary) -> list[Path]:
        """Every file the app keeps of one session: its document, its journals (live, and the
        finished ones earlier versions kept), a lock and the hidden copies a killed save left."""
        files = [summary.path]
        for candidate in (self.live_dir / f"{summary.id}.jsonl", self.live_dir / f"{summary.id}.lock"):
            if candidate.exists():
                files.append(candidate)
        files += self._done_journals(summary.id)
        with contextlib.suppress(OSError):
            files += sorted(summary.path.parent.glob(f".{summary.path.name}.*.tmp"))
        return files

    def delete_permanently(self, summary: SessionSummary, *, scrub: bool = True) -> list[Path]:
        """Delete one session for good (from the sessions folder or the trash): its document,
        journals and temporary copies, its entries in the index, the case title and action
        points a group's record of it carries, and the remembered group if it is this one.
        Returns the files deleted. Raises StoreError when the document cannot be deleted.
        `scrub=False`: the caller rewrites the index file itself, once, after several."""
        files = self.deletion_files(summary)
        try:
            summary.path.unlink(missing_ok=True)
        except OSError as error:
            raise StoreError(
                Message("store.delete.failed", {"path": summary.path, "reason": os_reason(error)}), summary.path
            ) from None
        deleted = [summary.path]
        for path in files[1:]:
            try:
                path.unlink(missing_ok=True)
                deleted.append(path)
            except OSError:
                continue
        _fsync_folder(summary.path.parent)
        # (From the trash too: an index written before it was trashed may still hold it.)
        self.index.forget(f"{summary.path.parent.name}/{summary.path.name}")
        if scrub:
            self.index.scrub()  # no byte of its text left in the index file's free pages
        self._summaries = [s for s in self._summaries if s.path != summary.path]
        if self._summary_paths is not None:
            self._summary_paths.discard(summary.path)
        self._forget_in_groups(summary)
        self._forget_remembered(summary)
        return deleted

    def empty_trash(self) -> list[Path]:
        """Delete every session in the trash for good (and files there that could not be read)."""
        deleted: list[Path] = []
        try:
            for summary in self.list_trash():
                deleted += self.delete_permanently(summary, scrub=False)
        finally:
            self.index.scrub()
        for path in self.trash_unreadable():
            try:
                path.unlink()
                deleted.append(path)
            except OSError:
                continue
        return deleted

    def trash_unreadable(self) -> list[Path]:
        """Files in the trash that are no readable session (named before the trash is emptied)."""
        readable = {summary.path for summary in self.list_trash()}
        try:
            return [path for path in sorted(self.trash_dir.glob("*/*.json")) if path not in readable]
        except OSError:
            return []

    def older_than(self, months: int, now: datetime | None = None) -> list[SessionSummary]:
        """Sessions held longer ago than `months` months (for the retention setting), oldest first."""
        now = now or _now()
        year, month = divmod(now.year * 12 + now.month - 1 - months, 12)
        day = min(now.day, 28)
        limit = now.replace(year=year, month=month + 1, day=day)
        found = [summary for summary in (self.list_sessions()) if _aware(summary.when) < limit]
        return sorted(found, key=lambda summary: _aware(summary.when))

    def _forget_in_groups(self, summary: SessionSummary) -> None:
        from .groups import GroupStore

        groups = GroupStore(self.root)
        try:
            listed = groups.list_groups()
        except OSError:
            return
        for group in listed:
            changed = False
            for meeting in group.meetings:
                if meeting.session_id == summary.id and (meeting.theme or meeting.action_points):
                    meeting.theme = ""
                    meeting.action_points = ""
                    changed = True
            if changed:
                try:
                    groups.save(group)
                except StoreError:
                    continue

    def _forget_remembered(self, summary: SessionSummary) -> None:
        """The remembered set-up (the last group) goes too when it is this session's."""
        from .remembered import forget, load_remembered

        remembered = load_remembered(self.root)
        if not remembered.is_empty() and tuple(remembered.last_group) == tuple(summary.participants):
            with contextlib.suppress(OSError):
                forget(self.root)

    def list_trash(self) -> list[SessionSummary]:
        from .document_raw import parse_document_json
        from .index import summarize

        found: list[SessionSummary] = []
        for path in sorted(self.trash_dir.glob("*/*.json")):
            try:
                summary, _ = summarize(parse_document_json(read_limited(path, "session")), path)
            except (OSError, ValueError, FileRefused):
                continue
            found.append(summary)
        found.sort(key=lambda summary: summary.when, reverse=True)
        return found

    # -- export ------------------------------------------------------------------------------------

    # An export is a text in a language the caller chooses (the screen's, or `--lang`): real content, not a message.

    def export_markdown(self, document: SessionDocument, anonymize: bool = False, *, lang: str) -> str:
        from .export import export_markdown  # here: anonymising and random are no part of a session's start

        return export_markdown(document, lang, anonymize=anonymize)

    def export_json(self, document: SessionDocument, anonymize: bool = False, *, lang: str) -> str:
        from .export import export_json  # here: as export_markdown

        return export_json(document, anonymize=anonymize, lang=lang)

    def export_path(self, document: SessionDocument, target: Path, fmt: str = "md") -> Path:
        """The file an export to `target` writes: `target` itself, or a named file in it if it is a folder."""
        target = target.expanduser()
        return target / default_export_name(document, fmt) if target.is_dir() else target

    def export_to(
        self, document: SessionDocument, target: Path, *, lang: str, fmt: str = "md", anonymize: bool = False
    ) -> Path:
        """Write an export to a file the user chose (atomically, private). Raises StoreError."""
        if fmt == "document":  # the session itself, for another data folder (when this one refuses)
            text = document.to_json()
        else:
            export = self.export_json if fmt == "json" else self.export_markdown
            text = export(document, anonymize, lang=lang)
        target = self.export_path(document, target, fmt)
        try:
            atomic_write_text(target, text)
        except OSError as error:
            raise StoreError(
                Message("store.export.failed", {"path": target, "reason": os_reason(error)}), target
            ) from None
        return target


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo is not None else moment.astimezone()


def _fsync_folder(folder: Path) -> None:
    from .atomic import _fsync_dir

    _fsync_dir(folder)


def _same_story(raw: dict, document: SessionDocument) -> bool:
    """The file holds the compacted plan and events already (written differently, perhaps)."""
    events = [validated(Event, event) for event in raw["events"]]
    return events == document.events and validated(SessionPlan, raw["plan"]) == document.plan


def default_export_name(document: SessionDocument, fmt: str = "md") -> str:
    if fmt == "document":
        return document_name(document)
    return f"intervisie_{document.when:%Y-%m-%d}_{document.plan.method.id}_{document.id}.{fmt}"
