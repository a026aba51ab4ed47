"""What pydantic checks on a field of the core's dataclasses, written without importing pydantic.

The core's types (methods, plans, events) are plain dataclasses, so a session starts and runs
without pydantic. Where a file is read, pydantic validates those same classes (core/validation.py):
`Annotated[int, Rules(gt=0, le=600)]` adds the constraints to the field's validator and a
description to the generated JSON Schema. pydantic calls the two hooks below, its protocol for
annotation metadata; the core never calls them.
"""

from __future__ import annotations

from typing import Any


class Rules:
    """Constraints of pydantic-core's schema for the annotated type (`strict`, `gt`, `le`, `min_length`,
    `max_length`, `pattern`, `strip_whitespace`, `allow_inf_nan`, …) and a description for the schema."""

    __slots__ = ("constraints", "description")

    def __init__(self, description: str | None = None, **constraints: Any) -> None:
        self.description = description
        self.constraints = constraints

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        schema = handler(source)
        schema.update(self.constraints)
        return schema

    def __get_pydantic_json_schema__(self, core_schema: Any, handler: Any) -> Any:
        json_schema = handler(core_schema)
        if self.description:
            json_schema["description"] = self.description
        return json_schema

    def __repr__(self) -> str:
        return f"Rules({self.description!r}, {self.constraints!r})"


def descriptions(kind: type) -> dict[str, str | None]:
    """Each field of a dataclass with the description its `Rules` give (None without one)."""
    import dataclasses
    from typing import get_args, get_type_hints

    hints = get_type_hints(kind, include_extras=True)
    found: dict[str, str | None] = {}
    for item in dataclasses.fields(kind):
        if not item.init:
            continue
        rules = [
            meta for arg in (hints[item.name], *get_args(hints[item.name])) for meta in getattr(arg, "__metadata__", ())
        ]
        found[item.name] = next(
            (rule.description for rule in rules if isinstance(rule, Rules) and rule.description), None
        )
    return found


class RuleBroken(ValueError):
    """A rule across fields (a minimum above its default, two phases with one id, …), raised while a
    dataclass is built. `code` names the message (i18n "methoderr.<code>"); `context` fills it in and may
    name the `field` (and, for phases, the `index`) it concerns. pydantic reports it as a value error."""

    def __init__(self, code: str, context: dict[str, Any] | None = None) -> None:
        self.code = code
        self.context = context or {}
        super().__init__(code)
