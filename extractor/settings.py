"""One typed configuration object for the whole pipeline.

Values come from (highest first) explicit arguments / CLI flags, environment variables
(`EXTRACTOR_*`, plus the ecosystem's `OPENAI_API_KEY` and `OPENAI_BASE_URL`), and defaults.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import AliasChoices, Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Everything a run needs to know. Immutable; use `model_copy(update=...)` to vary."""

    model_config = SettingsConfigDict(
        env_prefix="EXTRACTOR_", frozen=True, populate_by_name=True, extra="forbid"
    )

    task: str = Field(default="match_report", description="Task name: schemas/<task>.py + prompts/<task>/.")
    home: Path | None = Field(
        default=None, description="Folder holding schemas/, prompts/ and evals/ (default: the installed ones)."
    )

    backend: str = Field(default="embedded", description="Backend name: 'embedded' or 'openai'.")
    model: str | None = Field(default=None, description="Model name sent to the endpoint.")
    base_url: str | None = Field(
        default=None, validation_alias=AliasChoices("base_url", "EXTRACTOR_BASE_URL", "OPENAI_BASE_URL")
    )
    api_key: SecretStr | None = Field(
        default=None, validation_alias=AliasChoices("api_key", "EXTRACTOR_API_KEY", "OPENAI_API_KEY")
    )
    mode: str | None = Field(default=None, description="instructor mode override (json, tools, md_json, json_schema).")
    model_path: Path | None = Field(default=None, description="A GGUF file for the embedded backend.")
    server_url: str | None = Field(
        default=None, description="URL of a running `extractor model serve` to reuse (embedded backend)."
    )

    language: str | None = Field(default=None, description="Force this ISO 639-1 language instead of detecting.")
    prompt: str | None = Field(
        default=None, description="Use this prompt (its language key, e.g. 'default') for every document."
    )
    concurrency: int = Field(default=1, ge=1, le=256)

    temperature: float = Field(default=0.0, ge=0.0, le=2.0)
    seed: int | None = 1234
    max_tokens: int = Field(default=1536, ge=16)
    timeout: float = Field(
        default=600.0, gt=0, description="Seconds per HTTP request (a CPU model can take minutes on a long article)."
    )

    transport_attempts: int = Field(default=5, ge=1, description="HTTP attempts per model call (429/5xx/timeouts).")
    backoff_initial: float = Field(default=0.5, ge=0)
    backoff_max: float = Field(default=20.0, ge=0)
    retry_budget_seconds: float = Field(default=300.0, gt=0, description="Total time transport retries may take.")
    validation_retries: int = Field(default=2, ge=0, description="Re-asks after output fails validation.")
    truncation_retries: int = Field(default=1, ge=0, description="Retries after output hit max_tokens.")

    max_input_bytes: int = Field(default=2_000_000, ge=1)
    max_input_chars: int = Field(default=20_000, ge=1, description="Cleaned article longer than this is refused.")

    record_dir: Path | None = Field(default=None, description="Record exchanges here; serve hits from it (a cache).")
    replay_dir: Path | None = Field(default=None, description="Serve every exchange from here; never call a model.")
