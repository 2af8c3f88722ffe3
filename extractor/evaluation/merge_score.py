"""Scoring of consolidation: did the merge group the reports of one real item, and get it right?

Inputs are data only: the canonical items (`extractor merge` output), the gold documents,
the records whose items were merged, and the hand-labelled consolidation gold
(`evals/<task>/merge_gold.json`: groups of gold items, `{"doc_id", "index"}`, that report one
real item, with the facts the canonical item should state). Every gold item not in a group
is a real item of its own.

* Grouping: pairwise precision / recall over the gold items. A predicted item is first
  aligned to its document's gold item (the task's list rule); a pair of predicted items in one
  canonical item is right when both align to gold items of one real item.
* Canonical fields: for every group with `expected` facts, the canonical item holding most of
  its members is compared field by field (the task's field rules; a sub-list is right when it
  aligns one-to-one with the expected one).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field

from extractor.evalspec import EvalSpec
from extractor.evaluation.align import align_objects
from extractor.evaluation.gold import GoldDoc, GoldError
from extractor.evaluation.normalize import is_null, similarity

Ref = tuple[str, int]  # (doc_id, index in the document's list)


class MergeGroup(BaseModel):
    """Gold items that report one real item."""

    id: str
    members: list[dict[str, Any]]
    expected: dict[str, Any] = Field(default_factory=dict)
    notes: list[str] = Field(default_factory=list)

    def refs(self) -> list[Ref]:
        """The members as (doc_id, index)."""
        return [(str(m["doc_id"]), int(m["index"])) for m in self.members]


class MergeGold(BaseModel):
    """The consolidation gold file."""

    task: str | None = None
    about: list[str] = Field(default_factory=list)
    matches: list[MergeGroup]


class MergeReport(BaseModel):
    """How well records were consolidated."""

    gold_items: int = 0
    gold_groups: int = Field(default=0, description="Real items with two or more gold reports.")
    pairs_gold: int = 0
    pairs_predicted: int = 0
    pairs_correct: int = 0
    precision: float = 0.0
    recall: float = 0.0
    f1: float = 0.0
    canonical_items: int = 0
    field_accuracy: dict[str, float] = Field(default_factory=dict)
    field_counts: dict[str, list[int]] = Field(default_factory=dict, description="field -> [right, scored]")
    mistakes: list[str] = Field(default_factory=list)
    meta: dict[str, Any] = Field(default_factory=dict)


def load_merge_gold(path: Path) -> MergeGold:
    """Read a consolidation gold file.

    Raises:
        GoldError: missing or malformed.
    """
    if not path.is_file():
        raise GoldError(f"no consolidation gold at {path}")
    try:
        return MergeGold.model_validate_json(path.read_bytes())
    except ValueError as exc:
        raise GoldError(f"{path}: not a consolidation gold file: {exc}") from exc


def score_merge(
    matches: Iterable[Mapping[str, Any]],
    records: Iterable[Mapping[str, Any]],
    gold: Mapping[str, GoldDoc],
    merge_gold: MergeGold,
    spec: EvalSpec,
    items: str,
) -> MergeReport:
    """Score canonical items against the consolidation gold (see the module docstring)."""
    labels = _gold_labels(gold, merge_gold, items)
    to_gold = _align_records(records, gold, spec, items)
    report = MergeReport(gold_items=len(labels))
    sizes = Counter(labels.values())
    report.gold_groups = sum(1 for n in sizes.values() if n > 1)
    report.pairs_gold = sum(n * (n - 1) // 2 for n in sizes.values())
    where: dict[Ref, int] = {}
    matches = list(matches)
    report.canonical_items = len(matches)
    for number, match in enumerate(matches):
        refs = [_source_ref(s) for s in match.get("sources") or []]
        mapped = [to_gold.get(ref) for ref in refs]
        for ref in mapped:
            if ref is not None:
                where[ref] = number
        known = [labels.get(ref) if ref is not None else None for ref in mapped]
        for i, a in enumerate(known):
            for b in known[i + 1 :]:
                report.pairs_predicted += 1
                report.pairs_correct += a is not None and a == b
        wrong = {lab for lab in known if lab is not None}
        if len(wrong) > 1:
            report.mistakes.append(f"merged different items: {sorted(wrong)}")
    for group in merge_gold.matches:
        present = [ref for ref in group.refs() if ref in labels]
        homes = {where.get(ref) for ref in present}
        if len(present) > 1 and len(homes) > 1:
            report.mistakes.append(f"{group.id}: its {len(present)} reports ended in {len(homes)} canonical items")
    p, r = report.pairs_predicted, report.pairs_gold
    report.precision = round(report.pairs_correct / p, 4) if p else 1.0
    report.recall = round(report.pairs_correct / r, 4) if r else 1.0
    total = report.precision + report.recall
    report.f1 = round(2 * report.precision * report.recall / total, 4) if total else 0.0
    _score_fields(report, merge_gold, labels, where, matches, spec, items)
    return report


def _gold_labels(gold: Mapping[str, GoldDoc], merge_gold: MergeGold, items: str) -> dict[Ref, str]:
    labels: dict[Ref, str] = {}
    for doc_id, doc in gold.items():
        for index, _ in enumerate(doc.result.get(items) or []):
            labels[doc_id, index] = f"{doc_id}/{index}"
    for group in merge_gold.matches:
        for ref in group.refs():
            if ref in labels:
                labels[ref] = group.id
    return labels


def _align_records(
    records: Iterable[Mapping[str, Any]], gold: Mapping[str, GoldDoc], spec: EvalSpec, items: str
) -> dict[Ref, Ref]:
    """Each predicted item (doc_id, index) -> the gold item of its document it aligns with."""
    out: dict[Ref, Ref] = {}
    for record in records:
        doc_id = str(record.get("doc_id"))
        doc = gold.get(doc_id)
        result = record.get("result") if record.get("status") == "ok" else None
        if doc is None or not isinstance(result, Mapping):
            continue
        predicted = [i for i in result.get(items) or [] if isinstance(i, Mapping)]
        alignment = align_objects(doc.result.get(items) or [], predicted, spec.lists.get(items), spec)
        for pair in alignment.pairs:
            out[doc_id, pair.pred] = (doc_id, pair.gold)
    return out


def _source_ref(source: Mapping[str, Any]) -> Ref:
    path = str(source.get("path", ""))
    index = int(path[path.rfind("[") + 1 : -1]) if path.endswith("]") else -1
    return str(source.get("doc_id")), index


def _score_fields(
    report: MergeReport,
    merge_gold: MergeGold,
    labels: Mapping[Ref, str],
    where: Mapping[Ref, int],
    matches: list[Mapping[str, Any]],
    spec: EvalSpec,
    items: str,
) -> None:
    counts: dict[str, list[int]] = {}
    for group in merge_gold.matches:
        present = [ref for ref in group.refs() if ref in labels]
        if not present or not group.expected:
            continue
        homes = Counter(where[ref] for ref in present if ref in where)
        value = matches[homes.most_common(1)[0][0]].get("value") or {} if homes else None
        for name, expected in group.expected.items():
            right = value is not None and _field_right(name, expected, value.get(name), spec, items)
            tally = counts.setdefault(name, [0, 0])
            tally[0] += right
            tally[1] += 1
            if not right:
                got = "not found" if value is None else json.dumps(value.get(name), ensure_ascii=False, default=str)
                report.mistakes.append(f"{group.id}.{name}: expected {json.dumps(expected, ensure_ascii=False)}, "
                                       f"got {got[:200]}")  # fmt: skip
    report.field_counts = counts
    report.field_accuracy = {name: round(right / n, 4) for name, (right, n) in counts.items() if n}


def _field_right(name: str, expected: Any, got: Any, spec: EvalSpec, items: str) -> bool:
    if isinstance(expected, list):
        got_list = [g for g in got or [] if isinstance(g, Mapping)]
        alignment = align_objects(expected, got_list, spec.lists.get(f"{items}.{name}"), spec)
        return not alignment.unmatched_gold and not alignment.unmatched_pred
    if is_null(expected) or is_null(got):
        return is_null(expected) and is_null(got)
    return similarity(expected, got, spec.rule(name)) > 0
