"""core/plain.py: what `from_plain` accepts, pydantic accepts as the same value, under generated damage.

The display and a resume read journals with `from_plain` (no pydantic); method files and documents
are read by pydantic. Both check against the same annotations, so a line one accepts and the other
refuses would be a second schema creeping in: every generated damage below is read by both.
"""

from __future__ import annotations

import copy
import json
import random
from datetime import UTC, datetime

import pytest
from json_damage import json_paths
from pydantic import ValidationError

from intervisie_tui.core.engine import SessionRunner
from intervisie_tui.core.events import Event, EventKind, NoteField
from intervisie_tui.core.method import Method
from intervisie_tui.core.plain import NotPlain, from_plain, to_plain
from intervisie_tui.core.plan import GroupMeeting, SessionPlan
from intervisie_tui.core.validation import validated

HOSTILE = [
    None,
    True,
    False,
    0,
    -1,
    1,
    2.5,
    7.0,
    -0.0,
    1e308,
    float("nan"),
    float("inf"),
    10**30,
    "",
    " ",
    "x",
    "  met spaties  ",
    "round",
    "note",
    "text",
    "Bram",
    "2026-13-40",
    "2026-01-01T10:00:00",
    "2026-01-01T10:00:00+01:00",
    "ÄÖ\u202e\x1b[2J",
    "a" * 70,
    [],
    {},
    [1],
    ["a"],
    {"nl": "x", "en": "y"},
    {"nl": ["x"], "en": ["y"]},
]


def _damaged(data, rng: random.Random):
    data = copy.deepcopy(data)
    path = rng.choice(list(json_paths(data))[1:])
    parent = data
    for step in path[:-1]:
        parent = parent[step]
    last = path[-1]
    action = rng.random()
    if action < 0.15 and isinstance(parent, dict):
        del parent[last]
    elif action < 0.25 and isinstance(parent, dict):
        parent[rng.choice(["extra", "schema_version", "kind", "speakers"])] = rng.choice(HOSTILE)
    else:
        parent[last] = copy.deepcopy(rng.choice(HOSTILE))
    return data


def _both(kind, data):
    """(from_plain's value or None, pydantic's value or None)."""
    try:
        ours = from_plain(kind, copy.deepcopy(data))
    except NotPlain:
        ours = None
    try:
        theirs = validated(kind, copy.deepcopy(data))
    except (ValidationError, ValueError):
        theirs = None
    return ours, theirs


@pytest.fixture
def story(incident_plan, clock):
    plan = SessionPlan.create(
        incident_plan.method, ["Anna", "Bram", "Cem"], inbrenger="Bram", group=GroupMeeting("g1", ("Dewi",))
    )
    runner = SessionRunner(plan, clock)
    runner.start()
    clock.advance(30)
    runner.next_speaker()
    runner.extend(2)
    runner.set_note(NoteField.ADVICE, "vertrouwelijk", key="Anna")
    runner.start_break(10)
    runner.end_break()
    runner.jump_to(2)
    runner.leave("Cem")
    return plan, runner.events


def test_what_is_written_comes_back_equal(story, library):
    plan, events = story
    assert from_plain(SessionPlan, json.loads(json.dumps(to_plain(plan)))) == plan
    for event in events:
        assert from_plain(Event, json.loads(json.dumps(to_plain(event, drop_none=True)))) == event
    for loaded in library.methods.values():
        assert from_plain(Method, to_plain(loaded.method)) == loaded.method


@pytest.mark.parametrize(("kind", "pick"), [(SessionPlan, "plan"), (Event, "event")])
def test_whatever_from_plain_accepts_pydantic_accepts_as_the_same(story, kind, pick):
    plan, events = story
    samples = [to_plain(plan)] if pick == "plan" else [to_plain(event) for event in events]
    rng = random.Random(20261203)
    accepted = refused_by_both = stricter = 0
    for _ in range(1500):
        damaged = _damaged(rng.choice(samples), rng)
        ours, theirs = _both(kind, damaged)
        if ours is not None:
            assert theirs == ours, damaged
            accepted += 1
        elif theirs is None:
            refused_by_both += 1
        else:
            stricter += 1  # pydantic converts more (a float 7.0 to 7, a number to a time): we do not
    assert accepted > 50 and refused_by_both > 300  # the damage reaches both sides
    assert stricter < refused_by_both


def test_a_time_without_a_zone_is_read_as_local_time():
    event = from_plain(Event, {"kind": "start", "t": 0, "at": "2026-01-01T10:00:00"})
    assert event.at.tzinfo is not None and event.at.replace(tzinfo=None) == datetime(2026, 1, 1, 10)
    assert from_plain(Event, {"kind": "start", "t": 0, "at": "2026-01-01T10:00:00+00:00"}).at.tzinfo == UTC


@pytest.mark.parametrize(
    ("data", "where"),
    [
        ({"kind": "start", "t": float("nan"), "at": "2026-01-01T10:00:00+00:00"}, "t"),
        ({"kind": "start", "t": 1e300, "at": "2026-01-01T10:00:00+00:00"}, "t"),
        ({"kind": "start", "t": True, "at": "2026-01-01T10:00:00+00:00"}, "t"),
        ({"kind": "begin", "t": 0, "at": "2026-01-01T10:00:00+00:00"}, "kind"),
        ({"kind": "note", "t": 0, "at": "2026-01-01T10:00:00+00:00"}, ""),  # a note needs its field
        ({"kind": "goto", "t": 0, "at": "2026-01-01T10:00:00+00:00", "index": 10**9}, "index"),
        ({"kind": "extend", "t": 0, "at": "gisteren"}, "at"),
        ({"t": 0, "at": "2026-01-01T10:00:00+00:00"}, "kind"),
        ([], ""),
    ],
)
def test_a_damaged_event_says_where(data, where):
    with pytest.raises(NotPlain) as refused:
        from_plain(Event, data)
    assert refused.value.where == where
    assert EventKind.START  # the enum is what the events speak
