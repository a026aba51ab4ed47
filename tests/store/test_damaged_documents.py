"""One damaged or hostile session document beside a good one: named with the field and what to do, never a
traceback, the good session still listed and opened, and the damaged file left exactly as it was."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from contextlib import closing
from datetime import datetime
from pathlib import Path

import pytest

from intervisie_tui.cli import main

FIXTURE = Path(__file__).parent.parent / "fixtures" / "session-v1.json"
GOOD = "f1x7ure001"
BAD = "2026-02-01_incident_bad0000001.json"


def _doc() -> dict:
    doc = json.loads(FIXTURE.read_text())
    doc["id"] = "bad0000001"
    return doc


def _set(path: str, value):
    def change(doc):
        *parents, last = path.split(".")
        target = doc
        for part in parents:
            target = target[int(part)] if isinstance(target, list) else target[part]
        if isinstance(target, list):
            target[int(last)] = value
        else:
            target[last] = value
        return doc

    return change


def _note_without_field(doc):
    for event in doc["events"]:
        if event["kind"] == "note":
            event.pop("field")
    return doc


# name -> (bytes of the damaged file, words the listing's complaint must hold, or None when it lists fine)
def _damages() -> dict[str, tuple[bytes, tuple[str, ...] | None]]:
    def dumped(change):
        return json.dumps(change(_doc()), allow_nan=True).encode()

    return {
        "nested-arrays": (b"[" * 100_000 + b"]" * 100_000, ("nested more than",)),
        "nested-objects": (b'{"a":' * 5_000 + b"1" + b"}" * 5_000, ("nested more than",)),
        "inbrenger-number": (dumped(_set("inbrenger", 5)), ("'inbrenger'", "text")),
        "inbrenger-list": (dumped(_set("inbrenger", ["x"])), ("'inbrenger'",)),
        "participants-text": (dumped(_set("plan.participants", "Anna")), ("'plan.participants'",)),
        "nan-seconds": (dumped(_set("stats.running_seconds", float("nan"))), ("stats.running_seconds", "NaN")),
        "infinite-seconds": (dumped(_set("stats.overtime_seconds", float("inf"))), ("stats.overtime_seconds",)),
        "start-not-text": (dumped(_set("started_at", 5)), ("'started_at'", "ISO 8601")),
        "start-not-a-time": (dumped(_set("saved_at", "yesterday")), ("'saved_at'",)),
        "binary": (bytes(range(256)) * 4, ("not valid JSON",)),
        "empty": (b"  \n", ("empty",)),
        "version-5000-digits": (
            json.dumps(_doc()).replace('"schema_version": 1', '"schema_version": ' + "9" * 5000).encode(),
            ("thousands of digits",),
        ),
        "version-1000-digits": (dumped(_set("schema_version", 10**1000)), ("newer version",)),
        "naive-times": (
            dumped(lambda d: {**d, "started_at": "2026-02-01T10:00:00", "saved_at": "2026-02-01T11:00:00"}),
            None,
        ),
        "event-time-1e999": (json.dumps(_doc()).replace('"t": 0.0', '"t": 1e999', 1).encode(), None),
        "note-without-field": (dumped(_note_without_field), None),
        "budget-400-digits": (dumped(_set("plan.budget_minutes", 10**400)), None),
        "minutes-30-digits": (
            dumped(lambda d: {**d, "events": [*d["events"], {**d["events"][-1], "kind": "extend", "minutes": 10**30}]}),
            None,
        ),
    }


DAMAGES = _damages()


@pytest.fixture
def data(private_dirs) -> Path:
    _, data = private_dirs
    folder = data / "sessions" / "2026"
    folder.mkdir(parents=True)
    shutil.copyfile(FIXTURE, folder / "2026-01-15_incident_f1x7ure001.json")
    return data


@pytest.mark.parametrize("name", sorted(DAMAGES))
def test_a_damaged_document_is_named_and_the_good_one_still_works(name, data, capsys):
    content, complaint = DAMAGES[name]
    bad = data / "sessions" / "2026" / BAD
    bad.write_bytes(content)
    for argv in (
        ["notes", "list"],
        ["notes", "list", "--json"],
        ["notes", "show", GOOD],
        ["notes", "export", GOOD, "--format", "json"],
    ):
        assert main(["--lang", "en", *argv]) == 0, argv
        out, err = capsys.readouterr()
        assert GOOD in out or "Boze ouder" in out
        if argv[-1] == "--json":
            json.loads(out, parse_constant=lambda constant: pytest.fail(f"{constant} is not JSON"))
        if complaint is not None and argv[1] == "list":
            assert BAD in err and "left untouched" in err
            for word in complaint:
                assert word in err, (word, err)
    # Opening the damaged one: listed (when its summary reads) or not, a message naming it, never a traceback.
    code = main(["--lang", "en", "notes", "show", "bad0000001"])
    out, err = capsys.readouterr()
    if complaint is None and name != "naive-times":
        assert code == 1 and BAD in err and ("field 'events" in err or "field 'plan" in err) and "backup" in err
    elif name == "naive-times":
        assert code == 0 and "# Boze ouder" in out
    else:
        assert code == 2 and "bad0000001" in err
    assert bad.read_bytes() == content


def test_a_damaged_index_entry_is_read_again_from_the_document(data, capsys):
    assert main(["notes", "list"]) == 0
    index = data / "index.sqlite3"
    with closing(sqlite3.connect(index)) as db, db:
        # A title gone, a time without a zone, seconds that are no number (what a summary is made of), the
        # listed case gone (what the command prints): each row is read again.
        db.execute(
            "UPDATE docs SET case_title = NULL, started_at = '2026-01-15T14:00:00', running = 'NaN'"
            " WHERE problem IS NULL"
        )
        db.execute("UPDATE listed SET listed_case = NULL")
    capsys.readouterr()
    assert main(["--lang", "en", "notes", "list"]) == 0
    assert "Boze ouder" in capsys.readouterr().out
    with closing(sqlite3.connect(index)) as db:
        rows = db.execute("SELECT case_title, started_at, typeof(running) FROM docs WHERE problem IS NULL").fetchall()
    assert rows and all(
        title == "Boze ouder" and datetime.fromisoformat(started).utcoffset() is not None and kind == "real"
        for title, started, kind in rows
    ), rows
    assert main(["--lang", "en", "notes", "show", GOOD]) == 0


def test_an_index_row_without_a_zone_or_with_nan_seconds_is_never_used():
    from intervisie_tui.store.catalog import _summary_of_row

    good = (
        "2026/a.json",
        1,
        1,
        None,
        "abc",
        "2026-01-15T14:00:00",
        "2026-01-15T15:00:00+01:00",
        "incident",
        '{"nl": "Incident"}',
        '["Anna"]',
        None,
        "Casus",
        60.0,
        0.0,
        0,
    )
    summary = _summary_of_row(good, Path("/x/2026/a.json"), {}, {})
    assert summary.started_at.tzinfo is not None and summary.saved_at.utcoffset() is not None
    for index, bad in ((12, float("nan")), (12, "60"), (13, float("inf")), (12, -1.0), (11, 5), (6, None)):
        row = list(good)
        row[index] = bad
        with pytest.raises((ValueError, TypeError)):
            _summary_of_row(tuple(row), Path("/x/2026/a.json"), {}, {})


def test_a_document_loose_in_the_sessions_folder_is_named(data, capsys):
    loose = data / "sessions" / "2026-01-15_incident_f1x7ure002.json"
    loose.write_text(FIXTURE.read_text().replace(GOOD, "f1x7ure002"))
    assert main(["--lang", "en", "notes", "list"]) == 0
    err = capsys.readouterr().err
    assert loose.name in err and "folder per year" in err


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_named_pipe_as_a_document_does_not_block(data, capsys):
    pipe = data / "sessions" / "2026" / BAD
    os.mkfifo(pipe)
    assert main(["--lang", "en", "notes", "list"]) == 0
    err = capsys.readouterr().err
    assert BAD in err and "named pipe" in err


def test_a_document_over_the_size_limit_is_refused_with_the_limit(data, capsys, monkeypatch):
    from intervisie_tui.core import files

    monkeypatch.setitem(files.LIMITS, "session", 50_000)
    big = data / "sessions" / "2026" / BAD
    big.write_bytes(b" " * 60_000)
    assert main(["--lang", "en", "notes", "list"]) == 0
    err = capsys.readouterr().err
    assert BAD in err and "larger than the" in err and "allowed for this kind of file" in err


def test_a_data_folder_that_is_a_file_is_told(tmp_path, capsys):
    not_a_folder = tmp_path / "stick"
    not_a_folder.write_text("x")
    assert main(["--lang", "en", "--data-dir", str(not_a_folder), "notes", "list"]) == 2
    assert "is not a folder but a file" in capsys.readouterr().err
    assert not_a_folder.read_text() == "x"


@pytest.mark.parametrize("argv", [[], ["notes"], ["display"]])
def test_no_screen_without_a_terminal(argv, private_dirs):
    result = subprocess.run(
        [sys.executable, "-m", "intervisie_tui", "--lang", "en", *argv],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
        env={key: value for key, value in os.environ.items() if key != "TEXTUAL_DRIVER"},
    )
    assert result.returncode == 2
    assert "No terminal" in result.stderr and "Traceback" not in result.stderr
