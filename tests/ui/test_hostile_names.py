"""Names, method names and case titles holding markup (`[/]`, `[bold]`, `[@click=…]`) or control characters:
every screen shows them literally, none crashes, no control character reaches the terminal. Unreadable
journals are named on the home screen."""

from __future__ import annotations

import html
import re

import pytest
from observe import markdown_built

from intervisie_tui.core.clock import FakeClock
from intervisie_tui.core.engine import SessionRunner
from intervisie_tui.core.events import NoteField
from intervisie_tui.core.paths import builtin_methods_dir
from intervisie_tui.core.plan import SessionPlan
from intervisie_tui.settings import Settings
from intervisie_tui.store.sessions import Store
from intervisie_tui.ui.app import IntervisieApp

NAMES = ["[/]", "[bold]Anna", "[@click=app.quit]Bram", "Cem\x1b]0;X\x07", "Dewi[/b]"]
TITLE = "[@click=app.quit]T[/]\x1b[2J"


def screen_text(app) -> str:
    svg = html.unescape(app.export_screenshot())
    return "".join(re.findall(r">([^<]*)</text>", svg)).replace("\xa0", " ")


@pytest.fixture
def hostile(library):
    method = library.get("incident")
    plan = SessionPlan.create(method, NAMES, inbrenger="[/]", facilitator="[bold]Anna", case_title=TITLE)
    store = Store()
    journal = store.start_live(plan)
    runner = SessionRunner(plan, FakeClock(), listeners=[journal.append])
    runner.start()
    runner.set_note(NoteField.TEXT, "[/] note [bold]", phase=method.phases[0].id)
    finished = SessionRunner(plan, FakeClock())
    finished.start()
    finished.set_note(NoteField.ADVICE, "[bold]x[/]", key="[/]")
    finished.end()
    store.finish(plan, finished.events)
    return plan


def assert_literal(app, *wanted: str) -> None:
    text = screen_text(app)
    for control in ("\x1b", "\x07"):
        assert control not in text
    for piece in wanted:
        assert piece in text, (piece, text[:2000])


async def test_the_run_screen_and_its_pickers_show_markup_literally(hostile, library):
    app = IntervisieApp(lang="en", clock=FakeClock(), settings=Settings(), library=library, plan=hostile)
    async with app.run_test(size=(110, 34)) as pilot:
        await pilot.pause()
        if type(app.screen).__name__ == "ResumeScreen":  # the interrupted one is offered first
            await pilot.press("escape")
            await pilot.pause()
        app.screen.guard_choice = "open"  # as if the mirrored-screen guard was answered (test_two_surfaces.py)
        for key in ("space", "t", "t", "f"):
            await pilot.press(key)
            await pilot.pause()
        assert type(app.screen).__name__ == "RunScreen"
        assert_literal(app, "[@click=app.quit]Bram", "[/]")
        await pilot.press("i")  # the inbrenger picker lists the names
        await pilot.pause()
        assert_literal(app, "[bold]Anna", "Dewi[/b]")
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("a")  # the attendance list names everyone
        await pilot.pause()
        assert type(app.screen).__name__ == "AttendanceScreen"
        assert_literal(app, "[@click=app.quit]Bram", "Dewi[/b]", "Cem")
        await pilot.press("escape")
        await pilot.pause()
        app.end_session(app.screen.runner)
        await pilot.pause()
        assert type(app.screen).__name__ == "WrapUpScreen"
        assert_literal(app, "Dewi[/b]")
    assert app.return_code in (None, 0)


async def test_the_resume_list_and_the_review_show_markup_literally(hostile, library):
    from intervisie_tui.ui.screens.review import ReviewScreen

    app = IntervisieApp(lang="en", clock=FakeClock(), settings=Settings(), library=library)
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        assert type(app.screen).__name__ == "ResumeScreen"
        assert_literal(app, "[/], [bold]Anna, [@click=app.quit]Bram, Cem␛]0;X␇, Dewi[/b]")
        await pilot.press("escape")
        await pilot.pause()
        app.push_screen(ReviewScreen())
        await pilot.pause()
        assert_literal(app, "[@click=app.quit]T[/]␛[2J")
        await pilot.press("down", "enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "SessionDetailScreen"
        await markdown_built(app.screen)
        await pilot.pause()
        assert_literal(app, "Participants: [/], [bold]Anna")


async def test_a_method_with_markup_in_its_name_lists_and_runs(private_dirs, library):

    from intervisie_tui.core.library import load_library

    config, _ = private_dirs
    folder = config / "methods"
    folder.mkdir(parents=True)
    source = (builtin_methods_dir() / "incident.toml").read_text()
    source = source.replace('id = "incident"', 'id = "markup"').replace(
        'name = { nl = "Incidentmethode", en = "Incident method" }',
        'name = { nl = "[/]Incident", en = "[bold]Incident[@click=app.quit]" }',
    )
    source = source.replace(
        'title = { nl = "Keuze van het incident", en = "Choosing the incident" }',
        'title = { nl = "[/]Keuze", en = "[/]Choosing" }',
    )
    (folder / "markup.toml").write_text(source)
    user_library = load_library(folder, entry_points=())
    assert "markup" in user_library.methods, [p.render("en") for p in user_library.problems]
    plan = SessionPlan.create(user_library.get("markup"), ["Anna", "Bram", "Cem", "Dewi"], inbrenger="Bram")
    app = IntervisieApp(lang="en", clock=FakeClock(), settings=Settings(), library=user_library, plan=plan)
    async with app.run_test(size=(160, 34)) as pilot:  # wide enough that the header keeps the method's name
        await pilot.pause()
        app.screen.guard_choice = "open"
        await pilot.press("space", "e")
        await pilot.pause()
        assert_literal(app, "[bold]Incident[@click=app.quit]", "[/]Choosing")
        app.end_session(app.screen.runner)
        await pilot.pause()
        assert_literal(app, "[bold]Incident[@click=app.quit]")
    app = IntervisieApp(lang="en", clock=FakeClock(), settings=Settings(), library=user_library)
    async with app.run_test(size=(110, 34)) as pilot:
        await pilot.pause()
        await pilot.press("m")
        await pilot.pause()
        assert_literal(app, "[bold]Incident[@click=app.quit]")


async def test_unreadable_journals_are_named_on_the_home_screen(private_dirs, library, incident_plan):
    _, data = private_dirs
    live = data / "live"
    live.mkdir(parents=True)
    damaged = {
        "empty.jsonl": b"",
        "binary.jsonl": bytes(range(256)),
        "foreign.jsonl": b'{"hello": "world"}\n',
        "cut.jsonl": b'{"format": "intervisie-tui journal", "journal_version": 1, "id": "x", "pl',
        "newer.jsonl": b'{"format": "intervisie-tui journal", "journal_version": 99, "id": "x", "plan": {}}\n',
    }
    for name, content in damaged.items():
        (live / name).write_bytes(content)
    (live / "folder.jsonl").mkdir()
    (live / "dangling.jsonl").symlink_to(live / "nowhere.jsonl")
    store = Store()
    good = store.start_live(incident_plan)
    SessionRunner(incident_plan, FakeClock(), listeners=[good.append]).start()
    app = IntervisieApp(lang="en", clock=FakeClock(), settings=Settings(), library=library)
    async with app.run_test(size=(120, 50)) as pilot:
        await pilot.pause()
        if type(app.screen).__name__ == "ResumeScreen":
            await pilot.press("escape")
            await pilot.pause()
        text = str(app.screen.query_one("#home-journals").render())
        assert "7 journal(s) of sessions in progress cannot be read" in text
        for name in ("binary.jsonl", "cut.jsonl", "empty.jsonl", "folder.jsonl", "dangling.jsonl"):
            assert name in text
        assert "… and 2 more" in text
        assert "resume" in [option.id for option in app.screen.query_one("#home-menu").options]
    for name, content in damaged.items():
        assert (live / name).read_bytes() == content
