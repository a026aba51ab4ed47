"""Start-up time of `intervisie run …` to its first painted frame, against a minimal Textual app.

    python bench/startup.py [--runs 7]

Each run spawns a fresh Python process; the time is from just before the spawn to the
first refresh after mount (headless, both apps alike). The baseline is a minimal app
that shows one Digits widget, measured in the same run. Prints medians and the ratio
(aim: 1.3 or less). Figures only; nothing is asserted.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

BASELINE = r"""
import sys, time
from textual.app import App
from textual.widgets import Digits
t0 = float(sys.argv[1])
class Minimal(App):
    def compose(self):
        yield Digits("12:34")
    def on_mount(self):
        self.call_after_refresh(self.done)
    def done(self):
        print(time.time() - t0)
        self.exit()
Minimal().run(headless=True)
"""

OURS = r"""
import sys, time
t0 = float(sys.argv[1])
from textual.app import App
from intervisie_tui.ui import app as app_module
from intervisie_tui.ui.screens import run as run_screen
original_mount = run_screen.RunScreen.on_mount
def on_mount(self):
    original_mount(self)
    self.call_after_refresh(done, self.app)  # the run screen's first frame
def done(app):
    print(time.time() - t0)
    app.exit()
run_screen.RunScreen.on_mount = on_mount
app_module.IntervisieApp.run = lambda self, **kw: App.run(self, headless=True)
from intervisie_tui.cli import main, terminal
terminal.terminal_problem = lambda lang: None  # headless here: no terminal is needed
main(["--lang", "nl", "run", "--method", "incident", "--participants", "Anna,Bram,Cem,Dewi", "--inbrenger", "Bram"])
"""

# Where the time goes, imports only (one process, measured once per run of this script).
BREAKDOWN = r"""
import time
marks = [time.perf_counter()]
import textual.app, textual.widgets
marks.append(time.perf_counter())
import intervisie_tui.core.engine, intervisie_tui.core.library
marks.append(time.perf_counter())
import intervisie_tui.store.sessions
marks.append(time.perf_counter())
import intervisie_tui.ui.app, intervisie_tui.ui.screens.run
marks.append(time.perf_counter())
names = ["textual", "core (pydantic models)", "store", "ui (ours)"]
print("  ".join(f"{name} {1000 * (b - a):.0f} ms" for name, a, b in zip(names, marks, marks[1:])))
"""


def measure(code: str, env: dict[str, str]) -> float:
    start = time.time()
    result = subprocess.run([sys.executable, "-c", code, repr(start)], env=env, capture_output=True, text=True,
                            check=True)
    return float(result.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description="start-up time vs a minimal Textual app")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    scratch_dir = tempfile.TemporaryDirectory()
    scratch = scratch_dir.name
    env = {**os.environ, "INTERVISIE_CONFIG_DIR": f"{scratch}/config", "INTERVISIE_DATA_DIR": f"{scratch}/data"}
    measure(BASELINE, env)  # warm-up: file caches
    measure(OURS, env)
    baseline, ours = [], []
    for _ in range(args.runs):  # interleaved, so machine load hits both alike
        baseline.append(measure(BASELINE, env))
        ours.append(measure(OURS, env))
    base, mine = statistics.median(baseline), statistics.median(ours)
    print(f"minimal Textual app (Digits), first frame: median {base * 1000:.0f} ms "
          f"(min {min(baseline) * 1000:.0f}, max {max(baseline) * 1000:.0f})")
    print(f"intervisie run, first frame:               median {mine * 1000:.0f} ms "
          f"(min {min(ours) * 1000:.0f}, max {max(ours) * 1000:.0f})")
    print(f"ratio: {mine / base:.2f} (aim <= 1.3)")
    breakdown = subprocess.run([sys.executable, "-c", BREAKDOWN], env=env, capture_output=True, text=True, check=True)
    print("imports:", breakdown.stdout.strip())


if __name__ == "__main__":
    main()
