"""What dates alone cannot settle: the second grouping pass, over every block's groups.

1. **A lone date.** A group whose date only one document gives (a small model's guess: a
   headline's date, the next fixture's, a wrong year) joins the one other group of its pair
   that states the same score (`undated_agree`, oriented to the pair) and repeats every
   counted sub-list entry of it (the goals: same key, i.e. the player, with numbers, the
   minutes, within the tolerance; at least one with both numbers known). Sides are not
   compared there: a report that has home and away the wrong way round often labels its
   scorers' teams the wrong way too. Groups whose dates each have two or more documents
   behind them are never joined this way, nor a report that repeats no entry: two meetings
   of the same clubs weeks apart stay two.
2. **Co-reported.** Two documents that report `MergeSpec.co_reported` or more other real
   items together (two round-ups of one matchday) report one real item wherever they name
   the same pair, unless their dates say otherwise: their groups join, and what they
   disagree on (a live score and the final one) is a conflict of the canonical item.

Each join leaves a note on the canonical item. The cost stays linear: candidates are looked
up by pair and score, and documents are paired only inside groups.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from itertools import combinations
from typing import Any

from extractor.merge.reports import Group, key_agrees, number
from extractor.merge_spec import MergeSpec


def reconcile(groups: list[Group], spec: MergeSpec, kinds: Mapping[str, str]) -> list[Group]:
    """The groups after both passes (absorbed groups left out), in their original order."""
    by_block: dict[tuple[str, str], list[Group]] = {}
    for group in groups:
        by_block.setdefault(group.block, []).append(group)
    for block in by_block.values():
        if len(block) > 1:
            _lone_dates(block, spec, kinds)
    if spec.co_reported:
        _co_reported(groups, spec)
    return [g for g in groups if g.reports]


def _lone_dates(groups: list[Group], spec: MergeSpec, kinds: Mapping[str, str]) -> None:
    by_agree: dict[tuple[Any, ...], list[Group]] = {}
    for group in groups:
        for agree in dict.fromkeys(r.agree for r in group.reports):
            if agree and None not in agree:
                by_agree.setdefault(agree, []).append(group)
    for mover in groups:
        if len(mover.docs) != 1 or not mover.dates():
            continue
        report = mover.reports[0]
        fits = [
            g for g in by_agree.get(report.agree, [])
            if g is not mover and g.reports and not g.docs & mover.docs and _repeats(mover, g, spec, kinds)
        ]  # fmt: skip
        if not fits:
            continue
        most = max(len(g.docs) for g in fits)
        best = [g for g in fits if len(g.docs) == most]
        where = f"{report.doc_id} {spec.items}[{report.index}]"
        if len(best) > 1:
            mover.notes.append(f"{where}: its date is its own, and its score and entries fit {len(best)} items")
            continue
        dates = sorted({str(d) for d in best[0].dates()})
        note = (f"{where} joins although it dates it {report.date} (the others: {', '.join(dates) or 'no date'}): "
                "same score, and its entries repeat theirs")  # fmt: skip
        best[0].absorb(mover, note)


def _repeats(mover: Group, target: Group, spec: MergeSpec, kinds: Mapping[str, str]) -> bool:
    """Whether every counted sub-list entry of the mover is one of the target's (one with known numbers at least)."""
    counted = set(spec.tallies.values()) or set(spec.sublists)
    timed = False
    for sub in counted:
        rule = spec.sublists[sub]
        theirs = [e for r in target.reports for e in r.item.get(sub) or [] if isinstance(e, dict)]
        for entry in (e for e in mover.reports[0].item.get(sub) or [] if isinstance(e, dict)):
            found = False
            for other in theirs:
                if not all(key_agrees(kinds.get(k, "exact"), entry.get(k), other.get(k)) for k in rule.key):
                    continue
                a, b = (number(entry.get(rule.tolerance_field)), number(other.get(rule.tolerance_field))) \
                    if rule.tolerance_field else (None, None)  # fmt: skip
                if a is not None and b is not None:
                    if abs(a - b) <= rule.tolerance:
                        found = timed = True
                        break
                else:
                    found = True
            if not found:
                return False
    return timed


def _co_reported(groups: list[Group], spec: MergeSpec) -> None:
    together: Counter[tuple[str, str]] = Counter()
    groups_of: dict[str, list[Group]] = {}
    for group in groups:
        for doc in group.docs:
            groups_of.setdefault(doc, []).append(group)
        if len(group.docs) > 1:
            together.update(combinations(sorted(group.docs), 2))
    for (a, b), count in sorted(together.items()):
        if count < spec.co_reported:
            continue
        for mine in list(groups_of[a]):
            for theirs in list(groups_of[b]):
                if mine is theirs or mine.block != theirs.block or not mine.reports or not theirs.reports:
                    continue
                if mine.docs & theirs.docs or not _dates_agree(mine, theirs, spec.date_tolerance_days):
                    continue
                moved = set(theirs.docs)
                mine.absorb(theirs, f"{a} and {b} report {count} other items together: one item where they "
                                    "name the same pair")  # fmt: skip
                for doc in moved:
                    groups_of[doc] = list(dict.fromkeys(mine if g is theirs else g for g in groups_of[doc]))


def _dates_agree(one: Group, two: Group, tolerance: int) -> bool:
    days = one.dates() + two.dates()
    return not days or (max(days) - min(days)).days <= tolerance
