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
from typing import Any, Literal

from jinja2 import StrictUndefined, Template, TemplateError
from jinja2.sandbox import SandboxedEnvironment
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from extractor.errors import PromptError
from extractor.tasks import Task

DEFAULT_LANGUAGE = "default"
_TEXT_SENTINEL = "<<ARTICLE TEXT>>"
_FENCE_RUN = re.compile(r"<{3,}|>{3,}")
_LOOKALIKE = str.maketrans("<>", "\u2039\u203a")  # ‹ ›
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


class StepSpec(BaseModel):
    """The question of one step of a staged plan (rendered with that step's context)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    user: str = Field(min_length=1)


class PromptSpec(BaseModel):
    """A prompt file's content."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    task: str
    language: str
    strategy: Literal["single", "staged"] = Field(
        default="single", description="'staged' files hold one question per step of the task's plan."
    )
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
    steps: dict[str, StepSpec] = Field(default_factory=dict)

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
        """Stable identifier: `<task>/<language>`, or `<task>/<variant>/<language>`."""
        if self.variant:
            return f"{self.spec.task}/{self.variant}/{self.spec.language}"
        return f"{self.spec.task}/{self.spec.language}"

    @property
    def variant(self) -> str:
        """The prompt family: '' for the files at the top of the task's folder, else the sub-folder."""
        return "" if self.path.parent.name == self.spec.task else self.path.parent.name

    @property
    def version(self) -> str:
        """The version the file declares."""
        return self.spec.version

    def render(self, text: str, language: str | None) -> list[dict[str, str]]:
        """Chat messages for one article: system, examples, then the article last."""
        context = self._context(language)
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

    def render_step(
        self, step: str, text: str, language: str | None, context: dict[str, Any]
    ) -> list[dict[str, str]]:
        """Messages for one question of a staged plan: system, the article, then the question.

        Everything up to the question is the same for every question about one document, so
        a server's prefix cache pays for the article once.
        """
        messages = self.render(text, language)
        try:
            question = self._templates[f"step:{step}"].render(**self._context(language), **context)
        except KeyError as exc:
            raise PromptError(f"{self.path}: no [steps.{step}] template") from exc
        except TemplateError as exc:
            raise PromptError(f"{self.path}: template error in [steps.{step}]: {exc}") from exc
        return [*messages, {"role": "user", "content": question}]

    def _context(self, language: str | None) -> dict[str, Any]:
        return {
            "task": self.spec.task,
            "language": language or "unknown",
            "language_name": LANGUAGE_NAMES.get(language or "", language or "unknown"),
        }

    def _user(self, text: str, context: dict[str, Any]) -> str:
        return self._templates["user"].render(text=escape_delimiters(text), **context)

    @cached_property
    def _templates(self) -> dict[str, Template]:
        """The three templates, compiled once (rendering runs for every document)."""
        try:
            templates = {name: _ENV.from_string(getattr(self.spec, name)) for name in ("system", "user", "notes")}
            for name, step in self.spec.steps.items():
                templates[f"step:{name}"] = _ENV.from_string(step.user)
            return templates
        except TemplateError as exc:
            raise PromptError(f"{self.path}: template error: {exc}") from exc

    @cached_property
    def sha256(self) -> str:
        """Hash of the rendered template (with a placeholder for the article)."""
        messages: list[Any] = self.render(
            _TEXT_SENTINEL, self.spec.language if self.spec.language != DEFAULT_LANGUAGE else None
        )
        if self.spec.steps:  # the step templates as written: their contexts vary per question
            messages.append({name: step.user for name, step in sorted(self.spec.steps.items())})
        return hashlib.sha256(json.dumps(messages, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def escape_delimiters(text: str) -> str:
    """The article with every run of 3+ '<' or '>' turned into look-alike guillemets.

    The templates fence the article in `<<<` ... `>>>`; an article containing `>>>` could
    otherwise close the fence itself and put its own "instructions" outside it. Text without
    such runs is returned unchanged (recorded exchanges depend on the exact request bytes).
    """
    if "<<<" not in text and ">>>" not in text:
        return text
    return _FENCE_RUN.sub(lambda m: m.group().translate(_LOOKALIKE), text)


def variant_of(strategy: str) -> str:
    """The prompt variant (sub-folder) a strategy name selects: 'single' is the top folder."""
    return "" if strategy == "single" else strategy


def load_prompt(path: Path, task: Task) -> Prompt:
    """Read and validate one prompt file against its task.

    A file may say ``extends = "<name>"``: it then holds only what differs from
    ``<name>.toml`` in the same folder (e.g. a language's notes over the shared default).
    """
    try:
        data = _read_toml(path)
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
    if spec.strategy == "staged":
        if task.plan is None:
            raise PromptError(f"{path}: a staged prompt, but task {task.name} declares no PLAN")
        missing = [name for name in task.plan.step_names if name not in spec.steps]
        if missing:
            raise PromptError(f"{path}: no [steps.{missing[0]}] template for the task's plan")
    prompt = Prompt(spec=spec, path=path)
    prompt.render("probe", None)  # template errors surface at load time, not mid-run
    return prompt


def _read_toml(path: Path, seen: tuple[Path, ...] = ()) -> dict[str, Any]:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    parent = data.pop("extends", None)
    if parent is None:
        return data
    base_path = path.with_name(f"{parent}.toml")
    if base_path in seen or base_path == path:
        raise PromptError(f"{path}: extends loop through {base_path.name}")
    if not base_path.is_file():
        raise PromptError(f"{path}: extends {parent!r}, but {base_path} does not exist")
    base = _read_toml(base_path, (*seen, path))
    return {**base, **data}


class PromptSet:
    """All prompts of a task: per variant (the top folder and each sub-folder), one per language."""

    def __init__(self, task: Task) -> None:
        self.task = task
        self.prompts: dict[tuple[str, str], Prompt] = {}
        files = sorted([*task.prompts_dir.glob("*.toml"), *task.prompts_dir.glob("*/*.toml")])
        if not files:
            raise PromptError(f"no prompt files in {task.prompts_dir}")
        for path in files:
            prompt = load_prompt(path, task)
            key = (prompt.variant, prompt.spec.language)
            other = self.prompts.get(key)
            if other is not None:
                raise PromptError(f"two prompts for language {prompt.spec.language!r}: {other.path} and {path}")
            self.prompts[key] = prompt
        for variant in self.variants:
            if (variant, DEFAULT_LANGUAGE) not in self.prompts:
                where = task.prompts_dir / variant if variant else task.prompts_dir
                raise PromptError(f"{where} has no fallback prompt (language = {DEFAULT_LANGUAGE!r})")

    @property
    def variants(self) -> list[str]:
        """'' (the top folder) and the name of every sub-folder with prompts."""
        return sorted({variant for variant, _ in self.prompts})

    @property
    def by_language(self) -> dict[str, Prompt]:
        """The top folder's prompts by language."""
        return {language: p for (variant, language), p in self.prompts.items() if not variant}

    def select(self, language: str | None, forced: str | None = None, variant: str = "") -> Prompt:
        """The prompt for a language in a variant, or its fallback; `forced` names one and must exist."""
        if variant not in self.variants:
            names = ", ".join(v or "single" for v in self.variants)
            raise PromptError(f"no prompt variant {variant!r} for task {self.task.name}; have {names}")
        if forced is not None:
            if (variant, forced) not in self.prompts:
                have = ", ".join(lang for v, lang in self.prompts if v == variant)
                raise PromptError(f"no prompt {forced!r} for task {self.task.name}; have {have}")
            return self.prompts[(variant, forced)]
        return self.prompts.get((variant, language or ""), self.prompts[(variant, DEFAULT_LANGUAGE)])

    def __iter__(self) -> Any:
        return iter(sorted(self.prompts.values(), key=lambda p: p.id))
