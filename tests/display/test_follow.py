"""Following a journal like `tail -F`: whole lines only, refold on shrink or replacement,
freeze on an unreadable line; the pointer, the heartbeats, the session's end and a resume."""

from __future__ import annotations

import os

from intervisie_tui.core.engine import SessionRunner
from intervisie_tui.core.state import Status
from intervisie_tui.store.follow import JournalFollower, RoomFollower
from intervisie_tui.store.room_link import DISPLAY_HEARTBEAT, read_pointer, write_pointer

from .conftest import SECRET


def test_whole_lines_only_a_half_written_line_waits(facilitator):
    runner, path = facilitator.runner, facilitator.journal.path
    follower = JournalFollower(path)
    assert follower.poll() and follower.state.status is Status.READY
    runner.start()
    line = path.read_bytes().splitlines(keepends=True)[-1]
    with open(path, "r+b") as stream:  # cut the last line in two, as a slow write would leave it
        stream.truncate(len(path.read_bytes()) - len(line))
    with open(path, "ab") as stream:
        stream.write(line[:10])
    follower = JournalFollower(path)
    follower.poll()
    assert follower.state.status is Status.READY
    with open(path, "ab") as stream:
        stream.write(line[10:])
    assert follower.poll() and follower.state.status is Status.RUNNING


def test_a_shrunk_or_replaced_journal_is_folded_again(facilitator, tmp_path):
    runner, path = facilitator.runner, facilitator.journal.path
    runner.start()
    runner.next_phase()
    follower = JournalFollower(path)
    follower.poll()
    assert follower.state.phase_index == 1
    header_and_start = b"".join(path.read_bytes().splitlines(keepends=True)[:2])
    with open(path, "r+b") as stream:
        stream.truncate(len(header_and_start))
    assert follower.poll() and follower.state.phase_index == 0  # shrunk: refolded from the start
    replacement = tmp_path / "other.jsonl"
    replacement.write_bytes(header_and_start)
    os.replace(replacement, path)  # same size, another file
    follower.state.phase_index = 5  # would survive only if the replacement went unnoticed
    assert follower.poll() and follower.state.phase_index == 0


def test_an_unreadable_line_freezes_on_the_last_good_state(facilitator):
    runner, path = facilitator.runner, facilitator.journal.path
    runner.start()
    follower = JournalFollower(path)
    follower.poll()
    with open(path, "ab") as stream:
        stream.write(b'{"kind": "goto", "t": "[bold]not a time\x1b[31m"}\n')
    runner.next_phase()
    assert follower.poll()
    assert follower.frozen and follower.state.phase_index == 0
    assert "3" in follower.problem.render("nl")  # the line's number
    runner.next_phase()
    follower.poll()
    assert follower.state.phase_index == 0


def test_a_foreign_file_is_a_notice_not_a_crash(tmp_path):
    path = tmp_path / "x.jsonl"
    path.write_bytes(b"[@click=app.quit]\x00\xff\n")
    follower = JournalFollower(path)
    follower.poll()
    assert follower.state is None and follower.problem is not None


def test_the_pointer_is_written_atomically_and_read_back(tmp_path):
    live = tmp_path / "live"
    assert read_pointer(live) is None
    write_pointer(live, "abc123")
    assert read_pointer(live) == "abc123"
    (live / "current.json").write_text('{"format": "intervisie-tui live pointer", "session": "../../etc/passwd"}')
    assert read_pointer(live) is None  # an id, never a path
    (live / "current.json").write_text("{not json")
    assert read_pointer(live) is None


def wall_of(clock):
    return lambda: clock.wall().timestamp()


def test_pointer_switch_heartbeat_and_session_end(facilitator, private_dirs, clock, incident_plan):
    room = RoomFollower(private_dirs[1], wall=wall_of(clock))
    assert room.scene("nl").kind == "room" or room.poll()
    room.poll()
    first = facilitator.journal.id
    assert room.follower.session_id == first and room.scene("nl").kind == "room"
    assert room.scene("nl").notice is None  # the app's heartbeat is fresh
    assert (facilitator.store.live_dir / DISPLAY_HEARTBEAT).exists()  # the display announces itself

    clock.advance(10)  # no heartbeat for ten seconds: the app is gone, the display keeps counting
    facilitator.runner.start()
    room.poll()
    scene = room.scene("en")
    assert scene.notice is not None and "not responding" in scene.notice.render("en")
    clock.advance(5)
    room.poll()
    assert room.scene("nl").room.clock.value == "04:55"

    facilitator.beat()
    facilitator.runner.end()
    room.poll()
    assert room.scene("nl").kind == "closing"

    facilitator.start(incident_plan)  # the next session: the display follows without a restart
    clock.advance(1)
    room.poll()
    assert room.follower.session_id != first and room.scene("nl").kind == "room"


def test_resume_after_a_crash_goes_on_in_the_same_journal(facilitator, private_dirs, clock):
    runner = facilitator.runner
    runner.start()
    clock.advance(60)
    runner.checkpoint(every=0)
    room = RoomFollower(private_dirs[1], wall=wall_of(clock))
    room.poll()
    # The app is killed; later it resumes from the journal: paused at the last event.
    clock.advance(300)
    facilitator.store.release_locks()  # with the process went its locks
    live = facilitator.store.interrupted()[0]
    journal = facilitator.store.reopen(live)
    resumed = SessionRunner.recover(live.plan, clock, live.events, listeners=[journal.append])
    write_pointer(facilitator.store.live_dir, journal.id)
    facilitator.beat()
    clock.advance(1)
    room.poll()
    scene = room.scene("nl")
    assert resumed.status is Status.PAUSED and scene.room.clock.state == "paused"
    assert scene.room.clock.value == "04:00"


def test_the_room_never_holds_a_note(facilitator, private_dirs, clock):
    from intervisie_tui.core.events import NoteField

    runner = facilitator.runner
    runner.start()
    runner.set_note(NoteField.TEXT, SECRET, phase=runner.state.phase.id)
    runner.set_note(NoteField.ADVICE, SECRET, phase=runner.state.phase.id, key="Anna")
    room = RoomFollower(private_dirs[1], wall=wall_of(clock))
    room.poll()
    assert SECRET not in repr(room.scene("nl"))
    kept = room.follower
    assert SECRET not in repr(vars(kept)) and SECRET not in repr(vars(kept.state))
    assert not kept.state.notes
