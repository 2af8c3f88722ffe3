"""The HTTP API (FastAPI): one backend per process, shared by every request and job.

    extractor serve --backend openai --base-url http://127.0.0.1:11434/v1 -j 8

`create_app` builds the ASGI app; `serve` runs it with uvicorn. Needs the `service` extra.
"""

from __future__ import annotations

import asyncio
import hmac
import importlib.util
import json
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, MutableMapping
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any, Literal

from extractor.errors import MissingExtraError

for _module, _package in (("fastapi", "fastapi"), ("uvicorn", "uvicorn"), ("python_multipart", "python-multipart")):
    if importlib.util.find_spec(_module) is None:
        raise MissingExtraError("service", _package)

import uvicorn  # noqa: E402
from fastapi import FastAPI, HTTPException, Query, Request  # noqa: E402
from fastapi.exceptions import RequestValidationError  # noqa: E402
from fastapi.responses import HTMLResponse, JSONResponse, StreamingResponse  # noqa: E402
from pydantic import ValidationError  # noqa: E402
from starlette.datastructures import UploadFile  # noqa: E402

from extractor.api import Session  # noqa: E402
from extractor.documents import document_from_text  # noqa: E402
from extractor.evaluation.gold import GoldError  # noqa: E402
from extractor.output import read_records  # noqa: E402
from extractor.records import Record  # noqa: E402
from extractor.service.jobs import JobManager, JobStore, Limiter, Upload  # noqa: E402
from extractor.service.models import (  # noqa: E402
    Article,
    Health,
    JobList,
    JobMeta,
    JobRequest,
    JobStatus,
    PromptInfo,
    ServiceConfig,
)
from extractor.service.review import ReviewEntry, render_page  # noqa: E402
from extractor.service.review_gold import GoldComparison, compare_with_gold  # noqa: E402
from extractor.settings import Settings  # noqa: E402

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

_JOB_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {"schema": {"$ref": "#/components/schemas/JobRequest"}},
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "properties": {
                        "files": {"type": "array", "items": {"type": "string", "format": "binary"}},
                        "language": {"type": "string", "description": "ISO 639-1 code for every file"},
                    },
                    "required": ["files"],
                }
            },
        },
    }
}
_FORM_FIELDS = frozenset({"files", "language"})


@dataclass
class _State:
    """What the routes share; `manager` exists once the backend has started."""

    settings: Settings
    config: ServiceConfig
    store: JobStore
    manager: JobManager | None = None
    limiter: Limiter | None = None

    def jobs(self) -> JobManager:
        if self.manager is None:
            raise HTTPException(503, "the model backend is starting")
        return self.manager


async def _reply(send: Send, status: int, detail: str, headers: list[tuple[bytes, bytes]] | None = None) -> None:
    body = json.dumps({"detail": detail}).encode()
    await send({"type": "http.response.start", "status": status, "headers": [
        (b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()), *(headers or [])]})
    await send({"type": "http.response.body", "body": body})


class BearerAuth:
    """Every request must carry `Authorization: Bearer <key>` (compared in constant time)."""

    def __init__(self, app: ASGIApp, key: str) -> None:
        self.app = app
        self.key = key.encode()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Answer 401 unless the request carries the key."""
        if scope["type"] == "http":
            given = dict(scope["headers"]).get(b"authorization", b"")
            scheme, _, token = given.partition(b" ")
            if scheme.lower() != b"bearer" or not hmac.compare_digest(token.strip(), self.key):
                await _reply(send, 401, "missing or wrong API key: send 'Authorization: Bearer <key>'",
                             [(b"www-authenticate", b"Bearer")])
                return
        await self.app(scope, receive, send)


class BodyLimit:
    """Request bodies over `limit` bytes get 413, whether they announce their length or stream it."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Answer 413 for a declared oversize body; raise 413 while reading one that streams past it."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.limit):
            await _reply(send, 413, f"request body over the limit of {self.limit:,} bytes")
            return
        seen = 0

        async def limited() -> Message:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.limit:  # FastAPI passes an HTTPException raised while reading the body through
                raise HTTPException(413, f"request body over the limit of {self.limit:,} bytes")
            return message

        await self.app(scope, limited, send)


def create_app(settings: Settings, config: ServiceConfig | None = None) -> FastAPI:
    """The service as an ASGI app; the backend starts (once) when the app starts."""
    config = config or ServiceConfig()
    state = _State(settings=settings, config=config, store=JobStore(config.store))
    session = Session(settings)  # task, prompts, mode and backend are checked before anything listens

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        async with session:
            state.limiter = Limiter(settings.concurrency)
            manager = JobManager(state.store, session, state.limiter)
            await manager.start()
            state.manager = manager
            try:
                yield
            finally:
                state.manager = None
                await manager.stop()

    app = FastAPI(
        title="extractor",
        summary="Football match facts from news articles, as typed, evidence-backed JSON records.",
        version="0.1.0",
        lifespan=lifespan,
    )
    _routes(app, state, session)
    app.add_middleware(BodyLimit, limit=config.max_body_bytes)
    if config.api_key is not None:
        app.add_middleware(BearerAuth, key=config.api_key.get_secret_value())  # outermost: before any body read
    return app


def _routes(app: FastAPI, state: _State, session: Session) -> None:  # noqa: C901 - one closure per route
    @app.get("/healthz")
    async def healthz() -> Health:
        """Liveness and the model backend's readiness."""
        limiter = state.limiter
        return Health(
            status="ok" if state.manager is not None else "starting",
            ready=state.manager is not None,
            backend=session.backend.name,
            model=session.backend.model_name(),
            task=session.task.name,
            concurrency=state.settings.concurrency,
            in_flight=limiter.in_flight if limiter else 0,
            queued=limiter.waiting if limiter else 0,
        )

    @app.get("/v1/schema")
    async def schema() -> dict[str, Any]:
        """The task's JSON Schema (what every record's `result` follows)."""
        return session.task.root_model.model_json_schema()

    @app.get("/v1/prompts")
    async def prompts() -> list[PromptInfo]:
        """Every prompt of the task: language, variant, version and content hash."""
        return [
            PromptInfo(task=p.spec.task, language=p.spec.language, variant=p.spec.strategy, version=p.version,
                       sha256=p.sha256, file=p.path.name)
            for p in session.prompts
        ]

    @app.post("/v1/extract")
    async def extract(article: Article) -> Record:
        """One article in, its record out (waits for a free slot when all are busy)."""
        manager = state.jobs()
        document = document_from_text(article.text, article.source or "<request>")
        assert state.limiter is not None
        return await state.limiter.run_document(manager.runtime(article.language), document)

    @app.post("/v1/jobs", status_code=202, openapi_extra=_JOB_BODY)
    async def create_job(request: Request) -> JobStatus:
        """Many articles (JSON `{"documents": [...]}` or a multipart upload of `files`) -> a job id at once."""
        manager = state.jobs()
        if request.headers.get("content-type", "").startswith("multipart/form-data"):
            uploads = await _form_uploads(request, state.config, state.settings)
        else:
            uploads = _json_uploads(await request.body())
        if len(uploads) > state.config.max_documents:
            raise HTTPException(413, f"{len(uploads)} documents, over the limit of {state.config.max_documents}")
        meta = await asyncio.to_thread(state.store.create, uploads)  # one fsync per input: off the event loop
        manager.submit(meta)
        return manager.status(meta)

    @app.get("/v1/jobs")
    async def list_jobs() -> JobList:
        """Every stored job, newest first."""
        manager = state.jobs()
        metas = _all_jobs(state)
        return JobList(jobs=[manager.status(meta) for meta in metas])

    @app.get("/v1/jobs/{job_id}")
    async def job_status(job_id: str) -> JobStatus:
        """State and progress: documents done / ok / failed / total, tokens, elapsed."""
        return state.jobs().status(_job(state, job_id))

    @app.delete("/v1/jobs/{job_id}")
    async def cancel_job(job_id: str) -> JobStatus:
        """Cancel a queued or running job; its records so far are kept."""
        meta = _job(state, job_id)
        if meta.state in ("done", "cancelled"):
            raise HTTPException(409, f"job {job_id} is already {meta.state}")
        manager = state.jobs()
        return manager.status(await manager.cancel(meta))

    @app.get("/v1/jobs/{job_id}/records", response_class=StreamingResponse,
             responses={200: {"content": {"application/x-ndjson": {}}, "description": "One Record per line."}})
    async def job_records(
        job_id: str, status: Literal["ok", "error"] | None = Query(default=None, description="Only these records.")
    ) -> StreamingResponse:
        """The job's records so far, as JSON Lines (streamed)."""
        _job(state, job_id)
        path = state.store.records_path(job_id)

        def lines() -> Iterator[str]:
            for record in read_records(path):
                if status is None or record.get("status") == status:
                    yield json.dumps(record, ensure_ascii=False) + "\n"

        return StreamingResponse(lines(), media_type="application/x-ndjson")

    @app.get("/", response_class=HTMLResponse)
    async def review(job: str | None = Query(default=None, description="Job id (default: the newest job).")) -> str:
        """The review page: each document's text with its facts highlighted."""
        metas = _all_jobs(state)
        chosen = _job(state, job) if job is not None else (metas[0] if metas else None)
        nav = [(f"job {m.id[:8]} · {m.state} · {len(m.documents)} docs", f"/?job={m.id}") for m in metas[:50]]
        if chosen is None:
            return render_page([], title="extractor review: no jobs yet", nav=nav)
        entries = await asyncio.to_thread(_review_entries, state, chosen)  # reads and decodes every input
        gold = await asyncio.to_thread(_gold_comparison, state, session, entries)
        return render_page(entries, title=f"extractor review: job {chosen.id}", nav=nav, gold=gold)

    @app.exception_handler(ValidationError)
    async def _invalid(request: Request, exc: ValidationError) -> JSONResponse:
        return JSONResponse({"detail": exc.errors(include_url=False, include_context=False)}, status_code=422)


def _job(state: _State, job_id: str) -> JobMeta:
    meta = state.store.load(job_id)
    if meta is None:
        raise HTTPException(404, f"no job {job_id!r}")
    return meta


def _all_jobs(state: _State) -> list[JobMeta]:
    metas = [meta for job_id in state.store.ids() if (meta := state.store.load(job_id)) is not None]
    return sorted(metas, key=lambda meta: meta.created, reverse=True)


def _review_entries(state: _State, meta: JobMeta) -> list[ReviewEntry]:
    by_name = {document.name: document for document in meta.documents}
    entries: list[ReviewEntry] = []
    for data in read_records(state.store.records_path(meta.id)):
        try:
            record = Record.model_validate(data)
        except ValidationError:
            continue
        document = by_name.get(record.source)
        text = state.store.text_of(meta.id, document, state.settings.max_input_bytes) if document else None
        note = None if text is not None else "the input is not text (or could not be read): nothing to highlight"
        entries.append(ReviewEntry(record=record, text=text, note=note))
    return entries


def _gold_comparison(state: _State, session: Session, entries: list[ReviewEntry]) -> GoldComparison | None:
    """Mismatches against gold for the job's documents that have a gold file (an eval run), else None."""
    folder = state.config.gold or session.task.gold_dir
    if not folder.is_dir():
        return None
    try:
        comparison = compare_with_gold([entry.record for entry in entries], folder, session.task, label="gold files")
    except GoldError as exc:  # a broken gold file must not take the review page down
        return GoldComparison({}, f"no comparison with gold: {exc}")
    return comparison if comparison.views else None


def _json_uploads(body: bytes) -> list[Upload]:
    try:
        job = JobRequest.model_validate_json(body)
    except ValidationError as exc:
        raise RequestValidationError(exc.errors(include_url=False, include_context=False)) from None
    return [Upload(a.text.encode("utf-8", "surrogatepass"), a.source, a.language) for a in job.documents]


async def _form_uploads(request: Request, config: ServiceConfig, settings: Settings) -> list[Upload]:
    form = await request.form(max_files=config.max_documents, max_fields=16)
    unknown = sorted(set(form.keys()) - _FORM_FIELDS)
    if unknown:
        raise RequestValidationError([{"type": "extra_forbidden", "loc": ["body", name], "msg": "unknown field",
                                       "input": None} for name in unknown])
    language_field = form.get("language")
    language = None
    if isinstance(language_field, str) and language_field.strip():
        try:
            language = Article(text="", language=language_field).language
        except ValidationError as exc:
            raise RequestValidationError(exc.errors(include_url=False, include_context=False)) from None
    files = [item for item in form.getlist("files") if isinstance(item, UploadFile)]
    if not files:
        raise RequestValidationError([{"type": "missing", "loc": ["body", "files"], "msg": "no files uploaded",
                                       "input": None}])
    uploads = []
    for item in files:
        # Never a path: only the base name is kept, as a label for the record's `source`.
        name = PurePath((item.filename or "").replace("\\", "/")).name or None
        suffix = PurePath(name or "").suffix.lower() or ".txt"
        uploads.append(Upload(await item.read(), name, language, suffix))
    return uploads


def serve(settings: Settings, config: ServiceConfig) -> None:
    """Run the service until interrupted."""
    app = create_app(settings, config)
    server = uvicorn.Server(uvicorn.Config(app, host=config.host, port=config.port, log_level="warning",
                                           timeout_graceful_shutdown=5))
    server.run()
