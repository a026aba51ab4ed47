"""Two instances, one interrupted session: only one resumes it; neither save overwrites the other's."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import pytest

from intervisie_tui.core.engine import SessionRunner
from intervisie_tui.core.events import NoteField
from intervisie_tui.store.sessions import SessionInUse, Store, StoreError

pytestmark = pytest.mark.skipif(os.name != "posix", reason="the lock is an flock where fcntl exists")


def interrupted(plan, clock):
    """A session started in an instance that then died (its lock went with it)."""
    dead = Store()
    journal = dead.start_live(plan)
    runner = SessionRunner(plan, clock, listeners=[journal.append])
    runner.start()
    clock.advance(200)
    runner.set_note(NoteField.ACTION_POINTS, "Eerst")
    dead.release_locks()  # what the end of its process did
    return journal


def test_only_one_instance_resumes_an_interrupted_session(incident_plan, clock):
    interrupted(incident_plan, clock)
    first, second = Store(), Store()
    [live] = first.interrupted()
    [same] = second.interrupted()
    journal = first.reopen(live)
    assert first.interrupted() == []  # open here now
    holder = second.holder(same.id)
    assert holder is not None and holder.pid == os.getpid()
    with pytest.raises(SessionInUse) as caught:
        second.reopen(same)
    message = str(caught.value)
    assert f"process {os.getpid()}" in message and "another intervisie window" in message
    with pytest.raises(SessionInUse):
        second.close_interrupted(same)  # nor saved from under it
    assert live.path.exists()
    # What the second may do: read it as it stands.
    assert second.preview(same).notes.action_points == "Eerst"
    # The first finishes: lock and journal go, and the second has nothing left to resume.
    runner = SessionRunner.recover(live.plan, clock, live.events, listeners=[journal.append])
    runner.end()
    first.finish(runner.plan, runner.events, journal)
    assert not first.lock_path(live.id).exists()
    assert second.interrupted() == [] and second.holder(live.id) is None


def test_a_lock_left_by_a_dead_instance_is_not_in_force(incident_plan, clock):
    journal = interrupted(incident_plan, clock)
    lock = Store().lock_path(journal.id)
    lock.write_text(json.dumps({"pid": 999999, "host": "elsewhere", "since": "yesterday"}))
    store = Store()
    [live] = store.interrupted()
    assert store.holder(live.id) is None
    store.reopen(live)  # taken over: nobody holds it


def test_a_lock_held_by_another_process_is_named_until_that_process_ends(incident_plan, clock, private_dirs):
    journal = interrupted(incident_plan, clock)
    store = Store()
    holder_script = textwrap.dedent(f"""
        import sys
        from pathlib import Path
        from intervisie_tui.store.lock import SessionLock
        lock = SessionLock(Path({str(store.lock_path(journal.id))!r}))
        lock.acquire()
        print("locked", flush=True)
        sys.stdin.read()
    """)
    process = subprocess.Popen(
        [sys.executable, "-c", holder_script], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert process.stdout.readline().strip() == "locked"
        [live] = store.interrupted()
        assert store.holder(live.id).pid == process.pid
        with pytest.raises(SessionInUse) as caught:
            store.reopen(live)
        assert f"process {process.pid}" in str(caught.value)
    finally:
        process.kill()
        process.wait()
    store.reopen(live)  # its process is gone, and so is its lock


def test_neither_save_overwrites_a_document_written_since_it_was_read(store, played):
    path = store.finish(played.plan, played.events)
    mine, theirs = Store(), Store()
    seen_here, seen_there = mine.load_path(path), theirs.load_path(path)
    theirs.save_reflection(seen_there, "Hun reflectie", path)
    with pytest.raises(StoreError) as caught:
        mine.save_reflection(seen_here, "Mijn reflectie", path)
    assert str(path) in str(caught.value) and "another intervisie window" in str(caught.value)
    assert json.loads(path.read_text())["notes"]["reflection"] == "Hun reflectie"
    assert list(path.parent.glob(".*.tmp")) == []  # the refused write left nothing behind
    # Read again, it can be changed: the same instance saving twice is no conflict.
    again = mine.save_reflection(mine.load_path(path), "Mijn reflectie", path)
    mine.save_reflection(again, "Mijn reflectie, aangevuld", path)
    assert json.loads(path.read_text())["notes"]["reflection"] == "Mijn reflectie, aangevuld"


def test_two_instances_finishing_one_session_keep_both_documents(incident_plan, clock):
    """Where no lock could be taken (a folder that refused it), both may have resumed: the
    second document goes beside the first, never over it."""
    journal = interrupted(incident_plan, clock)
    first, second = Store(), Store()
    [live] = first.interrupted()
    events = list(live.events)
    a = SessionRunner.recover(live.plan, clock, events)
    b = SessionRunner.recover(live.plan, clock, events)
    a.set_note(NoteField.ACTION_POINTS, "Versie A")
    b.set_note(NoteField.ACTION_POINTS, "Versie B")
    a.end()
    b.end()
    path_a = first.save(first.build_document(a.plan, a.events, journal))
    path_b = second.save(second.build_document(b.plan, b.events, journal))
    assert path_a != path_b and second.last_save_conflict == path_a
    assert first.load_path(path_a).notes.action_points == "Versie A"
    assert second.load_path(path_b).notes.action_points == "Versie B"
    listed = Store()
    assert len(listed.list_sessions()) == 2
    assert any(f"same session id {journal.id}" in problem.reason.render("en") for problem in listed.problems)
