"""How a task's output is aligned and compared: declared by the task, read by the evaluation.

The scorer is generic over nested JSON: a task says which lists hold items to align
(and by which key fields) and how individual fields compare. Field rules are looked
up by the field's own name, so `team` applies wherever a `team` field appears.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator


class ListRule(BaseModel):
    """Alignment of one list of objects, addressed by dotted path ('matches.goals')."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    key: tuple[str, ...] = Field(description="Fields that identify an item for one-to-one alignment.")
    unordered_pair: bool = Field(
        default=False,
        description="The first two key fields form an unordered pair (home/away): a swap aligns and is reported.",
    )
    exact_fields: tuple[str, ...] = Field(
        default=(),
        description=(
            "Fields that, with the key, must all be right for an item to count as correct "
            "in the list's item accuracy (e.g. the two scores of a match)."
        ),
    )

    @model_validator(mode="after")
    def _pair_needs_two_keys(self) -> ListRule:
        if self.unordered_pair and len(self.key) < 2:
            raise ValueError("unordered_pair needs at least two key fields")
        return self


class FieldRule(BaseModel):
    """Comparison of one scalar field, by field name."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    kind: Literal["text", "team", "person", "number", "exact", "ignore"] = "exact"
    fuzzy: bool = False
    tolerance: float = 0.0


class EvalSpec(BaseModel):
    """A task's evaluation rules."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    lists: dict[str, ListRule] = Field(default_factory=dict)
    fields: dict[str, FieldRule] = Field(default_factory=dict)

    def rule(self, name: str) -> FieldRule:
        """Rule for a field name, exact comparison when the task declares none."""
        return self.fields.get(name, FieldRule())
