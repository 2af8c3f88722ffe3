"""Field-level scoring of extraction records against gold, generic over nested JSON.

Everything task-specific comes from the `EvalSpec`: which lists align by which key
fields, and how each field name compares. Counting rules for one scalar field:

* both null: not counted;
* gold null, prediction not: a false positive ("extra");
* gold set, prediction null: a false negative ("missing");
* both set: a true positive when they agree, else one FP and one FN ("wrong");
* booleans: True counts like a value and False like null, so agreeing on False is
  not counted (it would inflate scores).

Unaligned predicted items count each of their fields (and nested items) as false
positives, unaligned gold items as false negatives; each such item is listed as one
mismatch at its item path ('books[]'). A record with status "error", or no record
at all, scores as an empty prediction.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from extractor.evalspec import EvalSpec, FieldRule, ListRule
from extractor.evaluation.align import align_objects, align_scalars
from extractor.evaluation.gold import GoldDoc
from extractor.evaluation.models import (
    Accuracy,
    Counts,
    DocScore,
    DocStatus,
    EvalReport,
    GroupScore,
    Mismatch,
    MismatchKind,
    is_item_path,
    item_path,
    ordered_paths,
)
from extractor.evaluation.normalize import is_null, similarity

__all__ = ["EvalReport", "outcome", "score"]

_KINDS: dict[tuple[int, int], MismatchKind] = {(1, 0): "extra", (0, 1): "missing", (1, 1): "wrong"}


def outcome(gold: Any, pred: Any, rule: FieldRule) -> Counts:
    """TP/FP/FN of one scalar field (see the module docstring for the rules)."""
    if rule.kind == "ignore":
        return Counts()
    if isinstance(gold, bool) or isinstance(pred, bool):
        gold_set, pred_set = gold is True, pred is True
    else:
        gold_set, pred_set = not is_null(gold), not is_null(pred)
    if gold_set and pred_set:
        if similarity(gold, pred, rule) > 0:
            return Counts(tp=1)
        return Counts(fp=1, fn=1)
    return Counts(fp=int(pred_set), fn=int(gold_set))


def _as_list(value: Any) -> list[Any]:
    return [item for item in value if item is not None] if isinstance(value, list) else []


class _DocScorer:
    """Walks one gold result and one prediction in parallel and tallies them."""

    def __init__(self, doc_id: str, spec: EvalSpec) -> None:
        self.doc_id = doc_id
        self.spec = spec
        self.counts: dict[str, Counts] = {}
        self.accuracy: dict[str, Accuracy] = {}
        self.swaps = 0
        self.mismatches: list[Mismatch] = []

    def _tally(self, path: str, counts: Counts) -> None:
        self.counts.setdefault(path, Counts()).add(counts)

    def _mismatch(self, path: str, gold: Any, pred: Any, kind: MismatchKind, context: Sequence[str]) -> None:
        self.mismatches.append(
            Mismatch(
                document=self.doc_id,
                field=path,
                gold=self._clean(gold),
                predicted=self._clean(pred),
                kind=kind,
                context=" > ".join(context),
            )
        )

    def _clean(self, value: Any) -> Any:
        """A value for a mismatch entry, without fields of kind 'ignore'."""
        if isinstance(value, Mapping):
            return {k: self._clean(v) for k, v in value.items() if self.spec.rule(k).kind != "ignore"}
        if isinstance(value, list):
            return [self._clean(v) for v in value]
        return value

    def walk(
        self,
        gold: Mapping[str, Any] | None,
        pred: Mapping[str, Any] | None,
        prefix: str,
        context: tuple[str, ...],
        report: bool,
        swap_fields: Sequence[str] = (),
    ) -> None:
        """Score the fields of an object pair; either side may be None (unaligned)."""
        gold_map: Mapping[str, Any] = gold or {}
        pred_map: Mapping[str, Any] = pred or {}
        names = list(gold_map) + [n for n in pred_map if n not in gold_map]
        for name in names:
            rule = self.spec.rule(name)
            if rule.kind == "ignore":
                continue
            path = f"{prefix}.{name}" if prefix else name
            gv, pv = gold_map.get(name), pred_map.get(name)
            if isinstance(gv, list) or isinstance(pv, list):
                self.walk_list(_as_list(gv), _as_list(pv), path, context, report)
            elif isinstance(gv, Mapping) or isinstance(pv, Mapping):
                self.walk(
                    gv if isinstance(gv, Mapping) else None,
                    pv if isinstance(pv, Mapping) else None,
                    path,
                    context,
                    report,
                )
            else:
                counts = outcome(gv, pv, rule)
                self._tally(path, counts)
                kind = _KINDS.get((counts.fp, counts.fn))
                if kind is not None and report:
                    if kind == "wrong" and name in swap_fields:
                        kind = "swap"
                    self._mismatch(path, gv, pv, kind, context)

    def walk_list(self, gold: list[Any], pred: list[Any], path: str, context: tuple[str, ...], report: bool) -> None:
        """Align two lists found at `path` and score items and their fields."""
        if not all(isinstance(item, Mapping) for item in [*gold, *pred]):
            self._scalar_list(gold, pred, path, context, report)
            return
        rule = self.spec.lists.get(path)
        alignment = align_objects(gold, pred, rule, self.spec)
        self._tally(
            item_path(path),
            Counts(
                tp=len(alignment.pairs),
                fp=len(alignment.unmatched_pred),
                fn=len(alignment.unmatched_gold),
            ),
        )
        accuracy = self.accuracy.setdefault(path, Accuracy())
        accuracy.total += len(gold)
        for pair in alignment.pairs:
            g, p = gold[pair.gold], pred[pair.pred]
            swap_fields: tuple[str, ...] = ()
            if pair.swapped and rule is not None:
                self.swaps += 1
                swap_fields = rule.key[:2]
            elif self._item_correct(g, p, rule):
                accuracy.correct += 1
            self.walk(g, p, path, (*context, self._label(g, rule)), report, swap_fields)
        for index in alignment.unmatched_gold:
            self._unaligned(gold[index], None, path, context, report)
        for index in alignment.unmatched_pred:
            self._unaligned(None, pred[index], path, context, report)

    def _unaligned(
        self,
        gold: Mapping[str, Any] | None,
        pred: Mapping[str, Any] | None,
        path: str,
        context: tuple[str, ...],
        report: bool,
    ) -> None:
        """Count an item without a partner (one side None); list it as one mismatch."""
        if report:
            self._mismatch(item_path(path), gold, pred, "missing" if pred is None else "extra", context)
        self.walk(gold, pred, path, context, report=False)

    def _scalar_list(self, gold: list[Any], pred: list[Any], path: str, context: tuple[str, ...], report: bool) -> None:
        rule = self.spec.rule(path.rsplit(".", 1)[-1])
        alignment = align_scalars(gold, pred, rule)
        self._tally(
            path,
            Counts(
                tp=len(alignment.pairs),
                fp=len(alignment.unmatched_pred),
                fn=len(alignment.unmatched_gold),
            ),
        )
        if report:
            for index in alignment.unmatched_gold:
                self._mismatch(path, gold[index], None, "missing", context)
            for index in alignment.unmatched_pred:
                self._mismatch(path, None, pred[index], "extra", context)

    def _check_fields(self, item: Mapping[str, Any], rule: ListRule | None) -> list[str]:
        if rule is not None:
            return [*rule.key, *rule.exact_fields]
        return [n for n, v in item.items() if not isinstance(v, list | Mapping)]

    def _item_correct(self, gold: Mapping[str, Any], pred: Mapping[str, Any], rule: ListRule | None) -> bool:
        """Key fields and the rule's exact fields all right (no FP, no FN)."""
        for name in self._check_fields(gold, rule):
            counts = outcome(gold.get(name), pred.get(name), self.spec.rule(name))
            if counts.fp or counts.fn:
                return False
        return True

    def _label(self, item: Mapping[str, Any], rule: ListRule | None) -> str:
        """Short name of an item for mismatch context: its non-null key values."""
        names = list(rule.key) if rule is not None else self._check_fields(item, None)[:2]
        values = [str(item[n]) for n in names if not is_null(item.get(n))]
        return " / ".join(values)


def _group(report: EvalReport, doc: DocScore, top_accuracy: Accuracy) -> None:
    """Add one document to 'all' and to each of its groups."""
    for name in ["all", *doc.groups]:
        group = report.groups.setdefault(name, GroupScore())
        group.documents += 1
        group.error_records += doc.status != "ok"
        group.fields.add(doc.counts)
        for path, counts in doc.items.items():
            group.items.setdefault(path, Counts()).add(counts)
        group.exact.add(top_accuracy)
        group.swaps += doc.swaps
        if doc.seconds is not None:
            group.seconds.append(doc.seconds)


def _prediction(
    record: Mapping[str, Any] | None,
) -> tuple[DocStatus, Mapping[str, Any] | None, str | None]:
    """Status, usable result and error text of a document's record."""
    if record is None:
        return "missing", None, "no record for this document"
    result = record.get("result")
    if record.get("status", "ok") == "ok" and isinstance(result, Mapping):
        return "ok", result, None
    error = record.get("error")
    if isinstance(error, Mapping):
        text = str(error.get("message") or json.dumps(error, default=str))
    else:
        text = str(error) if error else f"status {record.get('status')!r} without a result"
    return "error", None, text


def score(records: Iterable[Mapping[str, Any]], gold: Mapping[str, GoldDoc], spec: EvalSpec) -> EvalReport:
    """Score extraction records against gold documents.

    Args:
        records: One record per document (a later record for the same doc_id
            replaces an earlier one). Records without gold are listed in `ungraded`.
        gold: Gold documents by doc_id; each is scored, with or without a record.
        spec: The task's alignment and comparison rules.

    Returns:
        The report; `meta` is left empty for the caller.
    """
    latest: dict[str, Mapping[str, Any]] = {str(r.get("doc_id")): r for r in records}
    report = EvalReport(ungraded=sorted(set(latest) - set(gold)))
    accuracy: dict[str, Accuracy] = {}
    for doc_id in sorted(gold):
        record = latest.get(doc_id)
        status, pred, error = _prediction(record)
        scorer = _DocScorer(doc_id, spec)
        scorer.walk(gold[doc_id].result, pred, "", (), report=True)
        language = gold[doc_id].language or (record or {}).get("language") or "unknown"
        seconds = (record or {}).get("seconds")
        doc = DocScore(
            language=str(language),
            status=status,
            error=error,
            swaps=scorer.swaps,
            mismatches=len(scorer.mismatches),
            seconds=float(seconds) if isinstance(seconds, int | float) and status != "missing" else None,
            groups=gold[doc_id].groups,
            warnings=len((record or {}).get("warnings") or []),
        )
        for path, counts in scorer.counts.items():
            report.per_field.setdefault(path, Counts()).add(counts)
            if is_item_path(path):
                doc.items.setdefault(path, Counts()).add(counts)
            else:
                doc.counts.add(counts)
        top_accuracy = Accuracy()
        for path, tally in scorer.accuracy.items():
            accuracy.setdefault(path, Accuracy()).add(tally)
            if "." not in path:
                top_accuracy.add(tally)
        _group(report, doc, top_accuracy)
        report.per_document[doc_id] = doc
        report.per_language.setdefault(doc.language, Counts()).add(doc.counts)
        report.overall.add(doc.counts)
        report.swaps += scorer.swaps
        report.mismatches.extend(scorer.mismatches)
    report.per_field = {
        path: report.per_field[path] for path in ordered_paths(report.per_field) if report.per_field[path].total
    }
    report.per_language = dict(sorted(report.per_language.items()))
    report.groups = dict(sorted(report.groups.items(), key=lambda kv: (kv[0] != "all", kv[0])))
    report.accuracy = dict(sorted(accuracy.items()))
    top = Accuracy()
    for path, tally in report.accuracy.items():
        if "." not in path:
            top.add(tally)
    report.match_accuracy = top.value
    return report
