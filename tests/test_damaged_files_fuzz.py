"""Generated damage to every kind of file the app reads: method files, session documents, journals, settings
and the caches. Truncations, byte flips, nesting and values of the wrong type or size: the app never raises
(a damaged file is a problem it names), the other data stays listed, and the damaged file is never changed."""

from __future__ import annotations

import json
import math
import os
import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from json_damage import json_paths

from intervisie_tui.core.library import load_method_file
from intervisie_tui.core.paths import builtin_methods_dir
from intervisie_tui.core.state import SessionState
from intervisie_tui.settings import load_settings
from intervisie_tui.store.errors import StoreError
from intervisie_tui.store.export import export_json, export_markdown
from intervisie_tui.store.journal import event_line
from intervisie_tui.store.sessions import Store
from intervisie_tui.ui.keys import check_keymap

ROOT = Path(__file__).parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "session-v1.json"
METHOD = builtin_methods_dir() / "incident.toml"
# More examples when hunting: INTERVISIE_FUZZ_EXAMPLES=500 pytest tests/test_damaged_files_fuzz.py
FUZZ = settings(
    max_examples=int(os.environ.get("INTERVISIE_FUZZ_EXAMPLES", "40")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)

# Values that do not belong where they land: other types, sizes and shapes, markup and control characters.
ODD_VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.sampled_from([10**400, -1, 0, 2**63, 1e308]),
    st.sampled_from([math.nan, math.inf, -math.inf]),
    st.text(max_size=20),
    st.sampled_from(["[/]", "[bold]x", "[@click=app.quit]", "\x1b]0;X\x07", "\r\x9b2J", ""]),
    st.sampled_from(["2026-01-15T14:00:00", "not a time", "9999-99-99", "2026-01-15T14:00:00+99:00"]),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
    st.just([[[[[[[[]]]]]]]]),
)


def _replace(value, path, new):
    if not path:
        return new
    head, *rest = path
    if isinstance(value, dict):
        return {**value, head: _replace(value[head], rest, new)}
    copy = list(value)
    copy[head] = _replace(copy[head], rest, new)
    return copy


@st.composite
def damaged_bytes(draw, original: bytes, parsed=None):
    """The original file, damaged in one or more of the ways files get damaged."""
    data = bytearray(original)
    kind = draw(
        st.sampled_from(
            ["truncate", "flip", "nest", "swap", "insert", "mixed"]
            if parsed is not None
            else ["truncate", "flip", "nest", "insert", "mixed"]
        )
    )
    if kind == "swap":
        places = list(json_paths(parsed, items_per_list=6))
        place = draw(st.sampled_from(places))
        damaged = _replace(parsed, place, draw(ODD_VALUES))
        return json.dumps(damaged, allow_nan=True).encode()
    if kind in ("truncate", "mixed"):
        data = data[: draw(st.integers(min_value=0, max_value=len(data)))]
    if kind in ("flip", "mixed") and data:
        for _ in range(draw(st.integers(min_value=1, max_value=8))):
            at = draw(st.integers(min_value=0, max_value=len(data) - 1))
            data[at] ^= draw(st.integers(min_value=1, max_value=255))
    if kind == "nest":
        depth = draw(st.sampled_from([70, 500, 5000, 50_000]))
        at = draw(st.integers(min_value=0, max_value=len(data)))
        opener, closer = draw(st.sampled_from([(b"[", b"]"), (b'{"a":', b"}")]))
        data = data[:at] + opener * depth + b"1" + closer * depth + data[at:]
    if kind == "insert":
        at = draw(st.integers(min_value=0, max_value=len(data)))
        data = (
            data[:at]
            + draw(
                st.sampled_from(
                    [
                        b"\x00",
                        b"\xff\xfe",
                        b"NaN",
                        b"1e999",
                        b"9" * 5000,
                        b"\n",
                        b"a" + b".a" * 5000 + b" = 1\n",
                        b'"\\ud800"',
                    ]
                )
            )
            + data[at:]
        )
    return bytes(data)


def _fresh() -> Path:
    return Path(tempfile.mkdtemp(prefix="damage-"))


GOOD_DOCUMENT = FIXTURE.read_bytes()


@FUZZ
@given(damaged_bytes(GOOD_DOCUMENT, json.loads(GOOD_DOCUMENT)))
def test_a_damaged_session_document(content):
    root = _fresh()
    try:
        folder = root / "sessions" / "2026"
        folder.mkdir(parents=True)
        good = folder / "2026-01-15_incident_good000001.json"
        good.write_bytes(GOOD_DOCUMENT.replace(b"f1x7ure001", b"good000001"))
        bad = folder / "2026-02-01_incident_bad0000001.json"
        bad.write_bytes(content)
        store = Store(root)
        summaries = store.list_sessions()
        assert "good000001" in {summary.id for summary in summaries}
        for summary in summaries:
            try:
                document = store.load_path(summary.path)
            except StoreError as error:
                assert str(summary.path) in str(error)
                continue
            export_markdown(document, "en")
            export_markdown(document, "nl", anonymize=True)
            json.loads(export_json(document, anonymize=True, lang="en"))
            SessionState.replay(document.plan, document.events)
        store.search("boze ouder")
        for problem in store.problems:
            assert problem.reason
        assert bad.read_bytes() == content  # never changed, never deleted
    finally:
        shutil.rmtree(root, ignore_errors=True)


def _journal_lines() -> bytes:
    from intervisie_tui.core.clock import FakeClock
    from intervisie_tui.core.engine import SessionRunner
    from intervisie_tui.core.library import load_library
    from intervisie_tui.core.plan import SessionPlan
    from intervisie_tui.store.journal import header_line

    library = load_library(None, entry_points=())
    plan = SessionPlan.create(library.get("incident"), ["Anna", "Bram", "Cem", "Dewi"], inbrenger="Bram")
    clock = FakeClock()
    runner = SessionRunner(plan, clock)
    runner.start()
    clock.advance(60)
    runner.next_phase()
    lines = [header_line("journal001", plan, clock.wall()), *(event_line(event) for event in runner.events)]
    return ("\n".join(lines) + "\n").encode()


GOOD_JOURNAL = _journal_lines()


@FUZZ
@given(damaged_bytes(GOOD_JOURNAL))
def test_a_damaged_journal(content):
    root = _fresh()
    try:
        live = root / "live"
        live.mkdir(parents=True)
        (live / "journal002.jsonl").write_bytes(GOOD_JOURNAL.replace(b"journal001", b"journal002"))
        bad = live / "journal001.jsonl"
        bad.write_bytes(content)
        store = Store(root)
        found = store.interrupted()
        assert "journal002" in {session.id for session in found}
        for session in found:
            SessionState.replay(session.plan, session.events)
        assert bad.read_bytes() == content
    finally:
        shutil.rmtree(root, ignore_errors=True)


GOOD_SETTINGS = json.dumps(
    {"language": "en", "theme": "intervisie-light", "bell": True, "keys": {"next-phase": "j"}, "last_minutes": 90}
).encode()


@FUZZ
@given(damaged_bytes(GOOD_SETTINGS, json.loads(GOOD_SETTINGS)))
def test_damaged_settings(content):
    root = _fresh()
    try:
        path = root / "settings.json"
        path.write_bytes(content)
        settings_, problem = load_settings(path)
        check_keymap(settings_.keys)
        if problem is not None:
            assert str(path) in problem.render("en") and str(path) in problem.render("nl")
        assert path.read_bytes() == content
    finally:
        shutil.rmtree(root, ignore_errors=True)


GOOD_METHOD = METHOD.read_bytes()


@FUZZ
@given(damaged_bytes(GOOD_METHOD))
def test_a_damaged_method_file(content):
    root = _fresh()
    try:
        path = root / "incident.toml"
        path.write_bytes(content)
        method, problems = load_method_file(path)
        assert (method is None) == bool(problems)
        for problem in problems:
            assert str(path) in problem.render("en") and problem.render("nl")
        assert path.read_bytes() == content
    finally:
        shutil.rmtree(root, ignore_errors=True)


@FUZZ
@given(st.data())
def test_a_damaged_index_is_rebuilt(data):
    root = _fresh()
    try:
        folder = root / "sessions" / "2026"
        folder.mkdir(parents=True)
        (folder / "2026-01-15_incident_f1x7ure001.json").write_bytes(GOOD_DOCUMENT)
        store = Store(root)
        store.list_sessions()
        store.search("boze")
        cache = root / "index.sqlite3"  # the SQLite index and search cache (store/catalog.py)
        original = cache.read_bytes()
        cache.write_bytes(data.draw(damaged_bytes(original)))
        fresh = Store(root)
        # A damaged entry is read again from the document. (One edited to lie plausibly, with the file's own size
        # and time, cannot be told from a true one without reading every document: the cache would be useless.)
        [summary] = fresh.list_sessions()
        assert summary.path == folder / "2026-01-15_incident_f1x7ure001.json"
        assert fresh.load_path(summary.path).id == "f1x7ure001"
        fresh.search("boze ouder")
        assert fresh.problems == []
    finally:
        shutil.rmtree(root, ignore_errors=True)


@FUZZ
@given(st.data())
def test_a_damaged_methods_list_cache(data):
    from intervisie_tui.cli.method_listing import method_rows

    root = _fresh()
    try:
        cache = root / "methods-list.json"
        _rows, _ = method_rows(None, cache)
        cache.write_bytes(data.draw(damaged_bytes(cache.read_bytes(), json.loads(cache.read_bytes()))))
        again, _problems = method_rows(None, cache)
        from intervisie_tui.cli.method_listing import _usable_row

        assert all(map(_usable_row, again))  # what `methods list` prints: a damaged row is never trusted
    finally:
        shutil.rmtree(root, ignore_errors=True)
