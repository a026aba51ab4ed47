"""A session document's JSON before it is validated: is it ours, which version, its migrations,
and the fields the session list shows (read without pydantic: `notes list` and the review's list
stay light, see store/catalog.py).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import datetime
from typing import Any

from ..core.files import MAX_NESTING, HugeNumber, TooDeep, parse_json
from ..core.message import Message
from ..core.times import MAX_SECONDS, as_aware
from .errors import UnreadableFile

SCHEMA_VERSION = 1
FORMAT_NAME = "intervisie-tui session"

# -- reading raw JSON: checks, migrations ---------------------------------------------------------


class DocumentProblem(UnreadableFile):
    """A file that is not a session document we can read; `message` says why ("store.problem.<code>")."""

    KEYS = "store.problem."


Migration = Callable[[dict[str, Any]], dict[str, Any]]


def _from_legacy(raw: dict[str, Any]) -> dict[str, Any]:
    """Version 0: the prototype's files, before the format had a version. They named the id
    `session_id` and kept no derived parts (those are rebuilt on load anyway)."""
    upgraded = {key: value for key, value in raw.items() if key not in ("session_id", "version")}
    upgraded["id"] = raw.get("session_id") or raw.get("id")
    upgraded["format"] = FORMAT_NAME
    upgraded["saved_at"] = raw.get("saved_at") or raw.get("ended_at") or raw.get("started_at")
    return upgraded


MIGRATIONS: dict[int, Migration] = {0: _from_legacy}


def raw_version(raw: Any) -> int:
    """The schema version of parsed JSON, or DocumentProblem if it is not one of ours."""
    if not isinstance(raw, dict):
        raise DocumentProblem("foreign")
    if "schema_version" in raw:
        version = raw["schema_version"]
        if raw.get("format") != FORMAT_NAME or not isinstance(version, int) or isinstance(version, bool):
            raise DocumentProblem("foreign")
        if version > SCHEMA_VERSION:
            shown = version if version < 10**9 else f"> {10**9}"  # str() of a 5,000-digit int raises
            raise DocumentProblem("newer", version=shown, supported=SCHEMA_VERSION)
        if version < 0:
            raise DocumentProblem("foreign")
        return version
    if "session_id" in raw and "plan" in raw and "events" in raw:
        return 0
    raise DocumentProblem("foreign")


def parse_document_json(data: bytes) -> Any:
    """The parsed JSON of a document file's bytes, or DocumentProblem (empty, not JSON, nested too deep)."""
    if not data.strip():
        raise DocumentProblem("empty")
    try:
        return parse_json(data)
    except TooDeep:
        raise DocumentProblem("too_deep", depth=MAX_NESTING) from None
    except HugeNumber:
        raise DocumentProblem("huge_number") from None
    except ValueError as error:  # UnicodeDecodeError included
        raise DocumentProblem("not_json", detail=str(error)[:200]) from None


def migrate(raw: Any) -> dict[str, Any]:
    version = raw_version(raw)
    while version < SCHEMA_VERSION:
        raw = MIGRATIONS[version](raw)
        version += 1
        raw["schema_version"] = version
    return raw


# -- the fields the session list shows, read without validating the whole document ---------------


def _expect(ok: bool, where: str, expected: str) -> None:
    if not ok:
        raise DocumentProblem("expected", field=where, expected=Message(f"store.expected.{expected}"))


def _text(value: Any, where: str, *, optional: bool = False) -> str | None:
    _expect(isinstance(value, str) or (optional and value is None), where, "text")
    return value


def _time(value: Any, where: str, *, optional: bool = False) -> datetime | None:
    if optional and value is None:
        return None
    _expect(isinstance(value, str), where, "time")
    try:
        return as_aware(datetime.fromisoformat(value))
    except (ValueError, OverflowError):
        raise DocumentProblem("expected", field=where, expected=Message("store.expected.time")) from None


def _seconds(value: Any, where: str) -> float:
    ok = isinstance(value, (int, float)) and not isinstance(value, bool)
    _expect(ok and math.isfinite(float(value)) and 0 <= float(value) <= MAX_SECONDS, where, "seconds")
    return float(value)


def summary_fields(raw: dict[str, Any]) -> dict[str, Any]:
    """What a session summary holds, each value of the type it must have; DocumentProblem naming the
    field and what was expected otherwise (a number where a name belongs, NaN seconds, a bad time)."""
    # JSON as read: each value is Any until the _expect after it has checked its shape.
    plan: Any = raw.get("plan")
    _expect(isinstance(plan, dict), "plan", "object")
    method: Any = plan.get("method")
    _expect(isinstance(method, dict), "plan.method", "object")
    names = method.get("name")
    _expect(isinstance(names, dict) and all(isinstance(v, str) for v in names.values()), "plan.method.name", "texts")
    participants = plan.get("participants")
    _expect(
        isinstance(participants, list) and all(isinstance(v, str) for v in participants), "plan.participants", "names"
    )
    notes = raw.get("notes") or {}
    _expect(isinstance(notes, dict), "notes", "object")
    stats = raw.get("stats") or {}
    _expect(isinstance(stats, dict), "stats", "object")
    session_id = raw.get("id")
    _expect(isinstance(session_id, (str, int)) and not isinstance(session_id, bool), "id", "text")
    return {
        "id": str(session_id),
        "started_at": _time(raw.get("started_at"), "started_at", optional=True),
        "saved_at": _time(raw.get("saved_at"), "saved_at"),
        "method_id": _text(method.get("id"), "plan.method.id"),
        "method_name": dict(names),
        "participants": tuple(participants),
        "inbrenger": _text(raw.get("inbrenger", plan.get("inbrenger")), "inbrenger", optional=True),
        "case_title": _text(plan.get("case_title", ""), "plan.case_title"),
        "running_seconds": _seconds(stats.get("running_seconds", 0.0), "stats.running_seconds"),
        "overtime_seconds": _seconds(stats.get("overtime_seconds", 0.0), "stats.overtime_seconds"),
        "has_reflection": bool(notes.get("reflection")),
    }
