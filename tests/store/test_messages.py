"""The store says what went wrong with messages (a key and its values), never with words of a
language: whoever shows them words them, in the language of the moment."""

from __future__ import annotations

import errno
import inspect

import pytest
from slowdisk import SlowDisk

from intervisie_tui.core.message import Message, message_from_data, message_to_data
from intervisie_tui.store.groups import GroupStore
from intervisie_tui.store.journal import LiveJournal, read_journal
from intervisie_tui.store.sessions import Store, StoreError


def test_the_store_and_the_journal_take_no_language():
    for made in (Store, GroupStore, LiveJournal, read_journal):
        assert "lang" not in inspect.signature(made).parameters, made


def test_unreadable_files_are_listed_with_messages(private_dirs):
    store = Store()
    folder = store.sessions_dir / "2026"
    folder.mkdir(parents=True)
    (folder / "leeg.json").write_bytes(b"")
    (folder / "kapot.json").write_bytes(b'{"format": "intervisie-tui session", "schema_version": 99}')
    (store.live_dir).mkdir(parents=True)
    (store.live_dir / "vreemd.jsonl").write_bytes(b'{"format": "iets anders"}\n')
    store.list_sessions()
    store.interrupted()
    reasons = {problem.path.name: problem.reason for problem in store.problems}
    assert set(reasons) == {"leeg.json", "kapot.json", "vreemd.jsonl"}
    assert all(isinstance(reason, Message) for reason in reasons.values())
    assert reasons["leeg.json"] == Message("store.problem.empty")
    assert reasons["vreemd.jsonl"] == Message("store.journal.unreadable.foreign")
    assert reasons["kapot.json"].key == "store.problem.newer"
    again = Store()  # from the index this time: the same message, not a string kept from before
    again.list_sessions()
    assert {problem.path.name: problem.reason for problem in again.problems} == {
        name: reason for name, reason in reasons.items() if name.endswith(".json")
    }


def test_a_refused_save_raises_a_message(private_dirs, played, monkeypatch):
    store = Store()

    def full(*_args, **_kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("intervisie_tui.store.sessions.atomic_write_text", full)
    with pytest.raises(StoreError) as caught:
        store.finish(played.plan, played.events)
    message = caught.value.message
    assert isinstance(message, Message) and message.key == "store.save.failed"
    assert message.values["reason"] == Message("store.reason.full")
    assert "de schijf is vol" in message.render("nl") and "the disk is full" in message.render("en")


def test_a_refusing_disk_leaves_a_message_in_the_journal(private_dirs, incident_plan):
    disk = SlowDisk()
    disk.failing = True
    store = Store()
    store.journal_files = disk
    journal = store.start_live(incident_plan)
    assert isinstance(journal.problem, Message) and journal.problem.key == "store.journal.problem"
    assert journal.problem.values["reason"] == Message("store.reason.full")
    assert store.unsaved_problem() == journal.problem


def test_a_message_is_immutable_hashable_and_kept_as_data():
    reason = Message("store.reason.other", {"detail": Message("oserror.full")})
    message = Message("store.save.failed", {"path": "/x", "reason": reason})
    with pytest.raises(TypeError):
        message.values["path"] = "/y"  # type: ignore[index]
    assert hash(message) == hash(Message("store.save.failed", {"reason": reason, "path": "/x"}))
    assert len({message, Message("store.save.failed", {"path": "/x", "reason": reason})}) == 1
    assert message_from_data(message_to_data(message)) == message
    with pytest.raises(ValueError):
        message_from_data(["empty", {}])  # an index row of an older version: read the file again
