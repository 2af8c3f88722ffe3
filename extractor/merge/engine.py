"""The engine of `extractor.merge`: records in, canonical items out.

1. Keep the last `ok` record per doc_id; failed records are ignored and counted.
2. Block on the normalised, unordered identity pair (`extractor.names`): items of different
   pairs are never compared, so the cost grows with the input, not with its square. A
   report's date that its own publication date rules out (after it, or more than
   `published_window_days` before it) is not trusted for grouping; it still votes.
3. Group each block by date (`extractor.merge.blocking`), then settle what dates could not
   (`extractor.merge.reconcile`: a lone date against the same score and scorers; two
   documents that report the same other items together).
4. Each group becomes one canonical item (`extractor.merge.canonical`).
"""

from __future__ import annotations

import gc
import json
from collections import Counter
from collections.abc import Iterable, Mapping
from datetime import date as Date
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field

from extractor.errors import ConfigError
from extractor.merge.blocking import Blocker
from extractor.merge.canonical import Canonical
from extractor.merge.reconcile import reconcile
from extractor.merge.reports import Report, as_day, fits_publication
from extractor.merge_spec import MergeSpec
from extractor.names import club_key, resolve_keys
from extractor.records import Record
from extractor.tasks import Task, load_task


class Consolidation(BaseModel):
    """The canonical items of a set of records, and what was left out."""

    task: str
    matches: list[dict[str, Any]] = Field(default_factory=list, description="One object per canonical item.")
    records: int = Field(default=0, description="Records read.")
    documents: int = Field(default=0, description="Distinct documents with an ok record.")
    failed: int = Field(default=0, description="Documents with no ok record (ignored).")
    duplicates: int = Field(default=0, description="Records of a doc_id already seen (the last ok one is used).")
    items: int = Field(default=0, description="Items read from the ok records.")
    skipped_items: int = Field(default=0, description="Items without both identity fields (ignored).")
    conflicts: int = Field(default=0, description="Fields on which the reports of an item disagree.")

    def summary(self) -> dict[str, int]:
        """The counts, for a summary table."""
        return {
            "records": self.records, "documents": self.documents, "failed (ignored)": self.failed,
            "duplicate records": self.duplicates, "items": self.items, "items skipped": self.skipped_items,
            "canonical items": len(self.matches), "conflicts": self.conflicts,
        }  # fmt: skip


def consolidate(
    records: Iterable[Record | Mapping[str, Any]],
    task: Task | str | None = None,
    *,
    home: Path | None = None,
    published: Mapping[str, Date | str | None] | None = None,
) -> Consolidation:
    """Consolidate extraction records into canonical items (one per real-world item).

    Args:
        records: Records of one task (`Record` objects or their JSON dicts), from any runs.
        task: The task (or its name); default: the task named by the first ok record.
        home: Where to load the task from (see `extractor.tasks.resolve_home`).
        published: Publication date per doc_id, when known (lets undated reports join).

    Raises:
        ConfigError: the task declares no MERGE_SPEC, or records of several tasks are mixed.
    """
    kept, counts = _latest_ok([_as_dict(r) for r in records])
    name = task if isinstance(task, str) else (task.name if task is not None else None)
    name = name or next((str(r.get("task")) for r in kept.values() if r.get("task")), None)
    if name is None:
        return Consolidation(task="", **counts)
    loaded = task if isinstance(task, Task) else load_task(name, home)
    spec = loaded.merge_spec
    if spec is None:
        raise ConfigError(f"task {loaded.name!r} declares no MERGE_SPEC in schemas/{loaded.name}.py")
    foreign = sorted({str(r.get("task")) for r in kept.values() if r.get("task") not in (None, loaded.name)})
    if foreign:
        raise ConfigError(f"records of task(s) {', '.join(foreign)} mixed with {loaded.name!r}; merge one task")
    kinds = {**{n: r.kind for n, r in loaded.eval_spec.fields.items()}, **spec.kinds}
    engine = Engine(spec, kinds, {k: as_day(v) for k, v in (published or {}).items()})
    enabled = gc.isenabled()
    gc.disable()  # millions of small, acyclic dicts: the cyclic collector's passes only cost time here
    try:
        matches = engine.run(list(kept.values()))
    finally:
        if enabled:
            gc.enable()
    return Consolidation(
        task=loaded.name, matches=matches, items=engine.items, skipped_items=engine.skipped,
        conflicts=sum(len(m["conflicts"]) for m in matches), **counts,
    )  # fmt: skip


def read_jsonl(paths: Iterable[Path]) -> Iterable[dict[str, Any]]:
    """The JSON objects of one or more records files (blank and torn lines skipped)."""
    for path in paths:
        with path.open(encoding="utf-8", errors="replace") as handle:
            for line in handle:
                try:
                    data = json.loads(line) if line.strip() else None
                except ValueError:
                    continue
                if isinstance(data, dict):
                    yield data


def _as_dict(record: Record | Mapping[str, Any]) -> dict[str, Any]:
    return record.model_dump(mode="json") if isinstance(record, Record) else dict(record)


def _latest_ok(records: list[dict[str, Any]]) -> tuple[dict[str, dict[str, Any]], dict[str, int]]:
    """The last ok record of every doc_id, and the counts of what was read."""
    kept: dict[str, dict[str, Any]] = {}
    seen: set[str] = set()
    duplicates = 0
    for record in records:
        doc_id = str(record.get("doc_id"))
        duplicates += doc_id in seen
        seen.add(doc_id)
        if record.get("status") == "ok" and isinstance(record.get("result"), dict):
            kept[doc_id] = record
    counts = {"records": len(records), "documents": len(kept), "failed": len(seen - set(kept)),
              "duplicates": duplicates}  # fmt: skip
    return kept, counts


class Engine:
    """One merge: the spec, the run's club keys and the counts."""

    def __init__(self, spec: MergeSpec, kinds: Mapping[str, str], published: Mapping[str, Date | None]) -> None:
        self.spec = spec
        self.kinds = kinds
        self.published = published
        self.items = 0
        self.skipped = 0
        self.resolve: dict[str, str] = {}

    def key(self, name: object) -> str:
        """The run's comparison key of a club name (its short form where `resolve_keys` maps one)."""
        folded = club_key(name) if isinstance(name, str) else ""
        return self.resolve.get(folded, folded)

    def run(self, records: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """The canonical items of the records, in the order their first report was read."""
        raw = self._items(records)
        self.resolve = resolve_keys(club_key(item[f]) for _, _, item in raw for f in self.spec.identity)
        blocks: dict[tuple[str, str], list[Report]] = {}
        for order, (record, index, item) in enumerate(raw):
            report = self._report(record, index, item, order)
            if report is not None:
                first, second = self.spec.identity
                blocks.setdefault((self.key(report.item[first]), self.key(report.item[second])), []).append(report)
        groups = [g for block, reports in blocks.items() for g in Blocker(self.spec, block).groups(reports)]
        groups = reconcile(groups, self.spec, self.kinds)
        groups.sort(key=lambda g: min(r.order for r in g.reports))
        out: list[dict[str, Any]] = []
        ids: Counter[str] = Counter()
        for group in groups:
            canonical = Canonical(self, group).build()
            ids[canonical["match_id"]] += 1
            if ids[canonical["match_id"]] > 1:
                canonical["match_id"] += f"-{ids[canonical['match_id']]}"
            out.append(canonical)
        return out

    def _items(self, records: list[dict[str, Any]]) -> list[tuple[dict[str, Any], int, dict[str, Any]]]:
        out = []
        for record in records:
            items = (record.get("result") or {}).get(self.spec.items) or []
            for index, item in enumerate(items if isinstance(items, list) else []):
                self.items += 1
                a, b = (item.get(f) if isinstance(item, dict) else None for f in self.spec.identity)
                if isinstance(a, str) and a.strip() and isinstance(b, str) and b.strip():
                    out.append((record, index, item))
                else:
                    self.skipped += 1
        return out

    def _report(self, record: dict[str, Any], index: int, item: dict[str, Any], order: int) -> Report | None:
        keys = (self.key(item[self.spec.identity[0]]), self.key(item[self.spec.identity[1]]))
        if keys[0] == keys[1]:
            self.skipped += 1  # one club on both sides: not a match of two
            return None
        swapped = self.spec.unordered and keys[0] > keys[1]
        oriented = self.swap(item) if swapped else item
        prefix = f"{self.spec.items}[{index}]"
        spans: dict[str, list[dict[str, Any]]] = {}
        for span in record.get("grounding") or []:
            path = str(span.get("path", ""))
            if path == prefix or path.startswith(prefix + ".") or path.startswith(prefix + "["):
                spans.setdefault(path[len(prefix) :].lstrip("."), []).append(span)
        doc_id = str(record["doc_id"])
        published = self.published.get(doc_id)
        stated = as_day(item.get(self.spec.date)) if self.spec.date else None
        date, note = stated, ""
        window, tolerance = self.spec.published_window_days, self.spec.date_tolerance_days
        if stated is not None and published is not None and not fits_publication(stated, published, tolerance, window):
            date = None  # grouped as undated, by its publication date
            note = (f"{doc_id} {prefix}: its date {stated} is not within {window} days before its publication "
                    f"date {published}; grouped by the publication date")  # fmt: skip
        return Report(
            doc_id=doc_id, source=str(record.get("source") or ""), index=index, order=order, item=oriented, raw=item,
            keys=keys, block_swapped=swapped, date=date, published=published,
            agree=tuple(oriented.get(f) for f in self.spec.undated_agree), spans=spans, note=note,
        )  # fmt: skip

    def swap(self, item: dict[str, Any]) -> dict[str, Any]:
        """The item with the identity pair and every sided pair exchanged."""
        out = dict(item)
        for a, b in (self.spec.identity, *self.spec.sided):
            if a in item or b in item:
                out[a], out[b] = item.get(b), item.get(a)
        return out
