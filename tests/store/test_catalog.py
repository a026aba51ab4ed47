"""The SQLite index of saved sessions: a cache of the documents that follows them, is rebuilt
when missing, stale or damaged, and searches without case and accents (FTS5, or LIKE)."""

from __future__ import annotations

import json
import os
import sqlite3
import stat
from pathlib import Path

import pytest
from observe import imports_of_command
from sessionplay import play_session

from intervisie_tui.core.engine import SessionRunner
from intervisie_tui.core.events import NoteField
from intervisie_tui.store import catalog as catalog_module
from intervisie_tui.store.catalog import CATALOG_FILE, SessionCatalog, fts5_available, fts_query
from intervisie_tui.store.sessions import Store


def finish_with(store: Store, plan, clock, **notes: str) -> Path:
    runner = SessionRunner(plan, clock)
    runner.start()
    clock.advance(300)
    for field, text in notes.items():
        runner.set_note(NoteField(field.replace("_", "-")), text)
    runner.end()
    clock.advance(86400)
    return store.finish(plan, runner.events)


@pytest.fixture
def saved(store, incident_plan, clock):
    first = finish_with(store, incident_plan, clock, action_points="Gesprek met Ümit plannen")
    second = finish_with(store, incident_plan, clock, action_points="Rooster bespreken")
    return first, second


def test_the_cache_is_one_private_file_and_the_old_json_caches_go(private_dirs, store, played):
    _, data = private_dirs
    data.mkdir(parents=True)
    (data / "search-index.json").write_text('{"texts": "notes of old"}')
    store.finish(played.plan, played.events)
    Store().list_sessions()
    file = data / CATALOG_FILE
    assert stat.S_IMODE(file.stat().st_mode) == 0o600
    assert not (data / "search-index.json").exists() and not (data / "index.json").exists()
    assert sorted(path.name for path in data.iterdir() if path.is_file()) == [CATALOG_FILE]


def test_only_looking_makes_no_file(private_dirs):
    _, data = private_dirs
    assert Store().list_sessions() == []
    assert not data.exists()


def test_search_ignores_case_and_accents_and_matches_word_starts(store, saved):
    first, second = saved
    store.list_sessions()
    assert [s.path for s in store.search("UMIT")] == [first]
    assert [s.path for s in store.search("gesp ümit")] == [first]  # every word, each the start of a word
    assert [s.path for s in store.search("rooster")] == [second]
    assert store.search("rooster ümit") == []
    assert len(store.search("   ")) == 2  # no word: everything


def test_a_word_with_punctuation_is_a_phrase(store, saved):
    store.list_sessions()
    when = store.list_sessions()[0].when
    assert len(store.search(f"{when:%Y-%m-%d}")) == 1
    assert fts_query('a"b c-d') == '"a b"* AND "c d"*'
    assert fts_query("- !") is None
    assert store.search("- !") == []


def test_the_index_holds_only_the_final_text_not_erased_history(store, incident_plan, clock):
    runner = SessionRunner(incident_plan, clock)
    runner.start()
    runner.set_note(NoteField.ACTION_POINTS, "geheimewoord dat weg moet")
    runner.set_note(NoteField.ACTION_POINTS, "wat bleef staan")
    runner.end()
    store.finish(incident_plan, runner.events)
    fresh = Store()
    fresh.list_sessions()
    assert fresh.search("geheimewoord") == []
    assert len(fresh.search("bleef")) == 1
    raw = (fresh.root / CATALOG_FILE).read_bytes()
    assert b"geheimewoord" not in raw


def test_saving_trashing_and_restoring_keep_the_index_up_to_date(store, saved, monkeypatch):
    first, _ = saved
    store.list_sessions()
    document = store.load_path(first)
    store.save_reflection(document, "Voortaan eerst luisteren", first)
    fresh = Store()
    assert [s.path for s in fresh.search("luisteren", fresh.list_sessions())] == [first]
    store.trash(first)
    index = SessionCatalog(store.sessions_dir, store.root / CATALOG_FILE)
    hits, known = index.search("luisteren")
    assert hits == set() and first not in known  # gone from the index at once, not at the next listing
    trashed = store.list_trash()
    assert [s.path.name for s in store.search("ANNA", trashed)] == [first.name]  # the trash: what the list shows
    store.restore(first.name)
    hits, _ = SessionCatalog(store.sessions_dir, store.root / CATALOG_FILE).search("luisteren")
    assert hits == {first}


@pytest.mark.parametrize("damage", ["garbage", "other schema", "nonsense row", "truncated"])
def test_a_damaged_cache_is_rebuilt_never_trusted(store, saved, damage):
    store.list_sessions()
    file = store.root / CATALOG_FILE
    if damage == "garbage":
        file.write_bytes(os.urandom(5000))
    elif damage == "other schema":
        file.unlink()
        with sqlite3.connect(file) as db:
            db.execute("CREATE TABLE docs (rel TEXT, surprise BLOB)")
            db.execute("INSERT INTO docs VALUES ('2026/x.json', x'00')")
    elif damage == "nonsense row":
        with sqlite3.connect(file) as db:
            db.execute("UPDATE docs SET started_at = 'yesterday', participants = '{\"not\": \"a list\"}'")
    else:
        file.write_bytes(file.read_bytes()[:1500])
    fresh = Store()
    listed = fresh.list_sessions()
    assert len(listed) == 2 and fresh.problems == []
    assert listed[0].participants == ("Anna", "Bram", "Cem", "Dewi")
    assert len(fresh.search("ümit")) == 1
    assert not fresh.index.in_memory  # the file was thrown away and written again
    again = Store()
    assert len(again.list_sessions()) == 2 and len(again.search("rooster")) == 1


def test_a_locked_cache_is_left_alone_and_the_documents_are_used(store, saved, monkeypatch):
    monkeypatch.setattr(catalog_module, "BUSY_TIMEOUT", 0.0)  # no waiting for the lock in a test
    store.list_sessions()
    file = store.root / CATALOG_FILE
    before = file.read_bytes()
    holder = sqlite3.connect(file, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")  # another program writes to it
    try:
        fresh = Store()
        assert len(fresh.list_sessions()) == 2
        assert len(fresh.search("rooster")) == 1
        assert fresh.index.in_memory
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert file.read_bytes() == before


def test_a_cache_that_cannot_be_written_is_no_loss(store, saved):
    store.list_sessions()
    (store.root / CATALOG_FILE).unlink()
    store.root.chmod(0o500)
    try:
        fresh = Store()
        assert len(fresh.list_sessions()) == 2
        assert len(fresh.search("ümit")) == 1
    finally:
        store.root.chmod(0o700)


def test_without_fts5_the_folded_text_is_scanned_with_like(store, saved, monkeypatch):
    first, second = saved
    plain = SessionCatalog(store.sessions_dir, store.root / CATALOG_FILE, fts=False)
    summaries, _ = plain.refresh()  # the file was made with FTS5: it is rebuilt without
    assert len(summaries) == 2 and not plain.in_memory
    assert plain.search("UMIT")[0] == {first}
    assert plain.search("sprek")[0] == {first, second}  # LIKE finds inside words too
    assert plain.search("100%")[0] == set()  # % and _ are literal
    with sqlite3.connect(store.root / CATALOG_FILE) as db:
        kind = db.execute("SELECT sql FROM sqlite_master WHERE name = 'texts'").fetchone()[0]
    assert "fts5" not in kind.lower()
    # And a store on a Python whose SQLite has no FTS5 at all:
    monkeypatch.setattr(catalog_module, "fts5_available", lambda: False)
    fresh = Store()
    fresh.list_sessions()
    assert not fresh.index.fts and [s.path for s in fresh.search("rooster")] == [second]


def test_this_python_has_fts5():
    assert fts5_available()  # the figures in the README are for FTS5; the fallback is tested above


def test_notes_list_from_a_warm_index_imports_no_pydantic(store, saved, private_dirs):
    store.list_sessions()
    out, loaded = imports_of_command(["--lang", "en", "notes", "list"], ("pydantic",))
    assert loaded == [] and "incident" in out.lower()
    # A changed document is read again (its summary fields, checked without the model): the listing follows.
    first, _ = saved
    raw = json.loads(first.read_text())
    raw["plan"]["case_title"] = "Anders genoemd"
    first.write_text(json.dumps(raw))
    out, loaded = imports_of_command(["--lang", "en", "notes", "list"], ("pydantic",))
    assert "Anders genoemd" in out and loaded == []


def test_sessions_of_another_process_are_seen(store, saved, incident_plan, clock):
    store.list_sessions()
    other = Store()
    third = play_session(incident_plan, clock)
    other.finish(third.plan, third.events)
    assert len(store.list_sessions()) == 3


def test_a_cache_that_fails_even_in_memory_never_stops_the_listing(store, saved, monkeypatch):
    def broken(self):
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(SessionCatalog, "_connect", broken)
    fresh = Store()
    assert len(fresh.list_sessions()) == 2 and fresh.problems == []
    assert len(fresh.search("ümit")) == 1  # from the documents themselves


@pytest.mark.parametrize("fts", [True, False], ids=["fts5", "like"])
@pytest.mark.parametrize("how", ["delete", "empty-trash"])
def test_a_session_deleted_for_good_leaves_no_word_in_the_index_file(
    store, incident_plan, clock, monkeypatch, fts, how
):
    """Not the whole text, nor one word of it: FTS5 keeps a deleted row's words in its segments and
    SQLite keeps freed pages, so the file is merged and rewritten."""
    if not fts:
        monkeypatch.setattr(catalog_module, "fts5_available", lambda: False)
        store = Store()
    kept = finish_with(store, incident_plan, clock, action_points="Blijvendwoord")
    gone = finish_with(store, incident_plan, clock, action_points="Wegwoordqz and Tweedewoordqz")
    store.list_sessions()
    assert [summary.path for summary in store.search("wegwoordqz")] == [gone]
    file = store.root / CATALOG_FILE
    assert b"wegwoordqz" in file.read_bytes()  # the index held it: the test can fail
    if how == "delete":
        store.delete_permanently(store.find(gone))
    else:
        store.trash(gone)
        store.empty_trash()
    data = file.read_bytes()
    for word in (b"wegwoordqz", b"tweedewoordqz", b"Wegwoordqz"):
        assert word not in data
    assert b"blijvendwoord" in data and [summary.path for summary in store.search("blijvend")] == [kept]
    assert store.search("wegwoordqz") == [] and Store().search("tweedewoordqz") == []


HOSTILE_VALUES = [
    None,
    0,
    -1,
    2**62,
    1.5,
    float("inf"),
    "",
    "/",
    "..",
    "../../x.json",
    "2026/../x.json",
    "[]",
    "{}",
    '{"nl": 1}',
    '["a", 2]',
    "\x00",
    b"\x00\xff",
    "2026-13-45T99:99",
    "9" * 400,
]


def test_the_newest_from_a_damaged_index_are_only_rows_that_fit_their_files(store, incident_plan, clock):
    """Generated damage of every column of the rows `newest` reads: it never raises, and whatever it
    gives is a session whose file is in the folder with the stamp indexed and whose fields are sound."""
    import random

    for _ in range(6):
        finish_with(store, incident_plan, clock)
    catalog = store.index
    assert len(store.list_sessions()) == 6
    columns = ["rel", "mtime_ns", "size", "problem", *[name.strip() for name in catalog_module._COLUMNS.split(",")]]
    rng = random.Random(3)
    with sqlite3.connect(catalog.file) as db:
        good = db.execute("SELECT * FROM docs").fetchall()
    for round_ in range(120):
        with sqlite3.connect(catalog.file) as db:
            db.execute("DELETE FROM docs")
            db.executemany(f"INSERT INTO docs VALUES ({', '.join('?' * len(good[0]))})", good)
            for _ in range(rng.randint(1, 4)):
                column = rng.choice(columns)
                with_value = rng.choice(HOSTILE_VALUES)
                try:
                    db.execute(f"UPDATE docs SET {column} = ? WHERE id = ?", (with_value, rng.choice(good)[0]))
                except sqlite3.IntegrityError:
                    pass  # rel is unique and not null: that damage cannot be stored
        newest = catalog.newest(10)
        assert len(newest) <= 6, round_
        for summary in newest:
            assert summary.path.parent.parent == catalog.folder
            status = os.stat(summary.path)
            assert catalog.relative(summary.path) is not None or summary.path.is_file()
            assert status.st_size > 0
            assert isinstance(summary.case_title, str) and all(isinstance(name, str) for name in summary.participants)
            assert summary.running_seconds >= 0
