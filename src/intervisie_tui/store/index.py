"""What the session index keeps of a document: its summary and its folded search text.

The index itself (an SQLite file, rebuilt from the documents whenever it is stale or
damaged) is in `catalog`; this module reads one parsed document without validating all
of it (that happens when the document is opened).
"""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path
from typing import Any

from .document import DocumentProblem, migrate
from .folding import fold
from .summary import SessionSummary

__all__ = ["SessionSummary", "search_text", "stamp_of", "summarize"]


def summarize(raw: Any, path: Path) -> tuple[SessionSummary, str]:
    """The summary and folded search text (no case, no accents) of parsed document JSON, without validating
    the whole document (that happens when it is opened). Raises DocumentProblem."""
    raw = migrate(raw)
    try:
        plan = raw["plan"]
        method = plan["method"]
        notes = raw.get("notes") or {}
        stats = raw.get("stats") or {}
        started = raw.get("started_at")
        summary = SessionSummary(
            id=str(raw["id"]),
            path=path,
            started_at=datetime.fromisoformat(started) if started else None,
            saved_at=datetime.fromisoformat(raw["saved_at"]),
            method_id=str(method["id"]),
            method_name={lang: str(text) for lang, text in dict(method["name"]).items()},
            participants=tuple(str(name) for name in plan["participants"]),
            inbrenger=raw.get("inbrenger", plan.get("inbrenger")),
            case_title=str(plan.get("case_title", "")),
            running_seconds=float(stats.get("running_seconds", 0.0)),
            overtime_seconds=float(stats.get("overtime_seconds", 0.0)),
            has_reflection=bool(notes.get("reflection")),
        )
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise DocumentProblem("incomplete", field=str(error).strip("'")) from None
    return summary, search_text(raw)


def search_text(raw: dict[str, Any]) -> str:
    plan = raw.get("plan") or {}
    notes = raw.get("notes") or {}
    when = str(raw.get("started_at") or raw.get("saved_at") or "")[:10]
    parts: list[str] = [when, str(plan.get("case_title", "")), str(plan.get("case_question", ""))]
    parts.extend(str(name) for name in plan.get("participants", ()))
    parts.extend(str(name) for name in ((plan.get("method") or {}).get("name") or {}).values())
    for value in notes.values():
        if isinstance(value, dict):
            parts.extend(f"{key} {text}" for key, text in value.items())
        else:
            parts.append(str(value))
    return fold("\n".join(part for part in parts if part))


def stamp_of(stat: os.stat_result) -> list[int]:
    return [stat.st_mtime_ns, stat.st_size]
