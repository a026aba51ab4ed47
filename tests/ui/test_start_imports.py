"""What a screen's start imports on its way to the first frame: none of what it does not need.

Each case starts `intervisie` in a fresh Python on a pseudo-terminal, as a user does, with the
method cache and parsed stylesheet of an earlier start; the child notes which of the watched
modules are loaded when Textual writes the first frame, and ends there.
"""

from __future__ import annotations

import ast
import os
import select
import signal
import sys
import time
from itertools import count

import pytest

pty = pytest.importorskip("pty")

# pydantic: the core's types are plain; what the program wrote itself is read back without it.
# argparse: cli/plain_argv.py. hashlib, secrets: OpenSSL's bindings, for a checksum and an id.
# tomllib: the methods come from the cache. The other commands' modules.
WATCHED = ("pydantic", "argparse", "hashlib", "secrets", "tomllib", "intervisie_tui.cli.methods")
WATCHED += ("intervisie_tui.cli.notes", "intervisie_tui.cli.groups", "intervisie_tui.cli.display")
WATCHED += ("intervisie_tui.core.method_errors",)  # words problems in method files; a cached start has none
# The turn's own clock (the incident method's first phase times no turns) and the private notes
# (their panel is mounted after the first frame).
WATCHED += ("intervisie_tui.ui.widgets.room_turn", "intervisie_tui.ui.widgets.notes_panel")

CHILD = r"""
import os, sys
import textual.drivers.linux_driver as driver
write = driver.LinuxDriver.write
def first_frame(self, data):
    write(self, data)
    if MARKER in data:
        loaded = sorted(w for w in WATCHED if any(m == w or m.startswith(w + ".") for m in sys.modules))
        os.write(int(os.environ["REPORT_FD"]), repr(loaded).encode() + b"\n")
        os._exit(0)
driver.LinuxDriver.write = first_frame
from intervisie_tui.cli import main
main(ARGV)
"""

STARTS = count()
RUN = ["--lang", "nl", "run", "--method", "incident", "--participants", "Anna,Bram,Cem,Dewi", "--inbrenger", "Bram"]


def loaded_at_first_frame(argv: list[str], marker: str, settle: bool = False) -> list[str] | None:
    """The watched modules loaded when `marker` is first written (None when the start ended before),
    from a child on a 100x30 pty; with `settle` the child is left to run a second and is then ended
    (a warm-up: it keeps the method cache and the parsed stylesheet for the next start)."""
    start_number = next(STARTS)
    report_read, report_write = os.pipe()
    code = CHILD.replace("MARKER", repr(marker)).replace("WATCHED", repr(WATCHED)).replace("ARGV", repr(argv))
    pid, terminal = pty.fork()
    if pid == 0:  # the child
        import fcntl
        import struct
        import termios

        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
        os.close(report_read)
        os.set_inheritable(report_write, True)
        os.environ["REPORT_FD"] = str(report_write)
        os.environ["TERM"] = "xterm-256color"
        # A folder of its own: a killed run leaves a journal, which the next home screen would offer.
        os.environ["INTERVISIE_DATA_DIR"] += f"/start{start_number}"
        if settle:
            code = code.replace("os._exit(0)", "pass")
        os.execv(sys.executable, [sys.executable, "-c", code])
    os.close(report_write)
    report = b""
    ends = time.monotonic() + 60
    try:
        while (left := ends - time.monotonic()) > 0:
            ready, _, _ = select.select([terminal, report_read], [], [], left)
            if report_read in ready:
                chunk = os.read(report_read, 4096)
                report += chunk
                if not settle or not chunk:
                    break
                ends = min(ends, time.monotonic() + 1.0)  # what a start keeps is written after its first frame
            if terminal in ready:
                try:
                    if not os.read(terminal, 65536):
                        break
                except OSError:  # the child is gone
                    break
    finally:
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        while True:  # drain, so the child never blocks on a full terminal
            try:
                if not select.select([terminal], [], [], 0.05)[0] or not os.read(terminal, 65536):
                    break
            except OSError:
                break
        os.close(terminal)
        os.close(report_read)
        os.waitpid(pid, 0)
    return ast.literal_eval(report.decode().splitlines()[0]) if report.strip() else None


@pytest.mark.parametrize(
    ("argv", "marker"), [(RUN, "Incidentmethode"), (["--lang", "nl"], "Nieuwe sessie")], ids=["run", "home"]
)
def test_a_screen_s_first_frame_needs_none_of_the_heavy_or_other_modules(argv, marker):
    loaded_at_first_frame(argv, marker, settle=True)  # the caches a start after the first keeps
    assert loaded_at_first_frame(argv, marker) == []
