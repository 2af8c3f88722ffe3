"""Prompts are data: TOML files, validated when loaded, rendered in a sandbox.

A file `prompts/<task>/<name>.toml` declares its task, language (ISO 639-1, or
`default` for the fallback used for any other language) and version. Unknown keys are an
error. Few-shot examples are validated against the task schema at load time, so a broken
example fails loudly instead of teaching the model a wrong shape.

Message order puts everything fixed first (system text, examples) and the article last,
so a server that caches a shared prompt prefix pays only for each article's own tokens.
"""

from __future__ import annotations

import hashlib
import json
import re
import tomllib
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from jinja2 import StrictUndefined, Template, TemplateError
from jinja2.sandbox import SandboxedEnvironment
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from extractor.errors import PromptError
from extractor.tasks import Task

DEFAULT_LANGUAGE = "default"
_TEXT_SENTINEL = "<<ARTICLE TEXT>>"
_ENV = SandboxedEnvironment(undefined=StrictUndefined, autoescape=False, keep_trailing_newline=False)

LANGUAGE_NAMES = {
    "en": "English", "da": "Danish", "nl": "Dutch", "de": "German", "fr": "French", "es": "Spanish",
    "it": "Italian", "pt": "Portuguese", "sv": "Swedish", "no": "Norwegian", "pl": "Polish",
}


class Example(BaseModel):
    """One few-shot example: an input text and the exact output the model should give."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1)
    output: str = Field(description="The expected output as JSON text; validated against the task schema.")


class PromptSpec(BaseModel):
    """A prompt file's content."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    task: str
    language: str
    version: str = Field(pattern=r"^\d+\.\d+(\.\d+)?$")
    description: str = ""
    system: str = Field(min_length=1)
    user: str = Field(min_length=1)
    notes: str = Field(
        default="",
        description="Language notes, rendered as `notes` in the user template for the article only "
        "(examples get none, so everything before the article is shared across languages).",
    )
    examples: tuple[Example, ...] = ()

    @field_validator("language")
    @classmethod
    def _language_code(cls, value: str) -> str:
        if value != DEFAULT_LANGUAGE and not re.fullmatch(r"[a-z]{2}", value):
            raise ValueError(f"language must be an ISO 639-1 code or {DEFAULT_LANGUAGE!r}, got {value!r}")
        return value


@dataclass(frozen=True)
class Prompt:
    """A loaded, validated prompt bound to its file."""

    spec: PromptSpec
    path: Path

    @property
    def id(self) -> str:
        """Stable identifier: `<task>/<language>`."""
        return f"{self.spec.task}/{self.spec.language}"

    @property
    def version(self) -> str:
        """The version the file declares."""
        return self.spec.version

    def render(self, text: str, language: str | None) -> list[dict[str, str]]:
        """Chat messages for one article: system, examples, then the article last."""
        context = {
            "task": self.spec.task,
            "language": language or "unknown",
            "language_name": LANGUAGE_NAMES.get(language or "", language or "unknown"),
        }
        try:
            system = self._templates["system"].render(**context)
            messages = [{"role": "system", "content": system}]
            for example in self.spec.examples:
                messages.append({"role": "user", "content": self._user(example.text, {**context, "notes": ""})})
                messages.append({"role": "assistant", "content": example.output.strip()})
            notes = self._templates["notes"].render(**context)
            messages.append({"role": "user", "content": self._user(text, {**context, "notes": notes})})
        except TemplateError as exc:
            raise PromptError(f"{self.path}: template error: {exc}") from exc
        return messages

    def _user(self, text: str, context: dict[str, Any]) -> str:
        return self._templates["user"].render(text=text, **context)

    @cached_property
    def _templates(self) -> dict[str, Template]:
        """The three templates, compiled once (rendering runs for every document)."""
        try:
            return {name: _ENV.from_string(getattr(self.spec, name)) for name in ("system", "user", "notes")}
        except TemplateError as exc:
            raise PromptError(f"{self.path}: template error: {exc}") from exc

    @cached_property
    def sha256(self) -> str:
        """Hash of the rendered template (with a placeholder for the article)."""
        messages = self.render(_TEXT_SENTINEL, self.spec.language if self.spec.language != DEFAULT_LANGUAGE else None)
        return hashlib.sha256(json.dumps(messages, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def load_prompt(path: Path, task: Task) -> Prompt:
    """Read and validate one prompt file against its task."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        spec = PromptSpec.model_validate(data)
    except (OSError, tomllib.TOMLDecodeError, ValidationError) as exc:
        raise PromptError(f"invalid prompt file {path}: {exc}") from exc
    if spec.task != task.name:
        raise PromptError(f"{path} declares task {spec.task!r} but lives under prompts/{task.name}/")
    for number, example in enumerate(spec.examples, 1):
        try:
            task.root_model.model_validate_json(example.output)
        except ValidationError as exc:
            raise PromptError(f"{path}: example {number} does not fit the {task.name} schema: {exc}") from exc
    prompt = Prompt(spec=spec, path=path)
    prompt.render("probe", None)  # template errors surface at load time, not mid-run
    return prompt


class PromptSet:
    """All prompts of a task, one per language, plus the fallback."""

    def __init__(self, task: Task) -> None:
        self.task = task
        self.by_language: dict[str, Prompt] = {}
        files = sorted(task.prompts_dir.glob("*.toml"))
        if not files:
            raise PromptError(f"no prompt files in {task.prompts_dir}")
        for path in files:
            prompt = load_prompt(path, task)
            other = self.by_language.get(prompt.spec.language)
            if other is not None:
                raise PromptError(f"two prompts for language {prompt.spec.language!r}: {other.path} and {path}")
            self.by_language[prompt.spec.language] = prompt
        if DEFAULT_LANGUAGE not in self.by_language:
            raise PromptError(f"{task.prompts_dir} has no fallback prompt (language = {DEFAULT_LANGUAGE!r})")

    def select(self, language: str | None, forced: str | None = None) -> Prompt:
        """The prompt for a language, or the fallback; `forced` names one and must exist."""
        if forced is not None:
            if forced not in self.by_language:
                raise PromptError(f"no prompt {forced!r} for task {self.task.name}; have {', '.join(self.by_language)}")
            return self.by_language[forced]
        return self.by_language.get(language or "", self.by_language[DEFAULT_LANGUAGE])

    def __iter__(self) -> Any:
        return iter(sorted(self.by_language.values(), key=lambda p: p.id))
