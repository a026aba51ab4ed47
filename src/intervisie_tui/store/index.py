"""What the session index keeps of a document: its summary and its folded search text.

The index itself (an SQLite file, rebuilt from the documents whenever it is stale or
damaged) is in `catalog`; this module reads one parsed document without validating all
of it (that happens when the document is opened).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from .document_raw import migrate, summary_fields
from .folding import fold
from .summary import SessionSummary

__all__ = ["SessionSummary", "search_text", "stamp_of", "summarize"]


def summarize(raw: Any, path: Path) -> tuple[SessionSummary, str]:
    """The summary and folded search text (no case, no accents) of parsed document JSON, without validating
    the whole document (that happens when it is opened). Raises DocumentProblem."""
    raw = migrate(raw)
    summary = SessionSummary(path=path, **summary_fields(raw))
    return summary, search_text(raw)


def search_text(raw: dict[str, Any]) -> str:
    plan = raw.get("plan") or {}
    notes = raw.get("notes") or {}
    when = str(raw.get("started_at") or raw.get("saved_at") or "")[:10]
    # Only what the document shows: the notes' case question replaces the plan's set-up one.
    question = notes.get("case_question", plan.get("case_question", "")) if isinstance(notes, dict) else ""
    parts: list[str] = [when, str(plan.get("case_title", "")), str(question)]
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
