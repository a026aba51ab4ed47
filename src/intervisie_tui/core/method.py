"""The method format: what a method file may say.

A method is data a facilitator can copy and edit: a TOML file whose shape is defined here,
as plain dataclasses (a session needs no pydantic to run); pydantic validates files against
them (core/validation.py) and `intervisie methods schema` prints them as JSON Schema.
"""

# No `from __future__ import annotations`: core/plain.py reads these fields' types when it rebuilds
# what this program wrote (the method cache at every start, journals), and would evaluate strings.
from dataclasses import field
from enum import Enum
from typing import Annotated, Any, ClassVar, Literal

from .field_rules import RuleBroken, Rules
from .paths import ID_PATTERN
from .records import record

SCHEMA_VERSION = 1
LANGUAGES: tuple[str, ...] = ("nl", "en")
Language = Literal["nl", "en"]

# Unknown keys are errors: a typo in a method file must not pass silently.
STRICT_TABLE: dict[str, Any] = {"extra": "forbid"}

Identifier = Annotated[
    str,
    Rules(
        "Lower-case letters, digits, '-' and '_'; starts with a letter or digit.",
        pattern=ID_PATTERN,
        max_length=64,
    ),
]
NonEmptyText = Annotated[str, Rules(strip_whitespace=True, min_length=1)]
Whole = Annotated[int, Rules(strict=True)]  # a number of minutes or people: not 5.0, not true


@record(frozen=True, slots=True)
class Text:
    """One text in Dutch and in English; both are required."""

    __pydantic_config__ = STRICT_TABLE

    nl: NonEmptyText
    en: NonEmptyText

    def __call__(self, lang: str) -> str:
        return self.en if lang == "en" else self.nl


@record(frozen=True, slots=True)
class TextList:
    """A list of texts in Dutch and in English, item for item."""

    __pydantic_config__ = STRICT_TABLE

    nl: Annotated[list[NonEmptyText], Rules(min_length=1)]
    en: Annotated[list[NonEmptyText], Rules(min_length=1)]

    def __post_init__(self) -> None:
        if len(self.nl) != len(self.en):
            raise RuleBroken("list_lengths", {"nl": len(self.nl), "en": len(self.en)})

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


@record(frozen=True, slots=True)
class Phase:
    """One step of a method: its time, who speaks, and the questions for the group."""

    __pydantic_config__ = STRICT_TABLE

    id: Identifier
    title: Text
    minutes: Annotated[int, Rules("Default length in whole minutes.", strict=True, gt=0, le=600)]
    speakers: Speakers
    min_minutes: Annotated[int, Rules("Scaling to a time budget never goes below this.", strict=True, gt=0)] = 1
    turn_seconds: (
        Annotated[int, Rules("Rounds only: a countdown for each speaker.", strict=True, gt=0, le=3600)] | None
    ) = None
    inbrenger_in_round: Annotated[bool, Rules("Rounds only: whether the inbrenger takes a turn too.", strict=True)] = (
        False
    )
    questions: Annotated[TextList, Rules("Guiding questions, shown to the group.")] | None = None
    tips: Annotated[Text, Rules("For the facilitator only; hidden on the shared screen.")] | None = None
    notes: list[NoteKind] = field(default_factory=list)

    def __post_init__(self) -> None:
        if self.min_minutes > self.minutes:
            raise RuleBroken(
                "min_above_default", {"field": "min_minutes", "min": self.min_minutes, "minutes": self.minutes}
            )
        if self.speakers is not Speakers.ROUND:
            if self.turn_seconds is not None:
                raise RuleBroken("round_only", {"field": "turn_seconds"})
            if self.inbrenger_in_round:
                raise RuleBroken("round_only", {"field": "inbrenger_in_round"})


@record(frozen=True, slots=True)
class Method:
    """A method of intervisie: its phases in order, with times and who speaks."""

    __pydantic_config__ = STRICT_TABLE

    id: Identifier
    schema: Annotated[Literal[1], Rules("Version of the method format; this release reads 1.")]
    name: Text
    summary: Text
    description: Text
    group_size: Annotated[
        list[Whole], Rules("Smallest and largest suitable group, e.g. [4, 8].", min_length=2, max_length=2)
    ]
    minutes: Annotated[int, Rules("Default total length in minutes.", strict=True, gt=0, le=600)]
    phases: Annotated[list[Phase], Rules(min_length=1)]
    ground_rules: Annotated[TextList, Rules("Leave out to use the shared ground rules.")] | None = None

    def __post_init__(self) -> None:
        low, high = self.group_size
        if low < 2 or high < low:
            raise RuleBroken("group_size", {"field": "group_size"})
        seen: set[str] = set()
        for index, phase in enumerate(self.phases):
            if phase.id in seen:
                raise RuleBroken("duplicate_phase", {"field": "phases", "index": index, "id": phase.id})
            seen.add(phase.id)
        if self.minutes < self.min_total:
            raise RuleBroken(
                "total_below_minimums", {"field": "minutes", "minutes": self.minutes, "minimum": self.min_total}
            )

    # Documents and journals written before methods were dataclasses name the version
    # `schema_version`; method files (and everything since) say `schema`.
    LEGACY_KEYS: ClassVar[dict[str, str]] = {"schema_version": "schema"}

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: Any) -> Any:
        from pydantic_core import core_schema

        return core_schema.no_info_before_validator_function(_legacy_keys, handler(source))

    @property
    def min_total(self) -> int:
        return sum(phase.min_minutes for phase in self.phases)

    def phase_index(self, phase_id: str) -> int:
        for index, phase in enumerate(self.phases):
            if phase.id == phase_id:
                return index
        raise KeyError(phase_id)


def _legacy_keys(data: Any) -> Any:
    if not isinstance(data, dict):
        return data
    for old, new in Method.LEGACY_KEYS.items():
        if old in data and new not in data:
            data = {(new if key == old else key): value for key, value in data.items()}
    return data


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
