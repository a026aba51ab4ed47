"""Settings and keys that cannot be used as they are: told with the file, the field and what to do; the
file never changed; no command blocks on a settings.json that is not a regular file."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from intervisie_tui.cli import main
from intervisie_tui.settings import Settings, load_settings
from intervisie_tui.ui.keys import check_keymap


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ('{"keys":' * 3000 + "{}" + "}" * 3000, "nested more than"),
        ('{"a": ' + "[" * 100 + "]" * 100 + "}", "nested more than"),
        ('{"last_minutes": ' + "9" * 5000 + "}", "thousands of digits"),
        ('{"bell": "' + "x" * 2000 + '"}', "…"),  # a bad value is shown short
    ],
)
def test_hostile_settings_are_reported_not_raised(tmp_path, content, expected):
    path = tmp_path / "settings.json"
    path.write_text(content)
    settings, problem = load_settings(path)
    assert settings == Settings() and problem is not None
    text = problem.render("en")
    assert str(path) in text and expected in text and len(text) < 400
    assert path.read_text() == content


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_named_pipe_as_settings_blocks_no_command(private_dirs):
    config, _ = private_dirs
    config.mkdir(parents=True)
    os.mkfifo(config / "settings.json")
    _settings, problem = load_settings(config / "settings.json")
    assert "not a regular file but a named pipe" in problem.render("en")
    result = subprocess.run(
        [sys.executable, "-m", "intervisie_tui", "notes", "list"],
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 0 and "Traceback" not in result.stderr


def test_colliding_rebindings_are_refused_and_named():
    usable, problems = check_keymap({"next-phase": "b"})
    assert usable == {} and len(problems) == 1
    assert "'next-phase'" in problems[0] and "'blank'" in problems[0] and "'b'" in problems[0]
    # an app-wide key meets every screen's keys
    usable, problems = check_keymap({"help": "n"})
    assert usable == {} and "'next-phase'" in problems[0]
    # moving the other action away first is no collision
    usable, problems = check_keymap({"next-phase": "b", "blank": "x"})
    assert usable == {"next-phase": "b", "blank": "x"} and problems == []
    # two rebindings onto one key: one is refused, the other kept
    usable, problems = check_keymap({"next-phase": "j", "next-speaker": "j"})
    assert len(usable) == 1 and len(problems) == 1


def test_control_characters_from_files_never_reach_the_terminal(private_dirs, capsys):
    import json
    from pathlib import Path

    _, data = private_dirs
    fixture = Path(__file__).parent / "fixtures" / "session-v1.json"
    folder = data / "sessions" / "2026"
    folder.mkdir(parents=True)
    doc = json.loads(fixture.read_text())
    doc["plan"]["case_title"] = "\x1b]0;HACKED\x07\x1b[2JTitle\r\x9b31m"
    (folder / "2026-01-15_incident_f1x7ure001.json").write_text(json.dumps(doc))
    for argv in (["notes", "list"], ["notes", "show", "f1x"], ["notes", "export", "f1x"], ["notes", "list", "--json"]):
        assert main(["--lang", "en", *argv]) == 0
        out, err = capsys.readouterr()
        for control in ("\x1b", "\x07", "\r", "\x9b"):
            assert control not in out and control not in err, (argv, control)
        assert "HACKED" in out or "\\u001b" in out
        if argv[-1] == "--json":
            assert json.loads(out)[0]["case_title"].endswith("‹9B›31m")  # still JSON
    assert main(["--lang", "en", "notes", "show", "f1x"]) == 0
    out = capsys.readouterr().out
    assert "␛]0;HACKED␇␛[2JTitle␍‹9B›31m" in out
