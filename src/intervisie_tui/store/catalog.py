"""The index of saved sessions and their search: one SQLite file (standard library only).

A cache, never the truth: the documents are. Each row remembers its file's modification
time and size; a row whose file changed, or a file without a row, is read again, and a
row whose file is gone goes. The file (`index.sqlite3` in the data folder, 0600) may be
deleted at any time. One that is damaged (not a database, another schema, rows that do
not make sense) is thrown away and rebuilt from the documents; one that another program
holds locked is left alone and this run works from a copy in memory.

Search uses FTS5 over the folded text (no case, no accents: "UMIT" finds "Ümit"; the
tokenizer removes diacritics too), every word of the query matching the start of a word.
Where this Python's SQLite has no FTS5, the same folded text is scanned with LIKE
(each word anywhere). Only what a reader of the document sees is indexed: the case, the
names, the final notes — never the events, so text typed and then erased is not in it.

Light on purpose: a warm listing imports neither pydantic nor the session model; a file
that must be read again brings them in (`index.summarize`). Each row also keeps what
`intervisie notes list` prints of it, ready, and the index the table printed last (`listed`):
a warm listing of the command is one pass over the folders, compared with the rows' stamps in
one set, and a write of that table; no summary made.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import sqlite3
import sys
import threading
from collections.abc import Callable, Iterable
from datetime import UTC, datetime, timedelta
from functools import cache
from pathlib import Path

from ..core.times import MAX_SECONDS, as_aware
from ..i18n import LANGUAGES
from .folding import fold

TYPE_CHECKING = False  # typing's, without importing typing (`intervisie notes list` does not)

if TYPE_CHECKING:  # imported where used: the command's warm listing makes no summary and no message
    from ..core.message import Message
    from .summary import SessionSummary

    # Why a file cannot be read (a "store.problem.*" message); the cache keeps it as data (`message_to_data`).
    Problem = Message

CATALOG_FILE = "index.sqlite3"
LEGACY_CACHES = ("index.json", "search-index.json")  # the JSON caches before this one: removed (they hold notes)
# Bump when a table or what is indexed changes: older files are deleted and rebuilt. 2: the notes'
# case question replaces the plan's set-up one (a file of 1 may hold a question erased since).
# 3: each row keeps its listed text (`listed_*`, a method name per language of LANGUAGES); `rendered`.
SCHEMA = "3"
BUSY_TIMEOUT = 0.25  # seconds to wait for another program's lock before working from memory

Found = list  # of (path relative to the sessions folder, mtime_ns, size), or of their `_stamp_text`

_COLUMNS = (
    "session_id, started_at, saved_at, method_id, method_name, participants, inbrenger, "
    "case_title, running, overtime, reflection"
)
# What `intervisie notes list` prints of a row, ready: when (its first 16 characters), method name in
# each language, inbrenger, people, minutes, case (trailing white space gone); newest first by `listed_order`.
_LISTED_TEXTS = (
    "listed_when",
    *(f"listed_method_{lang}" for lang in LANGUAGES),
    "listed_inbrenger",
    "listed_people",
    "listed_minutes",
    "listed_case",
)
_LISTED_COLUMNS = ", ".join(("listed_order", "session_id", *_LISTED_TEXTS))
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_MICROSECOND = timedelta(microseconds=1)
_TOKEN_SPLIT = re.compile(r"[\W_]+")


@cache
def fts5_available() -> bool:
    """Whether this Python's SQLite was built with FTS5 (most are; some distributions' are not)."""
    try:
        connection = sqlite3.connect(":memory:")
        try:
            connection.execute("CREATE VIRTUAL TABLE probe USING fts5(body)")
        finally:
            connection.close()
    except sqlite3.Error:
        return False
    return True


def fts_query(query: str) -> str | None:
    """An FTS5 MATCH expression: every word (split as the tokenizer splits) the start of a
    word in the text, words with inner punctuation ("2026-03") as a phrase. None if nothing
    in the query can match a word."""
    phrases = []
    for word in fold(query).split():
        tokens = [token for token in _TOKEN_SPLIT.split(word) if token]
        if tokens:
            phrases.append('"' + " ".join(tokens) + '"*')
    return " AND ".join(phrases) or None


def _like_pattern(word: str) -> str:
    escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


class CatalogDamaged(Exception):
    """The cache file is not what we wrote: throw it away."""


class SessionCatalog:
    """The sessions folder's index. Thread-safe: a search may run in a worker thread."""

    def __init__(self, folder: Path, file: Path, *, fts: bool | None = None) -> None:
        self.folder = folder
        self.file = file
        self.fts = fts5_available() if fts is None else fts
        self._db: sqlite3.Connection | None = None
        self.in_memory = False  # the file could not be used: this run works from a copy in memory
        self._no_folder = False  # in memory only because the data folder does not exist (yet)
        self._lock = threading.RLock()
        self._paths: dict[str, Path] = {}  # relative path -> full path, of the last refresh
        self._texted: set[str] | None = None  # relative paths whose text the cache holds (None: not listed yet)
        self._indexed: set[Path] | None = None  # the same as full paths, made when a search needs it

    # -- the connection -----------------------------------------------------------------------

    def _connect(self) -> sqlite3.Connection:
        if self._db is not None:
            if not (self._no_folder and self.file.parent.is_dir()):
                return self._db
            self.close()  # the data folder exists now: from here on the cache is a file
            self._no_folder = self.in_memory = False
        if not self.file.parent.is_dir():
            self._no_folder = True  # nothing saved yet: no file is made by only looking
            self._db = self._memory()
            return self._db
        try:
            self._db = self._open_file()
        except sqlite3.Error as error:
            if _is_busy(error):
                self._db = self._memory()
                return self._db
            self._db = self._rebuild_file()
        except (CatalogDamaged, OSError, UnicodeDecodeError):  # (a damaged schema may not even be UTF-8)
            self._db = self._rebuild_file()
        return self._db

    def _open_file(self) -> sqlite3.Connection:
        from .atomic import PRIVATE_FILE_MODE, _restrict

        created = not self.file.exists()
        os.close(os.open(self.file, os.O_RDWR | os.O_CREAT, PRIVATE_FILE_MODE))
        _restrict(self.file, PRIVATE_FILE_MODE)
        connection = sqlite3.connect(self.file, timeout=BUSY_TIMEOUT, isolation_level=None, check_same_thread=False)
        try:
            connection.execute("PRAGMA synchronous=NORMAL")
            # What is deleted (a trashed session's row and text) is overwritten, not left in free pages.
            connection.execute("PRAGMA secure_delete=ON")
            if created or not self._schema_ok(connection):
                if not created and self._has_tables(connection):
                    raise CatalogDamaged("another schema")
                self._create(connection)
                self._remove_legacy_caches()
        except BaseException:
            connection.close()
            raise
        return connection

    def _rebuild_file(self) -> sqlite3.Connection:
        """Throw the damaged file away and start an empty one; memory if even that fails."""
        for suffix in ("", "-journal", "-wal", "-shm"):
            with contextlib.suppress(OSError):
                Path(f"{self.file}{suffix}").unlink(missing_ok=True)
        try:
            return self._open_file()
        except (sqlite3.Error, CatalogDamaged, OSError):
            return self._memory()

    def _memory(self) -> sqlite3.Connection:
        self.in_memory = True
        connection = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
        self._create(connection)
        return connection

    def _schema_ok(self, connection: sqlite3.Connection) -> bool:
        try:
            rows = dict(connection.execute("SELECT key, value FROM meta").fetchall())
        except sqlite3.OperationalError as error:
            if _is_busy(error):
                raise
            return False
        return rows.get("schema") == SCHEMA and rows.get("fts") == str(int(self.fts))

    @staticmethod
    def _has_tables(connection: sqlite3.Connection) -> bool:
        return bool(connection.execute("SELECT count(*) FROM sqlite_master").fetchone()[0])

    def _create(self, connection: sqlite3.Connection) -> None:
        texts = (
            "CREATE VIRTUAL TABLE texts USING fts5(body, tokenize='unicode61 remove_diacritics 2')"
            if self.fts
            else "CREATE TABLE texts (rowid INTEGER PRIMARY KEY, body TEXT NOT NULL)"
        )
        connection.executescript(f"""
            BEGIN;
            CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
            CREATE TABLE docs (
                id INTEGER PRIMARY KEY,
                rel TEXT NOT NULL UNIQUE,
                mtime_ns INTEGER NOT NULL,
                size INTEGER NOT NULL,
                session_id TEXT, started_at TEXT, saved_at TEXT, method_id TEXT,
                method_name TEXT, participants TEXT, inbrenger TEXT, case_title TEXT,
                running REAL, overtime REAL, reflection INTEGER,
                problem TEXT
            );
            -- What `intervisie notes list` prints of a readable document (`listed`), beside its row of
            -- docs (the same id) so that `refresh` reads no more than it needs.
            CREATE TABLE listed (
                id INTEGER PRIMARY KEY, stamp TEXT NOT NULL, listed_order INTEGER, session_id TEXT,
                {", ".join(f"{name} TEXT" for name in _LISTED_TEXTS)}
            );
            CREATE INDEX listed_stamps ON listed (stamp);  -- the files as the warm listing compares them
            -- The rows in the listing's order, all they print: no sort, no row of the table read.
            CREATE INDEX listed_in_order ON listed (listed_order DESC, session_id, {", ".join(_LISTED_TEXTS)});
            -- What the warm listing printed last: forgotten whenever a listed row changes (`_delete`, in
            -- the same transaction; no trigger: FTS5 would then flush at every row an index build writes).
            CREATE TABLE rendered (layout TEXT PRIMARY KEY, text TEXT NOT NULL);
            {texts};
            INSERT INTO meta VALUES ('schema', '{SCHEMA}'), ('fts', '{int(self.fts)}');
            COMMIT;
        """)

    def _remove_legacy_caches(self) -> None:
        for name in LEGACY_CACHES:
            with contextlib.suppress(OSError):
                (self.file.parent / name).unlink(missing_ok=True)

    def _run(self, work):
        """Do `work(connection)`; a file that fails mid-way is rebuilt once, then memory is used."""
        with self._lock:
            for attempt in range(2):
                connection = self._connect()
                try:
                    return work(connection)
                except sqlite3.Error as error:
                    if connection.in_transaction:
                        with contextlib.suppress(sqlite3.Error):
                            connection.rollback()
                    if attempt or (self.in_memory and not _is_busy(error)):
                        raise
                    self.close()
                    self._db = self._memory() if _is_busy(error) else self._rebuild_file()
            raise AssertionError("unreachable")

    def close(self) -> None:
        with self._lock:
            if self._db is not None:
                with contextlib.suppress(sqlite3.Error):
                    self._db.close()
                self._db = None

    # -- scanning -----------------------------------------------------------------------------

    def scan(self, *, as_text: bool = False) -> tuple[Found, list[tuple[Path, Problem]]]:
        """Every `*.json` under the sessions folder, one level of year folders deep; and the
        folders that could not be read (never silently skipped: their sessions would seem gone).
        With `as_text` each file is one text instead (`_stamp_text`), as the index's `stamp` keeps it."""
        found: Found = []
        problems: list[tuple[Path, Problem]] = []
        try:
            with os.scandir(self.folder) as entries:
                years = []
                for entry in entries:
                    if entry.is_dir(follow_symlinks=False):
                        years.append(entry)
                    elif entry.name.endswith(".json") and not entry.name.startswith("."):
                        # Never silently ignored: a document put here by hand would seem lost.
                        problems.append((Path(entry.path), _problem("store.problem.stray", folder=self.folder)))
        except FileNotFoundError:
            return found, problems  # no session saved yet
        except OSError as error:  # a file where the folder should be, no permission, …
            problems.append((self.folder, _problem("store.problem.folder", error=error)))
            return found, problems
        for year in years:
            prefix = f"{year.name}/"
            try:
                with os.scandir(year.path) as entries:
                    for entry in entries:
                        name = entry.name
                        if name.endswith(".json") and not name.startswith("."):
                            try:
                                stat = entry.stat()
                            except OSError as error:
                                problems.append((Path(entry.path), _problem("store.problem.os", error=error)))
                                continue
                            if as_text:
                                found.append(_stamp_text(prefix + name, stat.st_mtime_ns, stat.st_size))
                            else:
                                found.append((prefix + name, stat.st_mtime_ns, stat.st_size))
            except OSError as error:
                problems.append((Path(year.path), _problem("store.problem.folder", error=error)))
        return found, problems

    # -- listing ------------------------------------------------------------------------------

    def refresh(self) -> tuple[list[SessionSummary], list[tuple[Path, Problem]]]:
        """Every readable session (unsorted) and every file that could not be read, with why.
        Files that changed since the cache was written are read again and the cache follows."""
        from ..core.message import message_from_data
        from .summary import SessionSummary

        found, problems = self.scan()
        try:
            rows = self._run(
                lambda db: {
                    row[0]: row for row in db.execute(f"SELECT rel, mtime_ns, size, problem, {_COLUMNS} FROM docs")
                }
            )
        except sqlite3.Error:
            rows = {}  # no cache at all this time: every document is read
        make_path = _path_maker(self.folder)
        summaries: list[SessionSummary] = []
        stale: list[tuple[str, tuple[int, int]]] = []
        unreadable: list[str] = []  # relative paths of files the cache holds no text of
        paths: dict[str, Path] = {}
        names: dict[str, dict[str, str]] = {}
        people: dict[str, tuple[str, ...]] = {}
        for relative, mtime, size in found:
            path = make_path(relative)
            paths[relative] = path
            row = rows.pop(relative, None)
            stamp = (mtime, size)
            if row is None or row[1] != mtime or row[2] != size:
                stale.append((relative, stamp))
                continue
            try:
                if row[3] is not None:
                    # (A row of an older version, or one that makes no sense, is no message: read again.)
                    problems.append((path, message_from_data(json.loads(row[3]))))
                    unreadable.append(relative)
                else:
                    summaries.append(_summary_of_row(row, path, names, people, SessionSummary))
            except (ValueError, TypeError, KeyError, AttributeError, OverflowError, RecursionError):
                stale.append((relative, stamp))  # a row that makes no sense: never trusted, read again
        self._paths = paths
        updates = [self._read(relative, stamp, paths[relative]) for relative, stamp in stale]
        for (relative, _), (_, summary, problem, _) in zip(stale, updates):
            if summary is not None:
                summaries.append(summary)
            else:
                problems.append((paths[relative], problem))
                unreadable.append(relative)
        self._texted = set(paths).difference(unreadable)
        self._indexed = None
        gone = list(rows)  # rows left over: their files are gone
        if updates or gone:
            self._write(updates, gone)
        return summaries, problems

    def newest(self, count: int) -> list[SessionSummary]:
        """Up to `count` of the newest sessions the index knows, each shown only when its file is
        still the one indexed (same modification time and size): a screenful to draw before the
        whole folder is compared (`refresh`). Newer files the index does not know yet are not in
        it; a row that fails any check is left out; any trouble with the index gives nothing."""
        from .summary import SessionSummary

        columns = ", ".join(f"d.{name.strip()}" for name in _COLUMNS.split(","))
        try:
            rows = self._run(
                lambda db: db.execute(
                    f"SELECT d.rel, d.mtime_ns, d.size, d.problem, {columns} FROM listed l JOIN docs d ON d.id = l.id"
                    " WHERE d.problem IS NULL ORDER BY l.listed_order DESC LIMIT ?",
                    (count,),
                ).fetchall()
            )
        except sqlite3.Error:
            return []
        make_path = _path_maker(self.folder)
        names: dict[str, dict[str, str]] = {}
        people: dict[str, tuple[str, ...]] = {}
        summaries: list[SessionSummary] = []
        for row in rows:
            relative = row[0]
            if not _scan_could_find(relative):
                continue
            path = make_path(relative)
            try:
                status = os.stat(path)
                if (status.st_mtime_ns, status.st_size) != (row[1], row[2]):
                    continue
                summaries.append(_summary_of_row(row, path, names, people, SessionSummary))
            except (OSError, ValueError, TypeError, KeyError, AttributeError, OverflowError, RecursionError):
                continue
        return summaries

    def _read(self, relative: str, stamp: tuple[int, int], path: Path):
        """(relative, summary | None, problem | None, folded text) of one document file."""
        from ..core.files import FileRefused, read_limited
        from ..core.message import Message
        from ..core.os_errors import os_error_reason
        from .document_raw import DocumentProblem, parse_document_json
        from .index import summarize

        try:
            data = read_limited(path, "session")
        except FileRefused as refused:  # not cached: it may be fixed by next time
            return relative, None, Message("store.problem.refused", {"reason": refused.message}), None
        except OSError as error:
            return relative, None, Message("store.problem.os", {"detail": os_error_reason(error)}), None
        try:
            raw = parse_document_json(data)
            summary, text = summarize(raw, path)
        except DocumentProblem as problem:
            return relative, None, problem.message, (stamp, None)
        except RecursionError:
            return relative, None, Message("store.problem.not_json", {"detail": "nested too deeply"}), (stamp, None)
        return relative, summary, None, (stamp, text)

    def _write(self, updates: Iterable, gone: Iterable[str]) -> None:
        """Put what was read into the cache; a cache that cannot be written is no loss."""
        from ..core.message import message_to_data

        def work(db: sqlite3.Connection) -> None:
            db.execute("BEGIN IMMEDIATE")
            for relative in gone:
                self._delete(db, relative)
            for relative, summary, problem, stored in updates:
                if stored is None:
                    continue  # not readable now (no permission…): not cached, tried again next time
                self._delete(db, relative)
                (mtime, size), text = stored
                if summary is None:
                    db.execute(  # not listed: the warm listing names no problem, `refresh` does
                        "INSERT INTO docs (rel, mtime_ns, size, problem) VALUES (?, ?, ?, ?)",
                        (relative, mtime, size, json.dumps(message_to_data(problem), ensure_ascii=False, default=str)),
                    )
                    continue
                cursor = db.execute(
                    f"INSERT INTO docs (rel, mtime_ns, size, {_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (relative, mtime, size, *_row_of_summary(summary)),
                )
                listed = (cursor.lastrowid, _stamp_text(relative, mtime, size), *_listed_of_summary(summary))
                db.execute(
                    f"INSERT INTO listed (id, stamp, {_LISTED_COLUMNS}) VALUES ({', '.join('?' * len(listed))})", listed
                )
                db.execute("INSERT INTO texts (rowid, body) VALUES (?, ?)", (cursor.lastrowid, text))
            db.execute("COMMIT")

        with contextlib.suppress(sqlite3.Error):
            self._run(work)

    @staticmethod
    def _delete(db: sqlite3.Connection, relative: str) -> None:
        """A file's rows, before it is written again or as it leaves; with them the listing's kept text."""
        db.execute("DELETE FROM rendered WHERE 1")  # (WHERE: row by row, not the table's truncation each time)
        row = db.execute("SELECT id FROM docs WHERE rel = ?", (relative,)).fetchone()
        if row is not None:
            db.execute("DELETE FROM texts WHERE rowid = ?", (row[0],))
            db.execute("DELETE FROM listed WHERE id = ?", (row[0],))
            db.execute("DELETE FROM docs WHERE id = ?", (row[0],))

    def listed(self, lang: str, layout: str, render: Callable[[list[tuple[str, ...]]], str]) -> str | None:
        """What `intervisie notes list` prints, straight from the index: `render(rows)` of a row
        per session (as `listed_texts`), newest first ("" when there is no session). The index
        keeps that text under `layout` (what else it depends on: language, headings) until a
        listed row is written or deleted (`_delete` forgets it). None unless every file has its
        row, unchanged since (name, size and modification time, from one pass over the folders)
        and listable (its texts text), with no file that cannot be read and no id twice: then
        `refresh` reads what changed and brings the index up to date."""
        if lang not in LANGUAGES:
            return None
        found, problems = self.scan(as_text=True)
        if problems:
            return None
        texts = ", ".join(("session_id", "listed_when", f"listed_method_{lang}", *_LISTED_TEXTS[-4:]))

        def work(db: sqlite3.Connection) -> tuple[set[str], object, int, list[tuple] | None, int]:
            db.execute("BEGIN")  # the queries see the same rows; each reads only an index
            # A stamp per readable file (each holds its name: no two alike); a docs row that is not listed
            # (a file that cannot be read) counts too, and fails the comparison.
            stamps = {stamp for (stamp,) in db.execute("SELECT stamp FROM listed")}
            unlisted = db.execute("SELECT (SELECT count(*) FROM docs) - (SELECT count(*) FROM listed)").fetchone()[0]
            kept = db.execute("SELECT text FROM rendered WHERE layout = ?", (layout,)).fetchone()
            rows = None
            if kept is None:  # (a kept text was made of rows that passed what follows, unchanged since)
                unlisted += db.execute(
                    "SELECT count(*) FROM listed WHERE typeof(listed_order) != 'integer'"
                ).fetchone()[0]
                rows = db.execute(f"SELECT {texts} FROM listed ORDER BY listed_order DESC, session_id").fetchall()
            version = db.execute("PRAGMA data_version").fetchone()[0]
            db.execute("COMMIT")
            return stamps, kept and kept[0], unlisted, rows, version

        try:
            stamps, kept, unlisted, rows, version = self._run(work)
        except sqlite3.Error:
            return None
        if unlisted or stamps != set(found):
            return None  # a file changed, came or went, cannot be read, or a row is no listing's
        if rows is None:
            return kept if type(kept) is str and kept else None  # (else not what was written: never trusted)
        if not rows:
            return ""
        columns = list(zip(*rows))
        try:
            # Every one text (str.join refuses anything else), or the row is never trusted.
            for column in columns:
                "".join(column)
        except TypeError:
            return None
        if len(set(columns[0])) != len(rows):
            return None  # the same session in two files: `listing` names them
        text = render(rows)
        self._keep_rendered(layout, text, version)
        return text

    def _keep_rendered(self, layout: str, text: str, version: int) -> None:
        """Keep the listing's text, unless the index changed since its rows were read (another
        program wrote to it: `data_version`). A cache that cannot be written is no loss."""

        def work(db: sqlite3.Connection) -> None:
            db.execute("BEGIN IMMEDIATE")
            if db.execute("PRAGMA data_version").fetchone()[0] == version:
                db.execute("INSERT OR REPLACE INTO rendered (layout, text) VALUES (?, ?)", (layout, text))
            db.execute("COMMIT")

        with contextlib.suppress(sqlite3.Error):
            self._run(work)

    # -- keeping up with the store ------------------------------------------------------------

    def relative(self, path: Path) -> str | None:
        """`year/file.json` when `path` is a document in the sessions folder, else None."""
        if path.parent.parent != self.folder:
            return None
        return f"{path.parent.name}/{path.name}"

    def saved(self, path: Path) -> None:
        """A document was written (saved, restored): read it into the cache now."""
        relative = self.relative(path)
        if relative is None:
            return
        try:
            stat = path.stat()
        except OSError:
            return
        update = self._read(relative, (stat.st_mtime_ns, stat.st_size), path)
        self._paths[relative] = path
        if self._texted is not None:
            (self._texted.add if update[1] is not None else self._texted.discard)(relative)
        self._indexed = None
        self._write([update], [])

    def forget(self, path_or_relative: Path | str) -> None:
        """A document left the sessions folder (trashed, deleted): its row and text go now."""
        relative = self.relative(path_or_relative) if isinstance(path_or_relative, Path) else path_or_relative
        if relative is None:
            return
        self._paths.pop(relative, None)
        if self._texted is not None:
            self._texted.discard(relative)
        self._indexed = None

        def work(db: sqlite3.Connection) -> None:
            db.execute("BEGIN IMMEDIATE")
            self._delete(db, relative)
            db.execute("COMMIT")

        with contextlib.suppress(sqlite3.Error):
            self._run(work)

    def scrub(self) -> None:
        """After a deletion for good: leave no byte of deleted rows in the file. FTS5 keeps a
        deleted document's words in its segments until they are merged, so they are merged
        ('optimize'); VACUUM then rewrites the file without free pages."""

        def work(db: sqlite3.Connection) -> None:
            if self.fts:
                db.execute("INSERT INTO texts(texts) VALUES('optimize')")
            db.execute("VACUUM")

        with contextlib.suppress(sqlite3.Error):
            self._run(work)

    # -- search -------------------------------------------------------------------------------

    def search(self, query: str) -> tuple[set[Path], set[Path]] | None:
        """(the documents that match every word, every document the cache holds the text of);
        None when the query has no word to look for."""
        words = fold(query).split()
        if not words:
            return None

        def work(db: sqlite3.Connection) -> tuple[list[str], list[str]]:
            known: list[str] = []
            if self._texted is None:  # not listed by this catalog: ask the file
                known = [row[0] for row in db.execute("SELECT rel FROM docs WHERE problem IS NULL")]
            if self.fts:
                expression = fts_query(query)
                if expression is None:
                    return [], known
                try:
                    hits = db.execute(
                        "SELECT docs.rel FROM texts JOIN docs ON docs.id = texts.rowid WHERE texts MATCH ?",
                        (expression,),
                    ).fetchall()
                except sqlite3.OperationalError:  # a query FTS5 cannot parse: scan instead
                    hits = [
                        (rel,)
                        for rel, body in db.execute(
                            "SELECT docs.rel, texts.body FROM texts JOIN docs ON docs.id = texts.rowid"
                        )
                        if all(word in body for word in words)
                    ]
            else:
                condition = " AND ".join("texts.body LIKE ? ESCAPE '\\'" for _ in words)
                hits = db.execute(
                    f"SELECT docs.rel FROM texts JOIN docs ON docs.id = texts.rowid WHERE {condition}",
                    [_like_pattern(word) for word in words],
                ).fetchall()
            return [row[0] for row in hits], known

        with self._lock:
            try:
                hits, known = self._run(work)
            except sqlite3.Error:
                return set(), set()
            if self._texted is None:
                indexed = {self._full(rel) for rel in known}
            else:
                if self._indexed is None:
                    self._indexed = {self._full(rel) for rel in self._texted}
                indexed = self._indexed
            return {self._full(rel) for rel in hits}, indexed

    def _full(self, relative: str) -> Path:
        full = self._paths.get(relative)
        return full if full is not None else self.folder / relative


def _path_maker(folder: Path):
    """`relative -> folder / relative`, fast: on Python 3.11 pathlib parses every new Path
    again (a third of a warm listing of 10,000), so the folder's parts are reused there."""

    def plain(relative: str) -> Path:
        return folder / relative

    from_parts = getattr(type(folder), "_from_parsed_parts", None)
    if sys.version_info[:2] != (3, 11) or from_parts is None:
        return plain  # 3.12 and later parse lazily: a plain Path is cheap there
    try:
        drive, root, parts = folder._drv, folder._root, list(folder._parts)  # type: ignore[attr-defined]

        def fast(relative: str) -> Path:
            return from_parts(drive, root, parts + relative.split("/"))

        if fast("2026/x.json") != plain("2026/x.json") or str(fast("2026/x.json")) != str(plain("2026/x.json")):
            return plain
    except (AttributeError, TypeError, ValueError):
        return plain
    return fast


def _scan_could_find(relative: object) -> bool:
    """`relative` names a file `scan` lists: a `*.json` (no dot first) in a year folder of the sessions folder."""
    if type(relative) is not str or relative.count("/") != 1:
        return False
    year, name = relative.split("/")
    return year not in ("", ".", "..") and name.endswith(".json") and not name.startswith(".")


def _stamp_text(relative: str, mtime_ns: int, size: int) -> str:
    """A file as the warm listing compares it with the index, in one text (the numbers first:
    whatever the name holds, two files differ in it when they differ at all)."""
    return f"{mtime_ns} {size} {relative}"


def _problem(key: str, *, error: OSError | None = None, **values: object) -> Message:
    """A "store.problem.*" message (with `error`: its reason as `detail`), imported only when there is one."""
    from ..core.message import Message

    if error is not None:
        from ..core.os_errors import os_error_reason

        values["detail"] = os_error_reason(error)
    return Message(key, values)


def _is_busy(error: sqlite3.Error) -> bool:
    code = getattr(error, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)
    return "locked" in str(error)


def _row_of_summary(summary: SessionSummary) -> tuple:
    return (
        summary.id,
        summary.started_at.isoformat() if summary.started_at else None,
        summary.saved_at.isoformat(),
        summary.method_id,
        json.dumps(summary.method_name, ensure_ascii=False, sort_keys=True),
        json.dumps(list(summary.participants), ensure_ascii=False),
        summary.inbrenger,
        summary.case_title,
        summary.running_seconds,
        summary.overtime_seconds,
        int(summary.has_reflection),
    )


def listed_texts(summary: SessionSummary, lang: str) -> tuple[str, ...]:
    """What `intervisie notes list` prints of one session, column by column: id, when, method,
    inbrenger, people, minutes, case (its trailing white space gone: the line ends there)."""
    from .summary import minutes_label

    return (
        summary.id,
        summary.when.isoformat(" ")[:16],  # as %Y-%m-%d %H:%M, faster
        summary.method_label(lang),
        summary.inbrenger or "-",
        str(len(summary.participants)),
        minutes_label(summary.running_seconds),
        (summary.case_title or "-").rstrip(),
    )


def _listed_of_summary(summary: SessionSummary) -> tuple:
    """The values of `_LISTED_COLUMNS`: the order (microseconds since 1970), then the listed texts."""
    session_id, when, _, *rest = listed_texts(summary, LANGUAGES[0])
    methods = (summary.method_label(lang) for lang in LANGUAGES)
    return ((summary.when - _EPOCH) // _MICROSECOND, session_id, when, *methods, *rest)


def _summary_of_row(
    row: tuple,
    path: Path,
    names: dict[str, dict[str, str]],
    people: dict[str, tuple[str, ...]],
    summary_class: type[SessionSummary] | None = None,
) -> SessionSummary:
    """A summary from a cached row, every field checked (a row is never trusted blindly).
    Method names and groups repeat across sessions: each distinct JSON is parsed once.
    (`summary_class`: SessionSummary, handed in by a caller that makes many.)"""
    if summary_class is None:
        from .summary import SessionSummary

        summary_class = SessionSummary
    (
        _,
        _,
        _,
        _,
        session_id,
        started,
        saved,
        method_id,
        method_name,
        participants,
        inbrenger,
        case_title,
        running,
        overtime,
        reflection,
    ) = row
    name = names.get(method_name)
    if name is None:
        name = json.loads(method_name)
        if not isinstance(name, dict) or not all(isinstance(value, str) for value in name.values()):
            raise ValueError("method name")
        names[method_name] = name
    group = people.get(participants)
    if group is None:
        group = tuple(json.loads(participants))
        if not all(isinstance(person, str) for person in group):
            raise ValueError("participants")
        people[participants] = group
    # SQLite hands back exactly str, int, float, bytes or None, so `type(...) is` is isinstance here;
    # the seconds as the document's reading allows them: finite (SQLite keeps no NaN) and within bounds.
    if not (
        type(session_id) is str
        and type(method_id) is str
        and type(case_title) is str
        and (inbrenger is None or type(inbrenger) is str)
        and (started is None or type(started) is str)
        and type(saved) is str
        and type(running) in _NUMBERS
        and type(overtime) in _NUMBERS
        and 0 <= running <= MAX_SECONDS
        and 0 <= overtime <= MAX_SECONDS
    ):
        raise ValueError("field")
    # fromisoformat gives a fixed offset or none: no offset is this machine's time (`as_aware`).
    saved_at = _from_iso(saved)
    if saved_at.tzinfo is None:
        saved_at = as_aware(saved_at)
    started_at = _from_iso(started) if started else None
    if started_at is not None and started_at.tzinfo is None:
        started_at = as_aware(started_at)
    summary = _new_summary(summary_class)
    # The fields in one dict, not the frozen dataclass's per-field `__init__` (a warm listing makes 10,000).
    summary.__dict__.update(
        id=session_id,
        path=path,
        started_at=started_at,
        saved_at=saved_at,
        method_id=method_id,
        method_name=name,
        participants=group,
        inbrenger=inbrenger,
        case_title=case_title,
        running_seconds=float(running),
        overtime_seconds=float(overtime),
        has_reflection=bool(reflection),
    )
    return summary


_NUMBERS = (int, float)
_from_iso = datetime.fromisoformat
_new_summary = object.__new__
