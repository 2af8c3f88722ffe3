"""One-to-one alignment of gold and predicted list items.

Items are paired by maximum-weight bipartite matching (a Hungarian algorithm, exact
and O(n^3); lists are small). It is written here rather than taken from scipy's
`linear_sum_assignment` because of what was measured (2 cores, Dec 2026): scoring all 49 gold
documents makes 148 assignments that take 1.2 ms in total (the largest list has 10 items; 61 µs
at 10x10, scipy 6 µs), while scipy + numpy would add ~186 MB to the install and 0.6-0.7 s to
every eval's start-up. Both give the same optimal cost on 300 random matrices up to 30x30;
tests/test_align_hungarian.py checks it against brute force. A pair is only allowed when every key field agrees
under its `FieldRule` (a null on either side does not block); among allowed
pairings the matching first maximises the number of pairs, then the summed key
similarity. Lists without a `ListRule` align objects by the share of agreeing
scalar fields (at least half) and scalars by their own field rule.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from extractor.evalspec import EvalSpec, FieldRule, ListRule
from extractor.evaluation.normalize import is_null, similarity

MIN_DEFAULT_AGREEMENT = 0.5
"""Share of agreeing scalar fields needed to pair objects of a list without a rule."""


@dataclass(frozen=True)
class Pair:
    """An aligned gold/predicted item; `swapped` when an unordered key pair is reversed."""

    gold: int
    pred: int
    swapped: bool = False


@dataclass(frozen=True)
class Alignment:
    """Result of aligning two lists, by item index."""

    pairs: list[Pair] = field(default_factory=list)
    unmatched_gold: list[int] = field(default_factory=list)
    unmatched_pred: list[int] = field(default_factory=list)


def hungarian(cost: Sequence[Sequence[float]]) -> list[int]:
    """Minimum-cost assignment of every row to a distinct column.

    Args:
        cost: An n x m matrix with n <= m.

    Returns:
        For each row, the index of its assigned column.
    """
    n = len(cost)
    if n == 0:
        return []
    m = len(cost[0])
    if m < n:
        raise ValueError("hungarian needs at least as many columns as rows")
    u = [0.0] * (n + 1)  # row potentials (1-based)
    v = [0.0] * (m + 1)  # column potentials; column 0 is a virtual start
    owner = [0] * (m + 1)  # owner[j]: row (1-based) assigned to column j, 0 = free
    for row in range(1, n + 1):
        _augment(cost, row, u, v, owner)
    result = [-1] * n
    for j in range(1, m + 1):
        if owner[j]:
            result[owner[j] - 1] = j - 1
    return result


def _augment(cost: Sequence[Sequence[float]], row: int, u: list[float], v: list[float], owner: list[int]) -> None:
    """Add `row` to the assignment along a shortest augmenting path (potentials kept feasible)."""
    m = len(v) - 1
    inf = float("inf")
    way = [0] * (m + 1)
    min_v = [inf] * (m + 1)
    used = [False] * (m + 1)
    owner[0] = row
    col = 0
    while owner[col] != 0:
        used[col] = True
        r0, delta, next_col = owner[col], inf, 0
        for j in range(1, m + 1):
            if used[j]:
                continue
            reduced = cost[r0 - 1][j - 1] - u[r0] - v[j]
            if reduced < min_v[j]:
                min_v[j], way[j] = reduced, col
            if min_v[j] < delta:
                delta, next_col = min_v[j], j
        for j in range(m + 1):
            if used[j]:
                u[owner[j]] += delta
                v[j] -= delta
            else:
                min_v[j] -= delta
        col = next_col
    while col:
        prev = way[col]
        owner[col] = owner[prev]
        col = prev


def max_weight_matching(weights: Sequence[Sequence[float | None]]) -> list[tuple[int, int]]:
    """Maximum-weight one-to-one matching; `None` marks a forbidden pair.

    Weights must be positive. Returns (row, column) pairs sorted by row.
    """
    rows = len(weights)
    cols = len(weights[0]) if rows else 0
    if rows == 0 or cols == 0:
        return []
    transpose = rows > cols
    grid = [list(col) for col in zip(*weights, strict=True)] if transpose else [list(r) for r in weights]
    top = max((w for r in grid for w in r if w is not None), default=0.0)
    cost = [[top - w if w is not None else top for w in r] for r in grid]
    pairs = [(c, r) if transpose else (r, c) for r, c in enumerate(hungarian(cost)) if grid[r][c] is not None]
    return sorted(pairs)


def _key_similarity(
    gold: Mapping[str, Any],
    pred: Mapping[str, Any],
    fields: Sequence[tuple[str, str]],
    spec: EvalSpec,
) -> float | None:
    """Summed similarity of (gold field, predicted field) pairs; None when one disagrees."""
    total = 0.0
    for gold_name, pred_name in fields:
        rule = spec.rule(gold_name)
        if rule.kind == "ignore":
            continue
        gv, pv = gold.get(gold_name), pred.get(pred_name)
        if is_null(gv) or is_null(pv):
            total += 1.0 if is_null(gv) and is_null(pv) else 0.5
            continue
        score = similarity(gv, pv, rule)
        if score <= 0:
            return None
        total += score
    return total


def _ruled_weight(
    gold: Mapping[str, Any], pred: Mapping[str, Any], rule: ListRule, spec: EvalSpec
) -> tuple[float | None, bool]:
    """Key similarity of two items and whether the best orientation is the swapped one."""
    direct = _key_similarity(gold, pred, [(k, k) for k in rule.key], spec)
    if not rule.unordered_pair:
        return direct, False
    first, second, *rest = rule.key
    crossed = [(first, second), (second, first), *((k, k) for k in rest)]
    swapped = _key_similarity(gold, pred, crossed, spec)
    if swapped is not None and (direct is None or swapped > direct):
        return swapped, True
    return direct, False


def _scalar_names(item: Mapping[str, Any], spec: EvalSpec) -> set[str]:
    return {
        name for name, value in item.items() if not isinstance(value, list | dict) and spec.rule(name).kind != "ignore"
    }


def _default_weight(gold: Mapping[str, Any], pred: Mapping[str, Any], spec: EvalSpec) -> float | None:
    """Share of agreeing non-null scalar fields; None below `MIN_DEFAULT_AGREEMENT`."""
    names = sorted(_scalar_names(gold, spec) | _scalar_names(pred, spec))
    compared = [n for n in names if not (is_null(gold.get(n)) and is_null(pred.get(n)))]
    if not compared:
        return 1.0
    agree = 0.0
    for name in compared:
        gv, pv = gold.get(name), pred.get(name)
        if not is_null(gv) and not is_null(pv):
            agree += similarity(gv, pv, spec.rule(name))
    share = agree / len(compared)
    return share if share >= MIN_DEFAULT_AGREEMENT else None


def _finish(pairs: list[Pair], n_gold: int, n_pred: int) -> Alignment:
    gold_done = {p.gold for p in pairs}
    pred_done = {p.pred for p in pairs}
    return Alignment(
        pairs=sorted(pairs, key=lambda p: p.gold),
        unmatched_gold=[i for i in range(n_gold) if i not in gold_done],
        unmatched_pred=[j for j in range(n_pred) if j not in pred_done],
    )


def _match(weights: list[list[float | None]], max_score: float) -> list[tuple[int, int]]:
    """Matching that maximises the pair count first: each allowed pair gets a large bonus."""
    bonus = (min(len(weights), len(weights[0]) if weights else 0) + 1) * (max_score + 1)
    boosted = [[None if w is None else w + bonus for w in row] for row in weights]
    return max_weight_matching(boosted)


def align_objects(
    gold: Sequence[Mapping[str, Any]],
    pred: Sequence[Mapping[str, Any]],
    rule: ListRule | None,
    spec: EvalSpec,
) -> Alignment:
    """Align two lists of objects by the list's rule (or by field agreement without one)."""
    weights: list[list[float | None]] = []
    swaps: dict[tuple[int, int], bool] = {}
    for i, g in enumerate(gold):
        row: list[float | None] = []
        for j, p in enumerate(pred):
            if rule is None:
                weight, swapped = _default_weight(g, p, spec), False
            else:
                weight, swapped = _ruled_weight(g, p, rule, spec)
            row.append(weight)
            swaps[i, j] = swapped
        weights.append(row)
    max_score = float(len(rule.key)) if rule is not None else 1.0
    pairs = [Pair(i, j, swaps[i, j]) for i, j in _match(weights, max_score)] if gold and pred else []
    return _finish(pairs, len(gold), len(pred))


def align_scalars(gold: Sequence[Any], pred: Sequence[Any], rule: FieldRule) -> Alignment:
    """Align two lists of scalars one-to-one by the field rule of the list."""
    weights: list[list[float | None]] = [
        [score if (score := similarity(g, p, rule)) > 0 else None for p in pred] for g in gold
    ]
    pairs = [Pair(i, j) for i, j in _match(weights, 1.0)] if gold and pred else []
    return _finish(pairs, len(gold), len(pred))
