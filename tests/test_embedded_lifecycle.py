"""The embedded backend end to end: the real model in a real llama.cpp server subprocess.

One start/stop for the whole module (loading the model is the slow part): the server must
answer ``/v1/models``, give grammar-constrained JSON through the openai client, log llama.cpp's
per-request timings, be reusable through ``--server-url``, and leave no process behind.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import openai
import pytest

from extractor.backends.embedded import REPETITION_CONTROLS, EmbeddedBackend, parse_perf_log
from extractor.backends.llama_server import free_port, list_models
from extractor.errors import BackendError
from extractor.settings import Settings

SCHEMA = {
    "type": "object",
    "properties": {"home": {"type": "string"}, "home_goals": {"type": "integer"}},
    "required": ["home", "home_goals"],
}


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


@pytest.mark.embedded
async def test_real_server_starts_answers_and_leaves_no_process() -> None:
    backend = EmbeddedBackend(Settings(backend="embedded", server_url=None, model_path=None, model=None, mode=None))
    endpoint = await backend.start()
    try:
        assert backend.server is not None and backend.server.pid is not None
        pid = backend.server.pid
        log_path: Path = backend.server.config.log_path
        assert endpoint.base_url.startswith("http://127.0.0.1:") and endpoint.base_url.endswith("/v1")
        assert (endpoint.model, endpoint.mode, endpoint.schema_in_response_format) == (
            "qwen2.5-coder-1.5b-instruct-q4_k_m", "json", True)
        assert endpoint.extra_body == REPETITION_CONTROLS
        assert list_models(endpoint.base_url) == [endpoint.model]

        client = openai.AsyncOpenAI(base_url=endpoint.base_url, api_key=endpoint.api_key, max_retries=0, timeout=120)
        response = await client.chat.completions.create(
            model=endpoint.model,
            messages=[{"role": "user", "content": "Ajax beat PSV 3-1 at home. Give the home team and its goals."}],
            temperature=0, seed=1, max_tokens=24,
            extra_body={**endpoint.extra_body, "response_format": {"type": "json_object", "schema": SCHEMA}},
        )
        await client.close()
        answer = json.loads(response.choices[0].message.content or "")
        assert set(answer) == {"home", "home_goals"} and isinstance(answer["home_goals"], int)
        assert response.usage is not None and response.usage.prompt_tokens > 0
        timings = parse_perf_log(log_path.read_text(encoding="utf-8", errors="replace"))
        assert len(timings) == 1  # llama.cpp's own account of the request, from the server log
        assert abs(timings[0].eval_tokens - response.usage.completion_tokens) <= 1
        assert timings[0].prompt_eval_tokens + timings[0].cached_tokens == response.usage.prompt_tokens

        reuse = EmbeddedBackend(Settings(backend="embedded", server_url=endpoint.base_url.removesuffix("/v1")))
        assert (await reuse.start()).base_url == endpoint.base_url
        await reuse.stop()  # owns nothing: the server keeps running
        assert list_models(endpoint.base_url) == [endpoint.model]
    finally:
        await backend.stop()
    assert vars(backend)["server"] is None  # forgotten: a second stop() is a no-op
    assert not _alive(pid)
    await backend.stop()  # idempotent


async def test_server_url_that_does_not_answer_is_a_clear_error() -> None:
    backend = EmbeddedBackend(Settings(backend="embedded", server_url=f"http://127.0.0.1:{free_port()}"))
    with pytest.raises(BackendError, match=r"no model server answers at .*extractor model serve"):
        await backend.start()
