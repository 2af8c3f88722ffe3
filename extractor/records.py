"""The output record: one JSON object per document, the contract of `extractor run`."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field


class PromptRef(BaseModel):
    """Which prompt produced a record."""

    model_config = ConfigDict(frozen=True)

    id: str
    version: str
    sha256: str


class Usage(BaseModel):
    """Token usage summed over every model call made for one document."""

    prompt_tokens: int = 0
    completion_tokens: int = 0
    cached_tokens: int = 0

    def add(self, other: Usage) -> Usage:
        """Return the sum of two usages."""
        return Usage(
            prompt_tokens=self.prompt_tokens + other.prompt_tokens,
            completion_tokens=self.completion_tokens + other.completion_tokens,
            cached_tokens=self.cached_tokens + other.cached_tokens,
        )


class ErrorInfo(BaseModel):
    """Why a document failed."""

    type: str
    message: str
    last_output: str | None = Field(default=None, description="The last invalid model output, if any.")


class Grounding(BaseModel):
    """Where an evidence quote stands in the original document (character offsets)."""

    path: str
    quote: str
    start: int | None = None
    end: int | None = None
    partial: bool = Field(default=False, description="Only the longest word of the value was found.")


class RecordWarning(BaseModel):
    """A fact removed from an `ok` result, and why: nothing is dropped silently."""

    path: str = Field(description="Where the fact was, e.g. 'matches[0].goals[2]'.")
    rule: str = Field(description="The rule it broke, e.g. 'not_in_text', 'value_error'.")
    message: str
    dropped: Any = Field(default=None, description="The removed value (clipped).")


class Record(BaseModel):
    """One document's outcome."""

    model_config = ConfigDict(extra="forbid")

    doc_id: str
    source: str
    status: Literal["ok", "error"]
    task: str
    language: str | None = None
    prompt: PromptRef | None = None
    backend: str
    model: str | None = None
    attempts: int = 0
    usage: Usage = Field(default_factory=Usage)
    seconds: float = 0.0
    result: dict[str, Any] | None = None
    grounding: list[Grounding] = Field(default_factory=list)
    warnings: list[RecordWarning] = Field(default_factory=list)
    error: ErrorInfo | None = None

    @property
    def ok(self) -> bool:
        """True when the document was extracted."""
        return self.status == "ok"
