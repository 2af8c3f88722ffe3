"""How a task's records consolidate into canonical items; declared by the task's schema module.

The merge engine (`extractor.merge`) knows no field of any task. A task that wants
consolidation sets ``MERGE_SPEC = MergeSpec(...)`` in `schemas/<task>.py`: which top-level
list holds the items, which two fields identify an item (an unordered pair when a swap is
allowed), the date field and its tolerance, which fields change places with the pair, and
how the items' own sub-lists merge.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

Kind = Literal["team", "person", "text", "exact", "ignore"]


class SubListMerge(BaseModel):
    """How one sub-list of an item merges across reports (e.g. the goals of a match)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    side_field: str = Field(description="The field naming which of the pair the entry belongs to, e.g. 'team'.")
    key: tuple[str, ...] = Field(description="Fields (besides the side) that identify an entry, e.g. ('player',).")
    tolerance_field: str | None = Field(default=None, description="A number that may differ a little, e.g. 'minute'.")
    tolerance: float = Field(default=0, ge=0, description="How far `tolerance_field` may differ between reports.")


class MergeSpec(BaseModel):
    """A task's consolidation rules."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    items: str = Field(description="Top-level list of the root model that holds the items, e.g. 'matches'.")
    identity: tuple[str, str] = Field(description="The two fields that identify an item, e.g. the two teams.")
    unordered: bool = Field(default=True, description="The pair may be swapped in one report (home/away).")
    sided: tuple[tuple[str, str], ...] = Field(
        default=(), description="Other field pairs that change places with the identity pair on a swap."
    )
    joint: tuple[tuple[str, ...], ...] = Field(
        default=(), description="Fields decided together, as one value (a score's two halves)."
    )
    date: str | None = Field(default=None, description="The item's date field (ISO date), if any.")
    date_tolerance_days: int = Field(default=1, ge=0, description="Dates this close name the same day.")
    published_window_days: int = Field(
        default=4, ge=0, description="An undated report published this many days after a date can report it."
    )
    co_reported: int = Field(
        default=2,
        ge=0,
        description="Documents reporting this many other items together report one item "
        "wherever they name the same pair (two round-ups of one matchday); 0: off.",
    )
    undated_agree: tuple[str, ...] = Field(
        default=(), description="Fields that must agree to join reports when no date tells them apart."
    )
    sublists: dict[str, SubListMerge] = Field(default_factory=dict)
    tallies: dict[str, str] = Field(
        default_factory=dict,
        description="A sided count field -> the sub-list it counts (per side); used to prefer a consistent count.",
    )
    evidence_field: str | None = Field(default=None, description="The item's quote that states it, if any.")
    kinds: dict[str, Kind] = Field(
        default_factory=dict, description="How a field compares; else the task's EVAL_SPEC kind, else exact."
    )

    @model_validator(mode="after")
    def _tallies_name_sublists(self) -> MergeSpec:
        for field, sub in self.tallies.items():
            if sub not in self.sublists:
                raise ValueError(f"tallies[{field!r}] names {sub!r}, which is not in sublists")
        return self
