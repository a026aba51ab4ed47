"""A short scripted session with notes of every kind, shared by the store tests and the kill worker."""

from __future__ import annotations

from intervisie_tui.core.engine import SessionRunner
from intervisie_tui.core.events import NoteField


def play_session(plan, clock, listeners=()) -> SessionRunner:
    """Start, talk for a while, take notes in every field, run a round, end."""
    runner = SessionRunner(plan, clock, listeners=list(listeners))
    first = plan.method.phases[0].id
    runner.start()
    clock.advance(300)
    runner.set_note(NoteField.TEXT, "Bram vertelt over een lastig gesprek met een ouder", phase=first)
    runner.set_note(NoteField.CASE_QUESTION, "Hoe blijf ik rustig als een ouder boos wordt?")
    clock.advance(400)
    runner.next_phase()
    clock.advance(200)
    for _ in plan.participants:
        runner.next_speaker()
        clock.advance(60)
    runner.set_note(NoteField.ADVICE, "Benoem wat je ziet", key="Anna")
    runner.set_note(NoteField.ADVICE, "Plan een tweede gesprek", key="Cem")
    runner.set_note(NoteField.ACTION_POINTS, "- collega vragen mee te kijken")
    runner.set_note(NoteField.EVALUATION, "Leerzaam", key="Dewi")
    runner.end()
    return runner
