"""One document, one way through: read -> clean -> language -> prompt -> model -> record.

The pipeline knows no concrete backend: it gets an `Endpoint` and an openai client from
the session that owns them. Every failure becomes an `error` record for that document.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import openai

from extractor.cleaning import clean
from extractor.documents import Document, DocumentError, path_doc_id, read_document
from extractor.errors import ExtractorError, InputError, ModelOutputError, ReplayMissError
from extractor.grounding import Grounder
from extractor.language import detect_language
from extractor.llm.backend import Endpoint
from extractor.llm.call import Ledger, structured_call
from extractor.prompts import Prompt, PromptSet, variant_of
from extractor.records import ErrorInfo, PromptRef, Record, RecordWarning
from extractor.redact import redact
from extractor.salvage import NothingValid, refine, spans
from extractor.settings import Settings
from extractor.shorten import CLIPPED
from extractor.staged import run_plan
from extractor.tasks import Task

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Runtime:
    """What every document of a run shares."""

    task: Task
    prompts: PromptSet
    settings: Settings
    backend_name: str
    endpoint: Endpoint
    client: openai.AsyncOpenAI


async def process_path(path: Path, rt: Runtime) -> Record:
    """Read a file and extract from it; never raises for a bad document."""
    started = time.perf_counter()
    try:
        # In a thread: a slow disk or a huge file must not stall the other documents' model calls.
        document = await asyncio.to_thread(read_document, path, rt.settings.max_input_bytes)
    except DocumentError as exc:
        return _failed(rt, exc.doc_id, exc.source, exc, started)
    except ExtractorError as exc:  # e.g. HTML without the html extra: this document fails, not the run
        return _failed(rt, path_doc_id(path), str(path), exc, started)
    return await process_document(document, rt, started)


async def process_document(document: Document, rt: Runtime, started: float | None = None) -> Record:
    """Extract from a decoded document; never raises for a bad document."""
    started = time.perf_counter() if started is None else started
    ledger = Ledger()
    prompt: Prompt | None = None
    language: str | None = None
    try:
        cleaned = clean(document.text)
        if not cleaned.text.strip():
            raise InputError("nothing left to extract from after removing page boilerplate")
        if len(cleaned.text) > rt.settings.max_input_chars:
            raise InputError(
                f"article is {len(cleaned.text):,} characters after cleaning, over the limit of "
                f"{rt.settings.max_input_chars:,} (--max-input-chars); it would not fit the model's context"
            )
        language = rt.settings.language or detect_language(cleaned.text)
        prompt = rt.prompts.select(language, rt.settings.prompt, variant_for(rt))
        grounder = Grounder(cleaned)
        data, warnings = await _ask(rt, prompt, cleaned.text, language, grounder, ledger)
        value, more = refine(rt.task.root_model, data, grounder, rt.task.checks)
    except NothingValid as exc:
        error = ModelOutputError(f"nothing valid left: {exc}", last_output=ledger.last_output)
        return _failed(rt, document.doc_id, document.source, error, started, ledger, prompt, language)
    except ReplayMissError as exc:
        hint = (
            f"{exc} for document {document.doc_id} ({document.source}), prompt "
            f"{prompt.id if prompt else '?'} sha256 {prompt.sha256[:12] if prompt else '?'}; "
            f"re-record with: extractor run {document.source} --record <DIR> --out <FILE>"
        )
        return _failed(rt, document.doc_id, document.source, ReplayMissError(hint), started, ledger, prompt, language)
    except ExtractorError as exc:
        return _failed(rt, document.doc_id, document.source, exc, started, ledger, prompt, language)
    except Exception as exc:  # a bug must cost one document, not the run
        log.exception("unexpected failure on %s", document.source)
        return _failed(rt, document.doc_id, document.source, exc, started, ledger, prompt, language)
    result = value.model_dump(mode="json")
    return Record(
        status="ok",
        result=result,
        grounding=spans(rt.task.root_model, result, grounder),
        warnings=[*warnings, *more],
        **_envelope(rt, document.doc_id, document.source, started, ledger, prompt, language),
    )


def variant_for(rt: Runtime) -> str:
    """The prompt variant of this run: --strategy, else the backend's choice.

    'single' is the top prompt folder; any other name is a sub-folder ('staged', 'naive').
    """
    return variant_of(rt.settings.strategy or rt.endpoint.strategy)


async def _ask(
    rt: Runtime, prompt: Prompt, text: str, language: str | None, grounder: Grounder, ledger: Ledger
) -> tuple[dict[str, Any], list[RecordWarning]]:
    """The model's answer as data shaped like the root model (not yet checked)."""
    if prompt.spec.strategy == "staged" and rt.task.plan is not None:
        return await run_plan(rt.task.plan, prompt, text, language, grounder, rt, ledger)
    messages = prompt.render(text, language)
    try:
        value = await structured_call(rt.client, rt.endpoint, rt.settings, messages, rt.task.root_model, ledger)
    except ModelOutputError as exc:
        salvaged = _last_answer(exc.last_output)
        if salvaged is None:
            raise
        note = RecordWarning(path="", rule="salvaged", message=f"kept the valid part of the last answer: {exc}")
        return salvaged, [note]
    return value.model_dump(mode="json"), []


def _last_answer(text: str | None) -> dict[str, Any] | None:
    """The last invalid answer as data, when it parses (its invalid facts are dropped later)."""
    if not text or text.endswith(CLIPPED):
        return None
    try:
        data = json.loads(text)
    except ValueError:
        return None
    return data if isinstance(data, dict) else None


def _ref(prompt: Prompt | None) -> PromptRef | None:
    return PromptRef(id=prompt.id, version=prompt.version, sha256=prompt.sha256) if prompt else None


def _failed(
    rt: Runtime,
    doc_id: str,
    source: str,
    exc: BaseException,
    started: float,
    ledger: Ledger | None = None,
    prompt: Prompt | None = None,
    language: str | None = None,
) -> Record:
    kind = exc.kind if isinstance(exc, ExtractorError) else "internal_error"
    message = str(exc) if isinstance(exc, ExtractorError) else f"{type(exc).__name__}: {exc}"
    last = exc.last_output if isinstance(exc, ModelOutputError) else None
    secrets = [rt.settings.api_key]  # endpoints echo the key in error bodies
    return Record(
        status="error",
        error=ErrorInfo(
            type=kind, message=redact(message, secrets), last_output=redact(last, secrets) if last else last
        ),
        **_envelope(rt, doc_id, source, started, ledger or Ledger(), prompt, language),
    )


def _envelope(
    rt: Runtime,
    doc_id: str,
    source: str,
    started: float,
    ledger: Ledger,
    prompt: Prompt | None,
    language: str | None,
) -> dict[str, Any]:
    """The fields every record carries, whatever its status."""
    return {
        "doc_id": doc_id,
        "source": source,
        "task": rt.task.name,
        "language": language,
        "prompt": _ref(prompt),
        "backend": rt.backend_name,
        "model": rt.endpoint.model,
        "attempts": ledger.attempts,
        "usage": ledger.usage,
        "seconds": round(time.perf_counter() - started, 3),
    }
