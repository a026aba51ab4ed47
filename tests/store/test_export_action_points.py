"""Action points typed on several lines become a list in the export and the review."""

from __future__ import annotations

import pytest

from intervisie_tui.core.engine import SessionRunner
from intervisie_tui.core.events import NoteField
from intervisie_tui.store.document import SessionDocument
from intervisie_tui.store.export import action_point_items, export_markdown


@pytest.mark.parametrize(
    ("typed", "items"),
    [
        ("Bellen met de ouder\nCollega vragen", ["Bellen met de ouder", "Collega vragen"]),
        ("- een\n* twee\n• drie\n1. vier\n2) vijf", ["een", "twee", "drie", "vier", "vijf"]),
        ("  een  \n\n\n  twee", ["een", "twee"]),
        ("-5 graden is koud", ["-5 graden is koud"]),  # a minus in front of a number is no bullet
        ("[bold]vet[/] en [@click=x]klik[/]", ["[bold]vet[/] en [@click=x]klik[/]"]),
        ("", []),
    ],
)
def test_each_typed_line_is_one_action_point(typed, items):
    assert action_point_items(typed) == items


def test_the_markdown_export_lists_the_action_points(incident_plan, clock):
    runner = SessionRunner(incident_plan, clock)
    runner.start()
    runner.set_note(NoteField.ACTION_POINTS, "Bellen met de ouder\nBram vraagt een collega")
    runner.end()
    document = SessionDocument.build("ap1", incident_plan, runner.events, clock.wall())
    text = export_markdown(document, "nl")
    section = text.split("## Actiepunten", 1)[1].strip().splitlines()
    assert section[:2] == ["- Bellen met de ouder", "- Bram vraagt een collega"]
    anonymous = export_markdown(document, "nl", anonymize=True)
    assert "- Inbrenger vraagt een collega" in anonymous
