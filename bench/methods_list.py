"""Whole-process time of `intervisie methods list` against `python -c "import pydantic"`.

Both run in this same job, alternating, so the machine's load affects them alike.
Prints the medians and their ratio (aim: at most 1.5). The first, cold run of the
listing fills its cache and is reported on its own.

    python bench/methods_list.py [--runs 15]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time


def elapsed(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, env=env, stdout=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as cache:
        env = {**os.environ, "INTERVISIE_CACHE_DIR": cache}
        listing = [sys.executable, "-m", "intervisie_tui", "methods", "list"]
        baseline = [sys.executable, "-c", "import pydantic"]
        cold = elapsed(listing, env)
        ours, theirs = [], []
        for _ in range(args.runs):
            ours.append(elapsed(listing, env))
            theirs.append(elapsed(baseline, env))
    ours_ms, theirs_ms = statistics.median(ours) * 1000, statistics.median(theirs) * 1000
    print(f"intervisie methods list, cold cache : {cold * 1000:6.1f} ms")
    print(f"intervisie methods list, median     : {ours_ms:6.1f} ms  ({args.runs} runs)")
    print(f'python -c "import pydantic", median : {theirs_ms:6.1f} ms')
    print(f"ratio                               : {ours_ms / theirs_ms:6.2f}  (aim: at most 1.5)")


if __name__ == "__main__":
    main()
