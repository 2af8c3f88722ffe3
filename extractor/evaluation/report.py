"""Evaluation reports: models, comparison against a baseline, and their renderings.

This module is the public face for report handling; the models live in
`extractor.evaluation.models` and the views in `extractor.evaluation.render`.
"""

from __future__ import annotations

from extractor.evaluation.models import (
    Accuracy,
    Comparison,
    Counts,
    Delta,
    DocScore,
    EvalReport,
    Mismatch,
    MismatchKind,
    is_item_path,
    item_path,
    ordered_paths,
)
from extractor.evaluation.render import render_comparison, render_table, to_markdown

__all__ = [
    "Accuracy",
    "Comparison",
    "Counts",
    "Delta",
    "DocScore",
    "EvalReport",
    "Mismatch",
    "MismatchKind",
    "compare",
    "is_item_path",
    "item_path",
    "ordered_paths",
    "render_comparison",
    "render_table",
    "to_markdown",
]


def _f1_deltas(current: dict[str, Counts], baseline: dict[str, Counts]) -> dict[str, Delta]:
    keys = sorted(set(current) | set(baseline))
    return {
        key: Delta(
            baseline=baseline[key].f1 if key in baseline else None,
            current=current[key].f1 if key in current else None,
        )
        for key in keys
    }


def compare(current: EvalReport, baseline: EvalReport, max_drop: float) -> Comparison:
    """Compare a report with a baseline.

    Args:
        current: The new report.
        baseline: The report to compare against.
        max_drop: Largest tolerated fall of overall F1 (0.02 = two points).

    Returns:
        F1 deltas overall, per field and per language; `regressed` when overall F1
        fell by more than `max_drop`. Documents present in only one report are
        listed, since their scores are not comparable then.
    """
    drop = baseline.overall.f1 - current.overall.f1
    return Comparison(
        overall=Delta(baseline=baseline.overall.f1, current=current.overall.f1),
        match_accuracy=Delta(baseline=baseline.match_accuracy, current=current.match_accuracy),
        per_field=_f1_deltas(current.per_field, baseline.per_field),
        per_language=_f1_deltas(current.per_language, baseline.per_language),
        max_drop=max_drop,
        regressed=drop > max_drop + 1e-12,
        documents_added=sorted(set(current.per_document) - set(baseline.per_document)),
        documents_removed=sorted(set(baseline.per_document) - set(current.per_document)),
    )
