"""The service's request and response types: the project's own pydantic models.

Requests forbid unknown fields (a typo'd field is a 422, not silently ignored); records are
`extractor.records.Record`, the same contract as the CLI's JSON Lines.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, SecretStr, field_validator

from extractor.settings import language_code

JobState = Literal["queued", "running", "done", "cancelled"]
#: States a job never leaves.
FINAL_STATES: frozenset[str] = frozenset({"done", "cancelled"})


class _Request(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Article(_Request):
    """One article sent to the service."""

    text: str = Field(description="The article text (plain text or markdown).", examples=["RESULT: Alpha 2-1 Beta"])
    language: str | None = Field(
        default=None, description="ISO 639-1 code; skips language detection.", examples=["en"]
    )
    source: str | None = Field(
        default=None,
        max_length=500,
        description="A name for the article, written to the record's `source` (a label, never a path read).",
        examples=["wire/2026-12-01-alpha-beta.txt"],
    )

    @field_validator("language")
    @classmethod
    def _iso_639_1(cls, value: str | None) -> str | None:
        return language_code(value)


class JobRequest(_Request):
    """Many articles to extract in the background."""

    documents: list[Article] = Field(min_length=1, description="The articles, in order.")


class JobDocument(BaseModel):
    """One input of a stored job (in `job.json`)."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(description="Unique within the job; the records' `source`.")
    file: str = Field(description="File name under the job's inputs/ folder (chosen by the server).")
    language: str | None = None


class JobMeta(BaseModel):
    """What `job.json` holds: enough to answer and to resume after a restart."""

    model_config = ConfigDict(extra="forbid")

    id: str
    created: float
    started: float | None = None
    finished: float | None = None
    state: JobState = "queued"
    documents: list[JobDocument]


class JobStatus(BaseModel):
    """`GET /v1/jobs/{id}`: state and progress."""

    id: str
    state: JobState
    total: int = Field(description="Documents in the job.")
    done: int = Field(description="Documents with a record (ok or failed).")
    ok: int
    failed: int
    prompt_tokens: int
    completion_tokens: int
    elapsed_seconds: float = Field(description="Wall time since the job started (to its end, once it ended).")
    created: float = Field(description="Unix time the job was accepted.")
    records_url: str


class JobList(BaseModel):
    """`GET /v1/jobs`: every stored job, newest first."""

    jobs: list[JobStatus]


class PromptInfo(BaseModel):
    """One prompt of the task."""

    task: str
    language: str
    variant: str
    version: str
    sha256: str
    file: str


class Health(BaseModel):
    """`GET /healthz`."""

    status: Literal["ok", "starting"]
    ready: bool = Field(description="Whether the model backend is started and accepting documents.")
    backend: str
    model: str | None
    task: str
    concurrency: int
    in_flight: int = Field(description="Documents being extracted right now.")
    queued: int = Field(description="Documents waiting for a free slot.")


class ServiceConfig(BaseModel):
    """How the HTTP service runs (the extraction itself is configured by `Settings`)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    host: str = "127.0.0.1"
    port: int = Field(default=8000, ge=0, le=65535)
    api_key: SecretStr | None = Field(default=None, description="Bearer token every request must carry.")
    store: Path = Field(default=Path("extractor-jobs"), description="Folder holding the jobs.")
    max_body_bytes: int = Field(default=20_000_000, ge=1, description="Request bodies over this get 413.")
    max_documents: int = Field(default=10_000, ge=1, description="Documents one job may hold.")
    gold: Path | None = Field(
        default=None,
        description="Gold files the review page compares a job's records with (default: the task's gold folder).",
    )
