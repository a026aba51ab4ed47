"""`record` compares, hashes and prints as `dataclass` does, without writing those methods per class."""

from __future__ import annotations

import dataclasses
import math
import pickle
from datetime import UTC

import pytest

from intervisie_tui.core.events import Event
from intervisie_tui.core.message import Message
from intervisie_tui.core.method import Text
from intervisie_tui.core.records import record
from intervisie_tui.core.state import RoundState


def twins(frozen: bool, slots: bool) -> list[type]:
    """The same class made by `record` and by `dataclass`."""
    made = []
    for decorate in (record(frozen=frozen, slots=slots), dataclasses.dataclass(frozen=frozen, slots=slots)):
        namespace = {
            "__module__": __name__,
            "__qualname__": "Thing",
            "__annotations__": {"name": "str", "size": "float", "tags": "tuple", "note": "str"},
            "size": 0.0,
            "tags": (),
            "note": dataclasses.field(default="", compare=False, repr=False),
        }
        made.append(decorate(type("Thing", (), namespace)))
    return made


SAMPLES = [
    {"name": "a"},
    {"name": "a", "size": 1.5},
    {"name": "a", "size": 1.5, "note": "not compared"},
    {"name": "b", "size": 1.5, "tags": ("x",)},
    {"name": "a", "size": math.nan},
]


@pytest.mark.parametrize("frozen", [True, False])
@pytest.mark.parametrize("slots", [True, False])
def test_equality_hash_and_repr_are_those_of_a_dataclass(frozen, slots):
    ours, theirs = twins(frozen, slots)
    assert dataclasses.is_dataclass(ours) and [f.name for f in dataclasses.fields(ours)] == [
        "name",
        "size",
        "tags",
        "note",
    ]
    for left in SAMPLES:
        for right in SAMPLES:
            assert (ours(**left) == ours(**right)) == (theirs(**left) == theirs(**right)), (left, right)
        one, same = ours(**left), theirs(**left)
        assert repr(one) == repr(same)
        assert (one == one) == (same == same)  # the same NaN object: equal, as in a tuple
        if frozen:
            assert hash(one) == hash(same)
            assert hash(one) == hash(ours(**dict(left, note="other")))  # `note` is neither compared nor hashed
        else:
            with pytest.raises(TypeError):
                hash(one)
    assert ours(name="a").__eq__(theirs(name="a")) is NotImplemented  # another class is never equal
    assert ours(name="a") != ("a", 0.0, ())


def test_a_frozen_record_refuses_changes_and_pickles():
    text = Text(nl="hallo", en="hello")
    with pytest.raises(dataclasses.FrozenInstanceError):
        text.nl = "dag"  # type: ignore[misc]
    assert pickle.loads(pickle.dumps(text)) == text
    assert dataclasses.replace(text, en="hi") == Text(nl="hallo", en="hi")
    assert {text: 1}[Text(nl="hallo", en="hello")] == 1


def test_a_class_keeps_a_method_it_writes_itself():
    assert Message.__hash__ is not Text.__hash__  # Message hashes its read-only values its own way
    assert hash(Message("a", {"n": 1})) == hash(Message("a", {"n": 1}))


def test_a_record_that_holds_itself_prints_without_end():
    state = RoundState(order=("Anna",))
    state.done.append(state)  # type: ignore[arg-type]
    assert (
        repr(state)
        == "RoundState(order=('Anna',), position=0, done=[...], skipped=[], turn_elapsed=0.0, passes=1, earlier_passes=[])"
    )


def test_events_compare_by_value():
    from datetime import datetime

    from intervisie_tui.core.events import EventKind

    at = datetime(2026, 12, 6, 20, 0, tzinfo=UTC)
    assert Event(EventKind.START, 0.0, at) == Event(EventKind.START, 0.0, at)
    assert Event(EventKind.START, 0.0, at) != Event(EventKind.PAUSE, 0.0, at)
    assert len({Event(EventKind.START, 0.0, at), Event(EventKind.START, 0.0, at)}) == 1
