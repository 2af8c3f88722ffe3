"""The Python API. The CLI calls only this module.

    from extractor import Settings, extract, extract_many

    records = extract_many(["seeds/"], Settings(backend="openai", model="gpt-4o-mini"))

A `Session` owns the run's resources (the backend, possibly a llama.cpp server it started,
and the HTTP client) so many documents share one model server; `extract*` open one for you.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Collection, Sequence
from pathlib import Path
from types import TracebackType
from typing import Any

import httpx2

from extractor.backends import create_backend
from extractor.documents import discover, document_from_text, path_doc_id
from extractor.llm.backend import Backend
from extractor.llm.call import make_client
from extractor.llm.recording import RecordingTransport
from extractor.pipeline import Runtime, process_document, process_path
from extractor.prompts import PromptSet
from extractor.records import Record
from extractor.settings import Settings
from extractor.tasks import load_task

REPLAY_BASE_URL = "http://replay.invalid/v1"
RecordCallback = Callable[[Record], None]


class Session:
    """An open backend plus everything documents share; use as an async context manager."""

    def __init__(self, settings: Settings | None = None, *, transport: httpx2.AsyncBaseTransport | None = None) -> None:
        self.settings = settings or Settings()
        self.task = load_task(self.settings.task, self.settings.home)
        self.prompts = PromptSet(self.task)
        self.backend: Backend = create_backend(self.settings)
        self._transport = transport
        self._runtime: Runtime | None = None
        self._http: httpx2.AsyncClient | None = None

    async def __aenter__(self) -> Session:
        s = self.settings
        inner = self._transport or httpx2.AsyncHTTPTransport()
        if s.replay_dir is not None:
            endpoint = self.backend.endpoint(REPLAY_BASE_URL)  # nothing to start: no model is called
            transport: httpx2.AsyncBaseTransport = RecordingTransport(s.replay_dir, "replay", inner)
        else:
            endpoint = await self.backend.start()
            transport = RecordingTransport(s.record_dir, "record", inner) if s.record_dir else inner
        limits = httpx2.Limits(max_connections=max(s.concurrency, 1) * 2)
        self._http = httpx2.AsyncClient(transport=transport, timeout=s.timeout, limits=limits)
        self._runtime = Runtime(
            task=self.task,
            prompts=self.prompts,
            settings=s,
            backend=self.backend.name,
            endpoint=endpoint,
            client=make_client(endpoint, s, self._http),
        )
        return self

    async def __aexit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        try:
            if self._http is not None:
                await self._http.aclose()
        finally:
            await self.backend.stop()

    @property
    def runtime(self) -> Runtime:
        """The open runtime; only inside `async with`."""
        if self._runtime is None:
            raise RuntimeError("Session is not open: use `async with Session(...) as session`")
        return self._runtime

    async def extract_text(self, text: str, source: str = "<text>") -> Record:
        """Extract from an in-memory article."""
        return await process_document(document_from_text(text, source), self.runtime)

    async def extract_paths(self, paths: Sequence[Path], on_record: RecordCallback | None = None) -> list[Record]:
        """Extract from files with bounded concurrency; `on_record` sees each record as it ends."""
        limit = asyncio.Semaphore(self.settings.concurrency)
        records: list[Record] = []

        async def one(path: Path) -> None:
            async with limit:
                record = await process_path(path, self.runtime)
            records.append(record)
            if on_record is not None:
                on_record(record)

        await asyncio.gather(*(one(p) for p in paths))
        return records


def pending(paths: Sequence[str | Path], skip: Collection[str] = ()) -> list[Path]:
    """Files under `paths` whose doc_id is not in `skip`."""
    files = discover(paths)
    if not skip:
        return files
    return [p for p in files if path_doc_id(p) not in skip]


async def aextract(text: str, settings: Settings | None = None, *, source: str = "<text>") -> Record:
    """Extract from one article's text."""
    async with Session(settings) as session:
        return await session.extract_text(text, source)


async def aextract_many(
    paths: Sequence[str | Path],
    settings: Settings | None = None,
    *,
    on_record: RecordCallback | None = None,
    skip: Collection[str] = (),
    **session_options: Any,
) -> list[Record]:
    """Extract from every supported file under `paths`, skipping doc_ids in `skip`.

    The backend is started only if something is left to do.
    """
    files = pending(paths, skip)
    if not files:
        return []
    async with Session(settings, **session_options) as session:
        return await session.extract_paths(files, on_record)


def extract(text: str, settings: Settings | None = None, *, source: str = "<text>") -> Record:
    """Blocking twin of `aextract`."""
    return asyncio.run(aextract(text, settings, source=source))


def extract_many(
    paths: Sequence[str | Path],
    settings: Settings | None = None,
    *,
    on_record: RecordCallback | None = None,
    skip: Collection[str] = (),
) -> list[Record]:
    """Blocking twin of `aextract_many`."""
    return asyncio.run(aextract_many(paths, settings, on_record=on_record, skip=skip))
