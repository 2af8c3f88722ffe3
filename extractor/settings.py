"""One typed configuration object for the whole pipeline.

Values come from (highest first) explicit arguments / CLI flags, environment variables
(`EXTRACTOR_*`, plus the ecosystem's `OPENAI_API_KEY` and `OPENAI_BASE_URL`), and defaults.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from pydantic import AliasChoices, Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

#: Every ISO 639-1 code (what --lang accepts).
ISO_639_1 = frozenset(
    "aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz "
    "ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik "
    "io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml "
    "mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd "
    "se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi "
    "vo wa wo xh yi yo za zh zu".split()
)


def language_code(value: str | None) -> str | None:
    """A checked ISO 639-1 code (lower case), or None.

    Raises:
        ValueError: not a two-letter ISO 639-1 code.
    """
    if value is None:
        return None
    code = value.strip().lower()
    if code not in ISO_639_1:
        raise ValueError(f"not an ISO 639-1 language code: {value!r} (two letters, e.g. en, da, nl)")
    return code


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
    strategy: str | None = Field(
        default=None,
        description="'single' (one call per document) or 'staged' (the task's plan of small questions); "
        "default: the backend's choice (embedded: staged, openai: single).",
    )
    concurrency: int = Field(default=1, ge=1, le=256)
    parallel_questions: int = Field(
        default=4, ge=1, le=64,
        description="Questions of one staged step in flight at once; the embedded server decodes up to this many "
        "together (at most 8).",
    )
    guess_tokens: int = Field(
        default=16, ge=0, le=64,
        description="Embedded server: tokens an answer's JSON schema fixes (keys, the rest of an enum value) fed "
        "ahead of the model in the same step and kept where it would have chosen them (0: off; the answers are "
        "the same either way).",
    )

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

    follow_symlinks: bool = Field(
        default=False, description="Read symlinks that point outside the input folders (off: they get an error record)."
    )
    breaker_failures: int = Field(
        default=5, ge=1, description="Consecutive documents failing with the same transport error that end the run."
    )

    @field_validator("base_url", "server_url")
    @classmethod
    def _http_url(cls, value: str | None) -> str | None:
        if value is None:
            return None
        parts = urlsplit(value)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError(f"not an http(s) URL: {value!r} (example: http://localhost:11434/v1)")
        try:
            parts.port  # noqa: B018 - raises on a port that is not a number
        except ValueError:
            raise ValueError(f"bad port in URL {value!r}") from None
        return value

    @field_validator("language")
    @classmethod
    def _iso_639_1(cls, value: str | None) -> str | None:
        return language_code(value)

    @field_validator("replay_dir")
    @classmethod
    def _existing_folder(cls, value: Path | None) -> Path | None:
        if value is not None and not value.is_dir():
            raise ValueError(f"no recordings folder at {value} (it must exist; make one with --record)")
        return value
