"""Start-up time to the first frame, on a real pseudo-terminal, against a minimal Textual app.

    python bench/startup.py [--runs 9] [--size 100x30]

Each run spawns a fresh Python process on a pty of the given size (TERM=xterm-256color, a
fresh scratch config and data folder) and times from just before the spawn until the text
that proves the first frame is on the terminal has been written to it:

- baseline: a minimal Textual app showing a name ("Incidentmethode") and a `Digits` clock;
- `intervisie --lang nl run --method incident --participants Anna,Bram,Cem,Dewi --inbrenger Bram`
  (the `intervisie` script installed beside this Python, as the user starts it):
  until the method's name ("Incidentmethode") appears;
- `intervisie --lang nl` (home): until the home screen's menu ("Nieuwe sessie") appears,
  with no interrupted session to offer (each start has an empty data folder of its own).

The three are interleaved (so machine load hits them alike) after one warm-up round (file
caches, bytecode in a scratch pycache prefix as pip would have compiled it, the method
cache and the parsed stylesheet of the first start, which runs a second past its first
frame). Prints medians (with min and max), each median's ratio to the baseline's (aim: 1.3
or less), the ratio of the fastest starts and the median of each round's own ratio. Figures only; nothing is asserted.
"""

from __future__ import annotations

import argparse
import contextlib
import fcntl
import os
import pty
import re
import select
import shutil
import signal
import statistics
import struct
import sys
import tempfile
import termios
import time

BASELINE = r"""
from textual.app import App
from textual.widgets import Digits, Static
class Minimal(App):
    def compose(self):
        yield Static("Incidentmethode")
        yield Digits("12:34")
Minimal().run()
"""

RUN = ["--lang", "nl", "run", "--method", "incident", "--participants", "Anna,Bram,Cem,Dewi", "--inbrenger", "Bram"]
HOME = ["--lang", "nl"]
ESCAPES = re.compile(rb"\x1b(\[[0-9;?<=>$ ]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[()][0-9A-Za-z]|[=>78cDEHM])")
TIMEOUT = 30.0


SPAWNS = iter(range(1_000_000))


def first_frame(argv: list[str], marker: str, env: dict[str, str], size: tuple[int, int], settle: float = 0.0) -> float:
    """Seconds from spawning `argv` on a pty until `marker` has been drawn; then the process is killed.
    Each start gets an empty data folder of its own (a killed `run` leaves a journal behind, which
    the next home screen would offer to resume); settings and caches are shared. With `settle`
    the process lives that long after its first frame (the warm-up: what an app keeps for its
    next start after the first frame, the parsed stylesheet, is written by then)."""
    env = {**env, "INTERVISIE_DATA_DIR": f"{env['INTERVISIE_DATA_DIR']}/{next(SPAWNS)}"}
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:  # the child: the terminal is ours now
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", size[1], size[0], 0, 0))
        os.execve(argv[0], argv, env)
    wanted = marker.encode()
    seen = b""
    try:
        while True:
            left = TIMEOUT - (time.perf_counter() - start)
            if left <= 0:
                raise SystemExit(f"no {marker!r} within {TIMEOUT:.0f} s from {' '.join(argv)}")
            ready, _, _ = select.select([fd], [], [], left)
            if not ready:
                continue
            try:
                chunk = os.read(fd, 65536)
            except OSError as gone:  # the child is gone
                raise SystemExit(
                    f"{' '.join(argv)} ended before showing {marker!r}:\n{ESCAPES.sub(b'', seen)[-2000:]!r}"
                ) from gone
            seen += chunk
            if wanted in ESCAPES.sub(b"", seen[-8192:] if len(seen) > 8192 else seen):
                shown = time.perf_counter() - start
                settled = time.perf_counter() + settle
                while (left := settled - time.perf_counter()) > 0:  # keep the pty drained meanwhile
                    if select.select([fd], [], [], left)[0]:
                        os.read(fd, 65536)
                return shown
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
        # Read what is left so the child never blocks on a full pty, then reap it.
        while True:
            try:
                if not select.select([fd], [], [], 0.05)[0] or not os.read(fd, 65536):
                    break
            except OSError:
                break
        os.close(fd)
        os.waitpid(pid, 0)


def intervisie_command() -> list[str]:
    """The `intervisie` command as the user types it: the script pip installed beside this
    Python (which imports no more than `main`), else `python -m intervisie_tui` (which also
    imports runpy, a few ms)."""
    script = shutil.which("intervisie", path=os.path.dirname(sys.executable))
    return [script] if script else [sys.executable, "-m", "intervisie_tui"]


def line(label: str, figures: list[float], base: list[float] | None = None) -> str:
    """Median, min and max; against a baseline the ratio of the medians, of the fastest starts
    (the least disturbed by a busy machine: the two differ by the noise of the run) and the
    median of the rounds' own ratios (a start against the baseline's start just before it)."""
    median = statistics.median(figures)
    text = (
        f"  {label:<34} median {median * 1000:5.0f} ms (min {min(figures) * 1000:.0f}, max {max(figures) * 1000:.0f})"
    )
    if base:
        # Each round starts the three one after another, so a round's ratio shares that moment's machine speed.
        paired = statistics.median(ours / theirs for ours, theirs in zip(figures, base, strict=True))
        text += (
            f"   ratio {median / statistics.median(base):.2f} (fastest {min(figures) / min(base):.2f},"
            f" median of each round's {paired:.2f})"
        )
    return text


def main() -> None:
    parser = argparse.ArgumentParser(description="first frame on a pty vs a minimal Textual app")
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--size", default="100x30", help="terminal size, WIDTHxHEIGHT")
    args = parser.parse_args()
    size = tuple(int(part) for part in args.size.lower().split("x"))
    with tempfile.TemporaryDirectory() as scratch:
        env = {
            **os.environ,
            "TERM": "xterm-256color",
            "COLORTERM": "truecolor",
            "INTERVISIE_CONFIG_DIR": f"{scratch}/config",
            "INTERVISIE_DATA_DIR": f"{scratch}/data",
            "INTERVISIE_CACHE_DIR": f"{scratch}/cache",
        }
        env.pop("TEXTUAL", None)
        # As installed: from bytecode (pip compiles it). This environment may forbid writing
        # bytecode; the warm-up round compiles every module, ours and Textual's alike, once.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = f"{scratch}/pycache"
        command = intervisie_command()
        cases = [
            ("minimal Textual app (name + Digits)", [sys.executable, "-c", BASELINE], "Incidentmethode"),
            ("intervisie run --method incident", [*command, *RUN], "Incidentmethode"),
            ("intervisie (home)", [*command, *HOME], "Nieuwe sessie"),
        ]
        load_before = os.getloadavg()[0]
        for _label, argv, marker in cases:  # warm-up: file caches, the method cache, the parsed stylesheet
            first_frame(argv, marker, env, size, settle=1.0)
        figures: dict[str, list[float]] = {label: [] for label, _argv, _marker in cases}
        for _ in range(args.runs):
            for label, argv, marker in cases:
                figures[label].append(first_frame(argv, marker, env, size))
    print(
        f"first frame on a {size[0]}x{size[1]} pty, {args.runs} runs each, interleaved "
        f"(load average {load_before:.1f} before, {os.getloadavg()[0]:.1f} after; {os.cpu_count()} cores):"
    )
    base = figures[cases[0][0]]
    for index, (label, _argv, _marker) in enumerate(cases):
        print(line(label, figures[label], base if index else None))
    print("aim: ratio <= 1.3")


if __name__ == "__main__":
    main()
