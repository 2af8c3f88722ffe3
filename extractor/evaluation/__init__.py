"""Evaluation: score extraction records against hand-labelled gold files."""

from extractor.evalspec import EvalSpec, FieldRule, ListRule
from extractor.evaluation.gold import GoldDoc, GoldError, iter_records, load_gold, load_records
from extractor.evaluation.render import (
    render_comparison,
    render_mismatches,
    render_table,
    to_markdown,
)
from extractor.evaluation.report import (
    Comparison,
    Counts,
    EvalReport,
    Mismatch,
    compare,
    load_report,
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
    "iter_records",
    "load_gold",
    "load_records",
    "load_report",
    "render_comparison",
    "render_mismatches",
    "render_table",
    "score",
    "to_markdown",
]
