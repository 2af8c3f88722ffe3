"""The Ray engine: the local engine's pipeline and records, spread over a Ray cluster.

The driver (the CLI, or your program) plans the run exactly as the local engine does:
discovery, doc_ids, `--resume` skips, duplicate copies and unusable files. The files to
extract flow as a Ray Dataset of paths (every node must see the same paths, e.g. a shared
folder); `map_batches` sends them through a fixed pool of actors, each holding one open
`Session` (one backend; for `--backend embedded`, one llama.cpp server per actor). The
records come back to the driver as each batch ends and go to `on_record` (the CLI's JSONL
sink), one per document: when Ray runs a batch again after its worker died, the copies of
records already written are dropped (by doc_id). A batch Ray gives up on costs its documents
a `backend_error` record ("not attempted", so `--resume` redoes them), never a lost document.

`-j` keeps its meaning, documents in flight, now across the cluster: by default the pool has
`min(-j, the cluster's CPUs)` actors, each with `-j // actors` documents in flight.
"""

from __future__ import annotations

import asyncio
import logging
import math
import os
import threading
from collections.abc import Coroutine, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Any, TypeVar

from extractor.api import RecordCallback, Session, WorkItem
from extractor.documents import path_doc_id
from extractor.errors import AuthRejected, CircuitOpen, MissingExtraError, RunStopped
from extractor.records import Record
from extractor.settings import Settings

T = TypeVar("T")

BATCH_ROUNDS = 4  # a batch holds this many rounds of an actor's in-flight documents
_STOPS: dict[str, type[RunStopped]] = {AuthRejected.kind: AuthRejected, CircuitOpen.kind: CircuitOpen}


class RayRunError(RunStopped):
    """The Ray run itself failed (the cluster went away, actors could not start).

    The documents without a record then get a `backend_error` record, so `--resume` redoes them.
    """

    kind = "ray_error"


def require_ray() -> Any:
    """The `ray` module, with Ray Data.

    Raises:
        MissingExtraError: Ray is not installed (the message says: pip install 'extractor[ray]').
    """
    try:
        import ray
        import ray.data
    except ImportError as exc:
        raise MissingExtraError("ray", "ray[data]") from exc
    return ray


@dataclass(frozen=True)
class RayEngine:
    """Extract on a Ray cluster.

    Args:
        address: the cluster to join (`ray start --head` prints it, e.g. '10.0.0.5:6379');
            None: `$RAY_ADDRESS`, else a new local Ray instance. If this process already
            called `ray.init`, that connection is used as it is.
        actors: size of the actor pool (default: min(-j, the cluster's CPUs / cpus_per_actor)).
        cpus_per_actor: CPUs Ray reserves for each actor (default: 1; for `--backend embedded`,
            the smallest node's CPUs, so each llama.cpp server has a node's cores to itself).
        batch_size: documents per Ray batch (default: 4 rounds of an actor's in-flight documents).
    """

    address: str | None = None
    actors: int | None = None
    cpus_per_actor: float | None = None
    batch_size: int | None = None

    name = "ray"

    def open(self, session: Session) -> RayRun:
        """A run on the cluster; the driver's `session` is not started (the actors start their own)."""
        return RayRun(self, session)


class RayRun:
    """One Ray run, as an async context manager: joins (or starts) Ray on enter, leaves on exit."""

    def __init__(self, engine: RayEngine, session: Session) -> None:
        self.engine = engine
        self.session = session
        self._owns_ray = False

    @property
    def settings(self) -> Settings:
        """The run's settings (the actors get a copy with their share of -j)."""
        return self.session.settings

    async def __aenter__(self) -> RayRun:
        self._connect()  # on the main thread: ray.init sets its signal handlers there
        return self

    async def __aexit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self._owns_ray:
            await asyncio.to_thread(require_ray().shutdown)

    def _connect(self) -> None:
        ray = require_ray()
        if ray.is_initialized():
            return
        address = self.engine.address or os.environ.get("RAY_ADDRESS") or "local"
        options: dict[str, Any] = {"include_dashboard": False} if address == "local" else {}
        ray.init(address=address, logging_level=logging.WARNING, **options)
        self._owns_ray = True

    async def extract_paths(
        self, paths: Iterable[WorkItem], on_record: RecordCallback | None = None, *, keep: bool = True
    ) -> list[Record]:
        """Extract every item on the cluster; `on_record` sees each record once, on this thread's side.

        Raises:
            AuthRejected, CircuitOpen: as the local engine (an actor stopped on them); every
                document has a record, the ones not tried a `backend_error` "not attempted".
            RayRunError: the Ray run failed; the same holds.
        """
        collector = _Collector(on_record, keep)
        files: list[Path] = []
        for item in paths:
            if isinstance(item, Path):
                files.append(item)
            else:  # unusable files and duplicate copies: their record needs no model
                collector.emit(self.session.record_for(item))
        if files:
            await asyncio.to_thread(self._stream, files, collector)
        return collector.records

    def cpus_per_actor(self) -> float:
        """CPUs each actor asks Ray for."""
        if self.engine.cpus_per_actor is not None:
            return self.engine.cpus_per_actor
        if self.settings.backend != "embedded":
            return 1.0
        nodes = [n["Resources"].get("CPU", 0) for n in require_ray().nodes() if n.get("Alive")]
        return float(min((cpus for cpus in nodes if cpus > 0), default=1))

    def pool(self) -> tuple[int, int]:
        """(actors, documents in flight per actor) for this run's -j and the cluster's CPUs."""
        ray = require_ray()
        wanted = self.settings.concurrency
        actors = self.engine.actors
        if actors is None:
            cpus = float(ray.cluster_resources().get("CPU", 1))
            actors = min(wanted, max(1, int(cpus // self.cpus_per_actor())))
        return actors, max(1, wanted // actors)

    def _stream(self, files: Sequence[Path], collector: _Collector) -> None:
        ray = require_ray()
        actors, per_actor = self.pool()
        batch = self.engine.batch_size or per_actor * BATCH_ROUNDS
        context = ray.data.DataContext.get_current()
        context.enable_progress_bars = False  # the CLI draws its own
        context.print_on_execution_start = False
        context.max_errored_blocks = -1  # a batch that failed every retry: its documents get records below
        rows = [{"i": index, "path": str(path)} for index, path in enumerate(files)]
        dataset = ray.data.from_items(rows, override_num_blocks=max(1, math.ceil(len(rows) / batch)))
        results = dataset.map_batches(
            _ExtractActor,
            fn_constructor_kwargs={"settings": self.settings.model_copy(update={"concurrency": per_actor})},
            batch_size=batch,
            batch_format="numpy",
            compute=ray.data.ActorPoolStrategy(size=actors),
            num_cpus=self.cpus_per_actor(),
            # Ray Data's defaults do the fault tolerance: a dead actor is restarted and its batch rerun.
        )
        stop: RunStopped | None = None
        try:
            for out in results.iter_batches(batch_size=None, batch_format="numpy"):
                stop = collector.take(out["i"], out["record"], out["stop"])
                if stop is not None:
                    break
        except Exception as exc:
            stop = RayRunError(f"the Ray run failed: {type(exc).__name__}: {' '.join(str(exc).split())[:500]}")
        missing = [path for index, path in enumerate(files) if index not in collector.done]
        if missing and stop is None:
            stop = RayRunError(f"Ray finished without the records of {len(missing)} document(s) (their batch failed)")
        for path in missing:
            assert stop is not None
            collector.emit(self.session._note(path, path_doc_id(path), "backend_error", f"not attempted: {stop}"))
        if stop is not None:
            stop.records = collector.records
            raise stop


@dataclass
class _Collector:
    """The driver's side: each document's first record goes on, every later copy is dropped."""

    on_record: RecordCallback | None
    keep: bool
    records: list[Record] = field(default_factory=list)
    done: set[int] = field(default_factory=set)  # row indices that have their record
    written: set[str] = field(default_factory=set)  # doc_ids passed on
    dropped: int = 0

    def emit(self, record: Record) -> None:
        """Pass a record on, unless its doc_id already was."""
        if record.doc_id in self.written:
            self.dropped += 1
            return
        self.written.add(record.doc_id)
        if self.keep:
            self.records.append(record)
        if self.on_record is not None:
            self.on_record(record)

    def take(self, indices: Iterable[Any], records: Iterable[Any], stops: Iterable[Any]) -> RunStopped | None:
        """One batch from the actors: (row index, record JSON, stop reason or '') per document."""
        stop: RunStopped | None = None
        for index, raw, stopped in zip(indices, records, stops, strict=True):
            if stopped and stop is None:
                kind, _, message = str(stopped).partition("\t")
                stop = _STOPS.get(kind, RunStopped)(message)
            if int(index) in self.done:
                self.dropped += 1
                continue
            self.done.add(int(index))
            self.emit(Record.model_validate_json(str(raw)))
        return stop


class _ExtractActor:
    """A Ray actor: one open `Session` on its own event-loop thread; one batch per call."""

    def __init__(self, settings: Settings) -> None:
        # instructor logs every failed attempt, even ones a retry fixes; the records say what failed.
        logging.getLogger("instructor").setLevel(logging.CRITICAL)
        self._loop = asyncio.new_event_loop()
        threading.Thread(target=self._loop.run_forever, name="extractor-session", daemon=True).start()
        self._session: Session | None = None
        session = Session(settings)
        self._wait(session.__aenter__())
        self._session = session

    def _wait(self, work: Coroutine[Any, Any, T]) -> T:
        return asyncio.run_coroutine_threadsafe(work, self._loop).result()

    def __call__(self, batch: dict[str, Any]) -> dict[str, Any]:
        """Extract a batch of paths; the records come back in the batch's order, as JSON."""
        import numpy as np

        assert self._session is not None
        paths = [Path(str(path)) for path in batch["path"]]
        stop = ""
        try:
            records = self._wait(self._session.extract_paths(paths))
        except RunStopped as exc:  # a refused key or an open breaker: every path still has a record
            records = list(exc.records)
            stop = f"{exc.kind}\t{exc}"
        by_source = {record.source: record for record in records}
        return {
            "i": batch["i"],
            "record": np.array([by_source[str(path)].model_dump_json() for path in paths], dtype=object),
            "stop": np.array([stop] * len(paths), dtype=object),
        }

    def __del__(self) -> None:
        loop = getattr(self, "_loop", None)
        if loop is None:
            return
        if getattr(self, "_session", None) is not None:
            try:
                self._wait(self._session.__aexit__(None, None, None))  # type: ignore[union-attr]
            except Exception:
                logging.getLogger(__name__).warning("closing the actor's session failed", exc_info=True)
        loop.call_soon_threadsafe(loop.stop)
