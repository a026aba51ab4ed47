"""Storage and review figures with 10,000 saved sessions, each next to a baseline measured in the same run.

    .venv/bin/python bench/notes_bench.py [--sessions N] [--only-list | --only-review]

Generates N session documents into a temporary folder (not timed), then measures:
listing (cold: no index yet; warm: index valid), `intervisie notes list` as a command,
the review screen's first frame, full-text search, and saving a 200 KB session.
With --only-list just the command `intervisie notes list` (warm) is measured.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from intervisie_tui.core.clock import FakeClock
from intervisie_tui.core.engine import SessionRunner
from intervisie_tui.core.events import NoteField
from intervisie_tui.core.library import load_library
from intervisie_tui.core.plan import SessionPlan
from intervisie_tui.store.document import SessionDocument
from intervisie_tui.store.sessions import Store, document_name

WORDS = [
    "casus",
    "ouder",
    "team",
    "grens",
    "gesprek",
    "klacht",
    "collega",
    "leidinggevende",
    "planning",
    "rust",
    "feedback",
    "zorg",
]
NAMES = ["Anna", "Bram", "Cem", "Dewi", "Eva", "Finn", "Gijs", "Hana"]


def timed(function, repeat: int = 1) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        best = min(best, time.perf_counter() - start)
    return best


def interleaved(ours, baseline, runs: int) -> tuple[float, float]:
    """Medians of both, run turn about so the machine's load hits them alike (one warm-up each)."""
    ours(), baseline()
    mine, base = [], []
    for _ in range(runs):
        mine.append(timed(ours))
        base.append(timed(baseline))
    return statistics.median(mine), statistics.median(base)


# Both apps mark their first frame as Textual draws it: the first render of the top screen outside
# the start-up batch (Textual renders inside that batch too, and drops those frames), for the review
# the first with rows. A screen's after-refresh callback is no such mark: it may run inside the batch.
FIRST_FRAME = r"""
import sys, time
import textual.screen
t0 = float(sys.argv[1])
marks = {}
_render = textual.screen.Screen._compositor_refresh
def _first_frame_marked(screen):
    _render(screen)
    if "frame" not in marks and screen is screen.app.screen and not screen.app._batch_count and shown(screen):
        marks["frame"] = time.time()
textual.screen.Screen._compositor_refresh = _first_frame_marked
"""

MINIMAL_APP = (
    FIRST_FRAME
    + r"""
import asyncio
from textual.app import App
from textual.widgets import Digits
def shown(screen):
    return bool(screen.query(Digits))
class Minimal(App):
    def compose(self):
        yield Digits("12:34")
async def main():
    async with Minimal().run_test(size=(160, 50)) as pilot:
        while "frame" not in marks:
            await pilot.pause(0.005)
asyncio.run(main())
print(marks["frame"] - t0)
"""
)

# The review as `intervisie notes` opens it (the app, an empty base beneath; the collector
# paused until the first frame, as cli.main does for a screen command), headless through
# run_test like the baseline: from the spawn until the review's first frame with rows.
REVIEW_APP = (
    FIRST_FRAME
    + r"""
import asyncio
from intervisie_tui import gc_pause
gc_pause.pause()
from intervisie_tui.cli.notes import review_app
from intervisie_tui.ui.screens import review
from textual.widgets import DataTable
def shown(screen):
    return isinstance(screen, review.ReviewScreen) and any(table.row_count for table in screen.query(DataTable))
class Args:
    lang = "nl"
    data_dir = sys.argv[2]
async def main():
    async with review_app(Args()).run_test(size=(160, 50)) as pilot:
        while "frame" not in marks:
            await pilot.pause(0.005)
asyncio.run(main())
print(marks["frame"] - t0)
"""
)


REVIEW_ROW = "`intervisie notes` review, first frame (aim <= 1.5x)"
MINIMAL_ROW = "minimal Textual app (Digits), 1st frame"


def review_process_first_frame(root: Path, env: dict[str, str], runs: int) -> tuple[float, float]:
    """Seconds from spawning the review app to its first painted frame (headless), and the same
    for a minimal Textual app; medians, interleaved."""

    def measure(code: str, *extra: str) -> float:
        start = time.time()
        result = subprocess.run(
            [sys.executable, "-c", code, repr(start), *extra], env=env, capture_output=True, text=True, check=True
        )
        return float(result.stdout.strip().splitlines()[-1])

    measure(REVIEW_APP, str(root)), measure(MINIMAL_APP)
    ours, base = [], []
    for _ in range(runs):
        ours.append(measure(REVIEW_APP, str(root)))
        base.append(measure(MINIMAL_APP))
    return statistics.median(ours), statistics.median(base)


def row(label: str, seconds: float, baseline_label: str, baseline: float) -> None:
    ratio = seconds / baseline if baseline else float("inf")
    print(f"{label:<44} {seconds * 1000:9.1f} ms   | {baseline_label:<40} {baseline * 1000:9.1f} ms   x{ratio:6.1f}")


def template_documents() -> list[dict]:
    """A few real documents (built by the engine); the generator varies them."""
    library = load_library(None, entry_points=())
    templates = []
    for loaded in library.sorted():
        method = loaded.method
        people = NAMES[: max(method.group_size[0], 4)]
        plan = SessionPlan.create(method, people, inbrenger=people[1], case_title="x")
        clock = FakeClock()
        runner = SessionRunner(plan, clock)
        runner.start()
        for phase in method.phases:
            clock.advance(phase.minutes * 60)
            runner.set_note(NoteField.TEXT, "notitie " * 20, phase=phase.id)
            turn = runner.view().turn
            for _ in range(turn.total if turn else 0):  # one pass: a round may go round again
                runner.next_speaker()
                clock.advance(40)
            runner.next_phase()
        runner.set_note(NoteField.ACTION_POINTS, "- afspraak maken")
        runner.end()
        document = SessionDocument.build("template", plan, runner.events, clock.wall())
        templates.append(json.loads(document.to_json()))
    return templates


def generate(root: Path, count: int) -> None:
    rng = random.Random(1)
    templates = template_documents()
    sessions = root / "sessions"
    start = datetime(2020, 1, 6, 14, 0, tzinfo=UTC)
    for number in range(count):
        raw = json.loads(json.dumps(rng.choice(templates)))
        when = start + timedelta(hours=7 * number)
        raw["id"] = f"{number:010x}"
        raw["started_at"] = when.isoformat()
        raw["saved_at"] = (when + timedelta(minutes=90)).isoformat()
        raw["plan"]["case_title"] = " ".join(rng.sample(WORDS, 3))
        raw["notes"]["case_question"] = " ".join(rng.sample(WORDS, 6)) + f" nr{number}"
        raw["notes"]["reflection"] = " ".join(rng.sample(WORDS, 8))
        folder = sessions / f"{when:%Y}"
        folder.mkdir(parents=True, exist_ok=True)
        name = f"{when:%Y-%m-%d}_{raw['plan']['method']['id']}_{raw['id']}.json"
        (folder / name).write_text(json.dumps(raw, indent=1, ensure_ascii=False))


def bench_review_first_frame(root: Path, rows: list[tuple[str, ...]]) -> tuple[float, float, float, float]:
    """(review first frame, review all rows loaded, bare table first frame, bare table all rows).
    A frame counts when `call_after_refresh` fires, i.e. after the screen was painted."""
    from textual.app import App
    from textual.widgets import DataTable

    from intervisie_tui.ui.app import IntervisieApp
    from intervisie_tui.ui.screens.review import ReviewScreen

    marks: dict[str, float] = {}

    class TimedReview(ReviewScreen):
        def on_mount(self) -> None:  # Textual calls ReviewScreen.on_mount first, then this
            self.call_after_refresh(lambda: marks.setdefault("frame", time.perf_counter()))

    async def review() -> tuple[float, float]:
        app = IntervisieApp(lang="nl", data_dir=root, clock=FakeClock())
        async with app.run_test(size=(160, 50)) as pilot:
            await pilot.pause()
            start = time.perf_counter()
            app.push_screen(TimedReview())
            table = None
            while table is None or table.row_count < len(rows):
                await pilot.pause(0.01)
                if isinstance(app.screen, TimedReview):
                    table = app.screen.query_one(DataTable)
            loaded = time.perf_counter()
            while "frame" not in marks:  # a small table may fill before the first frame is marked
                await pilot.pause(0.01)
            return marks["frame"] - start, loaded - start

    class Plain(App):
        def compose(self):
            yield DataTable()

    async def plain() -> tuple[float, float]:
        app = Plain()
        async with app.run_test(size=(160, 50)) as pilot:
            await pilot.pause()
            start = time.perf_counter()
            table = app.query_one(DataTable)
            for column in ("a", "b", "c", "d", "e", "f"):
                table.add_column(column)
            table.add_rows(rows)
            app.call_after_refresh(lambda: marks.setdefault("plain", time.perf_counter()))
            await pilot.pause()
            return marks["plain"] - start, time.perf_counter() - start

    first, loaded = asyncio.run(review())
    plain_first, plain_loaded = asyncio.run(plain())
    return first, loaded, plain_first, plain_loaded


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sessions", type=int, default=10_000)
    parser.add_argument("--only-list", action="store_true", help="measure only `intervisie notes list`, warm")
    parser.add_argument("--only-review", action="store_true", help="measure only the review's first frame as a process")
    parser.add_argument("--runs", type=int, default=5, help="process starts per figure (the list command: 2 more)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        print(f"generating {args.sessions} sessions in {root} …", flush=True)
        generate(root, args.sessions)
        if args.only_review:
            env = {**os.environ, "PYTHONPYCACHEPREFIX": str(root / "pycache")}
            env.pop("PYTHONDONTWRITEBYTECODE", None)
            review, minimal = review_process_first_frame(root, env, runs=args.runs)
            row(REVIEW_ROW, review, MINIMAL_ROW, minimal)
            return
        files = sorted((root / "sessions").glob("*/*.json"))
        size = sum(path.stat().st_size for path in files)
        print(f"{len(files)} documents, {size / 1e6:.0f} MB\n")

        def read_all_files() -> None:
            for path in files:
                json.loads(path.read_bytes())

        if args.only_list:
            Store(root).list_sessions()  # the index, as the cold listing would leave it
        else:
            read_all = timed(read_all_files)
            cold = timed(lambda: Store(root).list_sessions())
            row("list, cold (no index: reads every file)", cold, "json.loads of every file", read_all)

            stat_all = timed(lambda: [path.stat() for path in files], repeat=3)
            warm = timed(lambda: Store(root).list_sessions(), repeat=3)
            row("list, warm (index valid, stats checked)", warm, "stat() of every file", stat_all)

        command = [sys.executable, "-m", "intervisie_tui", "--data-dir", str(root), "notes", "list"]
        # As installed: from bytecode (pip compiles it), in a scratch prefix so the tree stays clean;
        # the warm-up run of each pair compiles every module once.
        env = {**os.environ, "PYTHONPYCACHEPREFIX": str(root / "pycache")}
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        cli, bare = interleaved(
            lambda: subprocess.run(command, capture_output=True, check=True, env=env),
            lambda: subprocess.run([sys.executable, "-c", "import json"], check=True),
            runs=args.runs + 2,
        )
        row("`intervisie notes list`, warm (aim <= 6x)", cli, "python -c 'import json'", bare)
        if args.only_list:
            return
        review, minimal = review_process_first_frame(root, env, runs=args.runs)
        row(REVIEW_ROW, review, MINIMAL_ROW, minimal)

        store = Store(root)
        summaries = store.list_sessions()
        first_search = timed(lambda: store.search("grens rust"))
        warm_search = timed(lambda: store.search("grens rust"), repeat=5)
        texts = [body for (body,) in store.index._run(lambda db: db.execute("SELECT body FROM texts").fetchall())]
        plain_search = timed(lambda: [text for text in texts if "grens" in text and "rust" in text], repeat=5)
        row(
            "search, first (SQLite FTS5, in-process)",
            first_search,
            "substring scan of all texts in memory",
            plain_search,
        )
        row("search, again (aim <= 20 ms)", warm_search, "substring scan of all texts in memory", plain_search)
        unique = timed(lambda: store.search("nr9876"), repeat=5)
        row("search, one match (nr9876)", unique, "substring scan of all texts in memory", plain_search)
        from intervisie_tui.store.catalog import SessionCatalog

        like = SessionCatalog(root / "like" / "sessions", root / "like" / "index.sqlite3", fts=False)
        like.folder = store.sessions_dir  # the same documents, in a cache without FTS5
        (root / "like").mkdir()
        like.refresh()
        like_search = timed(lambda: like.search("grens rust"), repeat=5)
        row(
            "search without FTS5 (LIKE over folded text)",
            like_search,
            "substring scan of all texts in memory",
            plain_search,
        )

        rows = [
            (
                f"{s.when:%Y-%m-%d %H:%M}",
                s.method_id,
                s.inbrenger or "-",
                ", ".join(s.participants),
                s.case_title,
                "90 min",
            )
            for s in summaries
        ]
        first, loaded, plain_first, plain_loaded = bench_review_first_frame(root, rows)
        row("review screen, first frame", first, "bare DataTable given all rows, 1st frame", plain_first)
        row("review screen, all rows in the table", loaded, "bare DataTable given all rows, idle", plain_loaded)

        document = store.load_path(summaries[0].path)
        runner = SessionRunner(document.plan, FakeClock(), document.events)
        for number in range(400):
            runner.set_note(
                NoteField.TEXT,
                f"{number} " + "lange notitie over de casus " * 16,
                phase=document.plan.method.phases[0].id,
            )
        big = SessionDocument.build("bigsession", document.plan, runner.events, document.saved_at)
        data = big.to_json().encode()
        target = root / "plain.json"

        def plain_write() -> None:
            with open(target, "wb") as stream:
                stream.write(data)
                stream.flush()
                os.fsync(stream.fileno())

        save = timed(lambda: store.save(big), repeat=5)
        serialise = timed(lambda: big.to_json(), repeat=5)
        write = timed(plain_write, repeat=5)
        row(
            f"save a {len(data) / 1000:.0f} KB session (serialise+atomic)",
            save,
            "open+write+fsync of the same bytes",
            write,
        )
        row("  of which serialising the document", serialise, "open+write+fsync of the same bytes", write)
        build = timed(
            lambda: SessionDocument.build("bigsession", document.plan, runner.events, document.saved_at), repeat=3
        )
        row("  building it from events (replay, stats)", build, "open+write+fsync of the same bytes", write)
        print(f"\n(document name for reference: {document_name(big)})")


if __name__ == "__main__":
    main()
