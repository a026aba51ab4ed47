"""Turn TOML and validation errors in method files into messages people can act on.

Each problem names the file, the line where it can be found, the phase and field,
and what was expected, as a message (`message`) the screens and commands word in their language.
"""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING, Any

from .field_rules import RuleBroken
from .message import Message
from .records import record

if TYPE_CHECKING:  # pydantic is imported only where a file is validated
    from pydantic import ValidationError
    from pydantic_core import ErrorDetails

# Patterns, compiled when first used (the re module keeps them): a start from the method cache uses none.
_PHASE_HEADER = r"^\s*\[\[\s*phases\s*\]\]"
_TABLE_HEADER = r"^\s*\[\s*([^\[\]\s]+)\s*\]"
_TOML_POSITION = r"\(at (?:line (\d+), column (\d+)|end of document)\)"

# pydantic's error types → our message codes (i18n keys "methoderr.<code>")
_CODES = {
    "missing": "missing",
    "extra_forbidden": "extra",
    "unexpected_keyword_argument": "extra",  # a dataclass's unknown key
    "enum": "enum",
    "int_parsing": "int",
    "int_type": "int",
    "int_from_float": "int",
    "bool_type": "bool",
    "bool_parsing": "bool",
    "string_type": "text",
    "dict_type": "table",
    "model_type": "table",
    "dataclass_type": "table",
    "dataclass_exact_type": "table",
    "model_attributes_type": "table",
    "list_type": "list",
    "tuple_type": "list",
    "too_long": "too_long",
    "total_below_minimums": "total_below_minimums",
    "greater_than": "greater_than",
    "less_than_equal": "less_equal",
    "string_pattern_mismatch": "pattern",
    "string_too_short": "empty",
    "too_short": "empty",
    "list_lengths": "list_lengths",
    "min_above_default": "min_above_default",
    "round_only": "round_only",
    "group_size": "group_size",
    "duplicate_phase": "duplicate_phase",
}


@record(frozen=True)
class MethodFileError:
    """What is wrong in a method file (`problem`, a "methoderr.*" message) and where: file, line, phase, field."""

    source: str
    problem: Message
    line: int | None = None
    phase: int | None = None  # 1-based
    phase_id: str | None = None
    field: str | None = None

    @property
    def message(self) -> Message:
        """The problem with its place in front: "file, line 3: phase 2 ('x'), field 'minutes': …"."""
        place: object = (
            self.source
            if self.line is None
            else Message("methoderr.place_line", {"source": self.source, "line": self.line})
        )
        where: list[Message] = []
        if self.phase is not None:
            where.append(
                Message("methoderr.phase_named", {"number": self.phase, "id": self.phase_id})
                if self.phase_id
                else Message("methoderr.phase", {"number": self.phase})
            )
        if self.field:
            where.append(Message("methoderr.field", {"field": self.field}))
        if not where:
            return Message("methoderr.at", {"place": place, "problem": self.problem})
        shown = (
            where[0] if len(where) == 1 else Message("methoderr.phase_field", {"phase": where[0], "field": where[1]})
        )
        return Message("methoderr.at_where", {"place": place, "where": shown, "problem": self.problem})

    def render(self, lang: str) -> str:
        return self.message.render(lang)

    def __str__(self) -> str:  # for logs; the screens and commands render `message` in their language
        return self.render("en")


def method_problem(source: str, code: str, values: dict[str, Any] | None = None, **where: Any) -> MethodFileError:
    """A problem with the message "methoderr.<code>"."""
    return MethodFileError(source, Message(f"methoderr.{code}", values or {}), **where)


def from_toml_error(source: str, text: str, error: Exception) -> MethodFileError:
    message = str(error)
    match = re.search(_TOML_POSITION, message)
    line = None
    if match:
        line = int(match.group(1)) if match.group(1) else max(1, len(text.splitlines()))
    reason = re.sub(_TOML_POSITION, "", message).strip().rstrip(".")
    return method_problem(source, "toml", {"reason": reason}, line=line)


def from_validation_error(source: str, text: str, data: Any, error: ValidationError) -> list[MethodFileError]:
    problems = []
    lines = LineIndex(text)  # built once: finding the lines of many errors stays linear in the file's size
    for item in map(_rule_unwrapped, error.errors(include_url=False)):
        loc = _precise_location(item)
        code, values = _explain(item, loc)
        phase, phase_id, field_name = _locate(data, loc)
        problems.append(
            method_problem(
                source, code, values, line=lines.line_of(loc), phase=phase, phase_id=phase_id, field=field_name
            )
        )
    return problems


def short_repr(value: Any, limit: int = 80) -> str:
    """repr() of a bad value for a message: short (a long string helps nobody) and safe (a deeply nested
    table, or an int of 5,000 digits, makes repr itself fail)."""
    try:
        if isinstance(value, (dict, list)) and len(value) > 20:
            text = f"<{type(value).__name__} of {len(value)}>"
        else:
            text = repr(value)
    except (RecursionError, ValueError):
        text = f"<{type(value).__name__}>"
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _rule_unwrapped(item: ErrorDetails) -> ErrorDetails:
    """A rule across fields (core.field_rules.RuleBroken) comes as a value error holding it: report
    it under its own code and context, as the validators of single fields report theirs."""
    broken = (item.get("ctx") or {}).get("error")
    if item["type"] == "value_error" and isinstance(broken, RuleBroken):
        return {**item, "type": broken.code, "ctx": broken.context}
    return item


def _precise_location(item: ErrorDetails) -> tuple[Any, ...]:
    """Rules that check a whole phase or method name the field (and phase) they mean."""
    loc = tuple(item["loc"])
    context = item.get("ctx") or {}
    if "field" in context:
        loc = (*loc, context["field"])
    if "index" in context and loc[-1:] == ("phases",):
        loc = (*loc, context["index"])
    return loc


def _locate(data: Any, loc: tuple[Any, ...]) -> tuple[int | None, str | None, str | None]:
    rest = list(loc)
    phase = phase_id = None
    if len(rest) > 1 and rest[0] == "phases" and isinstance(rest[1], int):
        index = rest[1]
        phase = index + 1
        phases = data.get("phases") if isinstance(data, dict) else None
        if isinstance(phases, list) and index < len(phases) and isinstance(phases[index], dict):
            phase_id = phases[index].get("id")
        rest = rest[2:]
    field_name = "".join(f"[{part + 1}]" if isinstance(part, int) else f".{part}" for part in rest).lstrip(".")
    return phase, phase_id, field_name or None


def _explain(item: ErrorDetails, loc: tuple[Any, ...]) -> tuple[str, dict[str, Any]]:
    kind = item["type"]
    given = item.get("input")
    context = dict(item.get("ctx") or {})
    code = _CODES.get(kind, "other")
    if code == "missing" and loc and loc[-1] in ("nl", "en"):
        code = "missing_language"
    if kind == "literal_error" and loc and loc[-1] == "schema":
        code = "schema_version"
    if code == "schema_version" and isinstance(given, str):
        code = "schema_quoted"
    values: dict[str, Any] = {"given": short_repr(given)}
    if code == "enum":
        # pydantic joins the last choice with an English "or"; list them plainly instead.
        values["expected"] = context.get("expected", "").replace(" or ", ", ")
    elif code == "greater_than":
        values["limit"] = context.get("gt")
    elif code == "less_equal":
        values["limit"] = context.get("le")
    elif code == "too_long":
        values["limit"] = context.get("max_length")
    elif code in ("list_lengths", "min_above_default", "round_only", "duplicate_phase", "total_below_minimums"):
        values = context
    elif code == "other":
        values = {"detail": str(item["msg"]).removeprefix("Value error, "), "given": short_repr(given)}
    return code, values


class LineIndex:
    """Where things are in a method file's text, found in one pass: the `[[phases]]` headers and every table
    header, so the line of each of thousands of errors is looked up without reading the file again."""

    def __init__(self, text: str) -> None:
        self.lines = text.splitlines()
        self.phase_headers: list[int] = []
        self.table_starts: list[int] = []  # every line starting with "["
        self.tables: dict[str, int] = {}  # "[name]" -> its first line
        for i, line in enumerate(self.lines):
            stripped = line.strip()
            if not stripped.startswith("["):
                continue
            self.table_starts.append(i)
            if re.match(_PHASE_HEADER, line):
                self.phase_headers.append(i)
            match = re.match(_TABLE_HEADER, line)
            if match:
                self.tables.setdefault(match.group(1), i)
        self._patterns: dict[str, re.Pattern[str]] = {}

    def _next_table(self, after: int) -> int:
        index = bisect.bisect_right(self.table_starts, after)
        return self.table_starts[index] if index < len(self.table_starts) else len(self.lines)

    def line_of(self, loc: tuple[Any, ...]) -> int | None:
        """Best-effort line number of the key that `loc` points at (1-based)."""
        keys = list(loc)
        fallback: int | None = None
        if len(keys) > 1 and keys[0] == "phases" and isinstance(keys[1], int):
            if keys[1] >= len(self.phase_headers):
                return None
            start = self.phase_headers[keys[1]]
            end = self._next_table(start)
            keys = keys[2:]
            fallback = start + 1
            if not keys:
                return fallback
        else:
            start, end = 0, self._next_table(-1)
            if not keys:
                return None
        key = str(keys[0])
        pattern = self._patterns.get(key)
        if pattern is None:
            pattern = self._patterns[key] = re.compile(rf"^\s*{re.escape(key)}\s*(=|\.)")
        for i in range(start, end):
            if pattern.match(self.lines[i]):
                return i + 1
        table = self.tables.get(key)
        return table + 1 if table is not None else fallback


def _line_of(text: str, loc: tuple[Any, ...]) -> int | None:
    """Best-effort line number of the key that `loc` points at (1-based), for one error."""
    return LineIndex(text).line_of(loc)
