"""Anonymising an export: every name of the people in a session replaced by a role or a letter.

What counts as a name of a person: the whole name, each part of it (first name, surname, with or
without its particles: "de Vries", "Vries"), a hyphenated or compound first name as one name
("Jan-Willem", "Jan Willem", "JanWillem", and "Jan" or "Willem" alone), possessives ("Anna's", "Annas"),
initials ("JW", "J.W.", "JWdV", "A.d.V."), all of them regardless of case and accents ("UMIT" is "Ümit").
Names run together ("J.W. de Vries") become one alias, never "Deelnemer A Deelnemer A".

The inbrenger and the facilitator are named by their role; everyone else gets a letter, in an order
drawn at random for each export, so the letters cannot be mapped back through the attendance list. One
person keeps one letter throughout an export. A word two people share ("Anna" of Anna de Vries and Anna
Smit) becomes a neutral "[naam]" rather than the wrong person's letter.

Free text can still identify people (a workplace, an event, someone not in the session): the export's
header says so, along with what was replaced and that the date and the method stay.
"""

from __future__ import annotations

import random
import re
import unicodedata
from collections.abc import Iterable
from string import ascii_uppercase
from typing import Any

from ..i18n import t
from .folding import fold

# Words of a name that are not the name ("Anna de Vries" is not hidden by hiding every "de").
NAME_PARTICLES = frozenset(
    [
        "van",
        "de",
        "der",
        "den",
        "het",
        "ter",
        "ten",
        "te",
        "in",
        "op",
        "t",
        "aan",
        "bij",
        "von",
        "vom",
        "zu",
        "la",
        "le",
        "da",
        "di",
        "du",
        "del",
        "della",
        "des",
        "dos",
        "el",
        "al",
        "bin",
        "ibn",
        "y",
        "d",
        "l",
    ]
)
POSSESSIVE = r"(?P<possessive>'s|’s|s)?"  # "Anna's", "Anna’s", "Annas"
# Between two pieces of one name: "J.W. de Vries", "Jan - Willem"
JOINER = re.compile(r"[\s.\-‐–]*")


def letters() -> Iterable[str]:
    """A, B, …, Z, then AA, AB, … (a group is at most 12, but nothing breaks beyond 26)."""
    yield from ascii_uppercase
    for first in ascii_uppercase:
        for second in ascii_uppercase:
            yield first + second


def _strip_accents_with_origins(text: str) -> tuple[str, list[int]]:
    """`text` without accents (case kept), and for each character the index in `text` it came from."""
    out: list[str] = []
    origins: list[int] = []
    for index, char in enumerate(text):
        if char.isascii():
            out.append(char)
            origins.append(index)
            continue
        part = "".join(p for p in unicodedata.normalize("NFKD", char) if not unicodedata.combining(p))
        part = part.replace("ı", "i")  # Turkish dotless i has no decomposition
        out.append(part)
        origins.extend([index] * len(part))
    return "".join(out), origins


def _plain(text: str) -> str:
    return _strip_accents_with_origins(text)[0]


def _parts(name: str) -> list[str]:
    """The words of a name, split on spaces and hyphens, particles kept (in order)."""
    return [part for part in re.split(r"[\s\-‐–]+", name.strip()) if part]


def name_forms(name: str) -> tuple[set[str], set[str]]:
    """(forms matched ignoring case, initials matched exactly) of one person's name, accents removed."""
    plain = " ".join(_plain(name).split())
    forms: set[str] = set()
    initials: set[str] = set()
    if not plain:
        return forms, initials
    forms.add(plain)
    tokens = plain.split(" ")
    for index, token in enumerate(tokens):
        lowered = token.lower()
        if lowered in NAME_PARTICLES:
            # A surname with its particles: "de Vries", "van der Berg"
            rest = tokens[index:]
            if any(word.lower() not in NAME_PARTICLES for word in rest):
                forms.add(" ".join(rest))
            continue
        pieces = [piece for piece in re.split(r"[\-‐–]+", token) if piece]
        if len(token) >= 2:
            forms.add(token)
        if len(pieces) > 1:
            # A compound first name: written with a hyphen, a space, or run together; and each piece alone
            forms.update({" ".join(pieces), "".join(pieces)})
            forms.update(piece for piece in pieces if len(piece) >= 2 and piece.lower() not in NAME_PARTICLES)
            initials.update(_initials(pieces))
    # Initials of the whole name: "JWV" and "JWdV" for Jan-Willem de Vries, "AV"/"AdV" for Anna de Vries
    parts = _parts(plain)
    if len(parts) >= 2:
        initials.update(_initials(parts))
        initials.update(_initials([part for part in parts if part.lower() not in NAME_PARTICLES]))
    return {form for form in forms if form.strip()}, {form for form in initials if len(form) >= 2}


def _initials(parts: list[str]) -> set[str]:
    """Initials of name parts: particles in lower case ("JWdV"), the others upper; with and without dots."""
    letters_ = [part[0].lower() if part.lower() in NAME_PARTICLES else part[0].upper() for part in parts if part]
    if len(letters_) < 2:
        return set()
    return {"".join(letters_), "".join(letters_).upper(), "".join(f"{letter}." for letter in letters_)}


class Pseudonyms:
    """Who is who in one export: a role or a letter per person, and the function that hides their names."""

    def __init__(
        self,
        people: Iterable[str],
        lang: str,
        *,
        inbrenger: str | None = None,
        facilitator: str | None = None,
        rng: random.Random | None = None,
    ) -> None:
        self.lang = lang
        self.ambiguous = t("review.export.ambiguous_name", lang)
        self.aliases: dict[str, str] = {}
        if inbrenger:
            self.aliases[inbrenger] = t("word.inbrenger", lang)
        if facilitator and facilitator not in self.aliases:
            self.aliases[facilitator] = t("word.facilitator", lang)
        others = list(dict.fromkeys(name for name in people if name and name not in self.aliases))
        # The order of the letters is drawn anew for each export: nobody maps them back through the list.
        (rng or random.SystemRandom()).shuffle(others)
        for name, letter in zip(others, letters()):
            self.aliases[name] = t("review.participant_letter", lang, letter=letter)
        self._folded = {fold(name): alias for name, alias in self.aliases.items()}
        self._build()

    @classmethod
    def of_document(cls, document: Any, lang: str, *, rng: random.Random | None = None) -> Pseudonyms:
        plan = document.plan
        notes = document.notes
        stats = document.stats
        people = [*plan.participants, *notes.advice, *notes.evaluation, *stats.speaking_seconds]
        people += [event.name for event in document.events if event.name]
        people += [event.key for event in document.events if event.key]
        if plan.group is not None:
            people += list(plan.group.excused)
        if plan.facilitator:
            people.append(plan.facilitator)
        return cls(people, lang, inbrenger=document.inbrenger or plan.inbrenger, facilitator=plan.facilitator, rng=rng)

    def _build(self) -> None:
        owners: dict[str, set[str]] = {}
        initial_owners: dict[str, set[str]] = {}
        for name, alias in self.aliases.items():
            forms, initials = name_forms(name)
            for form in forms:
                owners.setdefault(form.casefold(), set()).add(alias)
            for form in initials:
                initial_owners.setdefault(form, set()).add(alias)
        # A whole name belongs to its owner even when a word of it is another's ("Anna" and "Anna Smit").
        whole = {" ".join(_plain(name).split()).casefold(): alias for name, alias in self.aliases.items()}
        self._forms = {
            form: (whole.get(form) or (next(iter(aliases)) if len(aliases) == 1 else self.ambiguous))
            for form, aliases in owners.items()
        }
        self._initials = {
            form: next(iter(aliases)) if len(aliases) == 1 else self.ambiguous
            for form, aliases in initial_owners.items()
        }
        self._pattern = self._compile(self._forms, re.IGNORECASE)
        # Undotted initials only as written (upper case): "IN" hides Ineke Noorman, "in" stays a word.
        dotted = {form for form in self._initials if "." in form}
        undotted = set(self._initials) - dotted
        self._initial_pattern = self._compile(undotted, 0)
        self._dotted_pattern = self._compile_dotted(dotted)

    @staticmethod
    def _compile(forms: Iterable[str], flags: int) -> re.Pattern[str] | None:
        ordered = sorted(forms, key=len, reverse=True)
        if not ordered:
            return None
        body = "|".join(re.escape(form).replace(r"\ ", r"\s+") for form in ordered)
        return re.compile(r"(?<!\w)(?P<name>" + body + r")" + POSSESSIVE + r"(?!\w)", flags)

    @staticmethod
    def _compile_dotted(forms: Iterable[str]) -> re.Pattern[str] | None:
        ordered = sorted(forms, key=len, reverse=True)
        if not ordered:
            return None
        # "J.W." also as "J. W." or "j.w."; it ends at its last dot, so no word boundary after it is needed.
        body = "|".join(
            r"\.\s?".join(re.escape(letter) for letter in form.rstrip(".").split(".")) + r"\.?" for form in ordered
        )
        return re.compile(r"(?<!\w)(?P<name>" + body + r")" + r"(?P<possessive>)(?!\w)", re.IGNORECASE)

    def alias(self, name: str | None) -> str:
        """The role or letter of a person named in a field (a participant, an advice's author)."""
        if not name:
            return "-"
        return self.aliases.get(name) or self._folded.get(fold(name)) or self.hide(name)

    def _alias_of(self, match: re.Match[str], table: dict[str, str], fold_case: bool) -> str:
        found = " ".join(match.group("name").split())
        if fold_case:
            return table.get(found.casefold(), self.ambiguous)
        key = found if found in table else found.replace(" ", "")
        return table.get(key) or table.get(key.lower()) or table.get(key.upper()) or self._dotted_alias(found)

    def _dotted_alias(self, found: str) -> str:
        wanted = found.replace(" ", "").rstrip(".").casefold()
        for form, alias in self._initials.items():
            if "." in form and form.rstrip(".").casefold() == wanted:
                return alias
        return self.ambiguous

    def hide(self, text: str) -> str:
        """`text` with every name of every person replaced by their role or letter."""
        if not text or not self.aliases:
            return text
        plain, origins = _strip_accents_with_origins(text)
        found: list[tuple[int, int, str, str]] = []  # start, end (in plain), alias, possessive
        for pattern, table, fold_case in (
            (self._pattern, self._forms, True),
            (self._initial_pattern, self._initials, False),
            (self._dotted_pattern, self._initials, False),
        ):
            if pattern is None:
                continue
            for match in pattern.finditer(plain):
                found.append(
                    (
                        match.start(),
                        match.end(),
                        self._alias_of(match, table, fold_case),
                        match.group("possessive") or "",
                    )
                )
        if not found:
            return text
        # Longest first where matches overlap, then in order of the text
        found.sort(key=lambda item: (item[0], -(item[1] - item[0])))
        chosen: list[tuple[int, int, str, str]] = []
        for item in found:
            if chosen and item[0] < chosen[-1][1]:
                continue
            previous = chosen[-1] if chosen else None
            if (
                previous is not None
                and previous[2] == item[2]
                and not previous[3]
                and JOINER.fullmatch(plain[previous[1] : item[0]])
            ):
                chosen[-1] = (previous[0], item[1], item[2], item[3])  # "J.W. de Vries": one person, one alias
                continue
            chosen.append(item)
        pieces: list[str] = []
        done = 0
        for start, end, alias, possessive in chosen:
            begin, finish = origins[start], origins[end - 1] + 1
            pieces += [text[done:begin], alias]
            if possessive:
                pieces.append("’s" if "’" in possessive else "'s")
            done = finish
        pieces.append(text[done:])
        return "".join(pieces)

    def header(self) -> str:
        """What the export's reader must know: what was replaced, what stays, and that free text can still
        identify people."""
        return t("review.export.anonymized_header", self.lang, count=len(self.aliases))


# -- the JSON export -------------------------------------------------------------------------------

# Fields that hold no one's words: kept as they are (a person named "Start" must not rename an event kind).
KEPT_FIELDS = frozenset(
    {
        "format",
        "schema_version",
        "id",
        "kind",
        "field",
        "phase",
        "phase_id",
        "t",
        "at",
        "started_at",
        "ended_at",
        "saved_at",
        "language",
        "method",
        "group_id",
        "index",
        "minutes",
        "balance",
        "budget_minutes",
        "phase_minutes",
        "stats_phases",
    }
)
# Mappings keyed by a person's name
KEYED_BY_PERSON = frozenset({"advice", "evaluation", "speaking_seconds"})


def anonymise_json(data: dict[str, Any], pseudonyms: Pseudonyms) -> dict[str, Any]:
    """A document's JSON with every name replaced, in every field that can hold one (notes, events, the
    plan, statistics), and the participants in the order of their letters."""

    def walk(value: Any, key: str | None) -> Any:
        if key in KEPT_FIELDS:
            return value
        if isinstance(value, str):
            if key in ("participants", "inbrenger", "facilitator", "name", "key", "excused"):
                return pseudonyms.alias(value)
            return pseudonyms.hide(value)
        if isinstance(value, list):
            return [walk(item, key) for item in value]
        if isinstance(value, dict):
            if key in KEYED_BY_PERSON:
                return {pseudonyms.alias(name): walk(item, None) for name, item in value.items()}
            return {name: walk(item, name) for name, item in value.items()}
        return value

    result = walk(data, None)
    for holder in (result, result.get("plan")):  # a document keeps them in its plan, an export at the top
        if isinstance(holder, dict) and isinstance(holder.get("participants"), list):
            holder["participants"] = sorted(holder["participants"], key=_alias_order(pseudonyms))
    result["anonymised"] = {
        "note": pseudonyms.header(),
        "people": len(pseudonyms.aliases),
    }
    return result


def _alias_order(pseudonyms: Pseudonyms):
    roles = [t("word.inbrenger", pseudonyms.lang), t("word.facilitator", pseudonyms.lang)]

    def key(alias: str) -> tuple[int, int, str]:
        if alias in roles:
            return (0, roles.index(alias), alias)
        return (1, len(alias), alias)

    return key
