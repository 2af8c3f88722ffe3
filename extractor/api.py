"""The Python API. The CLI calls only this module.

    from extractor import Settings, extract, extract_many

    records = extract_many(["seeds/"], Settings(backend="openai", model="gpt-4o-mini"))

A `Session` owns the run's resources (the backend, possibly a llama.cpp server it started,
and the HTTP client) so many documents share one model server; `extract*` open one for you.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Any, Protocol

import httpx2

from extractor.backends import create_backend
from extractor.documents import Unusable, doc_id_for, document_from_text, path_doc_id, scan
from extractor.errors import AuthRejected, CircuitOpen, ConfigError, RunStopped
from extractor.llm.backend import MODES, Backend
from extractor.llm.call import make_client
from extractor.llm.recording import RecordingTransport
from extractor.llm.retry import AUTH_STATUS, described_status
from extractor.llm.transport import default_transport
from extractor.pipeline import Runtime, process_document, process_path
from extractor.prompts import PromptSet, variant_of
from extractor.records import ErrorInfo, Record
from extractor.redact import redact
from extractor.settings import Settings
from extractor.tasks import load_task

REPLAY_BASE_URL = "http://replay.invalid/v1"
RecordCallback = Callable[[Record], None]
#: `error.type` of the record a second copy of the same bytes gets (it is not extracted twice).
DUPLICATE = "duplicate"


@dataclass(frozen=True)
class Duplicate:
    """A file whose bytes equal an earlier file's: same doc_id, so it is extracted once, as `first`."""

    path: Path
    first: Path
    first_doc_id: str


#: One unit of a run: a file to extract, or a file that only gets a record saying why not.
WorkItem = Path | Unusable | Duplicate


@dataclass
class Plan:
    """What a run will do, decided before anything is opened for writing."""

    items: list[WorkItem] = field(default_factory=list)
    found: int = 0  # usable input files, before --resume skipped any
    skipped: int = 0  # files --resume skips (their doc_id has an ok record)

    @property
    def files(self) -> list[Path]:
        """The files that will be extracted."""
        return [item for item in self.items if isinstance(item, Path)]


class Session:
    """An open backend plus everything documents share; use as an async context manager."""

    def __init__(self, settings: Settings | None = None, *, transport: httpx2.AsyncBaseTransport | None = None) -> None:
        self.settings = settings or Settings()
        self.task = load_task(self.settings.task, self.settings.home)
        self.prompts = PromptSet(self.task)
        if self.settings.strategy is not None:  # an unknown --strategy fails here, not per document
            self.prompts.select(None, self.settings.prompt, variant_of(self.settings.strategy))
        if self.settings.prompt is not None:
            self.prompts.select(None, self.settings.prompt)  # an unknown --prompt fails here, not per document
        if self.settings.mode is not None and self.settings.mode not in MODES:
            raise ConfigError(f"unknown --mode {self.settings.mode!r}; choose one of {', '.join(MODES)}")
        self.backend: Backend = create_backend(self.settings)
        self._transport = transport
        self._runtime: Runtime | None = None
        self._http: httpx2.AsyncClient | None = None

    async def __aenter__(self) -> Session:
        s = self.settings
        inner = self._transport or default_transport(max(s.concurrency, 1) * 2)
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
            backend_name=self.backend.name,
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

    async def extract_paths(
        self, paths: Iterable[WorkItem], on_record: RecordCallback | None = None, *, keep: bool = True
    ) -> list[Record]:
        """Extract from files with bounded concurrency; `on_record` sees each record as it ends.

        Every item gets exactly one record. `Unusable` and `Duplicate` items (from `plan`) get
        their record without a model call. `paths` is read lazily, one item per free worker,
        so a generator keeps memory flat; with `keep=False` the records are only passed to
        `on_record` and the list returned (and a stop's `.records`) stays empty.

        Raises:
            AuthRejected: the endpoint refused the key (401/403); the run stopped at once.
            CircuitOpen: `settings.breaker_failures` documents in a row failed with the same
                transport error. In both cases the documents not tried have a `backend_error`
                record ("not attempted"), so `--resume` redoes them; `.records` has them all.
        """
        run = _Run(self, paths, on_record, keep=keep)
        return await run.go()

    def _note(self, path: Path, doc_id: str, kind: str, message: str) -> Record:
        """A record for a file that is not sent to the model."""
        return Record(
            doc_id=doc_id,
            source=str(path),
            status="error",
            task=self.task.name,
            backend=self.backend.name,
            model=self.backend.model_name(),
            error=ErrorInfo(type=kind, message=redact(message, [self.settings.api_key])),
        )

    def record_for(self, item: Unusable | Duplicate) -> Record:
        """The record of an item that is not extracted."""
        if isinstance(item, Unusable):
            return self._note(item.path, item.doc_id, "input_error", item.reason)
        return self._note(
            item.path,
            doc_id_for(str(item.path).encode()),
            DUPLICATE,
            f"same bytes as {item.first} (doc_id {item.first_doc_id}): extracted once, in that file's record",
        )


class _Run:
    """One `extract_paths` call: a worker pool over the items, an auth stop and a circuit breaker."""

    def __init__(
        self, session: Session, items: Iterable[WorkItem], on_record: RecordCallback | None, *, keep: bool = True
    ) -> None:
        self.session = session
        # A bounded producer: each free worker takes the next item, so no more than
        # `concurrency` items are in flight and nothing is queued up front.
        self.todo: Iterator[tuple[int, WorkItem]] = enumerate(items)
        self.in_flight: dict[int, WorkItem] = {}
        self.on_record = on_record
        self.keep = keep
        self.records: list[Record] = []
        self.stop: RunStopped | None = None
        self._streak: tuple[str, int] = ("", 0)

    async def go(self) -> list[Record]:
        workers = [asyncio.create_task(self._worker()) for _ in range(max(1, self.session.settings.concurrency))]
        try:
            await asyncio.gather(*workers)
        except _Stop:
            pass
        finally:
            for worker in workers:
                worker.cancel()
            await asyncio.gather(*workers, return_exceptions=True)
        if self.stop is not None:
            # In flight when the run stopped (lower indices), then never started: in input order.
            for _, item in [*sorted(self.in_flight.items()), *self.todo]:
                self._emit(self._not_attempted(item))
            self.stop.records = self.records
            raise self.stop
        return self.records

    async def _worker(self) -> None:
        while not self.stopped():
            taken = next(self.todo, None)
            if taken is None:
                return
            index, item = taken
            self.in_flight[index] = item
            if isinstance(item, Path):
                record = await process_path(item, self.session.runtime)
            else:
                record = self.session.record_for(item)
            if self.stopped():
                return  # another worker stopped the run while this one was busy: it is 'not attempted'
            del self.in_flight[index]
            self._emit(record)
            self._observe(record)

    def stopped(self) -> bool:
        """Whether a worker has stopped the run (re-read after every await)."""
        return self.stop is not None

    def _emit(self, record: Record) -> None:
        if self.keep:
            self.records.append(record)
        if self.on_record is not None:
            self.on_record(record)

    def _observe(self, record: Record) -> None:
        """Stop on a refused key; count identical transport failures in a row."""
        error = record.error
        if record.ok or (error is not None and error.type == "model_output_error"):
            self._streak = ("", 0)  # the endpoint answered
            return
        if error is None or error.type != "backend_error":
            return  # input errors and replay misses say nothing about the endpoint
        if described_status(error.message) in AUTH_STATUS:
            self.stop = AuthRejected(
                f"the endpoint refused the API key ({error.message}); check OPENAI_API_KEY / --api-key"
            )
            raise _Stop
        same, count = self._streak
        self._streak = (error.message, count + 1 if error.message == same else 1)
        limit = self.session.settings.breaker_failures
        if self._streak[1] >= limit:
            self.stop = CircuitOpen(
                f"stopped after {limit} documents in a row failed the same way ({error.message}); "
                "fix the endpoint (--base-url / the server), then rerun with --resume"
            )
            raise _Stop

    def _not_attempted(self, item: WorkItem) -> Record:
        if not isinstance(item, Path):
            return self.session.record_for(item)
        assert self.stop is not None
        return self.session._note(item, path_doc_id(item), "backend_error", f"not attempted: {self.stop}")


class _Stop(Exception):
    """Raised inside a worker to end the pool (the reason is in `_Run.stop`)."""


class Extractor(Protocol):
    """What an open engine offers: `Session.extract_paths`'s contract (one record per item)."""

    async def extract_paths(
        self, paths: Iterable[WorkItem], on_record: RecordCallback | None = None, *, keep: bool = True
    ) -> list[Record]:
        """Extract every item; see `Session.extract_paths`."""
        ...


class Engine(Protocol):
    """Where a run's documents are extracted: `LocalEngine`, or `extractor.engines` (e.g. a Ray cluster)."""

    name: str

    def open(self, session: Session) -> AbstractAsyncContextManager[Extractor]:
        """An async context manager that yields something to call `extract_paths` on."""
        ...


class LocalEngine:
    """This process: the open `session` itself, `-j` documents in flight."""

    name = "local"

    def open(self, session: Session) -> Session:
        """The session (entering it starts the backend)."""
        return session


def plan(paths: Sequence[str | Path], skip: Collection[str] = (), *, follow_symlinks: bool = False) -> Plan:
    """Discover the inputs and decide each one's fate: extract, skip (--resume), duplicate, or unusable.

    Files with identical bytes share a doc_id; the first (in path order) is extracted, every
    later copy becomes a `Duplicate` that points at it.

    Raises:
        InputError: a path given does not exist.
    """
    found = scan(paths, follow_symlinks=follow_symlinks)
    result = Plan(found=len(found.files))
    first: dict[str, Path] = {}
    for path in found.files:
        doc_id = path_doc_id(path)
        if doc_id in skip:
            result.skipped += 1
        elif doc_id in first:
            result.items.append(Duplicate(path, first[doc_id], doc_id))
        else:
            first[doc_id] = path
            result.items.append(path)
    result.items.extend(found.unusable)
    return result


def pending(paths: Sequence[str | Path], skip: Collection[str] = ()) -> list[Path]:
    """Files under `paths` whose doc_id is not in `skip` (one per doc_id; see `plan` for the rest)."""
    return plan(paths, skip).files


async def aextract(text: str, settings: Settings | None = None, *, source: str = "<text>") -> Record:
    """Extract from one article's text."""
    async with Session(settings) as session:
        return await session.extract_text(text, source)


async def aextract_many(
    paths: Sequence[str | Path] | Plan,
    settings: Settings | None = None,
    *,
    on_record: RecordCallback | None = None,
    skip: Collection[str] = (),
    engine: Engine | None = None,
    **session_options: Any,
) -> list[Record]:
    """Extract from every supported file under `paths`, skipping doc_ids in `skip`.

    `paths` may also be a `Plan` made beforehand (what the CLI does; `skip` is then ignored).
    `engine` says where: this process (default) or, e.g., `extractor.engines.engine_for("ray")`.
    The backend is started only if something is left to do. Raises what `Session.extract_paths` raises.
    """
    if not isinstance(paths, Plan):
        follow = (settings or Settings()).follow_symlinks
        paths = await asyncio.to_thread(plan, paths, skip, follow_symlinks=follow)
    items = paths.items
    if not items:
        return []
    async with (engine or LocalEngine()).open(Session(settings, **session_options)) as runner:
        return await runner.extract_paths(items, on_record)


def extract(text: str, settings: Settings | None = None, *, source: str = "<text>") -> Record:
    """Blocking twin of `aextract`."""
    return asyncio.run(aextract(text, settings, source=source))


def extract_many(
    paths: Sequence[str | Path] | Plan,
    settings: Settings | None = None,
    *,
    on_record: RecordCallback | None = None,
    skip: Collection[str] = (),
    engine: Engine | None = None,
) -> list[Record]:
    """Blocking twin of `aextract_many`."""
    return asyncio.run(aextract_many(paths, settings, on_record=on_record, skip=skip, engine=engine))
