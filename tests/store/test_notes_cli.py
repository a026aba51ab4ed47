"""`intervisie notes …` without a screen: list, show, export, path; no Textual imported."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from intervisie_tui.cli import main

FIXTURE = Path(__file__).parent.parent / "fixtures" / "session-v1.json"


@pytest.fixture
def data(private_dirs) -> Path:
    _, data = private_dirs
    folder = data / "sessions" / "2026"
    folder.mkdir(parents=True)
    shutil.copyfile(FIXTURE, folder / "2026-01-15_incident_f1x7ure001.json")
    (folder / "broken.json").write_text('{"format": "intervisie-tui session", ')
    return data


def test_list_prints_sessions_and_names_unreadable_files_on_stderr(data, capsys):
    assert main(["--lang", "en", "notes", "list"]) == 0
    out, err = capsys.readouterr()
    assert "f1x7ure001" in out and "Incident method" in out and "Boze ouder" in out and "Bram" in out
    assert "broken.json" in err and "not valid JSON" in err
    assert (data / "sessions" / "2026" / "broken.json").read_text() == '{"format": "intervisie-tui session", '


def test_list_json(data, capsys):
    assert main(["notes", "list", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows[0]["id"] == "f1x7ure001" and rows[0]["participants"] == ["Anna", "Bram", "Cem", "Dewi"]
    assert rows[0]["minutes"] == 19.0


def test_show_accepts_a_prefix_and_fails_clearly_otherwise(data, capsys):
    assert main(["--lang", "en", "notes", "show", "f1x"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# Boze ouder") and "Plan een tweede gesprek" in out and "Speaking time" in out
    assert main(["--lang", "en", "notes", "show", "nope"]) == 2
    assert "No session with id 'nope'" in capsys.readouterr().err


def test_export_markdown_anonymised_to_a_file(data, tmp_path, capsys):
    target = tmp_path / "verslag.md"
    assert main(["--lang", "en", "notes", "export", "f1", "--anonymize", "-o", str(target)]) == 0
    text = target.read_text()
    for name in ("Anna", "Bram", "Cem", "Dewi"):
        assert name not in text
    assert "Participant A" in text and "Inbrenger" in text
    assert str(target) in capsys.readouterr().err


def test_export_json_plain_and_anonymised(data, capsys):
    assert main(["notes", "export", "f1", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["id"] == "f1x7ure001"
    assert main(["--lang", "en", "notes", "export", "f1", "--json", "--anonymise"]) == 0
    out = capsys.readouterr().out
    exported = json.loads(out)
    for name in ("Anna", "Bram", "Cem", "Dewi"):
        assert name not in out
    assert exported["inbrenger"] == "Inbrenger" and "free text can still identify" in exported["anonymised"]["note"]


def test_path_prints_the_data_folder_and_honours_data_dir(tmp_path, capsys):
    assert main(["--lang", "en", "--data-dir", str(tmp_path / "portable"), "notes", "path"]) == 0
    out = capsys.readouterr().out
    assert f"Data folder: {tmp_path / 'portable'}" in out
    assert f"Trash: {tmp_path / 'portable' / 'trash'}" in out


def test_notes_commands_never_import_textual(data, tmp_path):
    script = (
        "import sys\n"
        "from intervisie_tui.cli import main\n"
        "for argv in (['notes','list'], ['notes','list','--json'], ['notes','show','f1'],"
        " ['notes','export','f1','-o', sys.argv[1]], ['notes','path']):\n"
        "    assert main(argv) == 0, argv\n"
        "loaded = sorted(name for name in sys.modules if name == 'textual' or name.startswith('textual.'))\n"
        "print('TEXTUAL', loaded)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path / "x.md")], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert "TEXTUAL []" in result.stdout


def test_a_sessions_folder_that_is_a_file_is_reported_not_a_traceback(private_dirs, capsys):
    _, data = private_dirs
    data.mkdir(parents=True, exist_ok=True)
    (data / "sessions").write_text("not a folder")
    assert main(["--lang", "en", "notes", "list"]) == 0
    _out, err = capsys.readouterr()
    assert "sessions" in err and "this folder cannot be read" in err
    assert (data / "sessions").read_text() == "not a folder"


def test_an_unreadable_year_folder_is_reported(data, capsys, monkeypatch):
    import errno
    import os

    from intervisie_tui.store import index

    real_scandir = os.scandir

    def scandir(path):
        if str(path).endswith("2026"):
            raise PermissionError(errno.EACCES, "Permission denied")
        return real_scandir(path)

    monkeypatch.setattr(index.os, "scandir", scandir)
    assert main(["--lang", "en", "notes", "list"]) == 0
    err = capsys.readouterr().err
    assert "2026" in err and "Permission denied" in err


def test_show_names_both_files_of_a_duplicated_id_and_accepts_the_file(data, capsys):
    original = data / "sessions" / "2026" / "2026-01-15_incident_f1x7ure001.json"
    copy = original.with_name("2026-01-15_incident_f1x7ure001 (copy).json")
    shutil.copyfile(original, copy)
    assert main(["--lang", "en", "notes", "show", "f1x7ure001"]) == 2
    err = capsys.readouterr().err
    assert str(original) in err and str(copy) in err
    assert main(["--lang", "en", "notes", "show", str(copy)]) == 0
    assert capsys.readouterr().out.startswith("# Boze ouder")
    assert main(["--lang", "en", "notes", "list"]) == 0
    assert "same session id" in capsys.readouterr().err
