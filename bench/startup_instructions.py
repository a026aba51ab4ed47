"""Instructions to the first frame, counted under valgrind, against the minimal Textual app.

    python bench/startup_instructions.py

startup.py's times swing with this machine's speed by more than most changes to a start are
worth (the same start, run twice 15 times, differs by up to 10 ms). The instructions a start
runs do not: counted by callgrind they repeat to a tenth of a per cent, so a change of one
widget or one import shows. Each case runs on a pty of 100x30 as in startup.py (a fresh data
folder; settings, method cache and parsed stylesheet kept from a warm-up start), in a Python
that ends the process as soon as the marker text is written to the terminal (the driver's
`write`, patched): the minimal app ("Incidentmethode" and a `Digits` clock),
`intervisie --lang nl run --method incident …` and `intervisie --lang nl` (home). Counts include
the interpreter's own start. Needs valgrind (Debian: `apt-get install valgrind`); a run takes
about three minutes. Figures only; nothing is asserted.
"""

from __future__ import annotations

import argparse
import fcntl
import os
import pty
import re
import select
import shutil
import struct
import sys
import tempfile
import termios

from startup import BASELINE, HOME, RUN

SIZE = (100, 30)
# Ends the process the moment the first frame holding MARKER is written (valgrind then counts up
# to there); with WARM it lives 3 s longer instead, so the app keeps its caches for the next start.
HARNESS = r"""
import os, sys, threading
marker, what = sys.argv[1], sys.argv[2]
if what != "baseline":
    import gc
    gc.disable()  # as `intervisie` does before its imports (gc_pause.py)
import textual.drivers.linux_driver as driver
write = driver.LinuxDriver.write
def first_frame_then_exit(self, data):
    write(self, data)
    if marker in data:
        if os.environ.pop("WARM", None):
            threading.Timer(3.0, os._exit, (0,)).start()
        else:
            os._exit(0)
driver.LinuxDriver.write = first_frame_then_exit
if what == "baseline":
    exec(sys.argv[3])
else:
    from intervisie_tui.cli import main
    sys.argv = ["intervisie", *sys.argv[3:]]
    main()
"""


def run_on_pty(argv: list[str], env: dict[str, str]) -> None:
    """Run `argv` on a pty of SIZE until it ends, reading all it writes; SystemExit unless it ends well
    (the harness ends with status 0 only at its first frame)."""
    pid, fd = pty.fork()
    if pid == 0:
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", SIZE[1], SIZE[0], 0, 0))
        os.execve(argv[0], argv, env)
    try:
        while True:
            if select.select([fd], [], [], 120)[0]:
                try:
                    if not os.read(fd, 65536):
                        break
                except OSError:  # the child is gone
                    break
            else:
                raise SystemExit(f"no end within 120 s: {' '.join(argv)}")
    finally:
        os.close(fd)
        status = os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])
    if status != 0:
        raise SystemExit(f"ended with status {status} before its first frame: {' '.join(argv[:4])} …")


def instructions(case: list[str], env: dict[str, str], scratch: str, *, warm: bool = False) -> int:
    log = f"{scratch}/valgrind.log"
    run_env = {**env, "INTERVISIE_DATA_DIR": f"{scratch}/data-{os.urandom(4).hex()}"}
    if warm:
        run_env["WARM"] = "1"
    argv = [
        shutil.which("valgrind") or "valgrind",
        "--tool=callgrind",
        "--callgrind-out-file=/dev/null",
        f"--log-file={log}",
    ]
    run_on_pty([*argv, sys.executable, "-c", HARNESS, *case], run_env)
    with open(log, encoding="utf-8") as text:
        found = re.search(r"Collected : (\d+)", text.read())
    if found is None:
        raise SystemExit(f"valgrind counted nothing for {case[:3]}; see {log}")
    return int(found.group(1))


def main() -> None:
    parser = argparse.ArgumentParser(description="instructions to the first frame vs a minimal Textual app")
    parser.add_argument(
        "--check", action="store_true", help="run each case once without valgrind: does each still reach its frame?"
    )
    args = parser.parse_args()
    valgrind = shutil.which("valgrind")
    if valgrind is None and not args.check:
        raise SystemExit("needs valgrind (Debian: apt-get install valgrind)")
    cases = {
        "minimal Textual app (name + Digits)": ["Incidentmethode", "baseline", BASELINE],
        "intervisie run --method incident": ["Incidentmethode", "intervisie", *RUN],
        "intervisie (home)": ["Nieuwe sessie", "intervisie", *HOME],
    }
    with tempfile.TemporaryDirectory() as scratch:
        env = {
            **os.environ,
            "TERM": "xterm-256color",
            "COLORTERM": "truecolor",
            "PYTHONHASHSEED": "0",  # the same dict and set orders in every run
            "INTERVISIE_CONFIG_DIR": f"{scratch}/config",
            "INTERVISIE_CACHE_DIR": f"{scratch}/cache",
            "PYTHONPYCACHEPREFIX": f"{scratch}/pycache",
        }
        env.pop("TEXTUAL", None)
        env.pop("PYTHONDONTWRITEBYTECODE", None)  # from bytecode, as installed: the warm-up compiles it
        if args.check:
            for label, case in cases.items():
                run_on_pty([sys.executable, "-c", HARNESS, *case], {**env, "INTERVISIE_DATA_DIR": f"{scratch}/data"})
                print(f"  {label}: first frame reached")
            return
        for case in cases.values():
            instructions(case, env, scratch, warm=True)
        counted = {label: instructions(case, env, scratch) for label, case in cases.items()}
    base = counted["minimal Textual app (name + Digits)"]
    print(f"instructions to the first frame on a {SIZE[0]}x{SIZE[1]} pty (callgrind, Python {sys.version.split()[0]}):")
    for label, count in counted.items():
        ratio = "" if count == base else f"   ratio {count / base:.3f}"
        print(f"  {label:<36} {count / 1e6:8.1f} million{ratio}")
    print("aim: ratio <= 1.3 (of the times, bench/startup.py; these ratios show where they come from)")


if __name__ == "__main__":
    main()
