"""Nothing private on the shared screen unless the facilitator opens it; blank shows nothing of the session."""

from __future__ import annotations

from observe import count_bells, notices, screen_text

from intervisie_tui.core.events import NoteField
from intervisie_tui.core.plan import SessionPlan
from intervisie_tui.settings import Settings
from intervisie_tui.ui.app import IntervisieApp

SECRET_NOTE = "Bram twijfelt aan zijn leidinggevende"
SECRET_ADVICE = "Vraag om een gesprek met HR"


def all_widget_text(screen) -> str:
    """The content of every Static on the screen, shown or not: hidden must mean not rendered at all."""
    parts = []
    for widget in screen.query("Static"):
        parts.append(str(widget.render()))
    for area in screen.query("TextArea"):
        parts.append(area.text)
    return "\n".join(parts)


def _squashed(text: str) -> str:
    return " ".join(text.split())


async def test_tips_and_notes_stay_off_the_shared_screen_until_toggled(library, clock):
    plan = SessionPlan.create(
        library.get("incident"),
        ["Anna", "Bram", "Cem", "Dewi"],
        inbrenger="Bram",
        case_title="Lastig gesprek",
        case_question="Hoe zeg ik nee?",
    )
    app = IntervisieApp(lang="nl", clock=clock, plan=plan, library=library, settings=Settings())
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        screen = app.screen
        screen.pause_ticking()
        screen.guard_choice = "open"  # as if the mirrored-screen guard was answered (test_two_surfaces.py)
        runner = screen.runner
        await pilot.press("space", "n")
        runner.set_note(NoteField.TEXT, SECRET_NOTE, phase="schets")
        runner.set_note(NoteField.ADVICE, SECRET_ADVICE, phase="schets", key="Cem")
        screen.refresh_view()
        await pilot.pause()
        tip = runner.state.phase.tips("nl")
        tip_start = " ".join(tip.split()[:5])
        secrets = (tip_start, SECRET_NOTE, "Lastig gesprek", "Hoe zeg ik nee?")

        def visible() -> str:
            return _squashed(screen_text(app))

        for secret in secrets:
            assert secret not in visible()
            assert secret not in all_widget_text(screen)

        await pilot.press("f")
        await pilot.pause()
        assert tip_start in visible() and SECRET_NOTE in visible()
        assert "Lastig gesprek" in visible()

        await pilot.press("f")
        await pilot.pause()
        for secret in secrets:
            assert secret not in visible()
            assert secret not in all_widget_text(screen)

        # The notes panel shows the notes while open, and only then.
        await pilot.press("e")
        await pilot.pause()
        assert SECRET_NOTE in visible()
        await pilot.press("escape")
        await pilot.pause()
        assert SECRET_NOTE not in visible()

        # Blank: nothing of the session at all, not even the method or the clock.
        await pilot.press("f", "b")
        await pilot.pause()
        blank = visible()
        for word in (*secrets, "Incidentmethode", "Schets", "Bram", "stap 2"):
            assert word not in blank
        assert "Scherm even leeg" in blank and "De klok loopt door" in blank  # blanking is no break
        await pilot.press("space")  # keys other than b do nothing while blank, and say why
        assert runner.status.value == "running"
        await pilot.pause()
        assert any("Het scherm is leeg: b laat de sessie weer zien" in message for message, _ in notices(app))
        await pilot.press("b")
        await pilot.pause()
        # Back from blank the projector may be on again: the session, and nothing private.
        assert "Incidentmethode" in visible()
        for secret in secrets:
            assert secret not in visible()
        assert not screen.facilitator_visible and not screen.notes_visible
        assert "b: terug" in blank


async def test_blank_hint_names_the_rebound_key(incident_plan, clock, library):
    app = IntervisieApp(
        lang="nl", clock=clock, plan=incident_plan, library=library, settings=Settings(keys={"blank": "w"})
    )
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.screen.pause_ticking()
        app.screen.guard_choice = "open"  # as if the mirrored-screen guard was answered (test_two_surfaces.py)
        await pilot.press("space", "w")
        await pilot.pause()
        text = screen_text(app)
        assert "w: terug" in text and "b: terug" not in text


async def test_time_up_notice_stays_away_while_blank(incident_plan, clock, library):
    app = IntervisieApp(lang="nl", clock=clock, plan=incident_plan, library=library, settings=Settings())
    async with app.run_test(size=(100, 30)) as pilot:
        bells = count_bells(app)
        await pilot.pause()
        screen = app.screen
        screen.pause_ticking()
        screen.guard_choice = "open"  # as if the mirrored-screen guard was answered (test_two_surfaces.py)
        await pilot.press("space", "b")
        clock.advance(screen.runner.view().allotted + 5)
        screen.refresh_view()
        await pilot.pause()
        assert len(bells) == 1
        assert not any("Tijd is om" in message for message, _ in notices(app))
        assert "Keuze" not in screen_text(app)
