"""The live journal: every event on disk at once, recovery after a crash, and a disk that refuses."""

from __future__ import annotations

import errno
import os
import stat

import pytest
from sessionplay import play_session

from intervisie_tui.core.clock import FakeClock
from intervisie_tui.core.engine import SessionRunner
from intervisie_tui.core.events import NoteField
from intervisie_tui.core.state import Status
from intervisie_tui.store import journal as journal_module
from intervisie_tui.store.journal import RETRY_INTERVAL, read_journal
from intervisie_tui.store.sessions import Store


def run_half(store, plan, clock):
    """A session that starts, takes notes and is then abandoned (the app dies)."""
    journal = store.start_live(plan)
    runner = SessionRunner(plan, clock, listeners=[journal.append])
    runner.start()
    clock.advance(120)
    runner.set_note(NoteField.CASE_QUESTION, "Wat doe ik met de klacht?")
    clock.advance(30)
    runner.next_phase()
    clock.advance(45)
    runner.set_note(NoteField.TEXT, "Eerste vragen", phase=plan.method.phases[1].id)
    store.release_locks()  # as the end of the process does
    return journal, runner


def test_every_event_is_written_and_fsynced_at_once(store, incident_plan, clock, monkeypatch):
    synced = []
    real_fsync = os.fsync
    monkeypatch.setattr(journal_module.os, "fsync", lambda fd: (synced.append(fd), real_fsync(fd)))
    journal, runner = run_half(store, incident_plan, clock)
    lines = journal.path.read_text().splitlines()
    assert len(lines) == 1 + len(runner.events)  # the plan, then one line per event
    assert len(synced) == len(lines)
    assert journal.path.parent == store.live_dir
    assert stat.S_IMODE(journal.path.stat().st_mode) == 0o600
    assert stat.S_IMODE(store.live_dir.stat().st_mode) == 0o700
    assert journal.problem is None


def test_interrupted_session_is_found_and_resumes_where_it_stood(store, incident_plan, clock):
    journal, runner = run_half(store, incident_plan, clock)
    before = runner.view()
    # The app dies here: no close, no finish.
    found = Store().interrupted()
    assert len(found) == 1
    live = found[0]
    assert live.id == journal.id and live.events == runner.events and live.plan == incident_plan
    assert live.problem is None and live.started_at == runner.state.started_at

    later = FakeClock(start=50_000.0)
    resumed = SessionRunner.recover(live.plan, later, live.events)
    view = resumed.view()
    assert view.status is Status.PAUSED
    assert view.phase_index == before.phase_index
    assert view.remaining == pytest.approx(before.remaining)
    assert resumed.state.notes == runner.state.notes

    # Appends continue in the same journal, after the pause the resume recorded.
    store2 = Store()
    reopened = store2.reopen(live)
    for event in resumed.events[len(live.events) :]:
        assert reopened.append(event)
    resumed.listeners.append(reopened.append)
    resumed.set_note(NoteField.ACTION_POINTS, "Bellen")
    assert store2.interrupted() == []  # open here: resumed, so no longer interrupted
    again = read_journal(live.path)
    assert again.events == resumed.events
    path = store2.finish(resumed.plan, resumed.events, reopened)
    assert path.exists()
    assert store2.interrupted() == []
    assert not journal.path.exists() and not store2.done_dir.exists()  # deleted: it held every keystroke


def test_truncated_or_garbled_lines_lose_only_themselves(store, incident_plan, clock):
    journal, runner = run_half(store, incident_plan, clock)
    with open(journal.path, "ab") as stream:
        stream.write(b'{"kind":"note","t":200,"at":"2026-01-1')  # cut off by a kill
    live = store.interrupted()[0]
    assert live.events == runner.events
    assert "damaged line(s) 6 skipped" in live.problem.render("en")
    # Appending after the damaged line starts a fresh line, so nothing else is lost.
    reopened = store.reopen(live)
    resumed = SessionRunner.recover(live.plan, clock, live.events, listeners=[reopened.append])
    resumed.set_note(NoteField.ACTION_POINTS, "Bellen")
    again = read_journal(live.path)
    assert again.events == resumed.events


def test_close_interrupted_keeps_the_notes_and_ends_the_session(store, incident_plan, clock):
    journal, _runner = run_half(store, incident_plan, clock)
    live = store.interrupted()[0]
    path = store.close_interrupted(live)
    document = store.load_path(path)
    assert document.id == journal.id
    assert document.notes.case_question == "Wat doe ik met de klacht?"
    assert document.ended_at is not None
    assert document.stats.running_seconds == pytest.approx(195)
    assert store.interrupted() == []
    assert not journal.path.exists() and not store.done_dir.exists()


def test_finished_session_whose_journal_could_not_be_moved_is_not_offered_again(
    store, incident_plan, clock, monkeypatch
):
    journal, runner = run_half(store, incident_plan, clock)
    monkeypatch.setattr(Store, "_retire", lambda self, path: None)
    store.finish(incident_plan, runner.events, journal)
    assert journal.path.exists()
    assert Store().interrupted() == []


@pytest.mark.parametrize(
    "content",
    [b"", b"not json\n", b'{"hello": "world"}\n', b'{"format": "intervisie-tui journal", "journal_version": 99}\n'],
)
def test_unreadable_journals_are_reported_and_left_alone(store, content):
    store.live_dir.mkdir(parents=True)
    bad = store.live_dir / "bad.jsonl"
    bad.write_bytes(content)
    assert store.interrupted() == []
    [(path, reason)] = store.problems
    assert path == bad and reason
    assert bad.read_bytes() == content


def test_a_full_disk_keeps_events_in_memory_and_saves_them_later(store, incident_plan, clock, monkeypatch):
    journal, runner = run_half(store, incident_plan, clock)
    real_write = os.write
    state = {"full": True, "partial": True}

    def write(fd, data):
        if state["full"]:
            if state["partial"]:  # the disk fills up halfway through a line
                state["partial"] = False
                real_write(fd, bytes(data[:10]))
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_write(fd, data)

    monkeypatch.setattr(journal_module.os, "write", write)
    runner.set_note(NoteField.ACTION_POINTS, "Eerste actie")
    runner.next_phase()
    assert journal.pending == 2
    problem = journal.problem.render("en")
    assert "the disk is full" in problem and str(journal.path) in problem
    assert "2 change(s) wait safely in memory" in problem
    assert "as soon as possible" not in problem  # the screens' sentence says that once
    assert not journal.retry()

    state["full"] = False
    now = [1000.0]
    journal._clock = lambda: now[0]
    journal._failed_at = now[0]
    assert not journal.retry()  # too soon after the last refusal: not tried (no fsync every tick)
    assert journal.pending == 2
    now[0] += RETRY_INTERVAL
    assert journal.retry()
    assert journal.problem is None and journal.pending == 0
    live = Store().interrupted()[0]
    assert live.events == runner.events  # the fragment was skipped, every event is there


def test_a_read_only_data_dir_never_stops_the_session(store, incident_plan, clock, monkeypatch):
    real_open = os.open

    def refuse(path, *args, **kwargs):
        if str(path).endswith(".jsonl"):
            raise OSError(errno.EROFS, "Read-only file system")
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(journal_module.os, "open", refuse)
    journal, runner = run_half(store, incident_plan, clock)  # start_live itself must not raise
    assert "read-only" in journal.problem.render("en")
    assert journal.pending == 1 + len(runner.events)
    monkeypatch.setattr(journal_module.os, "open", real_open)
    runner.set_note(NoteField.ACTION_POINTS, "Weer schrijfbaar")
    assert journal.problem is None and journal.pending == 0
    assert store.interrupted()[0].events == runner.events


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root ignores folder permissions")
def test_a_read_only_folder_on_disk(store, incident_plan, clock):
    store.live_dir.mkdir(parents=True)
    store.live_dir.chmod(0o500)
    try:
        journal, runner = run_half(store, incident_plan, clock)
        assert journal.problem and journal.pending == 1 + len(runner.events)
    finally:
        store.live_dir.chmod(0o700)
    assert journal.retry()
    assert store.interrupted()[0].events == runner.events


def test_a_whole_session_journal_replays_to_the_same_state(store, incident_plan, clock):
    journal = store.start_live(incident_plan)
    runner = play_session(incident_plan, clock, listeners=[journal.append])
    store.release_locks()
    live = store.interrupted()[0]
    assert live.events == runner.events
    assert SessionRunner(live.plan, clock, live.events).state.notes == runner.state.notes
