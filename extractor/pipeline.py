"""One document, one way through: read -> clean -> language -> prompt -> model -> record.

The pipeline knows no concrete backend: it gets an `Endpoint` and an openai client from
the session that owns them. Every failure becomes an `error` record for that document.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import openai

from extractor.cleaning import CleanText, clean
from extractor.documents import Document, DocumentError, path_doc_id, read_document
from extractor.errors import ExtractorError, InputError, ModelOutputError, ReplayMissError
from extractor.language import detect_language
from extractor.llm.backend import Endpoint
from extractor.llm.call import Ledger, structured_call
from extractor.prompts import Prompt, PromptSet
from extractor.records import ErrorInfo, Grounding, PromptRef, Record
from extractor.settings import Settings
from extractor.tasks import Task

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Runtime:
    """What every document of a run shares."""

    task: Task
    prompts: PromptSet
    settings: Settings
    backend: str
    endpoint: Endpoint
    client: openai.AsyncOpenAI


async def process_path(path: Path, rt: Runtime) -> Record:
    """Read a file and extract from it; never raises for a bad document."""
    started = time.perf_counter()
    try:
        document = read_document(path, rt.settings.max_input_bytes)
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
        prompt = rt.prompts.select(language, rt.settings.prompt)
        messages = prompt.render(cleaned.text, language)
        value = await structured_call(
            rt.client, rt.endpoint, rt.settings, messages, rt.task.root_model, ledger
        )
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
        grounding=list(ground(result, cleaned)),
        **_envelope(rt, document.doc_id, document.source, started, ledger, prompt, language),
    )


def ground(result: Any, cleaned: CleanText, path: str = "") -> Iterator[Grounding]:
    """Locate every `evidence` quote of a result in the original document text."""
    if isinstance(result, dict):
        for key, value in result.items():
            here = f"{path}.{key}" if path else key
            if key == "evidence" and isinstance(value, str) and value:
                span = cleaned.locate(value)
                yield Grounding(path=here, quote=value, start=span[0] if span else None, end=span[1] if span else None)
            else:
                yield from ground(value, cleaned, here)
    elif isinstance(result, list):
        for index, item in enumerate(result):
            yield from ground(item, cleaned, f"{path}[{index}]")


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
    return Record(
        status="error",
        error=ErrorInfo(type=kind, message=message, last_output=last),
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
        "backend": rt.backend,
        "model": rt.endpoint.model,
        "attempts": ledger.attempts,
        "usage": ledger.usage,
        "seconds": round(time.perf_counter() - started, 3),
    }
