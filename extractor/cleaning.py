"""Stripping page boilerplate from article text, keeping a map back to the original.

The rules are generic and conservative: dropping a sentence of the article costs facts,
keeping a line of noise costs a few tokens. Two kinds of lines go:

* standalone boilerplate anywhere: separators ('___'), a lone ALL-CAPS word
  ('ADVERTISEMENT'), common page widgets ('share', 'read more'), lines that are only
  links ('More AP soccer: https://...') and one-line links to another story ('Lees ook: ...').
* a trailing block of navigation: after the last line that is clearly article content,
  a run of at least `MIN_TRAILING_BLOCK` short lines that read like headlines or labels; or
  a label of other stories ('Popular posts', 'Most read', 'Læs også') followed by nothing but
  short headline-like lines, whatever they hold (another post's 'Eastleigh 3-1 Newport County').

Lines are kept or dropped whole, so every kept character has one original position. Within a
kept line only markup goes: an HTML tag ('<span class="x">', '</p>', '<image>') or the rest of
one whose '<' the page lost at the line's start ('SPAN class="txt12bb">Güsten - Schwarz-Gelb 2:3').
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

MIN_TRAILING_BLOCK = 5  # non-blank lines; fewer trailing short lines are kept
MAX_HEADLINE_WORDS = 12  # longer lines are never treated as navigation
MAX_LINK_LABEL_WORDS = 6  # words besides the URLs on a link-only line

_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
# Scripts written without spaces between words (Thai, Lao, Myanmar, Khmer, kana, Han).
_UNSPACED = re.compile("[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_SCORE = re.compile(r"(?<![\d.,/])\d{1,2} ?[-–—:] ?\d{1,2}(?![\d.,/])")
_MINUTE = re.compile(r"\b\d{1,3}(?:\+\d{1,2})?['’′]")
_CLOSERS = "\"'”’»)]*"
_ATTRIBUTE = r"""[\w:-]+(?:=(?:"[^"\n]*"|'[^'\n]*'|[^\s<>"']+))?"""
_MARKUP = re.compile(
    rf"</?[A-Za-z][A-Za-z0-9]*(?:\s+{_ATTRIBUTE})*\s*/?>"
    r"""|^[ \t]*[A-Za-z][A-Za-z0-9]*(?:[ \t]+[\w:-]+="[^"\n]*")+[ \t]*/?>"""  # its '<' lost: 'SPAN class="a">'
)
_BOILERPLATE = frozenset(
    {
        "advertisement", "advertising", "sponsored", "sponsored content", "share", "share this",
        "share this article", "share this story", "share on facebook", "share on twitter", "tweet",
        "email", "e-mail", "print", "read more", "continue reading", "related", "related articles",
        "related stories", "comments", "show comments", "back to top", "skip to content",
    }
)  # fmt: skip
#: A label that opens a list of other stories: what follows it, if it is only headlines, goes.
_MORE_STORIES = frozenset(
    {
        "popular posts", "popular posts from this blog", "more from this blog", "you may also like",
        "you might also like", "more stories", "most read", "most popular", "related posts", "latest news",
        "mehr zum thema", "meistgelesen", "das könnte sie auch interessieren", "mest læste", "læs også",
        "meest gelezen", "lire aussi", "à lire aussi", "les plus lus", "lo más leído", "te puede interesar",
        "i più letti", "potrebbe interessarti",
    }
)  # fmt: skip
#: A line that links another story: "Lees ook ADO Den Haag wint op zouteloze namiddag".
_READ_ALSO = re.compile(
    r"^(?:read also|see also|lees ook|lesen sie auch|læs også|læs ogsaa|lire aussi|à lire aussi|leggi anche"
    r"|lee también|ver también)\b",
    re.IGNORECASE,
)
_CHAR_MAP = {
    **dict.fromkeys("‘’‚‛′`´", "'"),
    **dict.fromkeys("“”„‟″«»", '"'),
    **dict.fromkeys("‐‑‒–—−", "-"),
    "…": "...",
    **dict.fromkeys("\u00ad\u200b\u200c\u200d\u2060\ufeff", ""),
}


@dataclass(frozen=True)
class CleanText:
    """Cleaned text plus the map from its offsets to the original's.

    `segments` are the kept runs as (clean_start, original_start, length), in order.
    """

    text: str
    original: str
    segments: tuple[tuple[int, int, int], ...]
    removed: tuple[str, ...]

    def to_original(self, offset: int) -> int:
        """The original position of the character at `offset` in `text`.

        `len(text)` maps to the end of the last kept run. For the end of a span, prefer
        `to_original(end - 1) + 1`: a removed region may lie between the two.

        Raises:
            ValueError: `offset` is outside 0..len(text).
        """
        if not 0 <= offset <= len(self.text):
            raise ValueError(f"offset {offset} outside 0..{len(self.text)}")
        if not self.segments:
            return 0
        if offset == len(self.text):
            _, original_start, length = self.segments[-1]
            return original_start + length
        index = bisect.bisect_right([s[0] for s in self.segments], offset) - 1
        clean_start, original_start, _ = self.segments[index]
        return original_start + offset - clean_start

    def locate(self, quote: str) -> tuple[int, int] | None:
        """(start, end) in `original` of a quote copied from `text`, or None.

        Tolerates whitespace differences, curly vs straight quotes and apostrophes, dash
        variants and quote marks wrapped around the quote; falls back to a case-insensitive
        match, then to searching the original directly.
        """
        variants = [quote, quote.strip().strip("\"'“”‘’«»„ ")]
        for casefold in (False, True):
            for variant in variants:
                needle = _fold(variant, casefold)[0].strip()
                if not needle:
                    continue
                hit = _find(self.text, needle, casefold)
                if hit is not None:
                    return self.to_original(hit[0]), self.to_original(hit[1] - 1) + 1
                hit = _find(self.original, needle, casefold)
                if hit is not None:
                    return hit
        return None


def clean(text: str) -> CleanText:
    """Remove page boilerplate from `text`; see the module docstring for the rules."""
    raw = text.split("\n")
    starts, position = [], 0
    for line in raw:
        starts.append(position)
        position += len(line) + 1
    runs = [_unmarked(line) for line in raw]  # (offset in the line, text) of what is not markup
    lines = ["".join(part for _, part in line_runs) for line_runs in runs]
    drop = [_is_boilerplate(line) for line in lines]
    for index in _trailing_block(lines):
        drop[index] = True
    kept = _tidy_blanks(lines, drop)

    pieces: list[str] = []
    segments: list[tuple[int, int, int]] = []
    clean_pos = 0
    for order, index in enumerate(kept):
        newline = "\n" if order < len(kept) - 1 else ""
        line_runs = [(offset, part) for offset, part in runs[index] if part]
        if newline:  # the line's newline follows its last kept run (or stands for the line)
            end = line_runs[-1][0] + len(line_runs[-1][1]) if line_runs else len(raw[index])
            if line_runs and end == len(raw[index]):
                line_runs[-1] = (line_runs[-1][0], line_runs[-1][1] + newline)
            else:
                line_runs.append((len(raw[index]), newline))
        for offset, piece in line_runs:
            pieces.append(piece)
            original_start = starts[index] + offset
            last = segments[-1] if segments else None
            if last and last[1] + last[2] == original_start:
                segments[-1] = (last[0], last[1], last[2] + len(piece))
            else:
                segments.append((clean_pos, original_start, len(piece)))
            clean_pos += len(piece)
    kept_set = set(kept)
    removed = tuple(
        line if i not in kept_set else markup
        for i, line in enumerate(raw)
        if line.strip() and (i not in kept_set or lines[i] != line)
        for markup in ([line] if i not in kept_set else _MARKUP.findall(line))
    )
    return CleanText(text="".join(pieces), original=text, segments=tuple(segments), removed=removed)


def _unmarked(line: str) -> list[tuple[int, str]]:
    """The runs of a line that are not markup, as (offset in the line, text); the line itself if it has none."""
    if "<" not in line and ">" not in line:
        return [(0, line)]
    runs, position = [], 0
    for hit in _MARKUP.finditer(line):
        runs.append((position, line[position : hit.start()]))
        position = hit.end()
    runs.append((position, line[position:]))
    return runs


def _words(line: str) -> int:
    """Words in a line; in scripts without spaces, every two characters count as one."""
    unspaced = len(_UNSPACED.findall(line))
    if unspaced:
        line = _UNSPACED.sub(" ", line)
    return len(_WORD.findall(line)) + unspaced // 2


def _is_boilerplate(line: str) -> bool:
    """A line that is page furniture wherever it stands."""
    stripped = line.strip()
    if not stripped:
        return False
    if not any(c.isalnum() for c in stripped):
        return len(stripped) >= 3  # '___', '* * *', '----'
    if stripped.isalpha() and stripped.isupper() and len(stripped) >= 2:
        return True  # 'ADVERTISEMENT', 'LIVE'
    if stripped.strip(".:!|»›>-–— ").casefold() in _BOILERPLATE:
        return True
    if _READ_ALSO.match(stripped) and _words(stripped) <= MAX_HEADLINE_WORDS + 3 and not _ends_sentence(stripped):
        return True
    if _URL.search(stripped):
        label = _URL.sub(" ", stripped)
        return _words(label) <= MAX_LINK_LABEL_WORDS and not _is_data(label)
    return False


def _ends_sentence(line: str) -> str:
    """The sentence-ending mark a line ends with ('.', '!', '?'), or ''."""
    tail = line.rstrip().rstrip(_CLOSERS)
    if tail.endswith(("...", "…")):
        return "."
    return tail[-1] if tail and tail[-1] in ".!?。！？" else ""


def _is_data(line: str) -> bool:
    """Scores, minutes or comma/semicolon lists: line-ups, goal summaries, fact boxes."""
    return bool(_SCORE.search(line) or _MINUTE.search(line)) or sum(line.count(c) for c in ",;，；、") >= 2


def _is_content(line: str) -> bool:
    """A line that is clearly article text (never part of a navigation block)."""
    words = _words(line)
    mark = _ends_sentence(line)
    if words > MAX_HEADLINE_WORDS:
        return True
    if mark in (".", "。") and words >= 3:
        return True
    if mark and words >= 10:
        return True
    return _is_data(line)


def _headline_like(line: str) -> bool:
    """A short line that does not read as a sentence: a headline, a name, a bare result."""
    words = _words(line)
    return words <= MAX_HEADLINE_WORDS and not (_ends_sentence(line) in (".", "。") and words >= 3)


def _more_stories(lines: list[str]) -> list[int]:
    """The lines from a 'Popular posts' label on, when only headlines follow it.

    Results included: "Eastleigh 3-1 Newport County" under another post's title is not this article's.
    """
    marks = [i for i, line in enumerate(lines) if line.strip().strip(".:!|»›>-–— ").casefold() in _MORE_STORIES]
    if not marks:
        return []
    after = [line for line in lines[marks[-1] + 1 :] if line.strip()]
    if not after or not all(_headline_like(line) or _is_boilerplate(line) for line in after):
        return []
    return list(range(marks[-1], len(lines)))


def _trailing_block(lines: list[str]) -> list[int]:
    """Indexes of the navigation/headline run at the end, or [] when there is none."""
    more = _more_stories(lines)
    if more:
        return more
    last_content = max((i for i, line in enumerate(lines) if _is_content(line)), default=None)
    if last_content is None:
        return []
    block = [i for i in range(last_content + 1, len(lines)) if lines[i].strip()]
    # Short questions or exclamations right after the article may still be its last lines.
    while block and _ends_sentence(lines[block[0]]) in ("!", "?", "！", "？") and not _is_boilerplate(lines[block[0]]):
        block.pop(0)
    if len(block) < MIN_TRAILING_BLOCK:
        return []
    return list(range(block[0], len(lines)))


def _tidy_blanks(lines: list[str], drop: list[bool]) -> list[int]:
    """Kept line indexes, without leading/trailing blank lines or runs of blank lines."""
    kept: list[int] = []
    for index, line in enumerate(lines):
        if drop[index]:
            continue
        blank = not line.strip()
        if blank and (not kept or not lines[kept[-1]].strip()):
            continue
        kept.append(index)
    while kept and not lines[kept[-1]].strip():
        kept.pop()
    return kept


@lru_cache(maxsize=16)  # locate() folds the same document for every quote
def _fold(text: str, casefold: bool) -> tuple[str, tuple[int, ...]]:
    """`text` with whitespace runs as one space and look-alike characters unified.

    Returns the folded text and, for each of its characters, the index it came from.
    """
    out: list[str] = []
    origin: list[int] = []
    in_space = False
    for index, char in enumerate(text):
        if char.isspace():
            if out and not in_space:
                out.append(" ")
                origin.append(index)
            in_space = True
            continue
        in_space = False
        mapped = _CHAR_MAP.get(char, char)
        if casefold:
            mapped = mapped.casefold()
        out.extend(mapped)
        origin.extend([index] * len(mapped))
    return "".join(out), tuple(origin)


def _find(haystack: str, needle: str, casefold: bool) -> tuple[int, int] | None:
    """(start, end) in `haystack` of the folded `needle`, or None."""
    folded, origin = _fold(haystack, casefold)
    position = folded.find(needle)
    if position < 0:
        return None
    return origin[position], origin[position + len(needle) - 1] + 1
