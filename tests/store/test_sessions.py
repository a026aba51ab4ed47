"""Finishing, listing, loading, saving, searching, trash and export of session documents."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest
from sessionplay import play_session

from intervisie_tui.core.events import EventKind, NoteField
from intervisie_tui.core.state import SessionState
from intervisie_tui.store.document import SCHEMA_VERSION, SessionDocument, compact
from intervisie_tui.store.sessions import Store, StoreError


def test_data_dir_follows_the_environment_and_the_override(private_dirs, tmp_path):
    _, data = private_dirs
    assert Store().root == data
    assert Store(tmp_path / "elsewhere").root == tmp_path / "elsewhere"


def test_finish_writes_one_private_versioned_document_in_the_year_folder(store, played):
    path = store.finish(played.plan, played.events)
    assert path.parent.parent == store.sessions_dir
    assert path.parent.name == f"{played.state.started_at:%Y}"
    assert path.name == f"{played.state.started_at:%Y-%m-%d}_incident_{path.stem.rsplit('_', 1)[1]}.json"
    raw = json.loads(path.read_text())
    assert raw["schema_version"] == SCHEMA_VERSION
    assert raw["format"] == "intervisie-tui session"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    for folder in (store.root, store.sessions_dir, path.parent):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700


def test_document_carries_events_notes_and_stats(store, played):
    path = store.finish(played.plan, played.events)
    document = store.load_path(path)
    # The timing events as played; of the notes, one event per field with its final text.
    assert document.events == compact(played.plan, played.events)[1]
    assert [event for event in document.events if event.kind is not EventKind.NOTE] == [
        event for event in played.events if event.kind is not EventKind.NOTE
    ]
    kept = {key: text for key, text in played.state.notes.items() if key[1] is not NoteField.CASE_QUESTION}
    assert SessionState.replay(document.plan, document.events).notes == kept
    assert document.plan.case_question == "Hoe blijf ik rustig als een ouder boos wordt?"
    notes = document.notes
    first = played.plan.method.phases[0].id
    assert notes.phases == {first: "Bram vertelt over een lastig gesprek met een ouder"}
    assert notes.case_question == "Hoe blijf ik rustig als een ouder boos wordt?"
    assert notes.advice == {"Anna": "Benoem wat je ziet", "Cem": "Plan een tweede gesprek"}
    assert notes.action_points == "- collega vragen mee te kijken"
    assert notes.evaluation == {"Dewi": "Leerzaam"}
    assert document.stats.running_seconds == pytest.approx(700 + 200 + 60 * 4)
    assert document.stats.speaking_seconds == pytest.approx(played.state.speaking)
    assert document.started_at == played.state.started_at
    assert document.ended_at == played.state.ended_at


def test_case_question_of_the_plan_is_kept_when_no_note_replaces_it(store, library, clock):
    from intervisie_tui.core.plan import SessionPlan

    plan = SessionPlan.create(library.get("incident"), ["Anna", "Bram"], case_question="Wat nu?", case_title="Ouder")
    document = SessionDocument.build("abc", plan, [], saved_at=clock.wall())
    assert document.notes.case_question == "Wat nu?"


def test_list_shows_summaries_newest_first(store, incident_plan, clock):
    first = play_session(incident_plan, clock)
    store.finish(first.plan, first.events)
    clock.advance(86400 * 3)
    second = play_session(incident_plan, clock)
    store.finish(second.plan, second.events)
    listed = store.list_sessions()
    assert [summary.when for summary in listed] == [second.state.started_at, first.state.started_at]
    summary = listed[0]
    assert summary.method_id == "incident"
    assert summary.participants == ("Anna", "Bram", "Cem", "Dewi")
    assert summary.inbrenger == "Bram"
    assert summary.running_seconds == pytest.approx(1140)
    assert store.problems == []


def test_index_is_a_cache_that_follows_the_files(store, played):
    path = store.finish(played.plan, played.events)
    assert len(store.list_sessions()) == 1
    assert (store.root / "index.sqlite3").exists()
    # Another process changes the document: the listing sees it, not the stale cache.
    raw = json.loads(path.read_text())
    raw["plan"]["case_title"] = "Changed elsewhere"
    path.write_text(json.dumps(raw))
    assert Store().list_sessions()[0].case_title == "Changed elsewhere"
    # A damaged cache is simply rebuilt.
    (store.root / "index.sqlite3").write_text("{garbage")
    assert len(Store().list_sessions()) == 1


def test_load_accepts_a_unique_prefix_and_explains_otherwise(store, played, incident_plan, clock):
    path = store.finish(played.plan, played.events)
    session_id = path.stem.rsplit("_", 1)[1]
    assert store.load(session_id[:3]).id == session_id
    with pytest.raises(StoreError, match="No session with id 'zzz'"):
        store.load("zzz")
    other = store.save(SessionDocument.build(session_id[:4] + "x", incident_plan, played.events, clock.wall()))
    assert other.exists()
    store.list_sessions()
    with pytest.raises(StoreError, match="more than one session"):
        store.load(session_id[:4])


def test_reflection_is_saved_into_the_document_as_a_note_event(store, played):
    path = store.finish(played.plan, played.events)
    document = store.load_path(path)
    updated = store.save_reflection(document, "Ik leerde rustig te blijven.", path)
    assert updated.notes.reflection == "Ik leerde rustig te blijven."
    assert updated.events[-1].field is NoteField.REFLECTION
    reloaded = store.load_path(path)
    assert reloaded.notes.reflection == "Ik leerde rustig te blijven."
    assert len(list(path.parent.iterdir())) == 1  # saved over itself, atomically, not beside it
    assert store.save_reflection(reloaded, "Ik leerde rustig te blijven.", path) is reloaded


def test_two_files_with_one_id_are_reported_and_an_edit_goes_to_the_file_it_came_from(store, played):
    original = store.finish(played.plan, played.events)
    session_id = original.stem.rsplit("_", 1)[1]
    copy = original.with_name(original.stem + " (conflicted copy).json")
    copy.write_bytes(original.read_bytes())
    before = original.read_bytes()
    listed = store.list_sessions()
    assert sorted(summary.path for summary in listed) == sorted([original, copy])
    # Both files are named, each with the other.
    problems = dict(store.problems)
    assert set(problems) == {original, copy}
    assert str(copy) in problems[original].render("en") and str(original) in problems[copy].render("en")
    assert session_id in problems[original].render("en")
    # Editing the copy writes the copy, never the original.
    store.save_reflection(store.load_path(copy), "In de kopie", copy)
    assert original.read_bytes() == before
    assert store.load_path(copy).notes.reflection == "In de kopie"
    # By id alone it is ambiguous: the message names both files; the file itself works.
    with pytest.raises(StoreError) as raised:
        store.load(session_id)
    assert str(original) in str(raised.value) and str(copy) in str(raised.value)
    assert store.load(str(copy)).notes.reflection == "In de kopie"
    assert store.load(original.name).notes.reflection is None or store.load(original.name).notes.reflection == ""
    # Deleting one by its file leaves the other.
    store.trash(copy)
    assert [summary.path for summary in store.list_sessions()] == [original]
    assert store.problems == []


def test_search_covers_case_notes_advice_actions_and_reflection(store, played, incident_plan, clock):
    path = store.finish(played.plan, played.events)
    store.save_reflection(store.load_path(path), "Volgende keer eerst luisteren", path)
    other = SessionDocument.build("other1", incident_plan, [], clock.wall())
    store.save(other)
    store.list_sessions()
    for query in ("lastig gesprek", "RUSTIG", "tweede gesprek", "collega", "eerst luisteren", "leerzaam"):
        assert [summary.path for summary in store.search(query)] == [path], query
    assert store.search("nowhere to be found") == []
    assert len(store.search("")) == 2
    # A second store reads the search cache from disk and finds the same.
    fresh = Store()
    fresh.list_sessions()
    assert [summary.path for summary in fresh.search("luisteren")] == [path]


def test_trash_and_restore_move_files_and_never_overwrite(store, played):
    path = store.finish(played.plan, played.events)
    session_id = path.stem.rsplit("_", 1)[1]
    trashed = store.trash(session_id)
    assert not path.exists() and trashed.exists()
    assert trashed.parent.parent == store.trash_dir
    assert store.list_sessions() == []
    assert [summary.id for summary in store.list_trash()] == [session_id]
    restored = store.restore(session_id[:4])
    assert restored == path and path.exists() and not trashed.exists()
    assert [summary.id for summary in store.list_sessions()] == [session_id]
    # A file of the same name in the trash is never overwritten.
    trashed.parent.mkdir(parents=True, exist_ok=True)
    trashed.write_text("precious")
    with pytest.raises(StoreError, match="already exists"):
        store.trash(session_id)
    assert trashed.read_text() == "precious" and path.exists()


def test_save_failure_raises_a_clear_store_error(store, played, monkeypatch):
    import errno

    from intervisie_tui.store import sessions

    def full(path, text, **_options):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(sessions, "atomic_write_text", full)
    with pytest.raises(StoreError) as caught:
        store.finish(played.plan, played.events)
    assert "the disk is full" in str(caught.value)
    assert "Export it to another folder" in str(caught.value)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs file permissions")
def test_finish_into_a_read_only_folder_raises_and_leaves_the_journal(store, incident_plan, clock):
    journal = store.start_live(incident_plan)
    runner = play_session(incident_plan, clock, listeners=[journal.append])
    store.sessions_dir.mkdir(parents=True)
    store.sessions_dir.chmod(0o500)
    try:
        with pytest.raises(StoreError, match="permission"):
            store.finish(incident_plan, runner.events, journal)
    finally:
        store.sessions_dir.chmod(0o700)
    assert journal.path.exists()
    assert len(store.interrupted()) == 1


def test_export_to_a_chosen_path(store, played, tmp_path):
    document = store.load_path(store.finish(played.plan, played.events))
    target = (
        store.export_to(document, tmp_path / "out", lang="en", fmt="md") if (tmp_path / "out").mkdir() is None else None
    )
    assert target.parent == tmp_path / "out" and target.suffix == ".md"
    assert target.read_text().startswith("# ")
    json_target = store.export_to(document, tmp_path / "copy.json", lang="en", fmt="json")
    assert json.loads(json_target.read_text())["id"] == document.id
    with pytest.raises(StoreError, match="Export to"):
        store.export_to(document, tmp_path / "missing" / "x.md", lang="en")


def test_listing_also_prepares_the_search_cache(store, played, monkeypatch):
    store.finish(played.plan, played.events)
    Store().list_sessions()
    fresh = Store()
    fresh.list_sessions()
    monkeypatch.setattr(Path, "read_bytes", None)  # a search must now come entirely from the cache
    assert len(fresh.search("rustig ouder")) == 1
    assert fresh.search("nergens") == []


def test_anonymised_export_hides_first_names_surnames_and_possessives(library, clock):
    import random
    import re

    from intervisie_tui.core.engine import SessionRunner
    from intervisie_tui.core.plan import SessionPlan
    from intervisie_tui.store.anonymise import Pseudonyms
    from intervisie_tui.store.export import export_markdown

    plan = SessionPlan.create(
        library.get("incident"),
        ["Anna de Vries", "Bram Jansen", "Ümit Yılmaz"],
        inbrenger="Bram Jansen",
        case_title="Gesprek met de ouders van Ümit",
    )
    runner = SessionRunner(plan, clock)
    runner.start()
    first = plan.method.phases[0].id
    runner.set_note(
        NoteField.TEXT, "Annas collega belde. Anna's vraag; de Vries twijfelt; umit ook. Annabel niet.", phase=first
    )
    runner.set_note(NoteField.ADVICE, "Doe het, Anna. Vraag ANNA’s leidinggevende en Jansen.", key="Ümit Yılmaz")
    runner.end()
    document = SessionDocument.build("anon1", plan, runner.events, clock.wall())
    text = export_markdown(document, "nl", anonymize=True, rng=random.Random(7))
    aliases = Pseudonyms.of_document(document, "nl", rng=random.Random(7)).aliases
    anna, umit = aliases["Anna de Vries"], aliases["Ümit Yılmaz"]

    for leaked in ("Anna", "ANNA", "Vries", "Bram", "Jansen", "Ümit", "umit", "Yılmaz"):
        assert not re.search(rf"\b{leaked}\b", text), leaked
    assert f"{anna}'s collega" in text and f"Doe het, {anna}." in text
    assert f"{anna}’s leidinggevende" in text
    assert f"{anna} twijfelt" in text  # "de Vries": the surname went, "de" elsewhere stays
    assert f"Gesprek met de ouders van {umit}" in text
    assert "Annabel niet" in text  # a longer word that merely starts with a name is not a name


def test_a_first_name_two_people_share_is_hidden_without_naming_the_wrong_one(library, clock):
    from intervisie_tui.store.anonymise import Pseudonyms

    hide = Pseudonyms(["Anna de Vries", "Anna Smit", "Cem"], "en", inbrenger="Cem")
    smit = hide.aliases["Anna Smit"]
    assert hide.hide("Anna said; Smit agreed; Anna Smit too") == f"[name] said; {smit} agreed; {smit} too"


def test_search_ignores_accents(store, incident_plan, clock):
    from intervisie_tui.core.plan import SessionPlan

    plan = SessionPlan.create(incident_plan.method, ["Ümit", "Zoë"], case_title="Café")
    path = store.save(SessionDocument.build("accents1", plan, [], clock.wall()))
    store.list_sessions()
    for query in ("UMIT", "ümit", "zoe", "cafe", "CAFÉ"):
        assert [summary.path for summary in store.search(query)] == [path], query


def test_minutes_are_rounded_half_up():
    from intervisie_tui.store.export import minutes_label

    assert [minutes_label(s) for s in (0, 10, 30, 89, 90, 150)] == ["0", "<1", "1", "1", "2", "3"]


def test_saving_works_where_chmod_is_refused(store, played, monkeypatch):
    """FAT/exFAT (a USB stick) refuses chmod with EPERM: the session must be saved anyway."""
    import errno

    from intervisie_tui.store import atomic

    def refuse(path, mode):
        raise PermissionError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(atomic.os, "chmod", refuse)
    path = store.finish(played.plan, played.events)
    assert store.load_path(path).events == compact(played.plan, played.events)[1]


def test_the_trash_is_searched_by_what_its_list_shows(store, played):
    path = store.finish(played.plan, played.events)
    store.trash(path.stem.rsplit("_", 1)[1])
    trashed = store.list_trash()
    assert store.search("ANNA", trashed) == trashed  # a participant, any case
    assert store.search("incident", trashed) == trashed  # the method
    assert store.search("nobody-here", trashed) == []
