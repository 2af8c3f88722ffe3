"""Evaluation: score extraction records against hand-labelled gold files."""

from extractor.evalspec import EvalSpec, FieldRule, ListRule
from extractor.evaluation.gold import GoldDoc, GoldError, load_gold
from extractor.evaluation.render import (
    render_comparison,
    render_table,
    to_markdown,
)
from extractor.evaluation.report import (
    Comparison,
    Counts,
    EvalReport,
    Mismatch,
    compare,
)
from extractor.evaluation.score import score

__all__ = [
    "Comparison",
    "Counts",
    "EvalReport",
    "EvalSpec",
    "FieldRule",
    "GoldDoc",
    "GoldError",
    "ListRule",
    "Mismatch",
    "compare",
    "load_gold",
    "render_comparison",
    "render_table",
    "score",
    "to_markdown",
]
