"""Finding a fact's words in the article: accent-, case- and whitespace-insensitive spans.

A `Grounder` is built once per document from its `CleanText`. It searches the cleaned text
(what the model saw, so site chrome that cleaning removed cannot ground a fact) and answers
with character offsets in the *original* document, in any script. Matching folds case,
accents (NFKD without combining marks), whitespace runs, dash and quote look-alikes, and
respects word edges, so "Inter" is not found inside "International".
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property

from extractor.cleaning import CleanText

_LOOKALIKE = {
    **dict.fromkeys("‘’‚‛′`´", "'"),
    **dict.fromkeys("“”„‟″«»", '"'),
    **dict.fromkeys("‐‑‒–—−", "-"),
}
_WORDISH = re.compile(r"[^\W_]{4,}")


def fold(text: str) -> tuple[str, list[int]]:
    """`text` folded for matching, and for each folded character the index it came from."""
    out: list[str] = []
    origin: list[int] = []
    in_space = False
    for index, char in enumerate(text):
        if char.isspace():
            if out and not in_space:
                out.append(" ")
                origin.append(index)
            if char == "\n" and out:  # a run with a line break folds to one line break
                out[-1] = "\n"
            in_space = True
            continue
        in_space = False
        char = _LOOKALIKE.get(char, char)
        for piece in unicodedata.normalize("NFKD", char):
            if unicodedata.combining(piece):
                continue
            for lowered in piece.casefold():
                out.append(lowered)
                origin.append(index)
    return "".join(out), origin


def fold_text(text: str) -> str:
    """Only the folded text (for comparisons)."""
    return fold(text)[0].strip()


@dataclass(frozen=True)
class Span:
    """Where a value stands in the original document; `partial` when only part of it was found."""

    start: int
    end: int
    partial: bool = False


@dataclass(frozen=True)
class Grounder:
    """Locates values of one document."""

    cleaned: CleanText

    @cached_property
    def _folded(self) -> tuple[str, list[int]]:
        return fold(self.cleaned.text)

    @property
    def folded_text(self) -> str:
        """The whole cleaned text, folded: for task rules that search it with patterns."""
        return self._folded[0]

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a [start, end) range of `folded_text` to offsets in the original document."""
        origin = self._folded[1]
        clean_start, clean_end = origin[start], origin[end - 1] + 1
        return self.cleaned.to_original(clean_start), self.cleaned.to_original(clean_end - 1) + 1

    def find_all(self, value: str) -> list[tuple[int, int]]:
        """Every [start, end) of `value` in `folded_text`, on word edges."""
        needle = fold_text(value).strip("\"' ")
        if not needle:
            return []
        haystack = self._folded[0]
        hits: list[tuple[int, int]] = []
        position = haystack.find(needle)
        while position >= 0:
            end = position + len(needle)
            if _edge_ok(haystack, position, end, needle):
                hits.append((position, end))
            position = haystack.find(needle, position + 1)
        return hits

    def locate(self, value: str, *, allow_partial: bool = True) -> Span | None:
        """The first span of `value` in the original document, or None.

        With `allow_partial`, a multi-word value whose whole form is absent is grounded on its
        longest word of 4+ letters ("Alexander Scholz" on "Scholz"), marked `partial`.
        """
        hits = self.find_all(value)
        if hits:
            return Span(*self.to_original(*hits[0]))
        if not allow_partial:
            return None
        words = sorted(_WORDISH.findall(fold_text(value)), key=len, reverse=True)
        if len(words) < 2:
            return None
        for word in words:
            hits = self.find_all(word)
            if hits:
                return Span(*self.to_original(*hits[0]), partial=True)
        return None

    def original(self, span: Span) -> str:
        """The original text of a span."""
        return self.cleaned.original[span.start : span.end]


def _edge_ok(haystack: str, start: int, end: int, needle: str) -> bool:
    before = haystack[start - 1] if start > 0 else " "
    after = haystack[end] if end < len(haystack) else " "
    if needle[0].isalnum() and before.isalnum():
        return False
    return not (needle[-1].isalnum() and after.isalnum())
