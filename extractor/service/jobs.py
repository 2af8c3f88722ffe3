"""Jobs on disk: inputs, `job.json` and the records, so a job survives a restart.

Layout of the job store (every name under it is chosen by the server, never by a request)::

    <store>/jobs/<32 hex id>/job.json        JobMeta, replaced atomically
    <store>/jobs/<id>/inputs/00000.txt       the article bytes as received
    <store>/jobs/<id>/records.jsonl          one record per finished document (JsonlSink)

Records are written with the CLI's sink, under its lock, with its torn-line repair. A job that
was running when the process died resumes at start-up: documents that already have a record
are not extracted again (matched by their unique name, which is the record's `source`).
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import os
import re
import shutil
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from extractor.api import Session
from extractor.documents import SUPPORTED_SUFFIXES, Document, DocumentError, read_document
from extractor.output import JsonlSink, OutputLock, read_records, repair_torn_tail
from extractor.pipeline import Runtime, process_document, process_path
from extractor.records import Record
from extractor.service.models import FINAL_STATES, JobDocument, JobMeta, JobStatus

log = logging.getLogger(__name__)
_JOB_ID = re.compile(r"^[0-9a-f]{32}$")


@dataclasses.dataclass(frozen=True)
class Upload:
    """One article as it arrived: raw bytes (a file upload) and the name to record it under."""

    data: bytes
    name: str | None = None
    language: str | None = None
    suffix: str = ".txt"


@dataclasses.dataclass
class Progress:
    """Counts of a job's records, kept in memory and rebuilt from records.jsonl at start-up."""

    done: set[str] = dataclasses.field(default_factory=set)
    ok: int = 0
    failed: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0

    def add(self, record: dict[str, Any]) -> None:
        """Count one record (a second record for the same document is not counted twice)."""
        source = str(record.get("source"))
        if source in self.done:
            return
        self.done.add(source)
        if record.get("status") == "ok":
            self.ok += 1
        else:
            self.failed += 1
        usage = record.get("usage") or {}
        self.prompt_tokens += int(usage.get("prompt_tokens") or 0)
        self.completion_tokens += int(usage.get("completion_tokens") or 0)


class Limiter:
    """The one bound on documents in flight, shared by /v1/extract and every job (FIFO queue)."""

    def __init__(self, slots: int) -> None:
        self.slots = slots
        self._semaphore = asyncio.Semaphore(slots)
        self.in_flight = 0
        self.waiting = 0

    async def run_document(self, rt: Runtime, work: Path | Document) -> Record:
        """Extract one file or in-memory document once a slot is free."""
        self.waiting += 1
        try:
            await self._semaphore.acquire()
        finally:
            self.waiting -= 1
        self.in_flight += 1
        try:
            if isinstance(work, Path):
                return await process_path(work, rt)
            return await process_document(work, rt)
        finally:
            self.in_flight -= 1
            self._semaphore.release()


class JobStore:
    """The folder of jobs; every path it hands out is under it."""

    def __init__(self, root: Path) -> None:
        self.root = root.resolve()
        self.jobs_dir = self.root / "jobs"
        self.jobs_dir.mkdir(parents=True, exist_ok=True)

    def folder(self, job_id: str) -> Path | None:
        """The folder of a job id, or None for an id that is not one of ours (no traversal: ids are hex)."""
        if not _JOB_ID.match(job_id):
            return None
        folder = self.jobs_dir / job_id
        return folder if (folder / "job.json").is_file() else None

    def ids(self) -> Iterator[str]:
        """Every stored job id."""
        for entry in self.jobs_dir.iterdir():
            if _JOB_ID.match(entry.name) and (entry / "job.json").is_file():
                yield entry.name

    def create(self, uploads: list[Upload]) -> JobMeta:
        """Write a new job's inputs and meta durably; it is resumable from the moment this returns."""
        job_id = uuid.uuid4().hex
        tmp = self.jobs_dir / f".new-{job_id}"
        (tmp / "inputs").mkdir(parents=True)
        documents: list[JobDocument] = []
        seen: set[str] = set()
        for index, upload in enumerate(uploads):
            name = unique_name(upload.name, index, seen)
            suffix = upload.suffix if upload.suffix in SUPPORTED_SUFFIXES else ".txt"
            file = f"{index:05d}{suffix}"
            _write_durably(tmp / "inputs" / file, upload.data)
            documents.append(JobDocument(name=name, file=file, language=upload.language))
        meta = JobMeta(id=job_id, created=time.time(), documents=documents)
        _write_durably(tmp / "job.json", meta.model_dump_json().encode())
        os.replace(tmp, self.jobs_dir / job_id)
        return meta

    def load(self, job_id: str) -> JobMeta | None:
        """A job's meta, or None."""
        folder = self.folder(job_id)
        if folder is None:
            return None
        return JobMeta.model_validate_json((folder / "job.json").read_bytes())

    def save(self, meta: JobMeta) -> None:
        """Replace job.json atomically."""
        folder = self.jobs_dir / meta.id
        tmp = folder / "job.json.tmp"
        _write_durably(tmp, meta.model_dump_json().encode())
        os.replace(tmp, folder / "job.json")

    def records_path(self, job_id: str) -> Path:
        """Where a job's records are (the id must have passed `folder`)."""
        return self.jobs_dir / job_id / "records.jsonl"

    def input_path(self, job_id: str, document: JobDocument) -> Path:
        """The stored bytes of one input (its file name was chosen by the server)."""
        return self.jobs_dir / job_id / "inputs" / Path(document.file).name

    def text_of(self, job_id: str, document: JobDocument, max_bytes: int) -> str | None:
        """The decoded text the pipeline saw (offsets in records point into it), or None if not text."""
        try:
            return read_document(self.input_path(job_id, document), max_bytes).text
        except (DocumentError, OSError):
            return None
        except Exception:  # e.g. HTML without the html extra: no text to show, not a crash
            return None

    def clean_partial(self) -> None:
        """Remove half-created jobs (a crash between writing inputs and the rename)."""
        for entry in self.jobs_dir.glob(".new-*"):
            shutil.rmtree(entry, ignore_errors=True)


def unique_name(name: str | None, index: int, seen: set[str]) -> str:
    """The name a document is recorded under: the client's, made unique in the job, or doc-00001."""
    base = " ".join((name or "").split())[:300] or f"doc-{index + 1:05d}"
    candidate = base if base not in seen else f"{base}#{index + 1}"
    seen.add(candidate)
    return candidate


def _write_durably(path: Path, data: bytes) -> None:
    with path.open("wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


class JobManager:
    """Runs jobs in the background on the shared session, one asyncio task per unfinished job."""

    def __init__(self, store: JobStore, session: Session, limiter: Limiter) -> None:
        self.store = store
        self.session = session
        self.limiter = limiter
        self.progress: dict[str, Progress] = {}
        self._tasks: dict[str, asyncio.Task[None]] = {}
        self._runtimes: dict[str | None, Runtime] = {}

    def runtime(self, language: str | None) -> Runtime:
        """The session's runtime, with the language fixed when the request gives one."""
        if language not in self._runtimes:
            base = self.session.runtime
            settings = base.settings if language is None else base.settings.model_copy(update={"language": language})
            self._runtimes[language] = dataclasses.replace(base, settings=settings)
        return self._runtimes[language]

    async def start(self) -> None:
        """Rebuild progress for every stored job and resume the unfinished ones."""
        self.store.clean_partial()
        for job_id in self.store.ids():
            meta = self.store.load(job_id)
            if meta is None:
                continue
            self.progress[job_id] = self._read_progress(job_id)
            if meta.state not in FINAL_STATES:
                log.warning("resuming job %s (%d of %d done)", job_id, len(self.progress[job_id].done),
                            len(meta.documents))
                self._schedule(meta)

    async def stop(self) -> None:
        """Cancel the running jobs (they stay resumable: their state on disk is unchanged)."""
        tasks = list(self._tasks.values())
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)

    def submit(self, meta: JobMeta) -> None:
        """Start a job that `JobStore.create` has just written."""
        self.progress[meta.id] = Progress()
        self._schedule(meta)

    async def cancel(self, meta: JobMeta) -> JobMeta:
        """Stop a job for good; records written so far are kept."""
        meta = meta.model_copy(update={"state": "cancelled", "finished": time.time()})
        self.store.save(meta)  # first: a crash right now must not resume it
        task = self._tasks.pop(meta.id, None)
        if task is not None:
            task.cancel()
            await asyncio.gather(task, return_exceptions=True)
        return meta

    def status(self, meta: JobMeta) -> JobStatus:
        """Progress of one job."""
        progress = self.progress.get(meta.id) or Progress()
        end = meta.finished or time.time()
        return JobStatus(
            id=meta.id,
            state=meta.state,
            total=len(meta.documents),
            done=len(progress.done),
            ok=progress.ok,
            failed=progress.failed,
            prompt_tokens=progress.prompt_tokens,
            completion_tokens=progress.completion_tokens,
            elapsed_seconds=round(max(0.0, end - (meta.started or meta.created)), 3),
            created=meta.created,
            records_url=f"/v1/jobs/{meta.id}/records",
        )

    def _read_progress(self, job_id: str) -> Progress:
        progress = Progress()
        for record in read_records(self.store.records_path(job_id)):
            progress.add(record)
        return progress

    def _schedule(self, meta: JobMeta) -> None:
        task = asyncio.create_task(self._run(meta), name=f"job-{meta.id}")
        self._tasks[meta.id] = task
        task.add_done_callback(lambda done: self._finished(meta.id, done))

    def _finished(self, job_id: str, task: asyncio.Task[None]) -> None:
        if self._tasks.get(job_id) is task:
            del self._tasks[job_id]
        if not task.cancelled() and task.exception() is not None:
            log.error("job %s stopped: %s", job_id, task.exception())

    async def _run(self, meta: JobMeta) -> None:
        path = self.store.records_path(meta.id)
        with OutputLock(path):
            repair_torn_tail(path)
            progress = self._read_progress(meta.id)  # the truth on disk, after the repair
            self.progress[meta.id] = progress
            meta = meta.model_copy(update={"state": "running", "started": meta.started or time.time()})
            self.store.save(meta)
            todo = [doc for doc in meta.documents if doc.name not in progress.done]
            with JsonlSink(path, append=True) as sink:

                async def one(document: JobDocument) -> None:
                    item = self.store.input_path(meta.id, document)
                    record = await self.limiter.run_document(self.runtime(document.language), item)
                    record = record.model_copy(update={"source": document.name})  # never the server's path
                    sink.write(record)
                    progress.add(record.model_dump(mode="json", include={"source", "status", "usage"}))

                async with asyncio.TaskGroup() as group:  # one failing write cancels the rest
                    for document in todo:
                        group.create_task(one(document))
        current = self.store.load(meta.id)
        if current is not None and current.state not in FINAL_STATES:
            self.store.save(meta.model_copy(update={"state": "done", "finished": time.time()}))
