"""Anonymised exports of a session with tricky names: none of the names, their parts, initials or forms
without accents remain (Markdown and JSON); the letters are not in the list's order; one person keeps one
letter; the header says what was replaced and what can still identify people."""

from __future__ import annotations

import json
import random
import re

import pytest

from intervisie_tui.cli import main
from intervisie_tui.core.engine import SessionRunner
from intervisie_tui.core.events import NoteField
from intervisie_tui.core.plan import SessionPlan
from intervisie_tui.store.anonymise import Pseudonyms
from intervisie_tui.store.document import SessionDocument
from intervisie_tui.store.export import export_json, export_markdown
from intervisie_tui.store.sessions import Store

PEOPLE = ["Jan-Willem de Vries", "Ümit Yılmaz", "Ineke Noorman", "Bram", "Sophie van der Berg"]
LEAKS_ANY_CASE = [
    "Jan-Willem",
    "Jan Willem",
    "JanWillem",
    "Jan",
    "Willem",
    "Vries",
    "Ümit",
    "Umit",
    "Yılmaz",
    "Yilmaz",
    "Ineke",
    "Noorman",
    "Bram",
    "Sophie",
    "Berg",
]
LEAKS_AS_WRITTEN = ["JW", "J.W.", "J. W.", "JWdV", "SvdB", "S.v.d.B.", "IN-"]


@pytest.fixture
def document(library, clock) -> SessionDocument:
    plan = SessionPlan.create(
        library.get("incident"),
        PEOPLE,
        inbrenger="Ümit Yılmaz",
        facilitator="Sophie van der Berg",
        case_title="Conflict tussen JW en Sophie",
    )
    runner = SessionRunner(plan, clock)
    first = plan.method.phases[0].id
    runner.start()
    clock.advance(120)
    runner.set_note(
        NoteField.TEXT,
        "Jan-Willem vertelt; jan willem (JanWillem) zegt dat JW en J.W. en J. W. "
        "het eens zijn met JWdV. De Vries's plan, Umit's vraag, UMIT en Yilmaz. IN-overleg met Ineke "
        "Noorman; Noormans idee. Sophie van der Berg (SvdB, S.v.d.B.) leidt. Bram’s fiets. "
        "Annabel en de jan-van-galenstraat blijven.",
        phase=first,
    )
    runner.set_note(NoteField.CASE_QUESTION, "Hoe zeg ik Jan-Willem dat Bram het anders ziet?")
    runner.set_note(NoteField.ADVICE, "Praat met Jan-Willem", key="Ineke Noorman")
    runner.set_note(NoteField.ADVICE, "Vraag Ineke erbij", key="Jan-Willem de Vries")
    runner.set_note(NoteField.EVALUATION, "Fijn, Bram", key="Bram")
    runner.next_phase()
    for _ in PEOPLE:
        runner.next_speaker()
        clock.advance(30)
    runner.end()
    return SessionDocument.build("anon1", plan, runner.events, clock.wall())


def assert_no_leak(text: str) -> None:
    for name in LEAKS_ANY_CASE:
        assert not re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text, re.IGNORECASE), name
    for form in LEAKS_AS_WRITTEN:
        assert form not in text, form


def test_markdown_hides_every_form_of_every_name(document):
    text = export_markdown(document, "nl", anonymize=True, rng=random.Random(3))
    assert_no_leak(text)
    aliases = Pseudonyms.of_document(document, "nl", rng=random.Random(3)).aliases
    jw = aliases["Jan-Willem de Vries"]
    assert aliases["Ümit Yılmaz"] == "Inbrenger" and aliases["Sophie van der Berg"] == "Begeleider"
    assert f"{jw}-{jw}" not in text and f"{jw} {jw}" not in text  # a compound name is one person
    assert f"{jw} vertelt" in text and f"{jw}'s plan" in text and "Inbrenger's vraag" in text
    assert "Annabel en de" in text  # a longer word that merely starts with a name is not a name
    assert "Conflict tussen" in text and "Begeleider" in text.splitlines()[0]  # the case title is handled


def test_json_export_hides_every_name_the_same_way(document):
    out = export_json(document, anonymize=True, lang="en", rng=random.Random(3))
    assert_no_leak(out)
    data = json.loads(out)
    aliases = Pseudonyms.of_document(document, "en", rng=random.Random(3)).aliases
    assert data["inbrenger"] == "Inbrenger" and data["facilitator"] == "Facilitator"
    assert set(data["participants"]) == set(aliases.values())
    assert data["participants"] != [aliases[name] for name in document.plan.participants]  # not in list order
    assert set(data["advice"]) == {aliases["Ineke Noorman"], aliases["Jan-Willem de Vries"]}
    assert "free text can still identify people" in data["anonymised"]["note"]
    assert data["method"]["id"] == "incident"  # what holds no one's words stays
    # the plain JSON still has everything
    assert "Jan-Willem de Vries" in export_json(document)


def test_one_person_keeps_one_letter_throughout_an_export(document):
    text = export_markdown(document, "en", anonymize=True, rng=random.Random(11))
    aliases = Pseudonyms.of_document(document, "en", rng=random.Random(11)).aliases
    participants_line = next(line for line in text.splitlines() if line.startswith("- **Participants:**"))
    for _name, alias in aliases.items():
        assert alias in participants_line
    ineke = aliases["Ineke Noorman"]
    assert f"**{ineke}:** Praat met" in text and f"with {ineke}" not in text  # her advice under her letter
    assert "IN-overleg" not in text and f"{ineke}-overleg" in text


def test_letters_follow_no_order_of_the_list(document):
    others = ["Jan-Willem de Vries", "Ineke Noorman", "Bram"]
    orders = set()
    for _ in range(30):
        aliases = Pseudonyms.of_document(document, "en").aliases  # the real, random draw
        orders.add(tuple(sorted(others, key=lambda name: aliases[name])))
    assert len(orders) > 1  # six orders possible; all thirty the same by chance: 1 in 6**29
    # and the list shows people in the order of their letters, never the list's
    text = export_markdown(document, "en", anonymize=True, rng=random.Random(3))
    line = next(line for line in text.splitlines() if line.startswith("- **Participants:**"))
    shown = line.split(":** ")[1].split(", ")
    assert shown[:2] == ["Inbrenger", "Facilitator"] and shown[2:] == sorted(shown[2:])


def test_the_header_says_what_was_replaced_and_what_stays(document):
    text = export_markdown(document, "en", anonymize=True)
    header = text.splitlines()[2]
    assert "Replaced: the names of the 5 people" in header and "initials" in header and "random order" in header
    assert "free text can still identify people" in header and "date and the method are kept" in header
    dutch = export_markdown(document, "nl", anonymize=True).splitlines()[2]
    assert "vrije tekst kan mensen nog steeds herkenbaar maken" in dutch and "datum en de methode" in dutch


def test_notes_export_json_anonymised_from_the_command_line(document, private_dirs, capsys, tmp_path):
    store = Store()
    store.save(document)
    assert main(["--lang", "en", "notes", "export", "anon1", "--json", "--anonymise"]) == 0
    out = capsys.readouterr().out
    assert_no_leak(out)
    target = tmp_path / "out.json"
    assert main(["--lang", "en", "notes", "export", "anon1", "--format", "json", "--anonymize", "-o", str(target)]) == 0
    assert_no_leak(target.read_text())
    # the review's export writes JSON when the chosen name ends in .json, anonymised the same way
    written = store.export_to(document, tmp_path / "review.json", lang="en", fmt="json", anonymize=True)
    assert_no_leak(written.read_text())
    assert json.loads(written.read_text())["anonymised"]["people"] == 5
