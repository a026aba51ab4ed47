"""The saved sessions as the review and `intervisie notes list` show them: newest first, with
every file that could not be read named and why (never silently left out).

Light (no pydantic): the command lists from the SQLite index without the session model.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from .catalog import CATALOG_FILE, SessionCatalog

TYPE_CHECKING = False  # typing's, without importing typing (`intervisie notes list` does not)

if TYPE_CHECKING:  # not imported by `intervisie notes list` from a warm index (`SessionCatalog.listed`)
    from ..core.message import Message
    from .summary import SessionSummary


def catalog_for(root: Path) -> SessionCatalog:
    """The index of the sessions under a data folder."""
    return SessionCatalog(root / "sessions", root / CATALOG_FILE)


def duplicates(summaries: list[SessionSummary]) -> list[tuple[Path, Message]]:
    """Files that hold the same session id (a sync conflict copy, a restored backup): each
    is named with the other(s), and both stay listed so the user can keep the right one."""
    if len({summary.id for summary in summaries}) == len(summaries):
        return []  # the common case, told without counting
    counts = Counter(summary.id for summary in summaries)
    twice = {session_id for session_id, count in counts.items() if count > 1}
    if not twice:
        return []
    from ..core.message import Message

    by_id: dict[str, list[Path]] = {}
    for summary in summaries:
        if summary.id in twice:
            by_id.setdefault(summary.id, []).append(summary.path)
    found = []
    for session_id, paths in by_id.items():
        if len(paths) < 2:
            continue
        for path in sorted(paths):
            others = ", ".join(str(other) for other in sorted(paths) if other != path)
            found.append((path, Message("store.problem.duplicate_id", {"id": session_id, "others": others})))
    return found


def listing(catalog: SessionCatalog) -> tuple[list[SessionSummary], list[tuple[Path, Message]]]:
    """Every readable session, newest first, and the files that could not be read, each with its reason."""
    summaries, problems = catalog.refresh()
    summaries.sort(key=lambda summary: summary.started_at or summary.saved_at, reverse=True)
    return summaries, problems + duplicates(summaries)
