"""The units of a merge: one report of an item, a group of reports of one real item, and how values compare."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date as Date
from typing import Any

from extractor.names import fold


@dataclass
class Report:
    """One item of one record."""

    doc_id: str
    source: str
    index: int
    order: int
    item: dict[str, Any]  # oriented to the block (identity[0] is the block's first key)
    raw: dict[str, Any]  # as the report gave it
    keys: tuple[str, str]  # the item's own (home, away) keys, as written
    block_swapped: bool
    date: Date | None  # the date used for grouping (None when unknown or unsupported)
    published: Date | None
    agree: tuple[Any, ...]  # the `undated_agree` fields, oriented to the block
    spans: dict[str, list[dict[str, Any]]]
    note: str = ""  # why grouping does not trust its date, if it does not


@dataclass(eq=False)
class Group:
    """Reports that name one real item."""

    block: tuple[str, str] = ("", "")
    reports: list[Report] = field(default_factory=list)
    docs: set[str] = field(default_factory=set)
    refs: list[Date] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    number: int = 0

    def add(self, report: Report) -> None:
        """Take in one more report."""
        self.reports.append(report)
        self.docs.add(report.doc_id)
        if report.note:
            self.notes.append(report.note)
        for day in (report.date, report.published):
            if day is not None:
                self.refs.append(day)

    def absorb(self, other: Group, note: str) -> None:
        """Take in every report of another group of the same block."""
        for report in other.reports:
            self.add(report)
        self.notes += [*other.notes, note]
        other.reports, other.docs = [], set()

    def dates(self) -> list[Date]:
        """The dates its reports give (and grouping trusts)."""
        return [r.date for r in self.reports if r.date is not None]


def fits_publication(day: Date, published: Date, tolerance: int, window: int) -> bool:
    """Whether a report published on `published` can state `day` (at most `window` days before, `tolerance` after)."""
    return -tolerance <= (published - day).days <= window


def key_agrees(kind: str, a: Any, b: Any) -> bool:
    """Whether two values of a sub-list entry's key field name the same thing."""
    if a is None or b is None:
        return a is None and b is None
    if kind == "person" and isinstance(a, str) and isinstance(b, str):
        return same_person(a, b)
    return fold(str(a)) == fold(str(b))


def same_person(a: str, b: str) -> bool:
    """Whether two spellings share a word of 3+ letters ('Scholz' ~ 'Alexander Scholz', 'Fabian' ~ 'Fabian Ruiz')."""
    return bool({w for w in fold(a).split() if len(w) >= 3} & {w for w in fold(b).split() if len(w) >= 3})


def number(value: Any) -> float | None:
    """A numeric value (a minute), else None."""
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def as_day(value: object) -> Date | None:
    """A date, or an ISO date string (its first ten characters), as a date; anything else None."""
    if isinstance(value, Date):
        return value
    if isinstance(value, str) and value.strip():
        try:
            return Date.fromisoformat(value.strip()[:10])
        except ValueError:
            return None
    return None
