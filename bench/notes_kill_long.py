"""The kill test, longer: many SIGKILLs at random moments, each worker resuming the last one's session.

    .venv/bin/python bench/notes_kill_long.py [--lanes 4] [--kills 50] [--longest 1.0]

Prints how many kills, events and damaged lines there were and how long a worker ran,
next to the baseline of how long starting the worker takes. Fails loudly if anything
acknowledged was lost.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import threading
import time
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests" / "store"))

from test_kill import lane

from intervisie_tui.store.sessions import Store


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lanes", type=int, default=4)
    parser.add_argument("--kills", type=int, default=50, help="kills per lane")
    parser.add_argument("--longest", type=float, default=1.0, help="longest run before a kill, seconds")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        results: list[int] = []
        failures: list[BaseException] = []
        start = time.perf_counter()
        threads = [
            threading.Thread(
                target=lane, args=(root / f"lane{i}", 101 + i, results, failures, args.kills, args.longest)
            )
            for i in range(args.lanes)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.perf_counter() - start
        if failures:
            print("FAILED:", "".join(traceback.format_exception(failures[0])), sep="\n")
            return 1
        skipped = 0
        events = 0
        for index in range(args.lanes):
            [live] = Store(root / f"lane{index}").interrupted()
            skipped += len(live.skipped_lines)
            events += len(live.events)
        print(f"{len(results)} kills in {elapsed:.1f} s over {args.lanes} lanes; nothing acknowledged was lost")
        print(f"{events} events on disk at the end; {skipped} damaged line(s) skipped on the final read")
        return 0


if __name__ == "__main__":
    sys.exit(main())
