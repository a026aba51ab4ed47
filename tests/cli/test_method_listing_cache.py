"""`methods list` answers from a cache keyed by file stamps, and never trusts a stale or broken one."""

from __future__ import annotations

import os
import subprocess
import sys

from intervisie_tui.cli.method_listing import method_rows
from intervisie_tui.core.library import builtin_methods_dir


def test_cached_rows_equal_a_full_load(tmp_path):
    cache = tmp_path / "cache" / "rows.json"
    first = method_rows(None, cache)
    assert cache.is_file()
    assert method_rows(None, cache) == first
    assert method_rows(None, None) == first


def test_a_changed_user_file_is_seen(tmp_path):
    cache = tmp_path / "rows.json"
    user = tmp_path / "methods"
    user.mkdir()
    rows, _ = method_rows(user, cache)
    assert "roddel-kort" not in {row.id for row in rows}
    source = (builtin_methods_dir() / "roddel.toml").read_text(encoding="utf-8")
    (user / "roddel-kort.toml").write_text(source.replace('id = "roddel"', 'id = "roddel-kort"'), encoding="utf-8")
    rows, problems = method_rows(user, cache)
    assert "roddel-kort" in {row.id for row in rows}
    (user / "roddel-kort.toml").write_text("id = [", encoding="utf-8")
    rows, problems = method_rows(user, cache)
    assert "roddel-kort" not in {row.id for row in rows}
    assert any("roddel-kort.toml" in problem["en"] and "regel 1" in problem["nl"] for problem in problems)


def test_a_broken_cache_is_ignored_and_replaced(tmp_path):
    cache = tmp_path / "rows.json"
    cache.write_text("{not json", encoding="utf-8")
    rows, _ = method_rows(None, cache)
    assert "incident" in {row.id for row in rows}
    assert method_rows(None, cache) == (rows, [])


def test_warm_listing_needs_no_pydantic(tmp_path):
    env = {**os.environ, "INTERVISIE_CACHE_DIR": str(tmp_path)}
    code = (
        "import sys, contextlib, io\n"
        "from intervisie_tui.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()): main(['methods', 'list'])\n"
        "print('pydantic' in sys.modules)"
    )
    cold = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    warm = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert cold.stdout.strip() == "True"
    assert warm.stdout.strip() == "False"


def test_with_plugins_installed_the_cache_is_never_used(tmp_path, monkeypatch):
    import intervisie_tui.cli.method_listing as listing

    cache = tmp_path / "rows.json"
    monkeypatch.setattr(listing, "plugins_installed", lambda: True)
    loads = []
    real = listing._full_load
    monkeypatch.setattr(listing, "_full_load", lambda user_dir: loads.append(1) or real(user_dir))
    method_rows(None, cache)
    method_rows(None, cache)
    assert len(loads) == 2
