"""Groups on disk: damaged files listed and untouched, export and import, sessions recorded."""

from __future__ import annotations

import json
import os
from datetime import date

import pytest

from intervisie_tui.core.events import EventKind as K
from intervisie_tui.core.groups import Attendance, Group
from intervisie_tui.core.plan import GroupMeeting, SessionPlan
from intervisie_tui.store.document import SessionDocument
from intervisie_tui.store.errors import StoreError
from intervisie_tui.store.groups import GroupStore, group_to_json

from .journals import EVENING, journal

DAMAGE = {
    "empty.json": b"",
    "cut.json": b'{"format": "intervisie-tui group", "schema_version": 1, "name": "X", "memb',
    "foreign.json": b'{"hello": "world"}',
    "list.json": b"[1, 2, 3]",
    "newer.json": b'{"format": "intervisie-tui group", "schema_version": 99, "name": "X"}',
    "invalid.json": b'{"format": "intervisie-tui group", "schema_version": 1, "name": ""}',
    "deep.json": b"[" * 100_000 + b"]" * 100_000,
    "binary.json": bytes(range(256)),
}


def make_group(store: GroupStore, name: str = "VP Noord") -> Group:
    group = Group(name=name, every_weeks=6, planned_meetings=6, registers=["lvv"])
    for person in ("Anna", "Bram", "Cem", "Dewi"):
        group.add_member(person, date(2026, 1, 1))
    store.create(group)
    return group


def test_damaged_group_files_are_listed_and_left_untouched(private_dirs):
    _, data = private_dirs
    store = GroupStore()
    good = make_group(store)
    folder = data / "groups"
    for name, content in DAMAGE.items():
        (folder / name).write_bytes(content)
    before = {name: ((folder / name).read_bytes(), os.stat(folder / name).st_mtime_ns) for name in DAMAGE}
    groups = store.list_groups()
    assert [group.id for group in groups] == [good.id]
    reasons = {problem.path.name: problem.reason.render("en") for problem in store.problems}
    assert set(reasons) == set(DAMAGE)
    assert "newer version" in reasons["newer.json"] and "not an intervisie-tui group" in reasons["foreign.json"]
    assert "name" in reasons["invalid.json"]
    store.save(groups[0])
    for name, (content, stamp) in before.items():
        assert (folder / name).read_bytes() == content and os.stat(folder / name).st_mtime_ns == stamp


def test_a_group_is_never_saved_over_a_file_it_could_not_read(private_dirs):
    _, data = private_dirs
    store = GroupStore()
    group = Group(name="G")
    (data / "groups").mkdir(parents=True)
    target = data / "groups" / f"{group.id}.json"
    target.write_bytes(b"{damaged")
    with pytest.raises(StoreError, match="not overwritten"):
        store.save(group)
    assert target.read_bytes() == b"{damaged"


def test_files_are_private_and_names_with_markup_round_trip(private_dirs):
    _, data = private_dirs
    store = GroupStore()
    group = make_group(store, "[bold]G[/] [@click=x]\x1b[31m")
    group.add_member("[red]Eva[/]", date(2026, 2, 1))
    store.save(group)
    path = data / "groups" / f"{group.id}.json"
    assert oct(path.stat().st_mode & 0o777) == "0o600" and oct(path.parent.stat().st_mode & 0o777) == "0o700"
    again = store.find(group.id)
    assert again.name == "[bold]G[/] [@click=x]␛[31m" and again.member("[red]Eva[/]") is not None


def document_for(group: Group, names=("Anna", "Bram", "Cem"), session_id="s1", library=None) -> SessionDocument:
    plan = SessionPlan.create(
        library.get("incident"),
        list(names),
        inbrenger="Bram",
        facilitator="Dewi",
        case_title="Secret case",
        budget_minutes=90,
        group=GroupMeeting(group_id=group.id, excused=("Dewi",)),
    )
    events = journal(
        ("19:00", K.START), ("20:00", K.PAUSE), ("20:15", K.RESUME), ("20:30", K.LEAVE, "Bram"), ("21:15", K.END)
    )
    return SessionDocument.build(session_id, plan, events, saved_at=EVENING)


def test_a_finished_session_is_recorded_once_and_a_deleted_session_does_not_matter(library):
    store = GroupStore()
    group = make_group(store)
    document = document_for(group, library=library)
    record = store.record_session(document)
    assert record is not None and store.record_session(document) is None
    group = store.find(group.name)
    meeting = group.meetings[0]
    assert meeting.theme == ""  # the title was not marked shareable
    anna, bram, dewi = (group.member(name).id for name in ("Anna", "Bram", "Dewi"))
    assert meeting.inbrenger == bram and meeting.facilitator == dewi
    assert meeting.member_seconds[bram] == 75 * 60 and meeting.net_seconds == 120 * 60
    # Dewi facilitated without being in the rounds: present, whatever the check-in said.
    assert meeting.attendance[anna] is Attendance.PRESENT and meeting.attendance[dewi] is Attendance.PRESENT
    assert "Secret" not in group_to_json(group)
    # The session file is gone (trashed, deleted): the group still loads and reports.
    assert store.find(group.id).meetings[0].session_id == "s1"


def test_export_and_import_merge_by_id_and_refuse_damage(private_dirs, tmp_path, library):
    store = GroupStore()
    group = make_group(store)
    store.record_session(document_for(group, library=library))
    group = store.find(group.id)
    group.meetings[0].action_points = "Bram calls the client"
    store.save(group)
    exported = tmp_path / "export.json"
    exported.write_text(store.export_text(group), encoding="utf-8")
    assert "Bram calls" not in exported.read_text(encoding="utf-8")
    assert "Bram calls" in store.export_text(group, with_notes=True)

    # The next facilitator's laptop: a new group, then one more meeting, then back.
    other = GroupStore(tmp_path / "laptop2")
    first = other.import_file(exported)
    assert first.new_group and first.meetings == 1 and first.members == 4
    again = other.import_file(exported)
    assert (again.new_group, again.members, again.meetings) == (False, 0, 0)
    theirs = other.find(group.id)
    theirs.add_member("Eva", date(2026, 3, 1))
    other.save(theirs)
    other.record_session(document_for(theirs, ("Anna", "Eva", "Bram"), "s2", library))
    back = tmp_path / "back.json"
    back.write_text(other.export_text(other.find(group.id)), encoding="utf-8")
    merged = store.import_file(back)
    assert (merged.members, merged.meetings) == (1, 1)
    assert len(store.find(group.id).meetings) == 2

    listing = sorted(p.name for p in (private_dirs[1] / "groups").iterdir())
    for content in DAMAGE.values():
        bad = tmp_path / "bad.json"
        bad.write_bytes(content)
        with pytest.raises(StoreError, match=r"bad\.json"):
            store.import_file(bad)
    assert sorted(p.name for p in (private_dirs[1] / "groups").iterdir()) == listing
    assert json.loads((private_dirs[1] / "groups" / f"{group.id}.json").read_text())["name"] == "VP Noord"


def test_a_guest_of_a_fixed_group_is_on_record_but_not_in_the_rotation(library):
    store = GroupStore()
    group = make_group(store)
    store.record_session(document_for(group, ("Anna", "Bram", "Zoë"), library=library))
    group = store.find(group.id)
    guest = group.member("Zoë")
    assert guest is not None and not guest.active
    assert group.meetings[0].attendance[guest.id] is Attendance.PRESENT
    group.fixed = False
    group.record_session(
        "s9", ["Anna", "Yara"], [], when=date(2026, 3, 1), method_id="incident", inbrenger=None, facilitator=None
    )
    assert group.member("Yara").active


async def test_a_session_of_a_group_is_recorded_when_the_app_saves_it(library, private_dirs):
    from intervisie_tui.core.clock import FakeClock
    from intervisie_tui.settings import Settings
    from intervisie_tui.ui.app import IntervisieApp

    store = GroupStore()
    group = make_group(store)
    plan = SessionPlan.create(
        library.get("incident"),
        ["Anna", "Bram", "Cem"],
        inbrenger="Bram",
        budget_minutes=90,
        group=GroupMeeting(group_id=group.id),
    )
    clock = FakeClock()
    app = IntervisieApp(lang="nl", clock=clock, plan=plan, library=library, settings=Settings(bell=False))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        runner = app.screen.runner
        runner.start()
        clock.advance(3600)
        runner.end()
        assert app.finish_session(runner)
        await pilot.pause()
    meeting = store.find(group.id).meetings[0]
    assert meeting.net_seconds == 3600 and meeting.session_id is not None
    assert meeting.inbrenger == store.find(group.id).member("Bram").id


def test_an_export_with_notes_takes_the_action_points_from_the_sessions_here(library, capsys):
    from intervisie_tui.cli import main
    from intervisie_tui.store.sessions import Store

    store = GroupStore()
    group = make_group(store)
    document = document_for(group, library=library)
    last = document.events[-1]
    from intervisie_tui.core.events import Event, NoteField

    noted = document.rebuilt(
        [
            *document.events,
            Event(kind=K.NOTE, t=last.t, at=last.at, field=NoteField.ACTION_POINTS, text="Cem mailt het team"),
        ]
    )
    Store().save(noted)
    store.record_session(noted)
    assert main(["groups", "export", group.id]) == 0
    assert "Cem mailt" not in capsys.readouterr().out
    assert main(["groups", "export", group.id, "--with-notes"]) == 0
    assert "Cem mailt het team" in capsys.readouterr().out


def test_control_characters_in_names_are_shown_as_symbols_never_sent_to_the_terminal(private_dirs, capsys):
    from intervisie_tui.cli import main

    folder = private_dirs[1] / "groups"
    folder.mkdir(parents=True)
    raw = {
        "format": "intervisie-tui group",
        "schema_version": 1,
        "id": "abc",
        "name": "G\x1b[2J",
        "agreements": "één\ntwee\x07",
        "members": [{"id": "m1", "name": "Anna\x1b[31m"}],
    }
    (folder / "abc.json").write_text(json.dumps(raw), encoding="utf-8")
    group = GroupStore().find("abc")
    assert group.name == "G␛[2J" and group.members[0].name == "Anna␛[31m" and group.agreements == "één\ntwee␇"
    assert group.member("Anna\x1b[31m") is group.members[0]
    assert main(["groups", "show", "abc"]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "Anna␛[31m" in out
    assert main(["groups", "add-member", "abc", "Bram\x9b"]) == 0
    assert GroupStore().find("abc").member("Bram\x9b").name == "Bram\\x9b"
