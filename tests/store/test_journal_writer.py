"""The journal's writer thread: lines go to disk in order, flushed and fsynced, off the caller's
thread; a slow disk never blocks an append; a refusing disk still keeps the lines in memory
and says so. And checkpoints about once a second, without filling the document."""

from __future__ import annotations

import threading

import pytest
from slowdisk import SlowDisk

from intervisie_tui.core.engine import SessionRunner
from intervisie_tui.core.events import EventKind, NoteField
from intervisie_tui.core.state import SessionState
from intervisie_tui.store.journal import RETRY_INTERVAL, read_journal


def test_appends_return_at_once_while_the_disk_takes_its_time(store, incident_plan, clock):
    disk = SlowDisk()
    store.journal_files = disk
    disk.hold()
    journal = store.start_live(incident_plan, background=True)
    runner = SessionRunner(incident_plan, clock, listeners=[journal.append])
    runner.start()
    for number in range(20):
        clock.advance(1)
        runner.set_note(NoteField.TEXT, f"regel {number}", phase=incident_plan.method.phases[0].id)
    assert disk.waiting.wait(5)  # the writer is stuck in the first write…
    assert journal.pending == 1 + len(runner.events)  # …and every append came back anyway
    assert journal.problem is None
    disk.let_through()
    assert journal.drain(5)
    assert journal.pending == 0 and journal.written == 1 + len(runner.events)
    assert disk.calls == ["write", "fsync"] * journal.written  # each line written, then fsynced
    assert disk.threads == {f"journal {journal.id}"}  # never on the caller's thread
    assert read_journal(journal.path).events == runner.events  # all of it, in order
    journal.close()
    assert journal.closed


def test_a_refusing_disk_keeps_lines_in_memory_and_the_writer_tries_again(store, incident_plan, clock):
    disk = SlowDisk()
    disk.failing = True
    store.journal_files = disk
    journal = store.start_live(incident_plan, background=True)
    journal._clock = clock.monotonic
    runner = SessionRunner(incident_plan, clock, listeners=[journal.append])
    runner.start()
    runner.set_note(NoteField.ACTION_POINTS, "Bewaren")
    journal.drain(5)
    assert journal.pending == 3 and "the disk is full" in journal.problem.render("en")
    disk.failing = False
    assert not journal.retry()  # too soon after the refusal: not tried on every tick
    clock.advance(RETRY_INTERVAL)
    journal.retry()
    assert journal.drain(5)
    assert journal.problem is None and journal.pending == 0
    assert read_journal(journal.path).events == runner.events
    assert store.unsaved_problem() is None


def test_quitting_waits_for_the_writer_first(store, incident_plan, clock):
    disk = SlowDisk()
    store.journal_files = disk
    disk.hold()
    journal = store.start_live(incident_plan, background=True)
    SessionRunner(incident_plan, clock, listeners=[journal.append]).start()
    assert disk.waiting.wait(5)
    threading.Timer(0.05, disk.let_through).start()  # the stick answers a moment later
    assert store.unsaved_problem() is None  # waited for it, instead of asking "quit anyway?"
    assert journal.pending == 0


def test_close_writes_what_waits(store, incident_plan, clock):
    journal = store.start_live(incident_plan, background=True)
    runner = SessionRunner(incident_plan, clock, listeners=[journal.append])
    runner.start()
    runner.end()
    journal.close()
    assert journal.pending == 0
    assert read_journal(journal.path).events == runner.events
    assert not journal.append(runner.events[-1]) or journal.pending == 1  # closed: kept, never written


def test_checkpoints_about_every_second_keep_one_per_quiet_stretch(store, incident_plan, clock):
    journal = store.start_live(incident_plan)
    runner = SessionRunner(incident_plan, clock, listeners=[journal.append])
    runner.start()
    for _ in range(120):  # a minute of the run screen's ticks, every half second
        clock.advance(0.5)
        runner.checkpoint()
    lines = journal.path.read_text().splitlines()
    assert sum('"checkpoint"' in line for line in lines) == 60  # one a second on disk
    assert [event.kind for event in runner.events] == [EventKind.START, EventKind.CHECKPOINT]  # one in memory
    assert SessionState.replay(incident_plan, runner.events) == runner.state
    clock.advance(0.9)  # killed here: less than a second after the last checkpoint
    live = read_journal(journal.path)
    assert [event.kind for event in live.events] == [EventKind.START, EventKind.CHECKPOINT]
    resumed = SessionRunner.recover(live.plan, clock, live.events)
    assert runner.now() - resumed.now() == pytest.approx(0.9)
    assert resumed.state.phases[0].elapsed == pytest.approx(60)
