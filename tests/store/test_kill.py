"""kill -9 at random moments: every event acknowledged before the kill is on disk, loads,
and the session resumes where it stood. Four workers run side by side to keep this short."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from intervisie_tui.core.clock import FakeClock
from intervisie_tui.core.engine import SessionRunner
from intervisie_tui.core.events import Event
from intervisie_tui.core.state import Status
from intervisie_tui.core.validation import validated_json
from intervisie_tui.store.sessions import Store

WORKER = Path(__file__).with_name("kill_worker.py")
KILLS_PER_LANE = 4
LANES = 4


def run_until_killed(data_dir: Path, seed: int, delay: float) -> list[str]:
    """Start the worker, let it run `delay` seconds after it is ready, SIGKILL it; its output."""
    process = subprocess.Popen(
        [sys.executable, str(WORKER), str(data_dir), str(seed)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    lines: list[str] = []
    ready = threading.Event()

    def read() -> None:
        for line in process.stdout:
            if not line.endswith("\n"):
                break  # cut off by the kill: a long acknowledgement is written in more than one piece
            lines.append(line.rstrip("\n"))
            if line.startswith("READY"):
                ready.set()

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    if not ready.wait(timeout=30):
        process.kill()
        raise AssertionError(f"worker never got ready: {process.stderr.read()}")
    time.sleep(delay)
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=10)
    reader.join(timeout=10)
    assert process.returncode == -signal.SIGKILL
    return lines


def lane(
    data_dir: Path, seed: int, results: list, failures: list, kills: int = KILLS_PER_LANE, longest: float = 0.25
) -> None:
    """Kill a worker `kills` times in a row, each resuming what the last one left."""
    rng = random.Random(seed)
    acknowledged: list[Event] = []
    torn: list[int] = []  # lines a kill cut off in an earlier round
    try:
        for round_number in range(kills):
            lines = run_until_killed(data_dir, seed * 1000 + round_number, rng.uniform(0.0, longest))
            assert not [line for line in lines if line.startswith("PROBLEM")]
            if round_number:
                resumed = [line for line in lines if line.startswith("RESUMED ")]
                assert resumed, "the worker did not find the interrupted session"
                # It resumed from exactly what was on disk after the last kill.
                assert int(resumed[0].split()[1]) == len(acknowledged)
            acknowledged = acknowledged + [validated_json(Event, line[4:]) for line in lines if line.startswith("ACK ")]
            found = Store(data_dir).interrupted()
            assert len(found) == 1
            live = found[0]
            # Everything acknowledged is on disk, in order; at most the line being written is lost.
            assert live.events[: len(acknowledged)] == acknowledged
            assert len(live.events) <= len(acknowledged) + 1
            # At most the line being written is lost: the journal's last line, cut off. A kill during
            # a write of more than a page (a long note) can cut one; it stays where it was, skipped,
            # while the resumed session appends after it.
            tail = len(live.events) + len(torn) + 2  # the header, the events, the lines cut before
            assert live.skipped_lines in (torn, [*torn, tail]), (live.skipped_lines, torn, len(live.events))
            torn = list(live.skipped_lines)
            runner = SessionRunner.recover(live.plan, FakeClock(), live.events)
            assert runner.state.status in (Status.PAUSED, Status.READY)
            results.append(len(live.events))
            acknowledged = list(live.events)  # the next worker resumes from this
    except BaseException as error:
        failures.append(error)


def test_kill_minus_nine_never_loses_an_acknowledged_event(tmp_path):
    results: list[int] = []
    failures: list[BaseException] = []
    threads = [
        threading.Thread(target=lane, args=(tmp_path / f"lane{index}", 17 + index, results, failures))
        for index in range(LANES)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    if failures:
        raise failures[0]
    assert len(results) == LANES * KILLS_PER_LANE
    # The sessions grew across kills: resumed sessions kept their history.
    assert max(results) > 20
