"""Turn TOML and validation errors in method files into messages people can act on.

Each message names the file, the line where it can be found, the phase and field,
and what was expected.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

_TOML_POSITION = re.compile(r"\(at line (\d+), column (\d+)\)")


@dataclass(frozen=True)
class MethodFileError:
    source: str
    message: str
    line: int | None = None
    where: str | None = None

    def __str__(self) -> str:
        place = self.source if self.line is None else f"{self.source}, line {self.line}"
        where = f"{self.where}: " if self.where else ""
        return f"{place}: {where}{self.message}"


def from_toml_error(source: str, error: Exception) -> MethodFileError:
    text = str(error)
    match = _TOML_POSITION.search(text)
    line = int(match.group(1)) if match else None
    reason = _TOML_POSITION.sub("", text).strip().rstrip(".")
    return MethodFileError(
        source,
        f"this is not valid TOML ({reason}). Check quotes, brackets and '=' on that line.",
        line=line,
    )


def from_validation_error(source: str, text: str, data: Any, error: ValidationError) -> list[MethodFileError]:
    problems = []
    for item in error.errors(include_url=False):
        loc = tuple(item["loc"])
        problems.append(
            MethodFileError(
                source,
                _explain(item, loc),
                line=_line_of(text, loc),
                where=_describe_location(data, loc),
            )
        )
    return problems


def _describe_location(data: Any, loc: tuple[Any, ...]) -> str:
    if not loc:
        return "the file"
    parts: list[str] = []
    rest = list(loc)
    if rest[0] == "phases" and len(rest) > 1 and isinstance(rest[1], int):
        index = rest[1]
        phase_id = None
        phases = data.get("phases") if isinstance(data, dict) else None
        if isinstance(phases, list) and index < len(phases) and isinstance(phases[index], dict):
            phase_id = phases[index].get("id")
        parts.append(f"phase {index + 1}" + (f" ('{phase_id}')" if phase_id else ""))
        rest = rest[2:]
    field = "".join(f"[{part + 1}]" if isinstance(part, int) else f".{part}" for part in rest).lstrip(".")
    if field:
        parts.append(f"field '{field}'")
    return ", ".join(parts) if parts else "the file"


def _explain(item: dict[str, Any], loc: tuple[Any, ...]) -> str:
    kind = item["type"]
    given = item.get("input")
    last = loc[-1] if loc else None
    if kind == "missing":
        if last in ("nl", "en"):
            return "this text is missing in one language; give it in Dutch (nl) and English (en)"
        return "this required field is missing"
    if kind == "extra_forbidden":
        return "this field is not part of the method format; check its spelling (see `intervisie methods schema`)"
    if kind == "enum":
        expected = item.get("ctx", {}).get("expected", "")
        return f"'{given}' is not a known value; expected {expected}"
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return f"expected a whole number, got {given!r}"
    if kind == "greater_than":
        return f"expected a number above {item['ctx']['gt']}, got {given!r}"
    if kind == "less_than_equal":
        return f"expected at most {item['ctx']['le']}, got {given!r}"
    if kind == "string_pattern_mismatch":
        return f"{given!r} is not a valid id; use lower-case letters, digits, '-' and '_'"
    if kind in ("string_too_short", "too_short"):
        return "must not be empty"
    if kind == "literal_error" and last == "schema":
        return f"schema version {given!r} is not supported; this version of intervisie-tui reads schema = 1"
    message = str(item["msg"])
    message = message.removeprefix("Value error, ")
    return f"{message} (got {given!r})" if kind.endswith("_type") else message


def _line_of(text: str, loc: tuple[Any, ...]) -> int | None:
    """Best-effort line number of the key that `loc` points at (1-based)."""
    lines = text.splitlines()
    start, end = 0, len(lines)
    keys = list(loc)
    if keys and keys[0] == "phases" and len(keys) > 1 and isinstance(keys[1], int):
        headers = [i for i, line in enumerate(lines) if line.strip().startswith("[[phases]]")]
        if keys[1] >= len(headers):
            return None
        start = headers[keys[1]]
        following = [i for i, line in enumerate(lines) if i > start and line.strip().startswith("[")]
        end = following[0] if following else len(lines)
        keys = keys[2:]
        if not keys:
            return start + 1
        fallback: int | None = start + 1
    else:
        first_table = next((i for i, line in enumerate(lines) if line.strip().startswith("[")), len(lines))
        end = first_table
        fallback = None
        if not keys:
            return None
    key = str(keys[0])
    pattern = re.compile(rf"^\s*{re.escape(key)}\s*(=|\.)")
    for i in range(start, end):
        if pattern.match(lines[i]):
            return i + 1
    table = re.compile(rf"^\s*\[\s*{re.escape(key)}\s*\]")
    for i, line in enumerate(lines):
        if table.match(line):
            return i + 1
    return fallback
