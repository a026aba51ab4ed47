"""A scripted session that runs until it is killed: the subject of the kill test.

Usage: python kill_worker.py DATA_DIR SEED

Resumes the interrupted session in DATA_DIR if there is one (as the app would), else
starts one. After each event is appended (written and fsynced) it prints `ACK <json>` and
flushes, so whatever the parent saw acknowledged must be on disk however it is killed.
"""

from __future__ import annotations

import random
import sys
import time

from intervisie_tui.core.clock import SystemClock
from intervisie_tui.core.engine import SessionRunner
from intervisie_tui.core.events import NoteField
from intervisie_tui.core.library import load_library
from intervisie_tui.core.plan import SessionPlan
from intervisie_tui.store.journal import event_line
from intervisie_tui.store.sessions import Store


def main(data_dir: str, seed: int) -> None:
    rng = random.Random(seed)
    store = Store(data_dir)
    clock = SystemClock()
    out = sys.stdout

    def acknowledge(event) -> None:
        out.write("ACK " + event_line(event) + "\n")
        out.flush()

    found = store.interrupted()
    if found:
        live = found[0]
        journal = store.reopen(live)
        out.write(f"RESUMED {len(live.events)}\n")
        runner = SessionRunner.recover(live.plan, clock, live.events, listeners=[journal.append, acknowledge])
        for event in runner.events[len(live.events) :]:  # the pause the resume recorded
            journal.append(event)
            acknowledge(event)
    else:
        plan = SessionPlan.create(
            load_library(None, entry_points=()).get("incident"), ["Anna", "Bram", "Cem", "Dewi"], inbrenger="Bram"
        )
        journal = store.start_live(plan)
        runner = SessionRunner(plan, clock, listeners=[journal.append, acknowledge])
        out.write("STARTED\n")
        runner.start()
    out.write("READY\n")
    out.flush()
    phases = [phase.id for phase in runner.plan.method.phases]
    text = runner.state.note(NoteField.TEXT, phases[0])
    while True:
        choice = rng.random()
        if choice < 0.6:
            text += rng.choice("abcdefghij klmnopqrstuvwxyz.\n")
            runner.set_note(NoteField.TEXT, text, phase=phases[0])
        elif choice < 0.7:
            runner.toggle_pause()
        elif choice < 0.8:
            runner.next_speaker() or runner.next_phase()
        elif choice < 0.85:
            runner.previous_phase()
        elif choice < 0.9:
            runner.extend(1)
        else:
            runner.set_note(NoteField.ADVICE, f"advies {rng.randint(0, 999)}", key=rng.choice(runner.plan.participants))
        if journal.problem:
            out.write(f"PROBLEM {journal.problem.render('en')}\n")
            out.flush()
        time.sleep(rng.random() * 0.002)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
