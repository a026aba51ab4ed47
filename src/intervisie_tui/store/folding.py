"""Text compared without case and accents ("UMIT" matches "Ümit"), for search and for
finding names to hide in an anonymised export."""

from __future__ import annotations

import unicodedata


def fold_char(char: str) -> str:
    decomposed = unicodedata.normalize("NFKD", char)
    return "".join(part for part in decomposed if not unicodedata.combining(part)).casefold()


def fold(text: str) -> str:
    """Lower case (casefold) without accents. Whole-string work: this runs over every note
    of every session when the search cache is built."""
    if text.isascii():
        return text.casefold()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(part for part in decomposed if not unicodedata.combining(part)).casefold()


def fold_with_origins(text: str) -> tuple[str, list[int]]:
    """The folded text, and for each of its characters the index of the character of `text`
    it came from, so a match in the folded text can be replaced in the original."""
    folded: list[str] = []
    origins: list[int] = []
    for index, char in enumerate(text):
        part = fold_char(char)
        folded.append(part)
        origins.extend([index] * len(part))
    return "".join(folded), origins
