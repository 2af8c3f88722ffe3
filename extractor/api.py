"""The Python API. The CLI calls only this module.

    from extractor import Settings, extract, extract_iter, extract_many

    records = extract_many(["seeds/"], Settings(backend="openai", model="gpt-4o-mini"))
    for record in extract_iter(["articles/"], Settings(backend="openai", concurrency=32)):
        ...  # one record at a time, as each document ends: memory stays flat for any number of files

A `Session` owns the run's resources (the backend, possibly a llama.cpp server it started,
and the HTTP client) so many documents share one model server; `extract*` open one for you.
"""

from __future__ import annotations

import asyncio
import itertools
import queue
import threading
from collections import deque
from collections.abc import AsyncGenerator, Callable, Collection, Iterable, Iterator, Sequence
from contextlib import AbstractAsyncContextManager, aclosing
from pathlib import Path
from types import TracebackType
from typing import Any, Protocol

import httpx2

from extractor.backends import create_backend
from extractor.discovery import Unusable
from extractor.documents import doc_id_for, document_from_text, path_doc_id
from extractor.errors import AuthRejected, CircuitOpen, ConfigError, RunStopped
from extractor.heap import TRIM_EVERY, trim
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
from extractor.work import DUPLICATE, Duplicate, Plan, Work, WorkItem, pending, plan

__all__ = ["DUPLICATE", "Duplicate", "Engine", "Extractor", "LocalEngine", "Plan", "RecordCallback", "Session",
           "Work", "WorkItem", "aextract", "aextract_iter", "aextract_many", "extract", "extract_iter",
           "extract_many", "pending", "plan"]

REPLAY_BASE_URL = "http://replay.invalid/v1"
RecordCallback = Callable[[Record], None]
#: Items one producer step takes from the input stream (in a thread: discovery stats and hashes files).
TAKE = 16


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
        connections = max(s.concurrency, 1) * max(s.parallel_questions, 1) * 2  # every question in flight, and spare
        inner = self._transport or default_transport(connections)
        if s.replay_dir is not None:
            endpoint = self.backend.endpoint(REPLAY_BASE_URL)  # nothing to start: no model is called
            transport: httpx2.AsyncBaseTransport = RecordingTransport(s.replay_dir, "replay", inner)
        else:
            endpoint = await self.backend.start()
            transport = RecordingTransport(s.record_dir, "record", inner) if s.record_dir else inner
        limits = httpx2.Limits(max_connections=connections)
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

        Every item gets exactly one record. `Unusable` and `Duplicate` items (from `Work` or
        `plan`) get their record without a model call. `paths` is read lazily (a few items at a
        time, in a thread, when a worker is free), so a `Work` or another generator keeps memory
        flat; with `keep=False` the records are only passed to `on_record` and the list returned
        (and a stop's `.records`) stays empty.

        Raises:
            AuthRejected: the endpoint refused the key (401/403); the run stopped at once.
            CircuitOpen: `settings.breaker_failures` documents in a row failed with the same
                transport error. In both cases the documents not tried have a `backend_error`
                record ("not attempted"), so `--resume` redoes them; `.records` has them all.
        """
        records: list[Record] = []
        try:
            async with aclosing(self.iter_paths(paths)) as stream:
                async for record in stream:
                    if keep:
                        records.append(record)
                    if on_record is not None:
                        on_record(record)
        except RunStopped as exc:
            exc.records = records
            raise
        return records

    def iter_paths(self, paths: Iterable[WorkItem]) -> AsyncGenerator[Record, None]:
        """`extract_paths` as an async iterator: each record as its document ends, none kept.

        At most `concurrency` documents are in flight and as many finished records wait for the
        consumer: a slow consumer slows the run down instead of filling memory. Leaving the loop
        early cancels the documents in flight. A stop (`AuthRejected`, `CircuitOpen`) is raised
        after the records of the documents not tried.
        """
        return _Run(self, paths).stream()

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
            f"same bytes as an earlier input file (doc_id {item.first_doc_id}): extracted once, in that "
            "doc_id's record",
        )


class _Run:
    """One pass over a run's items: a worker pool, an auth stop and a circuit breaker, records out as a stream."""

    def __init__(self, session: Session, items: Iterable[WorkItem]) -> None:
        self.session = session
        # A bounded producer: a free worker takes the next item (TAKE at a time, read in a thread),
        # so at most `concurrency` items are in flight, TAKE wait in `taken`, and no task or list
        # of the items is made up front.
        self.todo: Iterator[tuple[int, WorkItem]] = enumerate(items)
        self.taken: deque[tuple[int, WorkItem]] = deque()
        self._taking = asyncio.Lock()
        self.in_flight: dict[int, WorkItem] = {}
        self.done: asyncio.Queue[Record | None] = asyncio.Queue(maxsize=max(1, session.settings.concurrency))
        self.stop: RunStopped | None = None
        self._streak: tuple[str, int] = ("", 0)
        self._finished = 0

    async def stream(self) -> AsyncGenerator[Record, None]:
        """Every item's record, as it ends (then the stop, if a worker stopped the run)."""
        pool = asyncio.create_task(self._pool())
        try:
            while (record := await self.done.get()) is not None:
                yield record
            await pool  # raises the stop, after the records of the documents not tried
        finally:
            if not pool.done():  # the consumer left early: cancel the documents in flight
                pool.cancel()
                await asyncio.gather(pool, return_exceptions=True)

    async def _pool(self) -> None:
        workers = [asyncio.create_task(self._worker()) for _ in range(max(1, self.session.settings.concurrency))]
        failure: Exception | None = None
        try:
            await asyncio.gather(*workers)
        except _Stop:
            pass
        except Exception as exc:  # a bug, or the input stream failing: the consumer gets it after the end marker
            failure = exc
        finally:
            for worker in workers:
                worker.cancel()
            await asyncio.gather(*workers, return_exceptions=True)
        if self.stop is not None and failure is None:
            # In flight when the run stopped (lower indices), then never started: in input order.
            for _, item in [*sorted(self.in_flight.items()), *self.taken, *self.todo]:
                await self.done.put(self._not_attempted(item))
        await self.done.put(None)
        if failure is not None:
            raise failure
        if self.stop is not None:
            raise self.stop

    async def _take(self) -> tuple[int, WorkItem] | None:
        """The next item, or None at the end; the input stream is read TAKE items at a time, off the loop."""
        async with self._taking:
            if not self.taken:
                self.taken.extend(await asyncio.to_thread(lambda: list(itertools.islice(self.todo, TAKE))))
            return self.taken.popleft() if self.taken else None

    async def _worker(self) -> None:
        while not self.stopped():
            taken = await self._take()
            if taken is None or self.stopped():
                if taken is not None:
                    self.taken.appendleft(taken)  # not started: 'not attempted', in its place
                return
            index, item = taken
            self.in_flight[index] = item
            if isinstance(item, Path):
                record = await process_path(item, self.session.runtime)
            else:
                record = self.session.record_for(item)
            if self.stopped():
                return  # another worker stopped the run while this one was busy: it is 'not attempted'
            await self.done.put(record)  # waits while the consumer is behind (cancelled there: 'not attempted')
            del self.in_flight[index]
            self._finished += 1
            if self._finished % TRIM_EVERY == 0:
                trim()  # a long run's freed heap pages go back to the OS: memory stays flat
            self._observe(record)

    def stopped(self) -> bool:
        """Whether a worker has stopped the run (re-read after every await)."""
        return self.stop is not None

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


async def aextract(text: str, settings: Settings | None = None, *, source: str = "<text>") -> Record:
    """Extract from one article's text."""
    async with Session(settings) as session:
        return await session.extract_text(text, source)


Inputs = Sequence[str | Path] | Work | Plan


async def _items(paths: Inputs, settings: Settings | None, skip: Collection[str]) -> Iterator[WorkItem] | None:
    """The run's items as a stream, or None when there is nothing to do (so no backend is started).

    Paths are checked here (`InputError`); the first item is looked for in a thread.
    """
    if isinstance(paths, Plan):
        stream: Iterator[WorkItem] = iter(paths.items)
    elif isinstance(paths, Work):
        stream = iter(paths)
    else:
        follow = (settings or Settings()).follow_symlinks
        named = [paths] if isinstance(paths, str | Path) else paths  # one path given as such, not its letters
        stream = iter(Work(named, skip, follow_symlinks=follow))
    first = await asyncio.to_thread(next, stream, None)
    return None if first is None else itertools.chain([first], stream)


async def aextract_many(
    paths: Inputs,
    settings: Settings | None = None,
    *,
    on_record: RecordCallback | None = None,
    skip: Collection[str] = (),
    engine: Engine | None = None,
    **session_options: Any,
) -> list[Record]:
    """Extract from every supported file under `paths`, skipping doc_ids in `skip`; every record, as a list.

    `paths` may also be a `Work` or a `Plan` made beforehand (`skip` is then ignored).
    `engine` says where: this process (default) or, e.g., `extractor.engines.engine_for("ray")`.
    The backend is started only if something is left to do. Raises what `Session.extract_paths` raises.
    For many files, `aextract_iter` gives the same records without keeping them.
    """
    items = await _items(paths, settings, skip)
    if items is None:
        return []
    async with (engine or LocalEngine()).open(Session(settings, **session_options)) as runner:
        return await runner.extract_paths(items, on_record)


async def aextract_iter(
    paths: Inputs,
    settings: Settings | None = None,
    *,
    skip: Collection[str] = (),
    engine: Engine | None = None,
    **session_options: Any,
) -> AsyncGenerator[Record, None]:
    """`aextract_many` as an async iterator: each record as its document ends, none kept.

    Memory stays flat whatever the number of files: the inputs are discovered as the run goes
    (see `Work`), and with the local engine a consumer that falls behind holds the run back
    (at most `concurrency` records wait). Leaving the loop early cancels the documents in
    flight and closes the backend. A stop (`AuthRejected`, `CircuitOpen`) is raised after the
    records of the documents not tried.
    """
    items = await _items(paths, settings, skip)
    if items is None:
        return
    async with (engine or LocalEngine()).open(Session(settings, **session_options)) as runner:
        stream = runner.iter_paths(items) if isinstance(runner, Session) else _relay(runner, items)
        async with aclosing(stream) as records:
            async for record in records:
                yield record


async def _relay(runner: Extractor, items: Iterable[WorkItem]) -> AsyncGenerator[Record, None]:
    """Another engine's records as an async iterator (its `on_record` may be called from any thread)."""
    loop = asyncio.get_running_loop()
    arrived: asyncio.Queue[Record] = asyncio.Queue()

    def on_record(record: Record) -> None:
        loop.call_soon_threadsafe(arrived.put_nowait, record)

    run = asyncio.create_task(runner.extract_paths(items, on_record, keep=False))
    try:
        while not (run.done() and arrived.empty()):
            getter = asyncio.ensure_future(arrived.get())
            await asyncio.wait({getter, run}, return_when=asyncio.FIRST_COMPLETED)
            if getter.done():
                yield getter.result()
            else:
                getter.cancel()
                await asyncio.sleep(0)  # records the engine passed on just before it ended
        run.result()  # raises the engine's stop
    finally:
        if not run.done():
            run.cancel()
            await asyncio.gather(run, return_exceptions=True)


def extract(text: str, settings: Settings | None = None, *, source: str = "<text>") -> Record:
    """Blocking twin of `aextract`."""
    return asyncio.run(aextract(text, settings, source=source))


def extract_many(
    paths: Inputs,
    settings: Settings | None = None,
    *,
    on_record: RecordCallback | None = None,
    skip: Collection[str] = (),
    engine: Engine | None = None,
) -> list[Record]:
    """Blocking twin of `aextract_many`."""
    return asyncio.run(aextract_many(paths, settings, on_record=on_record, skip=skip, engine=engine))


class _End:
    """What ends `extract_iter`'s hand-over queue: nothing (done) or the exception the run raised."""

    def __init__(self, error: BaseException | None = None) -> None:
        self.error = error


def extract_iter(
    paths: Inputs,
    settings: Settings | None = None,
    *,
    skip: Collection[str] = (),
    engine: Engine | None = None,
) -> Iterator[Record]:
    """Blocking twin of `aextract_iter`: a generator of records, each as its document ends.

    The run goes on in a thread of its own (its own event loop), so a slow loop body never
    stalls the requests in flight; at most `concurrency` records wait to be taken, so memory
    stays flat. Breaking out of the loop (or closing the generator) cancels the rest of the run.
    """
    depth = max(1, (settings or Settings()).concurrency)
    handoff: queue.Queue[Record | _End] = queue.Queue(maxsize=depth)
    leaving = threading.Event()

    def hand_over(item: Record | _End) -> bool:
        """Put `item` in the queue, waiting for room unless the consumer has left."""
        while not leaving.is_set():
            try:
                handoff.put(item, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    async def produce() -> None:
        try:
            async with aclosing(aextract_iter(paths, settings, skip=skip, engine=engine)) as records:
                async for record in records:
                    if not await asyncio.to_thread(hand_over, record):
                        return
        except BaseException as exc:  # handed to the consumer's thread, raised there
            hand_over(_End(exc))
            return
        hand_over(_End())

    runner = threading.Thread(target=asyncio.run, args=(produce(),), name="extractor-extract-iter", daemon=True)
    runner.start()
    try:
        while True:
            item = handoff.get()
            if isinstance(item, _End):
                if item.error is not None:
                    raise item.error
                return
            yield item
    finally:
        leaving.set()
        runner.join()
