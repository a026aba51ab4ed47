"""The session's start reads the method library from a cache keyed by file stamps, never a stale one."""

from __future__ import annotations

import os
import subprocess
import sys

from intervisie_tui.core.library import builtin_methods_dir, load_library
from intervisie_tui.store.method_cache import cached_library


def summary(library):
    return {
        method_id: (loaded.method, loaded.origin, loaded.source, loaded.replaces and loaded.replaces.source)
        for method_id, loaded in library.methods.items()
    }, [problem.render("en") for problem in library.problems]


def test_the_cached_library_equals_a_full_load(tmp_path):
    user = tmp_path / "methods"
    user.mkdir()
    source = (builtin_methods_dir() / "roddel.toml").read_text(encoding="utf-8")
    (user / "roddel.toml").write_text(source.replace("Roddelmethode", "Roddel (eigen)"), encoding="utf-8")
    cache = tmp_path / "cache" / "methods.json"
    first = cached_library(user, cache)
    assert cache.is_file()
    assert summary(cached_library(user, cache)) == summary(first) == summary(load_library(user))
    assert cached_library(user, cache).methods["roddel"].replaces_builtin


def test_a_changed_or_broken_user_file_is_seen(tmp_path):
    user = tmp_path / "methods"
    user.mkdir()
    cache = tmp_path / "methods.json"
    assert "roddel-kort" not in cached_library(user, cache).methods
    source = (builtin_methods_dir() / "roddel.toml").read_text(encoding="utf-8")
    (user / "roddel-kort.toml").write_text(source.replace('id = "roddel"', 'id = "roddel-kort"'), encoding="utf-8")
    assert "roddel-kort" in cached_library(user, cache).methods
    (user / "roddel-kort.toml").write_text("id = [", encoding="utf-8")
    library = cached_library(user, cache)
    assert "roddel-kort" not in library.methods
    assert any("roddel-kort.toml" in problem.render("en") for problem in library.problems)
    # A library with problems is never cached: the problem is found (and shown) at every start.
    assert cached_library(user, cache).problems


def test_a_damaged_cache_is_ignored_and_replaced(tmp_path):
    cache = tmp_path / "methods.json"
    full = summary(load_library(None))
    for damage in ("{not json", '{"key": 1}', "[]", ""):
        cache.write_text(damage, encoding="utf-8")
        assert summary(cached_library(None, cache)) == full
        assert summary(cached_library(None, cache)) == full


def test_a_warm_start_reads_no_toml(tmp_path):
    env = {**os.environ, "INTERVISIE_CACHE_DIR": str(tmp_path)}
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from intervisie_tui.store.method_cache import cached_library\n"
        f"library = cached_library(None, Path({str(tmp_path / 'm.json')!r}))\n"
        "print(sorted(library.methods) != [], 'tomllib' in sys.modules)"
    )
    cold = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    warm = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert cold.stdout.split() == ["True", "True"]
    assert warm.stdout.split() == ["True", "False"]  # the methods came from the cache, no file parsed


def test_a_cache_whose_values_were_changed_is_not_trusted(tmp_path):
    """Well-formed JSON with the right key, but values no method file could hold: the cache is read with every
    value checked, so each of these means a full load (and the cache made anew), never a method that breaks a rule."""
    import json

    cache = tmp_path / "methods.json"
    full = summary(load_library(None))
    cached_library(None, cache)
    good = json.loads(cache.read_text(encoding="utf-8"))
    damages = [
        ("minutes", -5),
        ("minutes", True),
        ("minutes", 7.5),
        ("speakers", "everyone"),
        ("id", "Hoofd Letters"),
        ("title", "not a text pair"),
        ("min_minutes", 10_000),
        ("unknown", 1),
    ]
    for key, value in damages:
        damaged = json.loads(json.dumps(good))
        damaged["methods"][0]["method"]["phases"][0][key] = value
        cache.write_text(json.dumps(damaged), encoding="utf-8")
        assert summary(cached_library(None, cache)) == full, (key, value)
        assert json.loads(cache.read_text(encoding="utf-8")) == good, (key, value)  # made anew


def test_a_warm_start_rebuilds_only_the_method_asked_for(tmp_path, monkeypatch):
    from intervisie_tui.store import method_cache

    cache = tmp_path / "methods.json"
    full = load_library(None)
    cached_library(None, cache)
    rebuilt: list[str] = []
    real = method_cache._loaded

    def counting(data):
        rebuilt.append(data["method"]["id"])
        return real(data)

    monkeypatch.setattr(method_cache, "_loaded", counting)
    library = cached_library(None, cache)
    assert len(library.methods) == len(full.methods)
    assert "incident" in library.methods and "no-such-method" not in library.methods
    assert rebuilt == []  # every id known, none rebuilt yet
    assert library.get("incident") == full.get("incident")
    assert library.get("incident") is library.get("incident")
    assert rebuilt == ["incident"]


def test_a_damaged_entry_found_when_asked_for_means_the_files_are_read(tmp_path):
    import json

    cache = tmp_path / "methods.json"
    full = summary(load_library(None))
    cached_library(None, cache)
    good = json.loads(cache.read_text(encoding="utf-8"))
    damaged = json.loads(json.dumps(good))
    entry = next(data for data in damaged["methods"] if data["method"]["id"] == "incident")
    entry["method"]["phases"][0]["minutes"] = -5
    cache.write_text(json.dumps(damaged), encoding="utf-8")
    library = cached_library(None, cache)
    assert library.get("balint") is not None  # a sound entry: from the cache
    assert library.get("incident").phases[0].minutes > 0  # the damaged one: from its file
    assert summary(library) == full
    assert json.loads(cache.read_text(encoding="utf-8")) == good  # and the cache made anew


def test_a_damaged_entry_of_an_id_no_file_has_is_unknown_after_all(tmp_path):
    import json

    cache = tmp_path / "methods.json"
    full = summary(load_library(None))
    cached_library(None, cache)
    damaged = json.loads(cache.read_text(encoding="utf-8"))
    ghost = json.loads(json.dumps(damaged["methods"][0]))
    ghost["method"]["id"] = "ghost"
    ghost["method"]["phases"] = "not phases"
    damaged["methods"].insert(0, ghost)
    cache.write_text(json.dumps(damaged), encoding="utf-8")
    assert summary(cached_library(None, cache)) == full  # listing all: the ghost goes once the files are read
    cache.write_text(json.dumps(damaged), encoding="utf-8")  # (the cache was made anew meanwhile)
    library = cached_library(None, cache)
    assert "ghost" in library.methods  # the cache's word, until it is asked for
    try:
        library.get("ghost")
    except KeyError:
        pass  # `intervisie run --method ghost` then names the known ones (cli/launch.py)
    else:
        raise AssertionError("a method no file holds was given")
    assert "ghost" not in library.methods
