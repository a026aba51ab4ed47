"""The bench scripts still run (figures are theirs to print, never asserted here).

A bench that nobody runs rots: one looped forever after rounds learnt to go round
again, another imported a module that had moved. Each runs once, as small as it goes.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench"

SMALLEST = {
    "methods_list.py": ["--runs", "1"],
    "startup.py": ["--runs", "1"],
    "startup_instructions.py": ["--check"],  # without valgrind: the harness still reaches each first frame
    "cpu_countdown.py": ["--seconds", "0.5", "--runs", "1", "--size", "80x24"],
    "display_lag.py": ["--events", "2", "--size", "80x24"],
    "notes_bench.py": ["--sessions", "12", "--runs", "1"],
    "notes_kill_long.py": ["--lanes", "1", "--kills", "2", "--longest", "0.2"],
    "room_figures.py": ["--lang", "en", "--size", "120x35"],
}


def test_every_bench_script_is_covered():
    assert sorted(path.name for path in BENCH.glob("*.py")) == sorted(SMALLEST)


@pytest.mark.parametrize("script", sorted(SMALLEST))
def test_bench_script_runs(script):
    result = subprocess.run(
        [sys.executable, str(BENCH / script), *SMALLEST[script]], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip()
