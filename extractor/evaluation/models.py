"""Evaluation report models: counts, mismatches, per-document scores, the report itself.

Conventions: precision is tp / (tp + fp), recall tp / (tp + fn) and F1
2tp / (2tp + fp + fn); with nothing to count (no gold, no prediction) all three
are 1.0, and a zero denominator otherwise gives 0.0.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, Field, computed_field

MismatchKind = Literal["missing", "extra", "wrong", "swap"]
DocStatus = Literal["ok", "error", "missing"]


def item_path(list_path: str) -> str:
    """Report key of a list's item-level counts: 'books' -> 'books[]'."""
    return f"{list_path}[]"


def is_item_path(path: str) -> bool:
    """Whether a report key holds item-level counts rather than a field's."""
    return path.endswith("[]")


def ordered_paths(paths: Iterable[str]) -> list[str]:
    """Report keys in reading order: per object, item counts, then scalars, then sub-lists.

    'books[]', 'books.title', 'books.notes[]', 'books.notes.text' rather than plain
    alphabetical order, which would interleave the levels.
    """
    keys = list(paths)
    containers = {
        ".".join(parts[:i]) for parts in (k.removesuffix("[]").split(".") for k in keys) for i in range(1, len(parts))
    } | {k.removesuffix("[]") for k in keys if is_item_path(k)}

    def sort_key(path: str) -> tuple[tuple[int, str], ...]:
        parts = path.removesuffix("[]").split(".")
        levels = [(1 if ".".join(parts[: i + 1]) in containers else 0, part) for i, part in enumerate(parts)]
        if is_item_path(path):
            levels.append((-1, ""))
        else:
            levels[-1] = (0, parts[-1])
        return tuple(levels)

    return sorted(keys, key=sort_key)


class Counts(BaseModel):
    """True positives, false positives and false negatives, with derived scores."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        """Add another tally into this one."""
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def total(self) -> int:
        """Number of counted outcomes (0: nothing was compared)."""
        return self.tp + self.fp + self.fn

    @computed_field  # type: ignore[prop-decorator]
    @property
    def precision(self) -> float:
        """TP / (TP + FP)."""
        if self.tp + self.fp:
            return self.tp / (self.tp + self.fp)
        return 1.0 if not self.fn else 0.0

    @computed_field  # type: ignore[prop-decorator]
    @property
    def recall(self) -> float:
        """TP / (TP + FN)."""
        if self.tp + self.fn:
            return self.tp / (self.tp + self.fn)
        return 1.0 if not self.fp else 0.0

    @computed_field  # type: ignore[prop-decorator]
    @property
    def f1(self) -> float:
        """2TP / (2TP + FP + FN)."""
        denominator = 2 * self.tp + self.fp + self.fn
        return 2 * self.tp / denominator if denominator else 1.0


class Accuracy(BaseModel):
    """Gold items of a list that are entirely right (key and exact fields, not swapped)."""

    correct: int = 0
    total: int = 0

    def add(self, other: Accuracy) -> None:
        """Add another tally into this one."""
        self.correct += other.correct
        self.total += other.total

    @computed_field  # type: ignore[prop-decorator]
    @property
    def value(self) -> float | None:
        """Correct / total, None without gold items."""
        return self.correct / self.total if self.total else None


class Mismatch(BaseModel):
    """One disagreement between gold and prediction.

    `field` is a dotted path ('books.year'), or an item path ('books[]') when a whole
    item is missing or extra; `context` names the enclosing items by their keys.
    """

    document: str
    field: str
    gold: Any = None
    predicted: Any = None
    kind: MismatchKind
    context: str = ""


class DocScore(BaseModel):
    """Scores of one document."""

    language: str
    status: DocStatus
    error: str | None = None
    counts: Counts = Field(default_factory=Counts)
    items: dict[str, Counts] = Field(default_factory=dict, description="Item counts per list path ('<list>[]').")
    swaps: int = 0
    mismatches: int = 0
    seconds: float | None = None
    groups: list[str] = Field(default_factory=list)
    warnings: int = 0


class GroupScore(BaseModel):
    """A slice of the documents (one language, one kind of text, or all of them)."""

    documents: int = 0
    error_records: int = 0
    fields: Counts = Field(default_factory=Counts)
    items: dict[str, Counts] = Field(
        default_factory=dict,
        description="Per list path: tp = found, fn = missed, fp = invented (an item the gold does not have).",
    )
    exact: Accuracy = Field(default_factory=Accuracy, description="Top-level items entirely right.")
    swaps: int = 0
    seconds: list[float] = Field(default_factory=list, exclude=True)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def error_rate(self) -> float:
        """Share of documents that ended in an error record."""
        return self.error_records / self.documents if self.documents else 0.0

    @computed_field  # type: ignore[prop-decorator]
    @property
    def seconds_median(self) -> float | None:
        """Median seconds per document, from the records."""
        if not self.seconds:
            return None
        ordered = sorted(self.seconds)
        middle = len(ordered) // 2
        return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2

    @computed_field  # type: ignore[prop-decorator]
    @property
    def seconds_mean(self) -> float | None:
        """Mean seconds per document."""
        return sum(self.seconds) / len(self.seconds) if self.seconds else None


class EvalReport(BaseModel):
    """Result of scoring a set of records against gold.

    `overall`, `per_document` and `per_language` are micro-averaged over field counts;
    item-level counts ('<list>[]' keys of `per_field`) are reported but not included.
    `per_field` omits paths that were never counted (e.g. null or False everywhere).
    """

    overall: Counts = Field(default_factory=Counts)
    per_field: dict[str, Counts] = Field(default_factory=dict)
    per_document: dict[str, DocScore] = Field(default_factory=dict)
    per_language: dict[str, Counts] = Field(default_factory=dict)
    match_accuracy: float | None = Field(default=None, description="Share of gold top-level list items entirely right.")
    accuracy: dict[str, Accuracy] = Field(default_factory=dict, description="Per list path.")
    swaps: int = 0
    groups: dict[str, GroupScore] = Field(
        default_factory=dict, description="'all', 'language:<code>', 'kind:<kind>', 'noisy'."
    )
    agreement: dict[str, float] | None = Field(
        default=None, description="With --repeat: per field path, how often repeated runs gave the same values."
    )
    mismatches: list[Mismatch] = Field(default_factory=list)
    ungraded: list[str] = Field(default_factory=list, description="doc_ids of records that have no gold file.")
    meta: dict[str, Any] = Field(default_factory=dict)


def load_report(path: str | Path) -> EvalReport:
    """Read a report written by `extractor eval --json` (``report.model_dump_json()``)."""
    return EvalReport.model_validate_json(Path(path).read_bytes())


class Delta(BaseModel):
    """F1 of one key in the baseline and the current report (None when absent)."""

    baseline: float | None
    current: float | None

    @computed_field  # type: ignore[prop-decorator]
    @property
    def delta(self) -> float | None:
        """Current minus baseline, None when either is absent."""
        if self.baseline is None or self.current is None:
            return None
        return self.current - self.baseline


class Comparison(BaseModel):
    """A report compared with a baseline report."""

    overall: Delta
    match_accuracy: Delta
    per_field: dict[str, Delta] = Field(default_factory=dict)
    per_language: dict[str, Delta] = Field(default_factory=dict)
    max_drop: float
    regressed: bool = Field(description="Overall F1 dropped by more than max_drop.")
    documents_added: list[str] = Field(default_factory=list)
    documents_removed: list[str] = Field(default_factory=list)

    @property
    def overall_delta(self) -> float:
        """Current minus baseline overall F1."""
        return self.overall.delta or 0.0
