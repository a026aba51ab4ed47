"""The words for whose turn it is: a skipped person is not counted as having been."""

from __future__ import annotations

from intervisie_tui.core.engine import SessionRunner
from intervisie_tui.core.turn_words import describe_turn


def test_a_skipped_person_does_not_count_as_done(incident_plan, clock):
    runner = SessionRunner(incident_plan, clock)
    runner.start()
    runner.skip_speaker()  # Bram, in the first round
    text = describe_turn(runner.view(), incident_plan, "nl")
    assert "0 van 4 geweest" in text.detail
    assert "Overgeslagen: Bram" in text.spoken
    runner.next_speaker()
    assert "1 of 4 done" in describe_turn(runner.view(), incident_plan, "en").detail


def test_a_finished_round_names_the_key_for_another_pass(incident_plan, clock):
    runner = SessionRunner(incident_plan, clock)
    runner.start()
    for _ in range(4):
        runner.next_speaker()
    assert describe_turn(runner.view(), incident_plan, "nl").detail == "Nog een keer rond? Druk t."
    assert describe_turn(runner.view(), incident_plan, "en", next_key="x").detail == "Another pass? Press x."
