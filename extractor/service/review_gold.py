"""The review page's eval view: each document's mismatches against its gold file, side by side.

The scoring is the project's own (`extractor.evaluation.score`, the same code as `extractor
eval`); this module only groups its report by document for the page. Two ways in:

* `compare_with_gold`: score the records being shown against a gold folder (the task's
  `evals/<task>/gold` by default), restricted to the documents those records are about;
* `from_eval_report`: take an `extractor eval --json` report as it was written.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from extractor.evaluation.gold import load_gold
from extractor.evaluation.models import Counts, EvalReport, Mismatch
from extractor.evaluation.score import score
from extractor.records import Record
from extractor.tasks import Task


@dataclass(frozen=True)
class GoldView:
    """One document's comparison with its gold file."""

    status: str
    counts: Counts
    mismatches: list[Mismatch]

    def page_data(self) -> dict[str, Any]:
        """What the page's script shows for this document."""
        return {
            "status": self.status,
            "tp": self.counts.tp, "fp": self.counts.fp, "fn": self.counts.fn, "f1": round(self.counts.f1, 4),
            "mismatches": [m.model_dump(mode="json") for m in self.mismatches],
        }  # fmt: skip


@dataclass(frozen=True)
class GoldComparison:
    """Per doc_id the comparison, and a line for the page's header."""

    views: dict[str, GoldView] = field(default_factory=dict)
    summary: str = ""

    def view(self, doc_id: str) -> GoldView | None:
        """The document's comparison, None when it has no gold."""
        return self.views.get(doc_id)


def from_eval_report(report: EvalReport, label: str) -> GoldComparison:
    """The comparison as an eval report (`extractor eval --json`) recorded it."""
    by_doc: dict[str, list[Mismatch]] = {}
    for mismatch in report.mismatches:
        by_doc.setdefault(mismatch.document, []).append(mismatch)
    views = {
        doc_id: GoldView(status=doc.status, counts=doc.counts, mismatches=by_doc.get(doc_id, []))
        for doc_id, doc in report.per_document.items()
    }
    return GoldComparison(views, _summary(label, views, report.overall))


def compare_with_gold(
    records: Iterable[Record], gold_dir: Path, task: Task, label: str | None = None
) -> GoldComparison:
    """Score `records` against the gold files of `gold_dir` that they are about.

    Gold documents without a record here are left out (this page shows records, not a split),
    so a partial run is not charged for documents it never saw.

    Raises:
        GoldError: the folder is missing or a gold file is invalid.
    """
    gold = load_gold(gold_dir, task.root_model, task=task.name)
    kept = [record.model_dump(mode="json") for record in records if record.doc_id in gold]
    wanted = {str(record["doc_id"]) for record in kept}
    if not wanted:
        return GoldComparison({}, f"gold {label or gold_dir}: none of these documents has a gold file")
    report = score(kept, {doc_id: doc for doc_id, doc in gold.items() if doc_id in wanted}, task.eval_spec)
    return from_eval_report(report, label or str(gold_dir))


def _summary(label: str, views: dict[str, GoldView], overall: Counts) -> str:
    kinds = Counter(m.kind for view in views.values() for m in view.mismatches)
    with_mismatches = sum(1 for view in views.values() if view.mismatches)
    parts = ", ".join(f"{count} {kind}" for kind, count in sorted(kinds.items()))
    return (f"against gold ({label}): {len(views)} document(s) scored, field F1 {overall.f1:.3f} "
            f"(tp {overall.tp}, fp {overall.fp}, fn {overall.fn}); {with_mismatches} with mismatches"
            + (f" ({parts})" if parts else ""))
