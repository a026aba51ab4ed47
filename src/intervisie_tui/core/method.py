"""The method format: what a method file may say, validated by pydantic.

A method is data a facilitator can copy and edit: a TOML file whose shape is
defined here. `intervisie methods schema` prints these models as JSON Schema.
"""

from __future__ import annotations

from enum import Enum
from typing import Annotated, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StrictBool,
    StrictInt,
    StringConstraints,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from .paths import ID_PATTERN

SCHEMA_VERSION = 1
LANGUAGES: tuple[str, ...] = ("nl", "en")
Language = Literal["nl", "en"]

Identifier = Annotated[
    str,
    StringConstraints(pattern=ID_PATTERN, max_length=64),
    Field(description="Lower-case letters, digits, '-' and '_'; starts with a letter or digit."),
]
NonEmptyText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class Strict(BaseModel):
    """Unknown keys are errors: a typo in a method file must not pass silently."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Text(Strict):
    """One text in Dutch and in English; both are required."""

    nl: NonEmptyText
    en: NonEmptyText

    def __call__(self, lang: str) -> str:
        return self.en if lang == "en" else self.nl


class TextList(Strict):
    """A list of texts in Dutch and in English, item for item."""

    nl: list[NonEmptyText] = Field(min_length=1)
    en: list[NonEmptyText] = Field(min_length=1)

    @model_validator(mode="after")
    def _same_length(self) -> TextList:
        if len(self.nl) != len(self.en):
            raise PydanticCustomError("list_lengths", "lists differ", {"nl": len(self.nl), "en": len(self.en)})
        return self

    def __call__(self, lang: str) -> list[str]:
        return list(self.en if lang == "en" else self.nl)


class Speakers(str, Enum):
    """Who speaks during a phase."""

    INBRENGER = "inbrenger"  # the inbrenger tells or answers
    ROUND = "round"  # each participant in turn
    OPEN = "open"  # open conversation
    SILENT = "silent"  # everyone writes on their own
    WITHOUT_INBRENGER = "without-inbrenger"  # the group talks; the inbrenger only listens
    FACILITATOR = "facilitator"  # the facilitator explains or leads


class NoteKind(str, Enum):
    """Structured notes a phase asks for, besides free notes."""

    CASE_QUESTION = "case-question"
    ADVICE = "advice"  # one entry per participant
    ACTION_POINTS = "action-points"


class Phase(Strict):
    id: Identifier
    title: Text
    minutes: StrictInt = Field(gt=0, le=600, description="Default length in whole minutes.")
    min_minutes: StrictInt = Field(default=1, gt=0, description="Scaling to a time budget never goes below this.")
    speakers: Speakers
    turn_seconds: StrictInt | None = Field(
        default=None, gt=0, le=3600, description="Rounds only: a countdown for each speaker."
    )
    inbrenger_in_round: StrictBool = Field(
        default=False, description="Rounds only: whether the inbrenger takes a turn too."
    )
    questions: TextList | None = Field(default=None, description="Guiding questions, shown to the group.")
    tips: Text | None = Field(default=None, description="For the facilitator only; hidden on the shared screen.")
    notes: list[NoteKind] = Field(default_factory=list)

    @model_validator(mode="after")
    def _consistent(self) -> Phase:
        if self.min_minutes > self.minutes:
            raise PydanticCustomError(
                "min_above_default",
                "minimum above default",
                {"field": "min_minutes", "min": self.min_minutes, "minutes": self.minutes},
            )
        if self.speakers is not Speakers.ROUND:
            if self.turn_seconds is not None:
                raise PydanticCustomError("round_only", "round only", {"field": "turn_seconds"})
            if self.inbrenger_in_round:
                raise PydanticCustomError("round_only", "round only", {"field": "inbrenger_in_round"})
        return self


class Method(Strict):
    id: Identifier
    schema_version: Literal[1] = Field(
        alias="schema", description="Version of the method format; this release reads 1."
    )
    name: Text
    summary: Text
    description: Text
    group_size: list[StrictInt] = Field(
        min_length=2, max_length=2, description="Smallest and largest suitable group, e.g. [4, 8]."
    )
    minutes: StrictInt = Field(gt=0, le=600, description="Default total length in minutes.")
    ground_rules: TextList | None = Field(default=None, description="Leave out to use the shared ground rules.")
    phases: list[Phase] = Field(min_length=1)

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    @field_validator("group_size")
    @classmethod
    def _group_size_order(cls, value: list[int]) -> list[int]:
        low, high = value
        if low < 2 or high < low:
            raise PydanticCustomError("group_size", "bad group size", {})
        return value

    @field_validator("phases")
    @classmethod
    def _unique_phase_ids(cls, phases: list[Phase]) -> list[Phase]:
        seen: set[str] = set()
        for index, phase in enumerate(phases):
            if phase.id in seen:
                raise PydanticCustomError("duplicate_phase", "duplicate phase id", {"id": phase.id, "index": index})
            seen.add(phase.id)
        return phases

    @model_validator(mode="after")
    def _total_holds_the_minimums(self) -> Method:
        if self.minutes < self.min_total:
            raise PydanticCustomError(
                "total_below_minimums",
                "total below minimums",
                {"field": "minutes", "minutes": self.minutes, "minimum": self.min_total},
            )
        return self

    @classmethod
    def trusted(cls, data: dict) -> Method:
        """A method from the cache's JSON (the dump of one that was validated from its file):
        checked again, which costs far less than reading and locating errors in TOML."""
        return cls.model_validate(data)

    @property
    def min_total(self) -> int:
        return sum(phase.min_minutes for phase in self.phases)

    def phase_index(self, phase_id: str) -> int:
        for index, phase in enumerate(self.phases):
            if phase.id == phase_id:
                return index
        raise KeyError(phase_id)


SHARED_GROUND_RULES = TextList(
    nl=[
        "Vertrouwelijk: wat hier gezegd wordt, blijft hier.",
        "Eerst begrijpen, dan adviseren: stel open vragen en oordeel niet.",
        "'Ja, en…' in plaats van 'ja, maar…': bouw voort op elkaar.",
        "De inbrenger beslist wat hij of zij doet met de inbreng van de groep.",
        "Spreek voor jezelf, één tegelijk, en houd je aan de tijd.",
    ],
    en=[
        "Confidential: what is said here stays here.",
        "Understand before advising: ask open questions and do not judge.",
        "'Yes, and…' rather than 'yes, but…': build on each other.",
        "The inbrenger decides what to do with what the group offers.",
        "Speak for yourself, one at a time, and keep to the time.",
    ],
)


def ground_rules(method: Method) -> TextList:
    return method.ground_rules or SHARED_GROUND_RULES
