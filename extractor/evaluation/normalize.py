"""Normalisation and similarity of scalar values, by the field's `FieldRule` kind.

`similarity` is the single entry point: it returns 0.0 when two non-null values do
not count as the same, and a score in (0, 1] when they do (1.0 for an exact match
after normalisation, less for a fuzzy one). Alignment uses the score to prefer the
closest candidate; scoring only asks whether it is positive.
"""

from __future__ import annotations

from typing import Any

from rapidfuzz import fuzz

from extractor.evalspec import FieldRule
from extractor.names import CLUB_AFFIXES as TEAM_AFFIXES
from extractor.names import club_key as team_key
from extractor.names import fold, initialism

FUZZY_THRESHOLD = 85.0
"""Minimum rapidfuzz score (0-100) for two names or texts to count as the same."""

# Club names (kind "team") and text folding come from the project's one normaliser.
__all__ = [
    "FUZZY_THRESHOLD", "TEAM_AFFIXES", "exact_similarity", "fold", "is_null", "number_similarity",
    "person_similarity", "similarity", "team_key", "team_similarity", "text_similarity",
]  # fmt: skip


def is_null(value: Any) -> bool:
    """Whether a value counts as absent: None, a blank string or an empty list/dict."""
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, list | dict | tuple):
        return not value
    return False


def _ratio(a: str, b: str) -> float:
    """Best of plain and token-order-insensitive rapidfuzz ratios, 0-100."""
    return max(fuzz.ratio(a, b), fuzz.token_sort_ratio(a, b))


def _token_subset(a: list[str], b: list[str]) -> bool:
    """Whether all tokens of the shorter list occur in the longer one."""
    shorter, longer = (a, b) if len(a) <= len(b) else (b, a)
    return set(shorter) <= set(longer)


def _token_close(a: str, b: str) -> bool:
    """Whether two name tokens agree: equal, an initial of the other, or a near spelling."""
    if a == b:
        return True
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    return fuzz.ratio(a, b) >= FUZZY_THRESHOLD


def team_similarity(a: str, b: str) -> float:
    """Similarity of two team names: 'AS Roma' ~ 'Roma', 'Atalanta' ~ 'Atalanta Bergamo'."""
    ka, kb = team_key(a), team_key(b)
    if not ka or not kb:
        return 1.0 if ka == kb else 0.0
    if ka == kb:
        return 1.0
    if initialism(a, b):
        return 0.9
    if _token_subset(ka.split(), kb.split()):
        return 0.95
    score = _ratio(ka, kb)
    return 0.95 * score / 100 if score >= FUZZY_THRESHOLD else 0.0


def person_similarity(a: str, b: str) -> float:
    """Similarity of two person names.

    Accepts the same name after folding, a surname-only or initialled form of the
    longer name ('Romero' ~ 'Cristian Romero', 'C. Romero' ~ 'Cristian Romero',
    'van Dijk' ~ 'Virgil van Dijk'), and near spellings ('Mbape' ~ 'Mbappé').
    A first name alone does not match the full name.
    """
    fa, fb = fold(a), fold(b)
    if not fa or not fb:
        return 1.0 if fa == fb else 0.0
    if fa == fb:
        return 1.0
    ta, tb = fa.split(), fb.split()
    shorter, longer = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    tail = longer[len(longer) - len(shorter) :]
    if len(shorter[-1]) > 1 and all(_token_close(x, y) for x, y in zip(shorter, tail, strict=True)):
        return 0.9
    score = _ratio(fa, fb)
    return 0.9 * score / 100 if score >= FUZZY_THRESHOLD else 0.0


def text_similarity(a: str, b: str, *, fuzzy: bool) -> float:
    """Similarity of free texts: equal after folding, or token-set ratio when fuzzy."""
    fa, fb = fold(a), fold(b)
    if fa == fb:
        return 1.0
    if not fuzzy or not fa or not fb:
        return 0.0
    score = max(fuzz.token_set_ratio(fa, fb), _ratio(fa, fb))
    return 0.95 * score / 100 if score >= FUZZY_THRESHOLD else 0.0


def _as_number(value: Any) -> float | None:
    """A value as a float when it is numeric (bools excluded), else None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, str):
        try:
            return float(value.strip())
        except ValueError:
            return None
    return None


def exact_similarity(a: Any, b: Any) -> float:
    """1.0 when equal (strings after folding, numbers numerically, bools strictly), else 0.0."""
    if isinstance(a, bool) or isinstance(b, bool):
        return 1.0 if a is b else 0.0
    na, nb = _as_number(a), _as_number(b)
    if na is not None and nb is not None:
        return 1.0 if na == nb else 0.0
    if isinstance(a, str) and isinstance(b, str):
        return 1.0 if fold(a) == fold(b) else 0.0
    return 1.0 if a == b else 0.0


def number_similarity(a: Any, b: Any, tolerance: float) -> float:
    """1.0 when equal, down to 0.5 at the tolerance, 0.0 beyond; non-numbers compare exactly."""
    na, nb = _as_number(a), _as_number(b)
    if na is None or nb is None:
        return exact_similarity(a, b)
    diff = abs(na - nb)
    if diff == 0:
        return 1.0
    if diff > tolerance:
        return 0.0
    return 1.0 - 0.5 * diff / tolerance


def similarity(gold: Any, pred: Any, rule: FieldRule) -> float:
    """How well two non-null scalar values agree under a field rule.

    Args:
        gold: The gold value (not null).
        pred: The predicted value (not null).
        rule: The field's comparison rule; kind "ignore" always agrees.

    Returns:
        0.0 when the values do not count as the same, otherwise a score in (0, 1].
    """
    if rule.kind == "ignore":
        return 1.0
    if rule.kind == "number":
        return number_similarity(gold, pred, rule.tolerance)
    if not isinstance(gold, str) or not isinstance(pred, str):
        return exact_similarity(gold, pred)
    if rule.kind == "team":
        return team_similarity(gold, pred)
    if rule.kind == "person":
        return person_similarity(gold, pred)
    if rule.kind == "text":
        return text_similarity(gold, pred, fuzzy=rule.fuzzy)
    return exact_similarity(gold, pred)
