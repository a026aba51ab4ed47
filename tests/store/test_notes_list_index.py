"""`intervisie notes list` from a warm index (`SessionCatalog.listed`): exactly what the listing from the
documents prints, and never trusted when the index or a document changed."""

from __future__ import annotations

import json
import os
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from observe import imports_of_command

from intervisie_tui.cli import build_parser, main
from intervisie_tui.cli.plain_argv import plain_notes_list
from intervisie_tui.store import catalog as catalog_module

FIXTURE = Path(__file__).parent.parent / "fixtures" / "session-v1.json"


def add_session(data: Path, session_id: str, started: str, case: str, inbrenger: str | None = "Bram") -> Path:
    raw = json.loads(FIXTURE.read_text())
    raw["id"] = session_id
    raw["started_at"] = started
    raw["plan"]["case_title"] = case
    raw["plan"]["inbrenger"] = raw["inbrenger"] = inbrenger
    folder = data / "sessions" / started[:4]
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{started[:10]}_incident_{session_id}.json"
    path.write_text(json.dumps(raw, ensure_ascii=False))
    return path


@pytest.fixture
def data(private_dirs) -> Path:
    _, data = private_dirs
    add_session(data, "f1x7ure001", "2026-01-15T14:00:00Z", "Boze ouder")
    add_session(data, "f1x7ure002", "2025-03-02T09:30:00+01:00", "Een héél lange casustitel met Ümit  ")
    add_session(data, "f1x7ure003", "2026-02-01T10:00:00Z", "   ", inbrenger=None)  # a title of spaces only
    add_session(data, "f1x7ure004", "2024-12-31T23:59:00-05:00", "")
    add_session(data, "f1x7ure000", "2025-01-01T04:59:00Z", "Dezelfde tijd")  # the moment of 004: by id
    return data


def listing(capsys, *argv: str) -> tuple[str, str]:
    capsys.readouterr()
    assert main([*argv, "notes", "list"]) == 0
    return capsys.readouterr()


def from_documents_only(monkeypatch) -> None:
    """The next listings ignore the index's listed rows: they print from the summaries."""
    monkeypatch.setattr(catalog_module.SessionCatalog, "listed", lambda self, *how: None)


def from_index_only(monkeypatch) -> None:
    """The next listing must come from the index alone: reading a document again fails the test."""

    def refused(self):
        raise AssertionError("the listing read the documents again")

    monkeypatch.setattr(catalog_module.SessionCatalog, "refresh", refused)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_warm_listing_prints_exactly_what_the_documents_give(data, capsys, monkeypatch, lang):
    with monkeypatch.context() as patch:
        from_documents_only(patch)
        cold, cold_err = listing(capsys, "--lang", lang)
    with monkeypatch.context() as patch:
        from_index_only(patch)
        warm, warm_err = listing(capsys, "--lang", lang)  # from the rows
        kept, kept_err = listing(capsys, "--lang", lang)  # the text the index kept of them
    assert warm == kept == cold and warm_err == kept_err == cold_err == ""
    lines = warm.splitlines()
    assert [line.split()[0] for line in lines[1:]] == [
        "f1x7ure003",
        "f1x7ure001",
        "f1x7ure002",
        "f1x7ure000",
        "f1x7ure004",
    ]
    assert all(line == line.rstrip() for line in lines)
    assert "Een héél lange casustitel met Ümit" in warm and ("Incident" in warm)
    assert all(line[10:12] == "  " and line[12] != " " for line in lines)  # the id column padded alike


def test_the_json_listing_is_unchanged_by_the_index(data, capsys):
    capsys.readouterr()
    assert main(["notes", "list", "--json"]) == 0
    first = capsys.readouterr().out
    assert main(["notes", "list", "--json"]) == 0
    again = capsys.readouterr().out
    assert first == again and json.loads(again)[0]["id"] == "f1x7ure003"


def kept_texts(data: Path) -> int:
    with closing(sqlite3.connect(data / catalog_module.CATALOG_FILE)) as db:
        return db.execute("SELECT count(*) FROM rendered").fetchone()[0]


def test_a_document_edited_in_place_with_the_same_size_is_seen(data, capsys):
    listing(capsys)
    listing(capsys)
    assert kept_texts(data) == 1
    path = data / "sessions" / "2026" / "2026-01-15_incident_f1x7ure001.json"
    before = path.stat()
    path.write_text(path.read_text().replace("Boze ouder", "Boze buren"))
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns + 1_000_000))  # a new time, whatever the clock
    assert path.stat().st_size == before.st_size
    out, _ = listing(capsys)
    assert "Boze buren" in out and "Boze ouder" not in out


def test_a_removed_document_leaves_the_listing_and_a_new_one_joins_it(data, capsys, monkeypatch):
    listing(capsys)
    listing(capsys)
    assert kept_texts(data) == 1
    (data / "sessions" / "2026" / "2026-01-15_incident_f1x7ure001.json").unlink()
    out, _ = listing(capsys)
    assert "f1x7ure001" not in out and "f1x7ure002" in out
    add_session(data, "f1x7ure009", "2027-01-01T10:00:00Z", "Nieuw")
    out, _ = listing(capsys)
    assert out.splitlines()[1].startswith("f1x7ure009")
    from_index_only(monkeypatch)
    assert listing(capsys) == (out, "")


def test_an_unreadable_document_is_named_at_every_listing(data, capsys):
    (data / "sessions" / "2026" / "broken.json").write_text('{"format": "intervisie-tui session", ')
    for _ in range(2):
        out, err = listing(capsys, "--lang", "en")
        assert "broken.json" in err and "not valid JSON" in err and "f1x7ure001" in out


def test_the_same_id_in_two_files_is_named_at_every_listing(data, capsys):
    original = data / "sessions" / "2026" / "2026-01-15_incident_f1x7ure001.json"
    original.with_name("2026-01-15_incident_f1x7ure001 (copy).json").write_bytes(original.read_bytes())
    for _ in range(2):
        _, err = listing(capsys, "--lang", "en")
        assert "same session id" in err


@pytest.mark.parametrize(
    "damage", ["garbage", "truncated", "other schema", "schema 2", "text for a number", "kept text", "no kept text"]
)
def test_a_damaged_index_is_rebuilt_by_the_listing(data, capsys, damage):
    expected, _ = listing(capsys)
    assert listing(capsys) == (expected, "") and kept_texts(data) == 1
    index = data / catalog_module.CATALOG_FILE
    if damage == "garbage":
        index.write_bytes(os.urandom(8000))
    elif damage == "truncated":
        index.write_bytes(index.read_bytes()[:3000])
    elif damage == "other schema":
        index.unlink()
        with closing(sqlite3.connect(index)) as db, db:
            db.execute("CREATE TABLE docs (rel TEXT, surprise BLOB)")
    elif damage == "schema 2":  # an index of the version before: its rows hold no listed text
        with closing(sqlite3.connect(index)) as db, db:
            db.execute("UPDATE meta SET value = '2' WHERE key = 'schema'")
    elif damage == "text for a number":  # and no kept text, as after any write of ours: the rows are printed
        with closing(sqlite3.connect(index)) as db, db:
            db.execute("UPDATE listed SET listed_minutes = 7, listed_when = x'00'")
            db.execute("DELETE FROM rendered")
    else:
        with closing(sqlite3.connect(index)) as db, db:
            db.execute("UPDATE rendered SET text = " + ("x'35'" if damage == "kept text" else "''"))
    out, err = listing(capsys)
    assert out == expected and err == ""
    with closing(sqlite3.connect(index)) as db:
        assert db.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()[0] == catalog_module.SCHEMA
        assert db.execute("SELECT count(*) FROM listed WHERE typeof(listed_minutes) = 'text'").fetchone()[0] == 5


@pytest.mark.parametrize(
    "argv",
    [
        ["notes", "list"],
        ["--lang", "en", "--data-dir", "/tmp/x", "notes", "list", "--json", "--lang", "nl"],
        ["--data-dir=/tmp/x", "--lang=en", "notes", "list"],
        ["--data-dir", "notes", "notes", "list"],
        ["--lang", "nl", "--lang", "en", "notes", "list", "--lang=en"],
        ["--data-dir=", "notes", "list"],
    ],
)
def test_the_plain_listing_command_reads_as_the_parser_reads_it(argv):
    assert vars(plain_notes_list(argv)) == vars(build_parser().parse_args(argv))


@pytest.mark.parametrize(
    "argv",
    [
        ["notes"],
        ["notes", "show", "f1"],
        ["--json", "notes", "list"],
        ["--data", "/tmp/x", "notes", "list"],  # an abbreviation: the parser's to expand
        ["notes", "list", "-h"],
        ["--lang", "de", "notes", "list"],  # refused by the parser, with its message
        ["notes", "list", "--json=yes"],
        ["--data-dir", "-x", "notes", "list"],
        ["notes", "--lang", "en", "list"],
        ["notes", "list", "--lang"],
        ["list"],
    ],
)
def test_any_other_command_line_is_left_to_the_parser(argv):
    assert plain_notes_list(argv) is None


def test_a_warm_listing_imports_neither_argparse_nor_the_messages(data, capsys):
    listing(capsys)
    heavy = ("argparse", "pydantic", "dataclasses", "intervisie_tui.core.message", "intervisie_tui.store.summary")
    out, loaded = imports_of_command(["notes", "list"], heavy)
    assert "f1x7ure001" in out and loaded == []


def test_a_session_the_app_saves_is_listed_at_once(data, capsys, incident_plan, clock, monkeypatch):
    """The app writes the index row itself (`SessionCatalog.saved`): the stamps then agree, so the kept text
    must go with that write."""
    from sessionplay import play_session

    from intervisie_tui.store.sessions import Store

    listing(capsys)
    listing(capsys)
    assert kept_texts(data) == 1
    played = play_session(incident_plan, clock)
    saved = Store().finish(played.plan, played.events)
    assert kept_texts(data) == 0
    from_index_only(monkeypatch)  # the index has the new row already: no document is read again
    out, _ = listing(capsys)
    assert saved.stem.rsplit("_", 1)[-1] in out and len(out.splitlines()) == 7
