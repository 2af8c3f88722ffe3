"""The hand-written assignment in evaluation/align.py is optimal (checked against brute force)."""

import itertools
import random

import pytest

from extractor.evaluation.align import hungarian


def brute_force(cost: list[list[float]]) -> float:
    rows, cols = len(cost), len(cost[0])
    return min(sum(cost[r][c] for r, c in enumerate(pick)) for pick in itertools.permutations(range(cols), rows))


@pytest.mark.parametrize(("rows", "cols"), [(1, 1), (1, 4), (2, 2), (3, 5), (4, 4), (5, 6), (6, 6)])
def test_assignment_cost_is_the_minimum(rows: int, cols: int) -> None:
    rng = random.Random(rows * 100 + cols)
    for _ in range(40):
        # ties and equal rows included: alignment costs are often 0, 1 or repeated similarities
        cost = [[rng.choice([0.0, 1.0, 2.5, rng.random()]) for _ in range(cols)] for _ in range(rows)]
        picked = hungarian(cost)
        assert len(set(picked)) == rows and all(0 <= c < cols for c in picked), "each row its own column"
        assert sum(cost[r][c] for r, c in enumerate(picked)) == pytest.approx(brute_force(cost))


def test_more_rows_than_columns_is_refused() -> None:
    with pytest.raises(ValueError, match="at least as many columns"):
        hungarian([[1.0], [2.0]])
    assert hungarian([]) == []
