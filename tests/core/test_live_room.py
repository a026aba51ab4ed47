"""The live session's rules (`can`) and the room's snapshot: pure, with a fake clock."""

from __future__ import annotations

import dataclasses

from intervisie_tui.core.engine import SessionRunner
from intervisie_tui.core.events import EventKind, NoteField
from intervisie_tui.core.live import Session
from intervisie_tui.core.room import RoomView, literal, room_view
from intervisie_tui.core.state import SessionState

SECRET = "VERTROUWELIJK: Bram twijfelt"


def test_the_room_view_holds_only_public_fields():
    fields = set(RoomView._fields)
    assert fields == {
        "lang",
        "status",
        "header",
        "strip",
        "clock",
        "turn",
        "questions",
        "message",
        "covered",
        "timing",
        "on_break",
    }


def test_nothing_private_reaches_the_room(incident_plan, clock):
    plan = dataclasses.replace(incident_plan, case_title=SECRET, case_question=SECRET)
    runner = SessionRunner(plan, clock)
    runner.start()
    runner.set_note(NoteField.TEXT, SECRET, phase=runner.state.phase.id)
    clock.advance(30)
    room = room_view(runner.state, runner.now(), "nl")
    assert SECRET not in repr(room)
    for phase in plan.method.phases:
        if phase.tips:
            assert phase.tips("nl") not in repr(room)


def test_the_snapshot_changes_with_the_shown_second_only(incident_plan, clock):
    runner = SessionRunner(incident_plan, clock)
    runner.start()
    first = room_view(runner.state, runner.now(), "nl")
    clock.advance(0.4)
    assert room_view(runner.state, runner.now(), "nl") == first
    clock.advance(0.7)
    assert room_view(runner.state, runner.now(), "nl").clock.value != first.clock.value


def test_room_message_and_cover_are_events_the_fold_replays(incident_plan, clock):
    runner = SessionRunner(incident_plan, clock)
    assert runner.set_room_message("  Nog 2 minuten ") and not runner.set_room_message("Nog 2 minuten")
    assert runner.cover(True) and not runner.cover(True)
    assert [event.kind for event in runner.events] == [EventKind.ROOM_MESSAGE, EventKind.COVER]
    replayed = SessionState.replay(incident_plan, runner.events)
    assert replayed.room_message == "Nog 2 minuten" and replayed.covered
    runner.set_room_message("")
    runner.cover(False)
    replayed = SessionState.replay(incident_plan, runner.events)
    assert replayed.room_message == "" and not replayed.covered


def test_can_is_the_one_place_of_the_rules(incident_plan, clock):
    runner = SessionRunner(incident_plan, clock)
    session = Session(runner)
    assert session.can("toggle_pause") and not session.can("extend") and not session.can("next_speaker")
    runner.start()
    assert session.can("extend") and session.can("next_speaker")  # the first phase is a round
    runner.cover(True)
    assert not session.can("toggle_pause") and session.can("toggle_blank") and session.can("help")
    assert session.can("toggle_pause", display_attached=True)  # the console: the room is covered, not this screen
    runner.cover(False)
    runner.end()
    for action in ("toggle_pause", "next_phase", "end_session", "choose_inbrenger", "room_message", "extend"):
        assert not session.can(action)


def test_literal_strips_control_characters_and_keeps_markup_as_text():
    assert literal("[bold]Anna[/]\x1b[31m\x07\r") == "[bold]Anna[/][31m"
    assert literal("regel 1\nregel 2") == "regel 1\nregel 2"
