"""Python packages add methods through the entry-point group `intervisie_tui.methods`."""

from __future__ import annotations

import sys
from importlib import metadata

from intervisie_tui.core.library import ENTRY_POINT_GROUP, Origin, builtin_methods_dir, load_library

PLUGIN_MODULE = '''
from pathlib import Path

HERE = Path(__file__).parent

def methods():
    """An entry point returns method files, folders, Method objects or plain dicts."""
    yield HERE / "extra"
    yield {
        "id": "dict-method", "schema": 1,
        "name": {"nl": "Uit een dict", "en": "From a dict"},
        "summary": {"nl": "s", "en": "s"}, "description": {"nl": "d", "en": "d"},
        "group_size": [3, 6], "minutes": 10,
        "phases": [{"id": "a", "title": {"nl": "A", "en": "A"}, "minutes": 10, "speakers": "open"}],
    }

def broken():
    raise RuntimeError("database not reachable")
'''


def make_plugin(tmp_path, monkeypatch):
    package = tmp_path / "plugin_pkg"
    (package / "extra").mkdir(parents=True)
    (package / "__init__.py").write_text(PLUGIN_MODULE, encoding="utf-8")
    source = (builtin_methods_dir() / "roddel.toml").read_text(encoding="utf-8")
    (package / "extra" / "roddel-plus.toml").write_text(
        source.replace('id = "roddel"', 'id = "roddel-plus"'), encoding="utf-8"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, "plugin_pkg", raising=False)
    return [
        metadata.EntryPoint("demo", "plugin_pkg:methods", ENTRY_POINT_GROUP),
        metadata.EntryPoint("kapot", "plugin_pkg:broken", ENTRY_POINT_GROUP),
    ]


def test_plugin_methods_are_loaded(tmp_path, monkeypatch):
    library = load_library(None, entry_points=make_plugin(tmp_path, monkeypatch))
    assert library.methods["roddel-plus"].origin is Origin.PLUGIN
    assert library.methods["dict-method"].method.name("en") == "From a dict"
    assert "incident" in library.methods
    [problem] = library.problems
    assert "plugin 'kapot'" in str(problem) and "database not reachable" in str(problem)


def test_installed_entry_points_are_discovered(tmp_path, monkeypatch):
    points = make_plugin(tmp_path, monkeypatch)[:1]
    monkeypatch.setattr(metadata, "entry_points", lambda group: points if group == ENTRY_POINT_GROUP else [])
    assert "dict-method" in load_library(None).methods
