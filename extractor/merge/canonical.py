"""One group of reports -> one canonical item, with its sources, evidence and conflicts.

The orientation, every field and every sub-list entry is decided by the reports that agree:
majority, then a value with evidence over one without, then the value consistent with the
rest (a score with the merged goals per side, a date with the other reports' dates and their
publication dates), then trust, then input order. Trust: when a tie is left, the item is built
once more, and a tie goes to the value of the source that sided with the majority more often
on the fields a majority decided (a source that got the rest right is believed on the rest).
Every disagreement is kept as a conflict with its alternatives, their sources and the reason.
Nothing is invented: every canonical value is a value some report gave.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from extractor.merge import sublists
from extractor.merge.reports import Group, Report, as_day, fits_publication, number, same_person
from extractor.merge.sublists import Entry, Oriented
from extractor.merge_spec import MergeSpec, SubListMerge
from extractor.names import fold, same_club


class Keys(Protocol):
    """What the canonical builder needs of the engine."""

    spec: MergeSpec
    kinds: Mapping[str, str]

    def key(self, name: object) -> str:
        """The run's comparison key of a club name."""
        ...

    def swap(self, item: dict[str, Any]) -> dict[str, Any]:
        """The item with its sides exchanged."""
        ...


@dataclass
class Value:
    """One distinct value of a field among a group's reports."""

    value: Any
    raws: list[Any] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    evidence: list[dict[str, Any]] = field(default_factory=list)
    first: int = 0


TRUST_REASON = "trust: its source sided with the majority on more of this item's other fields"
Vote = tuple[Report, Any, str]  # report, value, path of the field inside the item (for its spans)
Consistency = tuple[Callable[[Any], int], str]  # how well a value fits the rest, and what that means


class Canonical:
    """Builds the canonical item of one group."""

    def __init__(self, engine: Keys, group: Group, trust: Mapping[str, int] | None = None) -> None:
        self.engine = engine
        self.spec = engine.spec
        self.group = group
        self.reports = sorted(group.reports, key=lambda r: r.order)
        self.conflicts: list[dict[str, Any]] = []
        self.trust = trust
        self.sided_with: Counter[str] = Counter()  # per doc_id: majority decisions won minus lost
        self.ties: list[tuple[dict[str, Any], list[list[str]]]] = []  # a tie left to input order: its conflict and
        # the tied values' sources, the chosen one first

    def build(self) -> dict[str, Any]:
        """The canonical item: match_id, value, fields, sources, conflicts, notes."""
        built = self._build()
        if self.trust is not None:
            return built
        trust = [[max(self.sided_with.get(d, 0) for d in docs) for docs in tie] for _, tie in self.ties]
        if any(max(best[1:]) > best[0] for best in trust):  # trust would choose another value than input order
            return Canonical(self.engine, self.group, trust=dict(self.sided_with)).build()
        for (conflict, _), best in zip(self.ties, trust, strict=True):
            if best[0] > max(best[1:]):  # input order chose what trust would have: say so
                conflict["reason"] = TRUST_REASON
        return built

    def trusted(self, docs: list[str]) -> int:
        """How far the most trusted of these sources sided with the majority (0 before trust is known)."""
        return max((self.trust.get(d, 0) for d in docs), default=0) if self.trust else 0

    def _build(self) -> dict[str, Any]:
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
        joined: dict[str, dict[str, list[list[Entry]]]] = {}
        moved: dict[str, dict[tuple[int, int], str]] = {}
        for sub, rule in self.spec.sublists.items():
            buckets, moved[sub] = sublists.by_side(sub, rule, oriented, lambda t: self._side(t, side_names),
                                                   self.engine.kinds)  # fmt: skip
            joined[sub] = {side: sublists.join(entries, rule, self.engine.kinds) for side, entries in buckets.items()}
        self._scalars(oriented, value, fields, joined)
        for sub, rule in self.spec.sublists.items():
            value[sub], fields[sub] = self._sublist(sub, rule, joined[sub], moved[sub], value, side_names)
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
            "notes": list(dict.fromkeys(self.group.notes)),
        }

    def _scalars(
        self, oriented: list[Oriented], value: dict[str, Any], fields: dict[str, Any],
        joined: dict[str, dict[str, list[list[Entry]]]],
    ) -> None:  # fmt: skip
        done = set(self.spec.identity) | set(self.spec.sublists)
        for joint in self.spec.joint:
            votes = [
                (r, tuple(i.get(f) for f in joint), "") for r, i in oriented if any(i.get(f) is not None for f in joint)
            ]
            consistency = (self._tally_score(joint, value, joined), "agrees with the merged sub-list counts per side")
            chosen = self._decide("+".join(joint), votes, "exact", consistency)
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
            dating = (self._date_score(), "fits the other reports' dates and publication dates")
            chosen = self._decide(name, scalar_votes, kind, dating if name == self.spec.date else None)
            value[name], fields[name] = self._field(chosen)

    def _tally_score(
        self, joint: tuple[str, ...], value: dict[str, Any], joined: dict[str, dict[str, list[list[Entry]]]]
    ) -> Callable[[Any], int]:
        """How well a joint value agrees with the merged sub-lists it counts (per side)."""
        sides = {f: pos for pair in self.spec.sided for pos, f in enumerate(pair)}

        def score(candidate: Any) -> int:
            points = 0
            for position, name in enumerate(joint):
                sub = self.spec.tallies.get(name)
                if sub is None or not isinstance(candidate[position], int):
                    continue
                team = self.engine.key(value[self.spec.identity[sides.get(name, 0)]])
                count = len(joined.get(sub, {}).get(team, []))
                points += 2 if count == candidate[position] else int(count < candidate[position])
            return points

        return score

    def _date_score(self) -> Callable[[Any], int]:
        """How many other reports' dates (within the tolerance) and publication dates a date fits."""
        tolerance, window = self.spec.date_tolerance_days, self.spec.published_window_days
        stated = [as_day(r.item.get(self.spec.date)) if self.spec.date else None for r in self.reports]
        published = [r.published for r in self.reports if r.published is not None]

        def score(candidate: Any) -> int:
            day = as_day(candidate)
            if day is None:
                return 0
            near = sum(1 for d in stated if d is not None and abs((d - day).days) <= tolerance)
            return near + sum(fits_publication(day, p, tolerance, window) for p in published)

        return score

    @staticmethod
    def _field(chosen: Value | None) -> tuple[Any, dict[str, Any]]:
        if chosen is None:
            return None, {"value": None, "sources": [], "evidence": []}
        return chosen.value, {"value": chosen.value, "sources": chosen.sources, "evidence": chosen.evidence}

    def _sublist(
        self, sub: str, rule: SubListMerge, joined: dict[str, list[list[Entry]]], moved: dict[tuple[int, int], str],
        value: dict[str, Any], side_names: dict[str, str],
    ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:  # fmt: skip
        limits = self._limits(sub, value)
        merged: list[tuple[str, list[Entry]]] = []
        for side, entries in joined.items():
            kept, dropped = sublists.fit_counts(entries, limits.get(side), rule, self.engine.kinds, self.trusted)
            merged += [(side, members) for members in kept]
            for members in dropped:
                self.conflicts.append({
                    "field": sub, "chosen": None,
                    "reason": f"counted: {limits.get(side)} for {side_names.get(side, side)} in the canonical "
                              "count, filled by better supported entries",
                    "alternatives": [{"value": e, "sources": [r.doc_id]} for r, _, e in members],
                })  # fmt: skip
        values: list[dict[str, Any]] = []
        fields: list[dict[str, Any]] = []
        mark = len(self.conflicts)
        for side, members in sorted(merged, key=lambda m: min(r.order for r, _, _ in m[1])):
            entry_value: dict[str, Any] = {}
            entry_fields: dict[str, Any] = {}
            for name in dict.fromkeys(k for _, _, e in members for k in e):
                kind = "team" if name == rule.side_field else self.engine.kinds.get(name, "exact")
                votes = [(r, e[name], f"{sub}[{j}].{name}") for r, j, e in members if e.get(name) is not None]
                path = f"{sub}[{len(values)}].{name}"
                chosen: Value | None
                if name == rule.side_field:
                    chosen = self._decide_side(path, side, votes, members, moved, side_names)
                else:
                    chosen = self._decide(path, votes, kind)
                entry_value[name], entry_fields[name] = self._field(chosen)
            values.append(entry_value)
            fields.append({"sources": list(dict.fromkeys(r.doc_id for r, _, _ in members)), "fields": entry_fields})
        for name in rule.key:
            if self.engine.kinds.get(name) == "person":
                sublists.fullest(values, fields, name, rule.side_field)
        order = sorted(range(len(values)), key=lambda k: _number_order(values[k].get(rule.tolerance_field or "")))
        place = {old: new for new, old in enumerate(order)}
        for conflict in self.conflicts[mark:]:  # name the entries by their place in the sorted list
            head, bracket, rest = str(conflict["field"]).partition("[")
            if head == sub and bracket:
                index, _, tail = rest.partition("]")
                conflict["field"] = f"{sub}[{place[int(index)]}]{tail}"
        return [values[k] for k in order], [fields[k] for k in order]

    def _limits(self, sub: str, value: dict[str, Any]) -> dict[str, int | None]:
        """The canonical count of each side for a counted sub-list (its score), by side key."""
        limits: dict[str, int | None] = {}
        for pair in self.spec.sided:
            for position, name in enumerate(pair):
                if self.spec.tallies.get(name) == sub:
                    count = value.get(name)
                    side = self.engine.key(value[self.spec.identity[position]])
                    limits[side] = count if isinstance(count, int) and not isinstance(count, bool) else None
        return limits

    def _decide_side(
        self, path: str, side: str, votes: list[Vote], members: list[Entry], moved: dict[tuple[int, int], str],
        side_names: dict[str, str],
    ) -> Value:  # fmt: skip
        """An entry's side: the one it was joined on (its key's documents decide, see `extractor.merge.sublists`)."""
        values = self._distinct(votes, "team")
        chosen = next((v for v in values if self._side(v.value, side_names) == side), None)
        if chosen is None:  # every report of it was moved here: the side's name as the item's reports spell it
            chosen = Value(value=side_names.get(side), sources=list(dict.fromkeys(r.doc_id for r, _, _ in members)))
        chosen.value = side_names.get(side, chosen.value)
        if len(values) > 1 or all(chosen is not v for v in values):
            reasons = [moved[r.order, j] for r, j, _ in members if (r.order, j) in moved]
            ranked = [chosen, *(v for v in values if v is not chosen)]
            self.conflicts.append({
                "field": path, "chosen": chosen.value,
                "reason": reasons[0] if reasons else _reason(ranked, None, self.trusted),
                "alternatives": [{"value": v.value, "sources": v.sources} for v in ranked],
            })  # fmt: skip
        return chosen

    def _side(self, team: object, side_names: dict[str, str]) -> str:
        key = self.engine.key(team)
        if key in side_names:
            return key
        for side, name in side_names.items():
            if isinstance(team, str) and same_club(team, name):
                return side
        return f"?{key}"

    def _decide(self, name: str, votes: list[Vote], kind: str, consistency: Consistency | None = None) -> Value | None:
        """The value the reports agree on; a conflict is kept when they do not."""
        values = self._distinct(votes, kind)
        if not values:
            return None
        if kind == "ignore":  # e.g. each report's own quote: all kept as evidence, never a conflict
            values[0].sources = [s for v in values for s in v.sources]
            values[0].evidence = [e for v in values for e in v.evidence]
            return values[0]
        consistent = consistency[0] if consistency else (lambda _: 0)
        ranked = sorted(values, key=lambda v: (-len(v.sources), -bool(v.evidence), -consistent(v.value),
                                               -self.trusted(v.sources), v.first))  # fmt: skip
        chosen = ranked[0]
        if len(ranked) > 1:
            reason = _reason(ranked, consistency, self.trusted)
            if reason.startswith("majority"):
                self.sided_with.update(chosen.sources)
                self.sided_with.subtract(s for v in ranked[1:] for s in v.sources)
            self.conflicts.append({
                "field": name, "chosen": chosen.value, "reason": reason,
                "alternatives": [{"value": v.value, "sources": v.sources} for v in ranked],
            })  # fmt: skip
            if reason.startswith("tie"):
                tied = [v.sources for v in ranked if len(v.sources) == len(chosen.sources)
                        and bool(v.evidence) == bool(chosen.evidence)]  # fmt: skip
                self.ties.append((self.conflicts[-1], tied))
        return chosen

    def _distinct(self, votes: list[Vote], kind: str) -> list[Value]:
        values: list[Value] = []
        for report, raw, path in votes:
            value = next((v for v in values if self._same(kind, v.raws[0], raw)), None)
            if value is None:
                value = Value(value=raw, first=report.order)
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
            return same_person(a, b)
        if kind == "text":
            ta, tb = set(fold(a).split()), set(fold(b).split())
            return ta <= tb or tb <= ta
        return fold(a) == fold(b)

    def _evidence(self, report: Report, path: str) -> list[dict[str, Any]]:
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


def _number_order(value: Any) -> tuple[bool, float]:
    n = number(value)
    return (n is None, n or 0.0)


def _reason(ranked: list[Value], consistency: Consistency | None, trusted: Callable[[list[str]], int]) -> str:
    top, runner = ranked[0], ranked[1]
    total = len({s for v in ranked for s in v.sources})
    if len(top.sources) > len(runner.sources):
        return f"majority: {len(top.sources)} of {total} sources"
    if bool(top.evidence) != bool(runner.evidence):
        return "evidence: backed by an evidence quote, the alternative is not"
    if consistency and consistency[0](top.value) != consistency[0](runner.value):
        return f"consistent: {consistency[1]}"
    if trusted(top.sources) != trusted(runner.sources):
        return TRUST_REASON
    return "tie: the value of the first report in input order"
