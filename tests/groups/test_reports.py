"""Reports: attendance list (PDF, Markdown), CSV for portals, the next meeting as iCalendar.
None of them may hold notes, case text, advice or evaluations."""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime

from icalendar import Calendar
from pypdf import PdfReader

from intervisie_tui.core.events import Event, NoteField
from intervisie_tui.core.events import EventKind as K
from intervisie_tui.core.groups import Group
from intervisie_tui.core.plan import GroupMeeting, SessionPlan
from intervisie_tui.core.registers import Attended, load_registers, standing
from intervisie_tui.reports.calendar import next_meeting_ics
from intervisie_tui.reports.content import build_report
from intervisie_tui.reports.pdf import to_pdf
from intervisie_tui.reports.text import to_csv, to_markdown
from intervisie_tui.store.document import SessionDocument

from .journals import EVENING, journal

SECRET = ("Geheime casus", "Nooit in een rapport", "Bel de cliënt", "Mijn advies", "Was fijn")


def group_with_a_meeting(library, share_title=False) -> Group:
    group = Group(
        name="VP [b]Noord[/]",
        every_weeks=6,
        planned_meetings=6,
        registers=["lvv", "mfn"],
        registration_number="LVV-123",
        agreements="Wat hier gezegd wordt blijft hier",
    )
    for person in ("Anna", "Bram", "Cem", "Dewi", "Eva"):
        group.add_member(person, date(2026, 1, 1))
    plan = SessionPlan.create(
        library.get("incident"),
        ["Anna", "Bram", "Cem", "Dewi"],
        inbrenger="Bram",
        facilitator="Anna",
        case_title=SECRET[0],
        case_question=SECRET[1],
        budget_minutes=90,
        group=GroupMeeting(group_id=group.id, excused=("Eva",), share_title=share_title),
    )
    events = journal(
        ("19:00", K.START), ("20:00", K.PAUSE), ("20:15", K.RESUME), ("20:30", K.LEAVE, "Bram"), ("21:15", K.END)
    )
    last = events[-1]
    events += [
        Event(kind=K.NOTE, t=last.t, at=last.at, field=field, key=key, text=text)
        for field, key, text in (
            (NoteField.ACTION_POINTS, None, SECRET[2]),
            (NoteField.ADVICE, "Cem", SECRET[3]),
            (NoteField.EVALUATION, "Dewi", SECRET[4]),
        )
    ]
    document = SessionDocument.build("s1", plan, events, saved_at=EVENING)
    link = document.plan.group
    group.record_session(
        document.id,
        plan.participants,
        document.events,
        when=EVENING.date(),
        method_id="incident",
        inbrenger=document.inbrenger,
        facilitator=plan.facilitator,
        excused=link.excused,
        theme=plan.case_title if link.share_title else "",
    )
    return group


def report_of(group, member=None):
    book = load_registers(None)
    return build_report(
        group,
        [book.registers["lvv"], book.registers["mfn"]],
        {"incident": "Incidentmethode"},
        until=date(2026, 12, 31),
        member=member,
    )


def test_the_pdf_shows_names_times_and_a_signature_column_and_no_notes(library):
    group = group_with_a_meeting(library)
    pdf = to_pdf(report_of(group), "nl")
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    for expected in (
        "Anna",
        "Bram",
        "Cem",
        "Dewi",
        "Eva",
        "19:00",
        "21:15",
        "2:00",
        "1:15",
        "Handtekening",
        "afgemeld",
        "Incidentmethode",
        "geen garantie",
        "VP [b]Noord[/]",
    ):
        assert expected in text, expected
    for secret in SECRET:
        assert secret not in text


def test_markdown_and_csv_hold_no_notes_and_csv_parses_back(library):
    group = group_with_a_meeting(library)
    report = report_of(group)
    markdown = to_markdown(report, "en")
    assert "no guarantee" in markdown and "| Signature |" in markdown
    # Four present: under MfN's five mediators, so the meeting does not count there.
    assert "MFN: 0 of 3 meetings in the last 12 months" in markdown
    assert "LVV: 2.0 of 32 hours in the last 48 months" in markdown
    rows = list(csv.DictReader(io.StringIO(to_csv(report, "en"))))
    by_name = {row["name"]: row for row in rows}
    assert set(by_name) == {"Anna", "Bram", "Cem", "Dewi", "Eva"}
    assert by_name["Bram"]["net"] == "1:15" and by_name["Bram"]["net_hours"] == "1.25"
    assert by_name["Bram"]["roles"] == "inbrenger" and by_name["Anna"]["roles"] == "facilitator"
    assert by_name["Eva"]["attendance"] == "absent with notice" and by_name["Eva"]["net"] == "0:00"
    assert by_name["Anna"]["start"] == "19:00" and by_name["Anna"]["end"] == "21:15"
    for text in (markdown, to_csv(report, "nl"), to_markdown(report, "nl")):
        for secret in SECRET:
            assert secret not in text


def test_a_theme_appears_only_when_marked_shareable_and_formulas_are_quoted(library):
    assert SECRET[0] not in to_markdown(report_of(group_with_a_meeting(library)), "nl")
    shared = group_with_a_meeting(library, share_title=True)
    assert SECRET[0] in to_markdown(report_of(shared), "nl")
    shared.rename_member("Anna", '=HYPERLINK("x")')
    rows = list(csv.reader(io.StringIO(to_csv(report_of(shared), "en"))))
    assert any(cell == '\'=HYPERLINK("x")' for row in rows for cell in row)


def test_personal_proof_for_one_member(library):
    report = report_of(group_with_a_meeting(library), member="Bram")
    assert [proof.name for proof in report.proofs] == ["Bram"]
    assert to_markdown(report, "en").count("Total: 1 meeting(s), 1:15 hours net.") == 1


def test_the_calendar_file_parses_back_with_the_next_date_and_no_case(library):
    group = group_with_a_meeting(library)
    upcoming = group.next_date(date(2026, 12, 3))
    assert upcoming == date(2027, 1, 13)
    data = next_meeting_ics(group, upcoming, "en", stamp=datetime(2026, 12, 3, tzinfo=UTC))
    event = next(iter(Calendar.from_ical(data).walk("VEVENT")))
    assert event.decoded("dtstart").date() == upcoming
    assert (
        event.decoded("dtstart").hour == 19 and (event.decoded("dtend") - event.decoded("dtstart")).seconds == 135 * 60
    )
    assert "meeting 2" in str(event["summary"])
    for secret in SECRET:
        assert secret.encode() not in data


def test_register_standing_counts_only_meetings_that_qualify():
    mfn = load_registers(None).registers["mfn"]
    short = Attended(date(2026, 3, 1), 90 * 60, 6)  # under 2 h: does not count
    small = Attended(date(2026, 4, 1), 120 * 60, 4)  # under 5 mediators
    good = Attended(date(2026, 5, 1), 120 * 60, 5)
    old = Attended(date(2025, 1, 1), 120 * 60, 5)  # outside the last 12 months
    result = standing(mfn, [short, small, good, old], date(2026, 12, 2))
    assert result.meetings == 1
    assert [problem.render("en") for problem in result.shortfalls] == ["MFN: 1 of 3 meetings in the last 12 months"]
    book = load_registers(None)
    assert set(book.registers) == {"lvv", "mfn", "skj", "nobco-emcc", "registerplein"} and not book.problems
    assert all(str(register.checked) == "2026-12-02" and register.source for register in book.registers.values())


def test_a_user_register_file_replaces_or_adds_and_a_bad_one_is_listed(tmp_path):
    (tmp_path / "mine.toml").write_text(
        'id = "mine"\nname = {nl = "Eigen", en = "Own"}\nsource = "x"\nchecked = 2026-01-01\n'
        "required_hours = 10\nperiod_months = 12\n",
        encoding="utf-8",
    )
    (tmp_path / "bad.toml").write_text('id = "Bad Id"\n', encoding="utf-8")
    book = load_registers(tmp_path)
    assert "mine" in book.registers and [path.name for path, _ in book.problems] == ["bad.toml"]


def test_a_long_series_of_a_large_group_reports_and_parses_back():
    from datetime import timedelta

    from intervisie_tui.core.groups import MeetingRecord

    group = Group(name="Groot", registers=["skj"])
    for index in range(40):
        group.add_member(f"Lid {index} [i]x[/] \x07", date(2020, 1, 1))
    ids = [member.id for member in group.members]
    for number in range(300):
        group.meetings.append(
            MeetingRecord(
                date=date(2020, 1, 6) + timedelta(weeks=number),
                method_id="incident",
                inbrenger=ids[number % 40],
                facilitator=ids[(number + 1) % 40],
                attendance=dict.fromkeys(ids, "present"),
                net_seconds=7200,
                member_seconds=dict.fromkeys(ids, 7200),
            )
        )
    book = load_registers(None)
    report = build_report(group, [book.registers["skj"]], {}, until=date(2026, 12, 31))
    rows = list(csv.reader(io.StringIO(to_csv(report, "nl"))))
    assert len(rows) == 1 + 300 * 40
    assert rows[1][7] == "Lid 0 [i]x[/] ␇"  # literal: markup as typed, a control character as its symbol
    pdf = to_pdf(build_report(group, [], {}, until=date(2026, 12, 31), since=date(2026, 1, 1)), "en")
    assert pdf.startswith(b"%PDF")
