"""Old documents load forever; damaged, foreign and newer ones are named, never touched."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from intervisie_tui.store.document_raw import MIGRATIONS, SCHEMA_VERSION, migrate
from intervisie_tui.store.sessions import Store, StoreError

FIXTURES = Path(__file__).parent.parent / "fixtures"


def install(store: Store, fixture: str, name: str | None = None) -> Path:
    target = store.sessions_dir / "2026" / (name or fixture)
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(FIXTURES / fixture, target)
    return target


def test_every_older_version_has_a_migration():
    assert set(MIGRATIONS) == set(range(SCHEMA_VERSION))


def test_the_version_1_fixture_loads_with_everything_in_it(store):
    path = install(store, "session-v1.json", "2026-01-15_incident_f1x7ure001.json")
    [summary] = store.list_sessions()
    assert summary.id == "f1x7ure001" and summary.case_title == "Boze ouder"
    assert summary.has_reflection
    document = store.load("f1x7")
    assert document.notes.case_question == "Hoe blijf ik rustig als een ouder boos wordt?"
    assert document.notes.advice["Cem"] == "Plan een tweede gesprek"
    assert document.notes.reflection.startswith("Wat er gebeurde")
    assert document.stats.running_seconds == pytest.approx(1140)
    assert document.plan.facilitator == "Anna"
    assert path.read_bytes() == (FIXTURES / "session-v1.json").read_bytes()  # loading never rewrites


def test_a_legacy_document_is_migrated_on_load_and_left_as_it_was_on_disk(store):
    path = install(store, "session-v0-legacy.json")
    before = path.read_bytes()
    [summary] = store.list_sessions()
    assert summary.id == "legacy0001"
    document = store.load("legacy0001")
    assert document.schema_version == SCHEMA_VERSION
    assert document.notes.advice == {"Anna": "Benoem wat je ziet", "Cem": "Plan een tweede gesprek"}
    assert document.stats.running_seconds == pytest.approx(1140)
    assert path.read_bytes() == before
    # Saving it (after an edit) writes the current version in its place.
    store.save_reflection(document, "Nieuw", path)
    assert json.loads(path.read_text())["schema_version"] == SCHEMA_VERSION
    assert len(list(path.parent.iterdir())) == 1


def test_migrate_leaves_current_documents_alone():
    raw = json.loads((FIXTURES / "session-v1.json").read_text())
    assert migrate(dict(raw)) == raw


BAD_FILES = {
    "empty.json": (b"", "the file is empty"),
    "truncated.json": (None, "not valid JSON"),
    "foreign.json": (b'{"name": "shopping list", "items": ["milk"]}', "not an intervisie-tui session document"),
    "list.json": (b"[1, 2, 3]", "not an intervisie-tui session document"),
    "newer.json": (
        b'{"format": "intervisie-tui session", "schema_version": 7, "id": "x"}',
        "schema version 7, this version reads up to 1",
    ),
    "incomplete.json": (b'{"format": "intervisie-tui session", "schema_version": 1, "id": "x"}', "'plan'"),
}


def test_damaged_foreign_and_newer_files_are_listed_as_unreadable_and_never_touched(store, played):
    good = store.finish(played.plan, played.events)
    folder = good.parent
    written = {}
    for name, (content, _) in BAD_FILES.items():
        if content is None:
            content = good.read_bytes()[: len(good.read_bytes()) // 2]
        (folder / name).write_bytes(content)
        written[name] = content
    listed = Store().list_sessions()
    fresh = Store()
    assert [summary.path for summary in fresh.list_sessions()] == [good] == [s.path for s in listed]
    reasons = {path.name: reason for path, reason in fresh.problems}
    assert set(reasons) == set(BAD_FILES)
    for name, (_, expected) in BAD_FILES.items():
        assert expected in reasons[name].render("en"), (name, reasons[name].render("en"))
        assert (folder / name).read_bytes() == written[name]
    again = Store()  # the cached verdict equals a fresh one
    again.list_sessions()
    assert {path.name: reason for path, reason in again.problems} == reasons


def test_a_file_that_lists_but_fails_full_validation_explains_which_field(store, played):
    path = store.finish(played.plan, played.events)
    raw = json.loads(path.read_text())
    raw["events"][0]["kind"] = "dance"
    path.write_text(json.dumps(raw))
    store.list_sessions()
    with pytest.raises(StoreError) as caught:
        store.load(raw["id"])
    assert "events.0.kind" in str(caught.value) and str(path) in str(caught.value)


def test_problems_speak_dutch_too(private_dirs):
    store = Store()
    folder = store.sessions_dir / "2026"
    folder.mkdir(parents=True)
    (folder / "leeg.json").write_bytes(b"")
    store.list_sessions()
    [(_path, reason)] = store.problems
    assert reason.render("nl") == "het bestand is leeg"


def test_a_method_embedded_before_methods_were_dataclasses_reads_and_is_saved_anew(store):
    """Documents written by pydantic models name the method's format version `schema_version`."""
    path = install(store, "session-v1.json", "2026-01-15_incident_f1x7ure001.json")
    assert "schema_version" in json.loads(path.read_text())["plan"]["method"]
    document = store.load("f1x7")
    assert document.plan.method.schema == 1
    store.save_reflection(document, "Later geschreven", path)
    method = json.loads(path.read_text())["plan"]["method"]
    assert method["schema"] == 1 and "schema_version" not in method
    assert store.load("f1x7").notes.reflection == "Later geschreven"
