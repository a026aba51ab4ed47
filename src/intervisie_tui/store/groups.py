"""Groups on disk: `groups/<id>.json` in the data folder, schema-versioned, written atomically.

A file that cannot be read is listed with its reason and never rewritten or deleted: no
save ever goes to a path that was not loaded from (or is new). An export is the same
document, without notes unless asked; importing one merges by id and says what it added.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..core.files import FileRefused, read_limited
from ..core.groups import Group, MeetingRecord
from ..core.message import Message
from ..core.paths import data_dir
from ..core.records import record
from .atomic import atomic_write_text, ensure_private_tree
from .errors import Problem, StoreError, os_reason

FORMAT_NAME = "intervisie-tui group"
SCHEMA_VERSION = 1
GROUP_CODES = ("foreign", "too_big", "duplicate")
MAX_FILE_BYTES = 20_000_000  # a group of years is well under a megabyte; refuse anything absurd


@record(frozen=True)
class ImportReport:
    """What an import of a group file added."""

    group: Group
    new_group: bool
    members: int
    meetings: int


class GroupFileProblem(ValueError):
    """A file that is no group we can read; `message` says why."""

    def __init__(self, code: str, **values: Any) -> None:
        # Damage reads the same in every kind of file: the store's wording, except what is a group's own.
        area = "groups" if code in GROUP_CODES else "store"
        self.message = Message(f"{area}.problem.{code}", values)
        super().__init__(self.message)

    def __str__(self) -> str:  # for logs; the screens and commands render `message`
        return self.message.render("en")


def group_to_json(group: Group, *, with_notes: bool = True) -> str:
    data = json.loads(group.model_dump_json())
    if not with_notes:
        for meeting in data["meetings"]:
            meeting["action_points"] = ""
        data["evaluation"] = None
    return json.dumps({"format": FORMAT_NAME, "schema_version": SCHEMA_VERSION, **data}, ensure_ascii=False, indent=1)


def parse_group(raw_bytes: bytes) -> Group:
    """A group from a file's bytes, or GroupFileProblem saying what is wrong."""
    if not raw_bytes.strip():
        raise GroupFileProblem("empty")
    if len(raw_bytes) > MAX_FILE_BYTES:
        raise GroupFileProblem("too_big")
    try:
        raw = json.loads(raw_bytes)
    except (ValueError, RecursionError) as error:
        raise GroupFileProblem("not_json", detail=str(error)[:200]) from None
    if not isinstance(raw, dict) or raw.get("format") != FORMAT_NAME:
        raise GroupFileProblem("foreign")
    version = raw.get("schema_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise GroupFileProblem("foreign")
    if version > SCHEMA_VERSION:
        raise GroupFileProblem("newer", version=version, supported=SCHEMA_VERSION)
    body = {key: value for key, value in raw.items() if key not in ("format", "schema_version")}
    try:
        return Group.model_validate(body)
    except ValidationError as error:
        first = error.errors(include_url=False)[0]
        where = ".".join(str(part) for part in first["loc"]) or "-"
        raise GroupFileProblem("invalid", field=where, detail=first["msg"]) from None


class GroupStore:
    def __init__(self, data_dir_override: Path | str | None = None) -> None:
        self.root = data_dir(data_dir_override)
        self.folder = self.root / "groups"
        self.problems: list[Problem] = []
        self._paths: dict[str, Path] = {}  # group id -> the file it was loaded from

    # -- reading -----------------------------------------------------------------------------------

    def list_groups(self) -> list[Group]:
        """Every readable group, by name; unreadable files go to `problems`, untouched."""
        groups: list[Group] = []
        self.problems = []
        self._paths = {}
        try:
            paths = sorted(self.folder.glob("*.json"))
        except OSError:
            paths = []
        for path in paths:
            try:
                group = parse_group(read_limited(path, "group"))
            except (
                FileRefused,
                GroupFileProblem,
            ) as problem:  # a pipe, a folder, a dangling link: never a blocking open
                self.problems.append(Problem(path, problem.message))
                continue
            except OSError as error:
                self.problems.append(Problem(path, os_reason(error)))
                continue
            if group.id in self._paths:
                other = self._paths[group.id]
                self.problems.append(
                    Problem(path, Message("groups.problem.duplicate", {"id": group.id, "other": other}))
                )
                continue
            self._paths[group.id] = path
            groups.append(group)
        groups.sort(key=lambda group: group.name.casefold())
        return groups

    def find(self, reference: str) -> Group:
        """A group by name (ignoring case), id, a unique start of either, or a unique part of the
        name. StoreError if none or several."""
        groups = self.list_groups()
        wanted = reference.strip().casefold()
        for test in (
            lambda g: g.id == reference or g.name.casefold() == wanted,
            lambda g: g.id.startswith(reference) or g.name.casefold().startswith(wanted),
            lambda g: bool(wanted) and wanted in g.name.casefold(),
        ):
            found = [group for group in groups if test(group)]
            if len(found) == 1:
                return found[0]
            if len(found) > 1:
                names = ", ".join(f"{group.name} ({group.id})" for group in found)
                raise StoreError(Message("groups.find.ambiguous", {"name": reference, "names": names}))
        raise StoreError(Message("groups.find.none", {"name": reference}))

    # -- writing -----------------------------------------------------------------------------------

    def path_for(self, group: Group) -> Path:
        return self._paths.get(group.id) or self.folder / f"{group.id}.json"

    def save(self, group: Group) -> Path:
        path = self.path_for(group)
        if group.id not in self._paths and path.exists():
            # A file with this id that we could not read: never overwrite it.
            raise StoreError(Message("groups.save.unreadable_there", {"path": path}), path)
        try:
            ensure_private_tree(self.root, self.folder)
            atomic_write_text(path, group_to_json(group))
        except OSError as error:
            raise StoreError(Message("groups.save.failed", {"path": path, "reason": os_reason(error)}), path) from None
        self._paths[group.id] = path
        return path

    def create(self, group: Group) -> Path:
        existing = self.list_groups()
        if any(other.name.casefold() == group.name.strip().casefold() for other in existing):
            raise StoreError(Message("groups.new.exists", {"name": group.name}))
        return self.save(group)

    # -- export and import -------------------------------------------------------------------------

    def export_text(self, group: Group, *, with_notes: bool = False) -> str:
        return group_to_json(group, with_notes=with_notes)

    def import_file(self, path: Path) -> ImportReport:
        """Merge a group from an export: new members and meetings are added by id, nothing is
        duplicated or removed. A damaged or foreign file is refused and nothing changes."""
        try:
            incoming = parse_group(read_limited(path.expanduser(), "import"))
        except (FileRefused, GroupFileProblem) as problem:
            raise StoreError(Message("store.load.failed", {"path": path, "reason": problem.message}), path) from None
        except OSError as error:
            raise StoreError(Message("store.load.failed", {"path": path, "reason": os_reason(error)}), path) from None
        groups = {group.id: group for group in self.list_groups()}
        current = groups.get(incoming.id)
        if current is None:
            if any(group.name.casefold() == incoming.name.casefold() for group in groups.values()):
                raise StoreError(Message("groups.import.same_name", {"name": incoming.name}))
            self.save(incoming)
            return ImportReport(incoming, True, len(incoming.members), len(incoming.meetings))
        members = merge_by_id(current.members, incoming.members)
        meetings = merge_meetings(current.meetings, incoming.meetings)
        if members or meetings:
            self.save(current)
        return ImportReport(current, False, members, meetings)

    # -- sessions ----------------------------------------------------------------------------------

    def record_session(self, document: Any, group_id: str | None = None) -> MeetingRecord | None:
        """Add a finished session (a SessionDocument) to its group (the plan's, or `group_id` to
        attach an older session); None if it is already there or there is no such group."""
        plan = document.plan
        link = plan.group
        group_id = group_id or (link.group_id if link else None)
        group = next((group for group in self.list_groups() if group.id == group_id), None)
        if group is None:
            return None
        excused = link.excused if link else ()
        theme = plan.case_title if link and link.share_title else ""
        record = group.record_session(
            document.id,
            plan.participants,
            document.events,
            when=document.when.date(),
            method_id=plan.method.id,
            inbrenger=document.inbrenger,
            facilitator=plan.facilitator,
            excused=excused,
            theme=theme,
        )
        if record is not None:
            self.save(group)
        return record


def action_points_of(meeting: MeetingRecord, sessions: Any) -> str:
    """A meeting's action points: from its session document if `sessions` (a Store) still has
    it, otherwise as carried in an export with notes."""
    if meeting.session_id and sessions is not None:
        try:
            return sessions.load(meeting.session_id).notes.action_points
        except StoreError:
            pass
    return meeting.action_points


def with_action_points(group: Group, sessions: Any) -> Group:
    """A copy of the group whose meetings carry their action points (for an export with notes)."""
    copy = group.model_copy(deep=True)
    for meeting in copy.meetings:
        meeting.action_points = action_points_of(meeting, sessions)
    return copy


def merge_by_id(current: list, incoming: list) -> int:
    known = {item.id for item in current}
    added = [item for item in incoming if item.id not in known]
    current.extend(added)
    return len(added)


def merge_meetings(current: list[MeetingRecord], incoming: list[MeetingRecord]) -> int:
    """By id, and by session id: the same session recorded on two laptops is one meeting."""
    known = {meeting.id for meeting in current} | {meeting.session_id for meeting in current if meeting.session_id}
    added = [m for m in incoming if m.id not in known and (m.session_id is None or m.session_id not in known)]
    current.extend(added)
    return len(added)


def today() -> date:
    """The local date: what 'next meeting' and a report's end date count from."""
    return datetime.now().astimezone().date()
