"""One item, many reports: consolidate the records of a run into canonical items.

    from extractor.merge import consolidate

    merged = consolidate(records)            # records: Record objects or their JSON dicts
    for match in merged.matches: ...

The engine names no field of any task: the task's `MERGE_SPEC` (see `extractor.merge_spec`)
says which list holds the items, which two fields identify one (an unordered pair), the date
and the sub-lists. The way through:

1. Keep the last `ok` record per doc_id; failed records are ignored and counted.
2. Block on the normalised, unordered identity pair (`extractor.names`): items of different
   pairs are never compared, so the cost grows with the input, not with its square.
3. Within a block, dated items join when their dates are within the tolerance (a sweep over
   the sorted dates); an undated item joins the one group its publication date fits, or,
   without one, the one group whose `undated_agree` fields (the score) it shares. Two items
   of one document never join. An undated item that fits several groups stays apart, with a
   note.
4. Each group becomes one canonical item: the orientation, every field and every sub-list
   entry is decided by the reports that agree (majority, then a value with evidence over one
   without, then the count consistent with the merged sub-list, then input order), with its
   sources (doc_ids) and evidence spans; every disagreement is kept as a conflict.

Nothing is invented: every canonical value is a value some report gave.
"""

from __future__ import annotations

import bisect
import gc
import hashlib
import json
from collections import Counter, deque
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date as Date
from datetime import timedelta
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field

from extractor.errors import ConfigError
from extractor.merge_spec import MergeSpec, SubListMerge
from extractor.names import club_key, fold, resolve_keys, same_club
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


@dataclass
class _Report:
    """One item of one record."""

    doc_id: str
    source: str
    index: int
    order: int
    item: dict[str, Any]  # oriented to the block (identity[0] is the block's first key)
    raw: dict[str, Any]  # as the report gave it
    keys: tuple[str, str]  # the item's own (home, away) keys, as written
    block_swapped: bool
    date: Date | None
    published: Date | None
    agree: tuple[Any, ...]
    spans: dict[str, list[dict[str, Any]]]


@dataclass(eq=False)
class _Group:
    reports: list[_Report] = field(default_factory=list)
    docs: set[str] = field(default_factory=set)
    refs: list[Date] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    number: int = 0

    def add(self, report: _Report) -> None:
        self.reports.append(report)
        self.docs.add(report.doc_id)
        for day in (report.date, report.published):
            if day is not None:
                self.refs.append(day)


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
    engine = _Engine(spec, kinds, {k: _as_date(v) for k, v in (published or {}).items()})
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


def _as_date(value: object) -> Date | None:
    if isinstance(value, Date):
        return value
    if isinstance(value, str) and value.strip():
        try:
            return Date.fromisoformat(value.strip()[:10])
        except ValueError:
            return None
    return None


class _Engine:
    def __init__(self, spec: MergeSpec, kinds: Mapping[str, str], published: Mapping[str, Date | None]) -> None:
        self.spec = spec
        self.kinds = kinds
        self.published = published
        self.items = 0
        self.skipped = 0
        self.resolve: dict[str, str] = {}

    def key(self, name: object) -> str:
        folded = club_key(name) if isinstance(name, str) else ""
        return self.resolve.get(folded, folded)

    def run(self, records: list[dict[str, Any]]) -> list[dict[str, Any]]:
        raw = self._items(records)
        self.resolve = resolve_keys(club_key(item[f]) for _, _, item in raw for f in self.spec.identity)
        blocks: dict[tuple[str, str], list[_Report]] = {}
        for order, (record, index, item) in enumerate(raw):
            report = self._report(record, index, item, order)
            if report is not None:
                first, second = self.spec.identity
                blocks.setdefault((self.key(report.item[first]), self.key(report.item[second])), []).append(report)
        groups = [g for reports in blocks.values() for g in _Blocker(self.spec).groups(reports)]
        groups.sort(key=lambda g: min(r.order for r in g.reports))
        out: list[dict[str, Any]] = []
        ids: Counter[str] = Counter()
        for group in groups:
            canonical = _Canonical(self, group).build()
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

    def _report(self, record: dict[str, Any], index: int, item: dict[str, Any], order: int) -> _Report | None:
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
        return _Report(
            doc_id=doc_id, source=str(record.get("source") or ""), index=index, order=order, item=oriented, raw=item,
            keys=keys, block_swapped=swapped, date=_as_date(item.get(self.spec.date)) if self.spec.date else None,
            published=self.published.get(doc_id), agree=tuple(oriented.get(f) for f in self.spec.undated_agree),
            spans=spans,
        )  # fmt: skip

    def swap(self, item: dict[str, Any]) -> dict[str, Any]:
        """The item with the identity pair and every sided pair exchanged."""
        out = dict(item)
        for a, b in (self.spec.identity, *self.spec.sided):
            if a in item or b in item:
                out[a], out[b] = item.get(b), item.get(a)
        return out


class _Blocker:
    """Splits one block (one pair of clubs) into groups of reports of one real item."""

    def __init__(self, spec: MergeSpec) -> None:
        self.spec = spec
        self.tolerance = timedelta(days=spec.date_tolerance_days)
        self.window = timedelta(days=spec.published_window_days)
        self.by_agree: dict[tuple[Any, ...], list[_Group]] = {}
        self.refs: list[tuple[Date, int]] = []  # (day, group number), sorted
        self.all: list[_Group] = []

    def groups(self, reports: list[_Report]) -> list[_Group]:
        window: deque[tuple[Date, _Group]] = deque()
        for report in sorted((r for r in reports if r.date), key=lambda r: (r.date, r.order)):
            assert report.date is not None
            while window and report.date - window[0][0] > self.tolerance:
                window.popleft()
            target = next((g for _, g in window if report.doc_id not in g.docs), None)
            if target is None:
                target = self._new()
                window.append((report.date, target))
            self._add(target, report)
        for report in sorted((r for r in reports if not r.date), key=lambda r: r.order):
            self._place(report)
        return self.all

    def _new(self) -> _Group:
        self.all.append(_Group(number=len(self.all)))
        return self.all[-1]

    def _add(self, group: _Group, report: _Report) -> None:
        before = len(group.refs)
        group.add(report)
        for day in group.refs[before:]:
            bisect.insort(self.refs, (day, group.number))
        bucket = self.by_agree.setdefault(report.agree, [])
        if group not in bucket:
            bucket.append(group)

    def _place(self, report: _Report) -> None:
        """An undated report: the one group its publication date or its agreeing fields point to."""
        known = None not in report.agree and bool(report.agree)
        agreeing = self.by_agree.get(report.agree, []) if known else []
        if report.published is not None:
            lo = bisect.bisect_left(self.refs, (report.published - self.window, -1))
            hi = bisect.bisect_right(self.refs, (report.published + self.window, len(self.all)))
            timed = list(dict.fromkeys(self.all[n] for _, n in self.refs[lo:hi]))
            candidates = timed + [g for g in agreeing if not g.refs and g not in timed]
        else:
            candidates = list(agreeing)
        candidates = [g for g in candidates if report.doc_id not in g.docs]
        if len(candidates) > 1:  # several fit: prefer the ones that also agree
            candidates = [g for g in candidates if g in agreeing] or candidates
        if len(candidates) == 1:
            self._add(candidates[0], report)
            return
        group = self._new()
        if candidates:
            group.notes.append(
                f"{report.doc_id} {self.spec.items}[{report.index}] has no date and fits {len(candidates)} "
                "items of the same pair: kept apart"
            )
        self._add(group, report)


@dataclass
class _Value:
    """One distinct value of a field among a group's reports."""

    value: Any
    raws: list[Any] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    evidence: list[dict[str, Any]] = field(default_factory=list)
    first: int = 0


Vote = tuple[_Report, Any, str]  # report, value, path of the field inside the item (for its spans)
Oriented = tuple[_Report, dict[str, Any]]  # a report and its item turned to the canonical orientation


class _Canonical:
    """Builds the canonical item of one group."""

    def __init__(self, engine: _Engine, group: _Group) -> None:
        self.engine = engine
        self.spec = engine.spec
        self.group = group
        self.reports = sorted(group.reports, key=lambda r: r.order)
        self.conflicts: list[dict[str, Any]] = []

    def build(self) -> dict[str, Any]:
        first, second = self.spec.identity
        home = self._decide(first, [(r, r.raw[first], first) for r in self.reports], kind="team")
        assert home is not None
        home_key = self.engine.key(home.value)
        oriented = [(r, r.raw if r.keys[0] == home_key else self.engine.swap(r.raw)) for r in self.reports]
        # a source is swapped when its own home team is the canonical away team
        flips = {r.order for r in self.reports if r.keys[0] != home_key}
        teams = {first: home, second: self._decide(second, [(r, i[second], second) for r, i in oriented], "team")}
        value: dict[str, Any] = {}
        fields: dict[str, Any] = {}
        for name, chosen in teams.items():
            value[name], fields[name] = self._field(chosen)
        fields[second]["sources"] = fields[first]["sources"]  # the reports that give this orientation
        side_names = {self.engine.key(value[first]): value[first], self.engine.key(value[second]): value[second]}
        for sub, rule in self.spec.sublists.items():
            value[sub], fields[sub] = self._sublist(sub, rule, oriented, side_names)
        self._scalars(oriented, value, fields)
        item_keys = [k for k in dict.fromkeys(k for _, i in oriented for k in i) if k in value]
        sources = [
            {
                "doc_id": r.doc_id,
                "source": r.source,
                "path": f"{self.spec.items}[{r.index}]",
                "swapped": r.order in flips,
            }
            for r in self.reports
        ]
        return {
            "match_id": self._match_id(value),
            "value": {k: value[k] for k in item_keys},
            "fields": {k: fields[k] for k in item_keys if k in fields},
            "sources": sources,
            "conflicts": self.conflicts,
            "notes": self.group.notes,
        }

    def _scalars(self, oriented: list[Oriented], value: dict[str, Any], fields: dict[str, Any]) -> None:
        done = set(self.spec.identity) | set(self.spec.sublists)
        for joint in self.spec.joint:
            votes = [
                (r, tuple(i.get(f) for f in joint), "") for r, i in oriented if any(i.get(f) is not None for f in joint)
            ]
            chosen = self._decide("+".join(joint), votes, "exact", consistency=self._tally_score(joint, value))
            for position, name in enumerate(joint):
                if chosen is None:
                    value[name], fields[name] = None, {"value": None, "sources": [], "evidence": []}
                else:
                    value[name] = chosen.value[position]
                    fields[name] = {"value": value[name], "sources": chosen.sources, "evidence": chosen.evidence}
            done |= set(joint)
        names = [n for n in dict.fromkeys(k for _, i in oriented for k in i) if n not in done]
        for name in names:
            kind = self.engine.kinds.get(name, "exact")
            scalar_votes: list[Vote] = [(r, i.get(name), name) for r, i in oriented if i.get(name) is not None]
            chosen = self._decide(name, scalar_votes, kind)
            value[name], fields[name] = self._field(chosen)

    def _tally_score(self, joint: tuple[str, ...], value: dict[str, Any]) -> Callable[[Any], int]:
        """How well a joint value agrees with the merged sub-lists it counts (per side)."""
        sides = {f: pos for pair in self.spec.sided for pos, f in enumerate(pair)}

        def score(candidate: Any) -> int:
            points = 0
            for position, name in enumerate(joint):
                sub = self.spec.tallies.get(name)
                if sub is None or not isinstance(candidate[position], int):
                    continue
                team = value[self.spec.identity[sides.get(name, 0)]]
                rule = self.spec.sublists[sub]
                count = sum(1 for entry in value.get(sub) or [] if entry.get(rule.side_field) == team)
                points += 2 if count == candidate[position] else int(count < candidate[position])
            return points

        return score

    @staticmethod
    def _field(chosen: _Value | None) -> tuple[Any, dict[str, Any]]:
        if chosen is None:
            return None, {"value": None, "sources": [], "evidence": []}
        return chosen.value, {"value": chosen.value, "sources": chosen.sources, "evidence": chosen.evidence}

    def _sublist(
        self, sub: str, rule: SubListMerge, oriented: list[Oriented], side_names: dict[str, str]
    ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        buckets: dict[str, list[tuple[_Report, int, dict[str, Any]]]] = {}
        for report, item in oriented:
            for j, entry in enumerate(item.get(sub) or []):
                if isinstance(entry, dict):
                    side = self._side(entry.get(rule.side_field), side_names)
                    buckets.setdefault(side, []).append((report, j, entry))
        merged: list[list[tuple[_Report, int, dict[str, Any]]]] = []
        for entries in buckets.values():
            merged += _join_entries(entries, rule, self.engine.kinds)
        values: list[dict[str, Any]] = []
        fields: list[dict[str, Any]] = []
        for members in merged:
            entry_value: dict[str, Any] = {}
            entry_fields: dict[str, Any] = {}
            for name in dict.fromkeys(k for _, _, e in members for k in e):
                kind = "team" if name == rule.side_field else self.engine.kinds.get(name, "exact")
                votes = [(r, e[name], f"{sub}[{j}].{name}") for r, j, e in members if e.get(name) is not None]
                chosen = self._decide(f"{sub}[{len(values)}].{name}", votes, kind)
                entry_value[name], entry_fields[name] = self._field(chosen)
            side = self._side(entry_value.get(rule.side_field), side_names)
            entry_value[rule.side_field] = side_names.get(side, entry_value.get(rule.side_field))
            values.append(entry_value)
            fields.append({"sources": list(dict.fromkeys(r.doc_id for r, _, _ in members)), "fields": entry_fields})
        order = sorted(range(len(values)), key=lambda k: _minute_order(values[k].get(rule.tolerance_field or "")))
        return [values[k] for k in order], [fields[k] for k in order]

    def _side(self, team: object, side_names: dict[str, str]) -> str:
        key = self.engine.key(team)
        if key in side_names:
            return key
        for side, name in side_names.items():
            if isinstance(team, str) and same_club(team, name):
                return side
        return f"?{key}"

    def _decide(
        self, name: str, votes: list[Vote], kind: str, consistency: Callable[[Any], int] | None = None
    ) -> _Value | None:
        """The value the reports agree on; a conflict is kept when they do not."""
        values = self._distinct(votes, kind)
        if not values:
            return None
        if kind == "ignore":  # e.g. each report's own quote: all kept as evidence, never a conflict
            values[0].sources = [s for v in values for s in v.sources]
            values[0].evidence = [e for v in values for e in v.evidence]
            return values[0]
        consistent = consistency or (lambda _: 0)
        ranked = sorted(values, key=lambda v: (-len(v.sources), -bool(v.evidence), -consistent(v.value), v.first))
        chosen = ranked[0]
        if len(ranked) > 1:
            self.conflicts.append({
                "field": name, "chosen": chosen.value, "reason": _reason(ranked, consistent),
                "alternatives": [{"value": v.value, "sources": v.sources} for v in ranked],
            })  # fmt: skip
        return chosen

    def _distinct(self, votes: list[Vote], kind: str) -> list[_Value]:
        values: list[_Value] = []
        for report, raw, path in votes:
            value = next((v for v in values if self._same(kind, v.raws[0], raw)), None)
            if value is None:
                value = _Value(value=raw, first=report.order)
                values.append(value)
            value.raws.append(raw)
            if report.doc_id not in value.sources:
                value.sources.append(report.doc_id)
            value.evidence += self._evidence(report, path)
        for value in values:
            value.value = _display(kind, value.raws)
        return values

    def _same(self, kind: str, a: Any, b: Any) -> bool:
        if kind == "ignore":
            return True
        if not (isinstance(a, str) and isinstance(b, str)):
            return bool(a == b)
        if kind == "team":
            return self.engine.key(a) == self.engine.key(b)
        if kind == "person":
            return _same_person(a, b)
        if kind == "text":
            ta, tb = set(fold(a).split()), set(fold(b).split())
            return ta <= tb or tb <= ta
        return fold(a) == fold(b)

    def _evidence(self, report: _Report, path: str) -> list[dict[str, Any]]:
        spans = report.spans.get(path) or []
        if not spans and self.spec.evidence_field:
            spans = report.spans.get(self.spec.evidence_field) or []
            quote = report.item.get(self.spec.evidence_field)
            if not spans and isinstance(quote, str) and quote.strip():
                spans = [{"path": self.spec.evidence_field, "quote": quote, "start": None, "end": None}]
        return [{"doc_id": report.doc_id, **{k: s.get(k) for k in ("path", "quote", "start", "end")}} for s in spans]

    def _match_id(self, value: dict[str, Any]) -> str:
        first, second = self.spec.identity
        sides = [self.engine.key(value[first]), self.engine.key(value[second])]
        profile = {sides[pos]: [value.get(pair[pos]) for pair in self.spec.sided if pair[0] in self.spec.undated_agree]
                   for pos in (0, 1)}  # fmt: skip
        day = value.get(self.spec.date) if self.spec.date else None
        basis = [sorted(sides), str(day) if day else ["undated", sorted(profile.items())]]
        return hashlib.sha256(json.dumps(basis, default=str).encode()).hexdigest()[:16]


def _join_entries(
    entries: list[tuple[_Report, int, dict[str, Any]]], rule: SubListMerge, kinds: Mapping[str, str]
) -> list[list[tuple[_Report, int, dict[str, Any]]]]:
    """Entries of one side that are one event: same key fields, numbers within the tolerance, other reports."""
    number = rule.tolerance_field

    def sort_key(e: tuple[_Report, int, dict[str, Any]]) -> tuple[bool, float, int]:
        n = e[2].get(number) if number else None
        return (not isinstance(n, int | float), float(n) if isinstance(n, int | float) else 0.0, e[0].order)

    merged: list[list[tuple[_Report, int, dict[str, Any]]]] = []
    for entry in sorted(entries, key=sort_key):
        report, _, data = entry
        best = None
        for members in merged:
            if any(r.doc_id == report.doc_id for r, _, _ in members):
                continue
            head = members[0][2]
            if not all(_key_agrees(kinds.get(k, "exact"), head.get(k), data.get(k)) for k in rule.key):
                continue
            a, b = (head.get(number), data.get(number)) if number else (None, None)
            if isinstance(a, int | float) and isinstance(b, int | float):
                if abs(a - b) <= rule.tolerance and (best is None or best[0] > abs(a - b)):
                    best = (abs(a - b), members)
            elif best is None:
                best = (rule.tolerance + 1, members)  # an unknown number fits, after any that agrees
        if best is None:
            merged.append([entry])
        else:
            best[1].append(entry)
    return merged


def _key_agrees(kind: str, a: Any, b: Any) -> bool:
    if a is None or b is None:
        return a is None and b is None
    if kind == "person" and isinstance(a, str) and isinstance(b, str):
        return _same_person(a, b)
    return fold(str(a)) == fold(str(b))


def _same_person(a: str, b: str) -> bool:
    """Whether two spellings share a word of 3+ letters ('Scholz' ~ 'Alexander Scholz', 'Fabian' ~ 'Fabian Ruiz')."""
    return bool({w for w in fold(a).split() if len(w) >= 3} & {w for w in fold(b).split() if len(w) >= 3})


def _display(kind: str, raws: list[Any]) -> Any:
    """The spelling of a value: the fullest name for a person, else the most frequent (first on a tie)."""
    if kind == "person":
        return max(raws, key=lambda r: (len(str(r)), -raws.index(r)))
    if len(raws) == 1:
        return raws[0]
    keys = [_hashable(r) for r in raws]
    counts = Counter(keys)
    best = max(counts.values())
    return next(r for r, k in zip(raws, keys, strict=True) if counts[k] == best)


def _hashable(value: Any) -> Any:
    if isinstance(value, str | int | float | bool | tuple) or value is None:
        return (type(value).__name__, value)
    return json.dumps(value, default=str, sort_keys=True)


def _minute_order(value: Any) -> tuple[bool, float]:
    return (not isinstance(value, int | float), float(value) if isinstance(value, int | float) else 0.0)


def _reason(ranked: list[_Value], consistent: Callable[[Any], int]) -> str:
    top, runner = ranked[0], ranked[1]
    total = len({s for v in ranked for s in v.sources})
    if len(top.sources) > len(runner.sources):
        return f"majority: {len(top.sources)} of {total} sources"
    if bool(top.evidence) != bool(runner.evidence):
        return "evidence: backed by an evidence quote, the alternative is not"
    if consistent(top.value) != consistent(runner.value):
        return "consistent: agrees with the merged sub-list counts per side"
    return "tie: the value of the first report in input order"
