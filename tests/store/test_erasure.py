"""What is erased is gone, and what is deleted for good leaves no byte behind (issue 13).

Real stores on the test's own folders; every check greps the whole data and config tree."""

from __future__ import annotations

import json
import os
import time
from dataclasses import replace
from pathlib import Path

from intervisie_tui.cli import main
from intervisie_tui.core.engine import SessionRunner
from intervisie_tui.core.events import EventKind, NoteField
from intervisie_tui.core.plan import SessionPlan
from intervisie_tui.store.journal import event_line
from intervisie_tui.store.sessions import Store

ERASED = "Zwartgemaakt-Xq7"  # typed, then erased
SETUP_QUESTION = "Oorspronkelijke-Vraag-Kp3"  # typed at set-up, replaced during the session
KEPT = "Blijvend-Mz9"


def files_under(*roots: Path) -> list[Path]:
    return [path for root in roots if root.exists() for path in root.rglob("*") if path.is_file() or path.is_symlink()]


def holding(text: str, *roots: Path) -> list[Path]:
    """Every file under `roots` whose bytes contain `text` (as UTF-8, or JSON-escaped)."""
    needles = {text.encode(), json.dumps(text).strip('"').encode(), text.casefold().encode()}
    found = []
    for path in files_under(*roots):
        try:
            data = path.read_bytes()
        except OSError:
            continue
        if any(needle in data for needle in needles):
            found.append(path)
    return found


def type_slowly(runner: SessionRunner, clock, field: NoteField, text: str, **where) -> None:
    """As the autosave writes it: the whole field after every few keystrokes."""
    for end in range(3, len(text) + 1, 3):
        runner.set_note(field, text[:end], **where)
        clock.advance(1)
    runner.set_note(field, text, **where)


def play_with_erasure(store: Store, library, clock) -> tuple[SessionRunner, Path]:
    plan = SessionPlan.create(
        library.get("incident"),
        ["Anna", "Bram", "Cem"],
        inbrenger="Bram",
        case_title="Casus",
        case_question=SETUP_QUESTION,
        budget_minutes=60,
    )
    journal = store.start_live(plan)
    runner = SessionRunner(plan, clock, listeners=[journal.append])
    first = plan.method.phases[0].id
    runner.start()
    clock.advance(60)
    type_slowly(runner, clock, NoteField.TEXT, f"Eerst {ERASED} en dan meer", phase=first)
    type_slowly(runner, clock, NoteField.TEXT, f"Alleen {KEPT}", phase=first)  # the erased part is replaced
    type_slowly(runner, clock, NoteField.ADVICE, f"advies {ERASED}", key="Anna")
    runner.set_note(NoteField.ADVICE, "", key="Anna")  # erased altogether
    type_slowly(runner, clock, NoteField.CASE_QUESTION, "Hoe nu verder?", phase=first)
    runner.set_room_message(f"Bericht {ERASED}")
    runner.set_room_message("")
    clock.advance(60)
    runner.end()
    path = store.finish(plan, runner.events, journal)
    return runner, path


def test_erased_text_is_in_no_file_and_search_finds_nothing(store, library, clock, private_dirs):
    config, data = private_dirs
    runner, path = play_with_erasure(store, library, clock)
    # Use the store as the app does: list, search (which writes the caches), export.
    assert store.list_sessions()
    assert store.search(KEPT)
    assert store.search(ERASED) == [] and store.search(SETUP_QUESTION) == []
    assert holding(ERASED, data, config) == []
    assert holding(SETUP_QUESTION, data, config) == []
    assert holding(KEPT, data)  # the visible text is kept, of course
    document = store.load_path(path)
    assert document.notes.case_question == "Hoe nu verder?"
    assert document.notes.advice == {}
    # The timing is all there: every event but the notes and the room's messages.
    timing = [event for event in runner.events if event.kind not in (EventKind.NOTE, EventKind.ROOM_MESSAGE)]
    assert [event for event in document.events if event.kind is not EventKind.NOTE] == timing
    assert len([event for event in document.events if event.kind is EventKind.NOTE]) == 1
    # A fresh store (no cache in memory) searches from the files alone.
    assert Store().search(ERASED) == []
    assert not (store.live_dir / "done").exists() and list(store.live_dir.glob("*.jsonl")) == []


def test_the_json_export_holds_only_what_the_markdown_shows(store, played):
    path = store.finish(played.plan, played.events)
    document = store.load_path(path)
    record = json.loads(store.export_json(document, lang="en"))
    assert "events" not in json.dumps(record) and "plan" not in record
    markdown = store.export_markdown(document, lang="en")
    for text in (
        record["case_question"],
        record["advice"]["Anna"],
        record["action_points"][0],
        record["phases"][0]["notes"],
        record["case_title"] or "-",
    ):
        assert text in markdown
    assert record["phases"][0]["title"] in markdown


def old_document_with_history(store: Store, plan: SessionPlan, clock) -> Path:
    """A document as versions before this one wrote it: every note version in its events,
    the replaced set-up question in its plan, and its journal kept in live/done."""
    runner = SessionRunner(plan, clock)
    runner.start()
    clock.advance(30)
    type_slowly(runner, clock, NoteField.ACTION_POINTS, f"bellen {ERASED}")
    runner.set_note(NoteField.ACTION_POINTS, f"bellen {KEPT}")
    runner.set_note(NoteField.CASE_QUESTION, "De nieuwe vraag")
    runner.end()
    document = store.build_document(plan, runner.events)
    raw = json.loads(document.to_json())
    raw["events"] = [json.loads(event_line(event)) for event in runner.events]  # uncompacted
    raw["plan"]["case_question"] = SETUP_QUESTION
    raw["from_a_newer_version"] = {"kept": True}
    raw["plan"]["also_unknown"] = 7
    target = store.sessions_dir / f"{document.when:%Y}" / f"old_{document.id}.json"
    target.parent.mkdir(parents=True)
    target.write_text(json.dumps(raw))
    store.done_dir.mkdir(parents=True)
    (store.done_dir / f"{document.id}.jsonl").write_text(f'{{"id": "{document.id}", "text": "{ERASED}"}}\n')
    (store.done_dir / "0rphan0000.jsonl").write_text("a journal without a document\n")
    return target


def test_old_documents_are_compacted_on_their_next_save_keeping_unknown_fields(
    store, incident_plan, clock, private_dirs
):
    _config, _data = private_dirs
    plan = replace(incident_plan, case_question=SETUP_QUESTION)
    path = old_document_with_history(store, plan, clock)
    document = store.load_path(path)
    store.save_reflection(document, "Ik neem dit mee", path)
    raw = json.loads(path.read_text())
    assert ERASED not in path.read_text() and SETUP_QUESTION not in path.read_text()
    assert raw["from_a_newer_version"] == {"kept": True} and raw["plan"]["also_unknown"] == 7
    assert raw["notes"]["reflection"] == "Ik neem dit mee"
    assert raw["notes"]["action_points"] == f"bellen {KEPT}"
    # And once more: the next save keeps them too.
    store.save_reflection(store.load_path(path), "Ik neem dit mee, en meer", path)
    raw = json.loads(path.read_text())
    assert raw["from_a_newer_version"] == {"kept": True} and raw["plan"]["also_unknown"] == 7


def test_notes_compact_does_every_document_and_removes_old_journals(store, incident_plan, clock, private_dirs, capsys):
    config, data = private_dirs
    plan = replace(incident_plan, case_question=SETUP_QUESTION)
    path = old_document_with_history(store, plan, clock)
    assert main(["--lang", "en", "notes", "compact"]) == 0
    out, err = capsys.readouterr()
    assert "1 session(s) compacted" in out and "1 old journal(s) deleted" in out
    assert "0rphan0000.jsonl" in err  # kept, and named
    assert holding(ERASED, data, config) == [] and holding(SETUP_QUESTION, data, config) == []
    assert json.loads(path.read_text())["from_a_newer_version"] == {"kept": True}
    assert main(["--lang", "en", "notes", "compact"]) == 0
    assert "0 session(s) compacted (erased text removed), 1 were compact already" in capsys.readouterr().out


def test_a_killed_save_leaves_no_hidden_copy_behind(store, played):
    path = store.finish(played.plan, played.events)
    stale = path.parent / f".{path.name}.abc123.tmp"
    stale.write_text(path.read_text())
    old = time.time() - 3600
    os.utime(stale, (old, old))
    fresh = path.parent / f".{path.name}.def456.tmp"  # another instance saving right now
    fresh.write_text("{}")
    Store().list_sessions()
    assert not stale.exists() and fresh.exists()


# -- delete for good -----------------------------------------------------------------------------


def secret_session(store: Store, library, clock, title: str) -> Path:
    plan = SessionPlan.create(
        library.get("incident"),
        ["Wiebe", "Xandra"],
        inbrenger="Xandra",
        case_title=title,
        case_question=f"vraag {title}",
        budget_minutes=60,
    )
    journal = store.start_live(plan)
    runner = SessionRunner(plan, clock, listeners=[journal.append])
    runner.start()
    clock.advance(100)
    runner.set_note(NoteField.ACTION_POINTS, f"actie {title}")
    runner.end()
    return store.finish(plan, runner.events, journal)


def test_delete_for_good_leaves_no_byte_of_the_session(store, library, clock, private_dirs, capsys):
    config, data = private_dirs
    keep = secret_session(store, library, clock, "Houden-Bv2")
    path = secret_session(store, library, clock, "Weg-Nz4")
    assert store.search("Weg-Nz4")  # the search cache now holds its text
    for lang in ("en", "nl"):  # and the index keeps the printed list, its title in it
        assert main(["--lang", lang, "notes", "list"]) == 0
        assert "Weg-Nz4" in capsys.readouterr().out
    from intervisie_tui.store.remembered import Remembered, save_remembered

    save_remembered(Remembered(last_group=["Wiebe", "Xandra"], last_method="incident"), data)  # as the set-up did
    store.done_dir.mkdir(parents=True)
    session_id = store.load_path(path).id
    (store.done_dir / f"{session_id}.jsonl").write_text("Weg-Nz4 as an old version kept it\n")
    assert main(["--lang", "en", "notes", "delete", session_id, "--permanently"]) == 2  # no terminal: not asked
    assert "Add --yes" in capsys.readouterr().err and path.exists()
    assert main(["--lang", "en", "notes", "delete", session_id, "--permanently", "--yes"]) == 0
    out = capsys.readouterr().out
    assert "Weg-Nz4" in out and str(path) in out  # the confirmation names what goes
    assert holding("Weg-Nz4", data, config) == []
    assert not (data / "remembered.json").exists()  # it named this session's people
    assert holding("Houden-Bv2", data)  # the other session is untouched
    assert keep.exists() and Store().search("Weg-Nz4") == []


def test_empty_trash_leaves_no_byte_of_its_sessions(store, library, clock, private_dirs, capsys):
    config, data = private_dirs
    first = secret_session(store, library, clock, "Prul-Een-Qa1")
    second = secret_session(store, library, clock, "Prul-Twee-Qa2")
    secret_session(store, library, clock, "Blijft-Qa3")
    store.search("Prul")
    store.trash(first)
    store.trash(second)
    assert main(["--lang", "en", "notes", "empty-trash", "--yes"]) == 0
    out = capsys.readouterr().out
    assert "Prul-Een-Qa1" in out and "Prul-Twee-Qa2" in out and "2 session(s) deleted for good" in out
    for text in ("Prul-Een-Qa1", "Prul-Twee-Qa2"):
        assert holding(text, data, config) == []
    assert holding("Blijft-Qa3", data)
    assert store.list_trash() == []
    assert main(["--lang", "en", "notes", "empty-trash"]) == 0
    assert "The trash is empty" in capsys.readouterr().out


def test_delete_without_permanently_moves_to_the_trash(store, played, capsys):
    path = store.finish(played.plan, played.events)
    session_id = store.load_path(path).id
    assert main(["--lang", "nl", "notes", "delete", session_id]) == 0
    assert "prullenbak" in capsys.readouterr().out
    assert not path.exists() and store.list_trash()[0].id == session_id
    assert main(["--lang", "en", "notes", "delete", session_id]) == 1
    assert "in the trash already" in capsys.readouterr().err


def test_deleting_for_good_clears_the_theme_in_a_groups_record(store, library, clock, private_dirs):
    from intervisie_tui.core.groups import Group
    from intervisie_tui.core.plan import GroupMeeting
    from intervisie_tui.store.groups import GroupStore

    config, data = private_dirs
    groups = GroupStore()
    group = Group(name="Team")
    groups.create(group)
    plan = SessionPlan.create(
        library.get("incident"),
        ["Wiebe", "Xandra"],
        case_title="Thema-Lp0",
        budget_minutes=60,
        group=GroupMeeting(group_id=group.id, share_title=True),
    )
    runner = SessionRunner(plan, clock)
    runner.start()
    clock.advance(60)
    runner.end()
    path = store.finish(plan, runner.events)
    groups.record_session(store.load_path(path))
    assert holding("Thema-Lp0", data / "groups")
    store.delete_permanently(store.find(path))
    assert holding("Thema-Lp0", data, config) == []
    [meeting] = GroupStore().find("Team").meetings
    assert meeting.net_seconds > 0  # the hours stay on record


def test_sessions_older_than_the_retention_are_listed_oldest_first(store, incident_plan, clock):
    from datetime import timedelta

    runner = SessionRunner(incident_plan, clock)
    runner.start()
    clock.advance(60)
    runner.end()
    document = store.build_document(incident_plan, runner.events)
    old = document.model_copy(update={"started_at": document.when - timedelta(days=400)})
    older = document.model_copy(update={"id": "older00000", "started_at": document.when - timedelta(days=800)})
    store.save(old)
    store.save(older)
    now = document.when
    assert [summary.id for summary in store.older_than(12, now)] == ["older00000", document.id]
    assert [summary.id for summary in store.older_than(24, now)] == ["older00000"]
    assert store.older_than(36, now) == []
