"""The backend interface: how the pipeline gets an OpenAI-compatible endpoint.

Every backend ends in the same place, an `Endpoint` that the openai client talks to.
A backend only decides where that endpoint is (a remote URL, or a llama.cpp server it
starts) and the per-backend call settings (instructor mode, extra request fields).
Concrete backends live in `extractor.backends` and are looked up by name there; the
pipeline sees only this module.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from typing import Any, ClassVar

from extractor.errors import ConfigError
from extractor.settings import Settings

#: instructor modes by the names users type; values are instructor.Mode member names.
MODES: dict[str, str] = {
    "json": "JSON",
    "tools": "TOOLS",
    "md_json": "MD_JSON",
    "json_schema": "JSON_SCHEMA",
}

#: How a document is asked: one call for the whole root model, or the task's staged plan.
STRATEGIES = ("single", "staged")


@dataclass(frozen=True)
class Endpoint:
    """An OpenAI-compatible endpoint plus how to ask it for structured output.

    Attributes:
        base_url: e.g. ``http://127.0.0.1:8080/v1``.
        api_key: sent as bearer token; never logged or recorded.
        model: model name sent in each request.
        mode: key of `MODES`.
        schema_in_response_format: also send the JSON Schema as
            ``response_format={"type": "json_object", "schema": ...}`` (llama.cpp grammar).
        extra_body: extra request fields (sampler settings the backend understands).
        strategy: how to ask when the run does not say (`single`: one call for the whole
            root model; `staged`: the task's plan of small questions, for small models).
    """

    base_url: str
    api_key: str = field(repr=False)
    model: str
    mode: str = "tools"
    schema_in_response_format: bool = False
    extra_body: dict[str, Any] = field(default_factory=dict)
    strategy: str = "single"

    def __post_init__(self) -> None:
        if self.mode not in MODES:
            raise ConfigError(f"unknown mode {self.mode!r}; choose one of {', '.join(MODES)}")
        if self.strategy not in STRATEGIES:
            raise ConfigError(f"unknown strategy {self.strategy!r}; choose one of {', '.join(STRATEGIES)}")


class Backend(ABC):
    """A source of endpoints. `start` may launch a process; `stop` must undo it."""

    name: ClassVar[str]

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    @abstractmethod
    def model_name(self) -> str:
        """The model name requests will carry, known without starting anything."""

    @abstractmethod
    def endpoint(self, base_url: str) -> Endpoint:
        """The endpoint for a base URL (used as is when replaying recordings)."""

    @abstractmethod
    async def start(self) -> Endpoint:
        """Make the endpoint ready (start a server if this backend owns one) and return it."""

    async def stop(self) -> None:  # noqa: B027 - most backends own nothing to stop
        """Release whatever `start` acquired. Safe to call twice."""
