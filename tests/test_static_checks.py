"""Lint, format, types and layer contracts run with the tests, so the README's one test command checks them all.

Each check runs the venv's own tool (installed by the `test` extra, next to this Python) on the whole tree, with
its configuration in pyproject.toml, and fails with the tool's own report.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# bin/ on POSIX, Scripts/ on Windows: wherever pip put this interpreter's console scripts.
TOOLS_DIR = Path(sys.executable).parent


def run_tool(name: str, *args: str) -> None:
    tool = shutil.which(name, path=str(TOOLS_DIR))
    if tool is None:
        pytest.fail(f"{name} is not installed next to {sys.executable}: pip install -e '.[test]'")
    # No colour codes in the report a failure prints; the tools' caches (.ruff_cache, .mypy_cache,
    # .import_linter_cache) stay in the checkout and make a second run fast.
    env = {**os.environ, "NO_COLOR": "1", "TERM": "dumb"}
    result = subprocess.run(
        [tool, *args], cwd=ROOT, env=env, capture_output=True, text=True, encoding="utf-8", errors="replace"
    )
    if result.returncode != 0:
        pytest.fail(f"{' '.join((name, *args))} failed:\n{result.stdout}{result.stderr}", pytrace=False)


def test_ruff_lint():
    run_tool("ruff", "check", ".")


def test_ruff_format():
    run_tool("ruff", "format", "--check", ".")


def test_types():
    """mypy on src/ ([tool.mypy] in pyproject.toml); its cache makes a second run take a second or two."""
    run_tool("mypy")


def test_import_contracts():
    """The layers (pyproject.toml, [tool.importlinter]): core and store without screens, quick commands without Textual."""
    run_tool("lint-imports")
