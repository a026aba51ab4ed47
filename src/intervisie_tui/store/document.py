"""The session document: one schema-versioned JSON file per finished session.

The plan and its events are the session; everything else in the document (notes per
phase, structured notes, statistics, the final inbrenger) is derived from them when the
document is built, so readers need not replay, and the list can show a session without
validating all of it. On load the derived parts are built again from the events: they can
never disagree with them.

Older versions are upgraded on load by the functions in `MIGRATIONS` (version n → n+1),
applied to the raw JSON before validation. The file on disk is not rewritten by loading.

What is erased is gone: a document keeps the final value of every note field, never its
history (`compact`). Note events are autosaved as one types, each holding the whole text of
its field; a document built from them keeps one event per field, with the text the field
ended with, and none for a field left empty. The case question replaced during the session
replaces the set-up one in the plan; what the room's screen showed is not kept. The timing
events all stay. Documents written before this are compacted the same way when they are
next saved (loading builds them anew), or all at once by `intervisie notes compact`.

Fields this version does not know are kept through every save (`unknown_fields`): a
document written by a newer version loses nothing when this one adds a reflection.
"""

from __future__ import annotations

import dataclasses
import json
import types
from datetime import datetime
from typing import Annotated, Any, Union, get_args, get_origin, get_type_hints

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, PrivateAttr, ValidationError

from ..core.events import Event, EventKind, NoteField, as_aware
from ..core.files import MAX_NESTING
from ..core.plan import SessionPlan
from ..core.state import SessionState
from ..core.stats import SessionStats, stats_of
from .atomic import Stamp
from .document_raw import FORMAT_NAME, SCHEMA_VERSION, DocumentProblem, migrate

AwareDatetime = Annotated[datetime, AfterValidator(as_aware)]


class NotesRecord(BaseModel):
    """The notes as the events left them, for readers of the file."""

    phases: dict[str, str] = Field(default_factory=dict)  # phase id -> free notes
    case_question: str = ""
    advice: dict[str, str] = Field(default_factory=dict)  # participant -> advice
    action_points: str = ""
    evaluation: dict[str, str] = Field(default_factory=dict)  # participant -> evaluation
    reflection: str = ""


class SessionDocument(BaseModel):
    model_config = ConfigDict(frozen=True)

    format: str = FORMAT_NAME
    schema_version: int = SCHEMA_VERSION
    id: str
    started_at: AwareDatetime | None = None
    ended_at: AwareDatetime | None = None
    saved_at: AwareDatetime
    inbrenger: str | None = None
    plan: SessionPlan
    events: list[Event]
    notes: NotesRecord = Field(default_factory=NotesRecord)
    stats: SessionStats = Field(default_factory=SessionStats)

    # What the file held that this version does not know (kept through saves), and the
    # file's stamp when it was read (a save never overwrites what another instance wrote since).
    _unknown: dict[str, Any] = PrivateAttr(default_factory=dict)
    _read_stamp: Stamp | None = PrivateAttr(default=None)

    @classmethod
    def build(cls, session_id: str, plan: SessionPlan, events: list[Event], saved_at: datetime) -> SessionDocument:
        plan, events = compact(plan, events)
        state = SessionState.replay(plan, events)
        return cls(
            id=session_id,
            started_at=state.started_at,
            ended_at=state.ended_at,
            saved_at=saved_at,
            inbrenger=state.inbrenger,
            plan=plan,
            events=list(events),
            notes=derive_notes(state),
            stats=stats_of(state),
        )

    def rebuilt(self, events: list[Event] | None = None, saved_at: datetime | None = None) -> SessionDocument:
        document = SessionDocument.build(
            self.id, self.plan, self.events if events is None else events, saved_at or self.saved_at
        )
        return document.carrying(self)

    def carrying(self, source: SessionDocument) -> SessionDocument:
        """This document, with the unknown fields and the read stamp of `source` (the same file)."""
        self._unknown = source._unknown
        self._read_stamp = source._read_stamp
        return self

    @property
    def unknown_fields(self) -> dict[str, Any]:
        return self._unknown

    @property
    def read_stamp(self) -> Stamp | None:
        """The file's stamp when this document was read from it (None: not read from a file)."""
        return self._read_stamp

    def with_read_stamp(self, stamp: Stamp | None) -> SessionDocument:
        self._read_stamp = stamp
        return self

    def with_reflection(self, text: str, at: datetime) -> SessionDocument:
        """The reflection written later, in the review, recorded as one more note event
        (at the session's last moment), so the events stay the whole story."""
        if text == self.notes.reflection:
            return self
        last_t = self.events[-1].t if self.events else 0.0
        note = Event(kind=EventKind.NOTE, t=last_t, at=at, field=NoteField.REFLECTION, text=text)
        return self.rebuilt([*self.events, note], saved_at=at)

    @property
    def state(self) -> SessionState:
        return SessionState.replay(self.plan, self.events)

    @property
    def when(self) -> datetime:
        return self.started_at or self.saved_at

    def to_json(self) -> str:
        if not self._unknown:
            return self.model_dump_json(indent=1)
        data = _merged(self.model_dump(mode="json"), self._unknown)
        return json.dumps(data, ensure_ascii=False, indent=1)


# -- what is erased is gone -------------------------------------------------------------------


def compact(plan: SessionPlan, events: list[Event]) -> tuple[SessionPlan, list[Event]]:
    """The plan and events with the final value of every note field and nothing of its history.

    Each note field keeps one event, where it was first written (so the notes keep their
    order), holding the text the field ended with; a field that ended empty keeps none. The
    case question edited during the session becomes the plan's (the set-up one was replaced).
    Room-screen messages go (the Markdown never shows them). Every other event stays as it is.
    """
    final: dict[tuple, str] = {}
    case_question_edited = False
    for event in events:
        if event.kind is EventKind.NOTE:
            final[(event.phase, event.field, event.key)] = event.text or ""
            case_question_edited = case_question_edited or event.field is NoteField.CASE_QUESTION
    if case_question_edited:
        question = derive_notes(SessionState.replay(plan, events)).case_question
        if question != plan.case_question:
            plan = dataclasses.replace(plan, case_question=question)
    kept: list[Event] = []
    written: set[tuple] = set()
    for event in events:
        if event.kind is EventKind.ROOM_MESSAGE:
            continue
        if event.kind is not EventKind.NOTE:
            kept.append(event)
            continue
        key = (event.phase, event.field, event.key)
        if key in written or event.field is NoteField.CASE_QUESTION or event.field is None:
            continue
        written.add(key)
        text = final[key]
        if text.strip():
            kept.append(event if event.text == text else dataclasses.replace(event, text=text))
    return plan, kept


# -- fields this version does not know -------------------------------------------------------


def _is_record(kind: Any) -> bool:
    return isinstance(kind, type) and (issubclass(kind, BaseModel) or dataclasses.is_dataclass(kind))


def _record_of(annotation: Any) -> type | None:
    """The model or dataclass of a field's annotation (`Model` or `Model | None`), else None."""
    if _is_record(annotation):
        return annotation
    if get_origin(annotation) in (Union, types.UnionType):
        records = [arg for arg in get_args(annotation) if _is_record(arg)]
        return records[0] if len(records) == 1 else None
    return None


def _known_fields(kind: type) -> dict[str, Any]:
    """Each key `kind` reads (names and aliases), with its annotation."""
    if issubclass(kind, BaseModel):
        known: dict[str, Any] = {}
        for name, info in kind.model_fields.items():
            known[name] = known[info.alias or name] = info.annotation
        return known
    return get_type_hints(kind)


def unknown_fields(kind: type, raw: Any) -> dict[str, Any]:
    """The keys of `raw` that `kind` (a model or a dataclass) does not know, and those of the records
    nested in it (not of lists or of maps: the notes per phase are data, never kept beside the
    events; nor of records that refuse unknown keys, such as a method: a valid one has none)."""
    config = getattr(kind, "__pydantic_config__", None) or {}
    if not isinstance(raw, dict) or config.get("extra") == "forbid":
        return {}
    known = _known_fields(kind)
    found: dict[str, Any] = {}
    for key, value in raw.items():
        if key not in known:
            found[key] = value
            continue
        nested = _record_of(known[key])
        if nested is not None and isinstance(value, dict):
            inner = unknown_fields(nested, value)
            if inner:
                found[key] = inner
    return found


def _merged(data: dict[str, Any], unknown: dict[str, Any]) -> dict[str, Any]:
    for key, value in unknown.items():
        if key not in data:
            data[key] = value
        elif isinstance(value, dict) and isinstance(data[key], dict):
            _merged(data[key], value)
    return data


def derive_notes(state: SessionState) -> NotesRecord:
    notes = NotesRecord(case_question=state.plan.case_question)
    phase_order = {phase.id: index for index, phase in enumerate(state.plan.method.phases)}
    # A field may be written in more than one phase; read them in phase order.
    ordered = sorted(state.notes.items(), key=lambda item: phase_order.get(item[0][0] or "", -1))
    case_questions: list[str] = []
    # Edited during the session, the case question replaces the set-up one, also when erased.
    edited = any(field is NoteField.CASE_QUESTION for (_, field, _) in state.notes)
    for (phase, field, key), text in ordered:
        text = text.strip()
        if not text:
            continue
        if field is NoteField.TEXT:
            if phase is not None:
                notes.phases[phase] = text
        elif field is NoteField.CASE_QUESTION:
            case_questions.append(text)
        elif field is NoteField.ADVICE:
            _join(notes.advice, key or "", text)
        elif field is NoteField.EVALUATION:
            _join(notes.evaluation, key or "", text)
        elif field is NoteField.ACTION_POINTS:
            notes.action_points = "\n\n".join(filter(None, [notes.action_points, text]))
        elif field is NoteField.REFLECTION:
            notes.reflection = "\n\n".join(filter(None, [notes.reflection, text]))
    if edited:
        notes.case_question = "\n\n".join(case_questions)
    return notes


def _join(target: dict[str, str], key: str, text: str) -> None:
    target[key] = f"{target[key]}\n\n{text}" if key in target else text


def parse_document(raw: Any) -> SessionDocument:
    """Validate migrated JSON and rebuild the derived parts from the events."""
    raw = migrate(raw)
    try:
        document = SessionDocument.model_validate(raw)
    except ValidationError as error:
        first = error.errors(include_url=False)[0]
        where = ".".join(str(part) for part in first["loc"]) or "-"
        raise DocumentProblem("invalid", field=where, detail=first["msg"]) from None
    except RecursionError:
        raise DocumentProblem("too_deep", depth=MAX_NESTING) from None
    try:
        rebuilt = document.rebuilt()
    except (ArithmeticError, ValueError, TypeError, LookupError, RecursionError) as error:
        # Valid parts that do not fit together (a phase index past the end, …): named, never a traceback.
        raise DocumentProblem("replay", detail=type(error).__name__) from None
    rebuilt._unknown = unknown_fields(SessionDocument, raw)
    return rebuilt
