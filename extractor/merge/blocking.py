"""One block (one unordered identity pair) split into groups by date: the first grouping pass.

Dated reports join when their dates are within the tolerance (a sweep over the sorted dates);
an undated report joins the one group its publication date fits, or, without one, the one
group whose `undated_agree` fields (the score) it shares. Two items of one document never join.
An undated report that fits several groups stays apart, with a note. `extractor.merge.reconcile`
then looks at what dates alone could not settle.
"""

from __future__ import annotations

import bisect
from collections import deque
from datetime import date as Date
from datetime import timedelta
from typing import Any

from extractor.merge.reports import Group, Report
from extractor.merge_spec import MergeSpec


class Blocker:
    """Splits one block into groups of reports of one real item."""

    def __init__(self, spec: MergeSpec, block: tuple[str, str]) -> None:
        self.spec = spec
        self.block = block
        self.tolerance = timedelta(days=spec.date_tolerance_days)
        self.window = timedelta(days=spec.published_window_days)
        self.by_agree: dict[tuple[Any, ...], list[Group]] = {}
        self.refs: list[tuple[Date, int]] = []  # (day, group number), sorted
        self.all: list[Group] = []

    def groups(self, reports: list[Report]) -> list[Group]:
        """The block's groups, in the order they were opened."""
        window: deque[tuple[Date, Group]] = deque()
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

    def _new(self) -> Group:
        self.all.append(Group(block=self.block, number=len(self.all)))
        return self.all[-1]

    def _add(self, group: Group, report: Report) -> None:
        before = len(group.refs)
        group.add(report)
        for day in group.refs[before:]:
            bisect.insort(self.refs, (day, group.number))
        bucket = self.by_agree.setdefault(report.agree, [])
        if group not in bucket:
            bucket.append(group)

    def _place(self, report: Report) -> None:
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
