"""How the entries of an item's sub-lists (goals, cards) from several reports become one list.

1. **Side.** Each entry belongs to the side its side field names. A key (a player) that the
   documents put on two sides goes to the side most of them give; on a tie each entry keeps
   its own. A report with home and away the wrong way round often labels its scorers' teams
   the wrong way too, and this is where that is undone.
2. **Join.** Entries of one side join when their key fields agree, they come from different
   reports, and their numbers (minutes) are within the tolerance; an unknown number fits
   after any that agrees.
3. **Counted.** When the item's count for a side (its score) is known and the side has more
   joined entries than that, the best supported ones are kept (documents behind them, then
   the trust of their sources, see `extractor.merge.canonical`, then input order). A surplus
   entry of a kept key, or at the number of a kept entry, joins it (its number or key becomes
   an alternative of that entry); any other is dropped and reported as a conflict. Nothing is
   silently discarded, nothing is added.
4. **Spelling.** A person named by a short form is written as the one fuller form that the
   item's entries give on the same side ('Fabian' beside 'Fabian Ruiz').
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from extractor.merge.reports import Report, key_agrees, number
from extractor.merge_spec import SubListMerge
from extractor.names import fold

Entry = tuple[Report, int, dict[str, Any]]  # a report, the entry's index in its sub-list, the entry
Oriented = tuple[Report, dict[str, Any]]  # a report and its item turned to the canonical orientation


def by_side(
    sub: str, rule: SubListMerge, oriented: list[Oriented], side_of: Callable[[object], str], kinds: Mapping[str, str]
) -> tuple[dict[str, list[Entry]], dict[tuple[int, int], str]]:
    """The entries of one sub-list per side, and why an entry was moved to another side (by (order, index))."""
    entries = [
        (report, j, entry, side_of(entry.get(rule.side_field)))
        for report, item in oriented
        for j, entry in enumerate(item.get(sub) or [])
        if isinstance(entry, dict)
    ]
    moved: dict[tuple[int, int], str] = {}
    sides = [side for *_, side in entries]
    key = "/".join(rule.key)
    for members in _same_key(entries, rule, kinds):
        docs: dict[str, set[str]] = {}
        for k in members:
            if not sides[k].startswith("?"):
                docs.setdefault(sides[k], set()).add(entries[k][0].doc_id)
        ranked = sorted(docs.items(), key=lambda pair: -len(pair[1]))
        if len(ranked) < 2 or len(ranked[0][1]) == len(ranked[1][1]):
            continue
        side, behind = ranked[0]
        total = len({entries[k][0].doc_id for k in members})
        for k in members:
            if sides[k] != side:
                sides[k] = side
                moved[entries[k][0].order, entries[k][1]] = (
                    f"majority: {len(behind)} of {total} sources naming this {key} give this side"
                )
    buckets: dict[str, list[Entry]] = {}
    for (report, j, entry, _), side in zip(entries, sides, strict=True):
        buckets.setdefault(side, []).append((report, j, entry))
    return buckets, moved


def _same_key(entries: list[tuple[Report, int, dict[str, Any], str]], rule: SubListMerge,
              kinds: Mapping[str, str]) -> list[list[int]]:  # fmt: skip
    """Indexes of entries whose key fields agree, transitively (one player's entries).

    A one-field key is joined through its tokens (a person's words of 3+ letters, else the folded
    value) in one pass; a key of several fields compares the entries pairwise.
    """
    parent = list(range(len(entries)))

    def root(k: int) -> int:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    if len(rule.key) == 1:
        (name,) = rule.key
        first: dict[str, int] = {}
        for k, (_, _, entry, _) in enumerate(entries):
            for token in _tokens(kinds.get(name, "exact"), entry.get(name)):
                parent[root(k)] = root(first.setdefault(token, k))
    else:
        for a in range(len(entries)):
            for b in range(a + 1, len(entries)):
                if all(key_agrees(kinds.get(f, "exact"), entries[a][2].get(f), entries[b][2].get(f)) for f in rule.key):
                    parent[root(b)] = root(a)
    groups: dict[int, list[int]] = {}
    for k in range(len(entries)):
        groups.setdefault(root(k), []).append(k)
    return list(groups.values())


def _tokens(kind: str, value: Any) -> set[str]:
    """What two values must share to agree under `key_agrees`."""
    if value is None:
        return {"\0none"}
    if kind == "person" and isinstance(value, str):
        return {w for w in fold(value).split() if len(w) >= 3}
    return {fold(str(value))}


def join(entries: list[Entry], rule: SubListMerge, kinds: Mapping[str, str]) -> list[list[Entry]]:
    """Entries of one side that are one event: same key fields, numbers within the tolerance, other reports."""
    field = rule.tolerance_field

    def sort_key(e: Entry) -> tuple[bool, float, int]:
        n = number(e[2].get(field)) if field else None
        return (n is None, n or 0.0, e[0].order)

    merged: list[list[Entry]] = []
    for entry in sorted(entries, key=sort_key):
        report, _, data = entry
        best: tuple[float, list[Entry]] | None = None
        for members in merged:
            if any(r.doc_id == report.doc_id for r, _, _ in members):
                continue
            head = members[0][2]
            if not all(key_agrees(kinds.get(k, "exact"), head.get(k), data.get(k)) for k in rule.key):
                continue
            a, b = (number(head.get(field)), number(data.get(field))) if field else (None, None)
            if a is not None and b is not None:
                if abs(a - b) <= rule.tolerance and (best is None or best[0] > abs(a - b)):
                    best = (abs(a - b), members)
            elif best is None:
                best = (rule.tolerance + 1, members)  # an unknown number fits, after any that agrees
        if best is None:
            merged.append([entry])
        else:
            best[1].append(entry)
    return merged


def fit_counts(
    joined: list[list[Entry]], limit: int | None, rule: SubListMerge, kinds: Mapping[str, str],
    trusted: Callable[[list[str]], int] = lambda _: 0,
) -> tuple[list[list[Entry]], list[list[Entry]]]:  # fmt: skip
    """One side's joined entries cut to its count: (kept, with surplus folded in; dropped)."""
    if limit is None or len(joined) <= limit:
        return joined, []

    def support(members: list[Entry]) -> tuple[int, int, int]:
        docs = list(dict.fromkeys(r.doc_id for r, _, _ in members))
        return (-len(docs), -trusted(docs), min(r.order for r, _, _ in members))

    ranked = sorted(joined, key=support)
    kept, dropped = ranked[:limit], []
    for members in ranked[limit:]:
        home = _fold_into(members, kept, rule, kinds)
        if home is None:
            dropped.append(members)
        else:
            home.extend(members)
    return kept, dropped


def _fold_into(
    members: list[Entry], kept: list[list[Entry]], rule: SubListMerge, kinds: Mapping[str, str]
) -> list[Entry] | None:
    """The kept entry a surplus one is another account of: same key first, else the nearest number in tolerance."""
    head = members[0][2]
    for other in kept:
        if all(key_agrees(kinds.get(k, "exact"), other[0][2].get(k), head.get(k)) for k in rule.key):
            return other
    if not rule.tolerance_field:
        return None
    mine = number(head.get(rule.tolerance_field))
    near = [
        (abs(mine - theirs), k)
        for k, other in enumerate(kept)
        if mine is not None
        and (theirs := number(other[0][2].get(rule.tolerance_field))) is not None
        and abs(mine - theirs) <= rule.tolerance
    ]
    return kept[min(near)[1]] if near else None


def fullest(values: list[dict[str, Any]], fields: list[dict[str, Any]], name: str, side_field: str) -> None:
    """Spell a person as the one fuller form the item gives on the same side ('Fabian' -> 'Fabian Ruiz')."""
    for entry, about in zip(values, fields, strict=True):
        mine = entry.get(name)
        if not isinstance(mine, str):
            continue
        words = set(fold(mine).split())
        fuller = {
            fold(other[name]): other[name]
            for other in values
            if other.get(side_field) == entry.get(side_field)
            and isinstance(other.get(name), str)
            and words < set(fold(other[name]).split())
        }
        if len(fuller) == 1:
            entry[name] = next(iter(fuller.values()))
            if name in about["fields"]:
                about["fields"][name]["value"] = entry[name]
