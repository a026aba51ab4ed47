"""CPU and memory of the run screen and of the display while they count down, against a
minimal Textual countdown.

    python bench/cpu_countdown.py [--seconds 30] [--runs 3] [--size 200x50]

All apps run headless for the same number of seconds on the real clock: ours are
`intervisie run` (Incidentmethode, started) and `intervisie display` following a running
session's journal (polling it 5 times a second; the app's heartbeat is touched once a
second in the same process, as the app would from its own), the baseline a Digits widget
updated once a second from time.monotonic(). CPU is measured inside each process from 2 s
after mount (the first layout and paint are start-up, see startup.py) to exit (getrusage:
user + system), and printed as % of one core; peak RSS (ru_maxrss) is read at exit. Each
round runs the three side by side (so the machine's load hits them alike; CPU time is the
process's own, not the wall clock's); the figures are medians over the rounds. Figures
only; nothing is asserted.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile

BASELINE = r"""
import resource, sys, time
from textual.app import App
from textual.widgets import Digits
seconds, width, height = float(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
SETTLE = 2.0  # start-up work (first layout and paint) is not what this measures
def cpu():
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime
class Minimal(App):
    def compose(self):
        yield Digits("00:00")
    def on_mount(self):
        self.deadline = time.monotonic() + 600
        self.set_interval(1.0, self.tick)
        self.set_timer(SETTLE, self.start)
    def start(self):
        self.started = (cpu(), time.monotonic())
        self.set_timer(seconds, self.done)
    def tick(self):
        left = int(self.deadline - time.monotonic())
        self.query_one(Digits).update(f"{left // 60:02d}:{left % 60:02d}")
    def done(self):
        spent, elapsed = cpu() - self.started[0], time.monotonic() - self.started[1]
        print(spent / elapsed, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
        self.exit()
Minimal().run(headless=True, size=(width, height))
"""

OURS = r"""
import resource, sys, time
from textual.app import App
from intervisie_tui.ui import app as app_module
from intervisie_tui.ui.screens import run as run_screen
seconds, width, height = float(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
SETTLE = 2.0  # start-up work (first layout and paint) is not what this measures
def cpu():
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime
original_mount = run_screen.RunScreen.on_mount
def on_mount(self):
    original_mount(self)
    self.action_toggle_pause()  # start the session: the countdown runs
    self.set_timer(SETTLE, lambda: start(self))
def start(screen):
    screen.started = (cpu(), time.monotonic())
    screen.set_timer(seconds, lambda: done(screen))
def done(screen):
    spent, elapsed = cpu() - screen.started[0], time.monotonic() - screen.started[1]
    print(spent / elapsed, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
    screen.app.exit()
run_screen.RunScreen.on_mount = on_mount
app_module.IntervisieApp.run = lambda self, **kw: App.run(self, headless=True, size=(width, height))
from intervisie_tui.cli import main, terminal
terminal.terminal_problem = lambda lang: None  # headless here: no terminal is needed
main(["--lang", "nl", "run", "--method", "incident", "--participants", "Anna,Bram,Cem,Dewi", "--inbrenger", "Bram"])
"""


DISPLAY = r"""
import resource, sys, time
from pathlib import Path
from intervisie_tui.ui.display import DisplayApp
seconds, width, height, data = float(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), Path(sys.argv[4])
SETTLE = 2.0
def cpu():
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime
class Measured(DisplayApp):
    async def on_mount(self):
        await super().on_mount()
        heartbeat = data / "live" / "app.heartbeat"
        self.set_interval(1.0, heartbeat.touch)
        self.set_timer(SETTLE, self.start)
    def start(self):
        self.started = (cpu(), time.monotonic())
        self.set_timer(seconds, self.done)
    def done(self):
        spent, elapsed = cpu() - self.started[0], time.monotonic() - self.started[1]
        print(spent / elapsed, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
        self.exit()
Measured(data, lang="nl").run(headless=True, size=(width, height))
"""


def running_session(data: str) -> None:
    """A started session's journal and the pointer to it, as the app leaves them."""
    from pathlib import Path

    from intervisie_tui.core.clock import SystemClock
    from intervisie_tui.core.engine import SessionRunner
    from intervisie_tui.core.library import load_library
    from intervisie_tui.core.plan import SessionPlan
    from intervisie_tui.store.room_link import write_pointer
    from intervisie_tui.store.sessions import Store

    library = load_library(None, entry_points=())
    plan = SessionPlan.create(library.get("incident"), ["Anna", "Bram", "Cem", "Dewi"], inbrenger="Bram")
    store = Store(Path(data))
    journal = store.start_live(plan)
    SessionRunner(plan, SystemClock(), listeners=[journal.append]).start()
    journal.close()
    write_pointer(store.live_dir, journal.id)


def start(code: str, seconds: float, size: tuple[int, int], env: dict[str, str], *extra: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", code, str(seconds), str(size[0]), str(size[1]), *extra],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def result(process: subprocess.Popen) -> tuple[float, float]:
    """(share of one core, peak RSS in MiB) that the measured app printed."""
    out, err = process.communicate()
    if process.returncode:
        raise SystemExit(f"the measured app failed:\n{err[-3000:]}")
    cpu, rss = out.strip().splitlines()[-1].split()
    return float(cpu), int(rss) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description="CPU and memory of the counting-down run screen vs a minimal app")
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--size", default="200x50", help="terminal size, WIDTHxHEIGHT")
    args = parser.parse_args()
    size = tuple(int(part) for part in args.size.lower().split("x"))
    labels = ("minimal Digits countdown (1 Hz)", "intervisie run screen", "intervisie display (following)")
    figures: dict[str, list[tuple[float, float]]] = {label: [] for label in labels}
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as scratch:
        for round_number in range(-1, args.runs):  # round -1 warms up: bytecode, method cache
            env = {
                **os.environ,
                "INTERVISIE_CONFIG_DIR": f"{scratch}/config{round_number}",
                "INTERVISIE_DATA_DIR": f"{scratch}/data{round_number}",
                "INTERVISIE_CACHE_DIR": f"{scratch}/cache",
                "PYTHONPYCACHEPREFIX": f"{scratch}/pycache",
            }
            env.pop("PYTHONDONTWRITEBYTECODE", None)  # from bytecode, as installed (see startup.py)
            followed = f"{scratch}/followed{round_number}"
            running_session(followed)
            seconds = 1.0 if round_number < 0 else args.seconds
            processes = [
                start(BASELINE, seconds, size, env),
                start(OURS, seconds, size, env),
                start(DISPLAY, seconds, size, env, followed),
            ]
            for label, process in zip(labels, processes):
                figure = result(process)
                if round_number >= 0:
                    figures[label].append(figure)
    load_after = os.getloadavg()[0]
    print(
        f"{args.seconds:.0f} s at {size[0]}x{size[1]}, headless, {args.runs} rounds, medians "
        f"(load average {load_before:.1f} before, {load_after:.1f} after; {os.cpu_count()} cores):"
    )
    cpu = {label: statistics.median(cpu for cpu, _rss in figures[label]) for label in labels}
    rss = {label: statistics.median(rss for _cpu, rss in figures[label]) for label in labels}
    base = labels[0]
    for label in labels:
        spread = ", ".join(f"{value * 100:.2f}" for value, _rss in figures[label])
        line = f"  {label:<33} CPU {cpu[label] * 100:5.2f} % of a core ({spread})   peak RSS {rss[label]:5.1f} MiB"
        if label != base:
            line += f"   RSS ratio {rss[label] / rss[base]:.2f}"
        print(line)
    print(f"  display CPU / run screen CPU: {cpu[labels[2]] / cpu[labels[1]]:.2f}" if cpu[labels[1]] else "")
    print("aims: run screen and display <= 1 % of a core, display <= run screen, RSS ratio <= 1.3")


if __name__ == "__main__":
    main()
