"""Method files that are damaged, hostile or not files at all: each named with what is wrong, the good
methods still listed, bounded time, and nothing changed."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from intervisie_tui.cli import main
from intervisie_tui.core.library import load_method_file
from intervisie_tui.core.paths import builtin_methods_dir

BUILTIN = builtin_methods_dir() / "incident.toml"


def _methods(private_dirs) -> Path:
    config, _ = private_dirs
    folder = config / "methods"
    folder.mkdir(parents=True)
    return folder


HOSTILE = {
    "deep-arrays.toml": "x = " + "[" * 5000 + "]" * 5000,
    "deep-inline.toml": "x = " + "{a=" * 3000 + "1" + "}" * 3000,
    "dotted.toml": "a" + ".a" * 50_000 + " = 1\n",
    "dotted-table.toml": "[" + ".".join(["t"] * 200) + "]\nx = 1\n",
}


@pytest.mark.skipif(os.name != "posix", reason="symlinks and named pipes")
def test_methods_list_names_every_bad_file_and_lists_the_rest(private_dirs, capsys):
    folder = _methods(private_dirs)
    for name, text in HOSTILE.items():
        (folder / name).write_text(text)
    (folder / "dangling.toml").symlink_to(folder / "nowhere.toml")
    (folder / "loop-a.toml").symlink_to(folder / "loop-b.toml")
    (folder / "loop-b.toml").symlink_to(folder / "loop-a.toml")
    os.mkfifo(folder / "pipe.toml")
    (folder / "folder.toml").mkdir()
    before = {path.name: path.read_text() for path in folder.iterdir() if path.is_file() and not path.is_symlink()}
    started = time.monotonic()
    assert main(["--lang", "en", "methods", "list"]) == 0
    assert time.monotonic() - started < 20
    out, err = capsys.readouterr()
    assert "incident" in out and "Incident method" in out
    for name in HOSTILE:
        assert f"{name}: tables, lists or the dots of a key" in err, name
    assert "dangling.toml: a symbolic link to something that does not exist" in err
    assert "loop-a.toml: a loop of symbolic links" in err
    assert "pipe.toml: this is not a regular file but a named pipe" in err
    assert "folder.toml: this is not a regular file but a folder" in err
    assert {
        path.name: path.read_text() for path in folder.iterdir() if path.is_file() and not path.is_symlink()
    } == before
    # the app's other ways in: `run` and validate
    assert main(["--lang", "en", "methods", "validate", str(folder / "dotted.toml")]) == 1
    assert main(["--lang", "nl", "methods", "validate", str(folder / "pipe.toml")]) == 1
    assert "geen gewoon bestand maar een named pipe" in capsys.readouterr().err


def test_a_method_file_over_the_limit_says_so(tmp_path, monkeypatch):
    from intervisie_tui.core import files

    monkeypatch.setitem(files.LIMITS, "method", 10_000)
    big = tmp_path / "big.toml"
    big.write_text("# " + "x" * 20_000)
    method, problems = load_method_file(big)
    assert method is None and "larger than the 10 kB allowed for this kind of file" in problems[0].render("en")


def test_line_numbers_of_thousands_of_errors_take_linear_time(tmp_path):
    text = BUILTIN.read_text()
    head = text[: text.index("[[phases]]")]
    phases = "".join(
        f'[[phases]]\nid = "p{i}"\ntitle = {{ nl = "x", en = "y" }}\nminutes = "five"\nspeakers = "nobody"\n\n'
        for i in range(4000)
    )
    path = tmp_path / "many.toml"
    path.write_text(head + phases)
    started = time.monotonic()
    method, problems = load_method_file(path)
    elapsed = time.monotonic() - started
    assert method is None and len(problems) >= 8000
    last = [problem for problem in problems if problem.phase == 4000]
    assert last and all(problem.line is not None and problem.line > 20_000 for problem in last)
    assert elapsed < 15, f"{elapsed:.1f} s for 4,000 bad phases (it took 34 s when the lookup was quadratic)"


def test_a_bad_value_is_shown_short(tmp_path):
    text = BUILTIN.read_text().replace("minutes = 90", 'minutes = "' + "9" * 5000 + '"', 1)
    path = tmp_path / "long.toml"
    path.write_text(text)
    method, problems = load_method_file(path)
    assert method is None and all(len(problem.render("en")) < 400 for problem in problems)


def test_methods_new_in_a_folder_that_cannot_be_written(private_dirs, capsys):
    config, _ = private_dirs
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text("a file where the config folder should be")
    assert main(["--lang", "en", "methods", "new", "mine"]) == 1
    err = capsys.readouterr().err
    assert "Could not write" in err and "INTERVISIE_CONFIG_DIR" in err and "Traceback" not in err
    assert config.read_text() == "a file where the config folder should be"
