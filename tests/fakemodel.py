"""An in-process fake model for logic tests: queued answers, or a function of the messages.

Like llm's ``MockModel.enqueue`` and pydantic-ai's ``FunctionModel``: no socket, no thread,
no fault injection. It is an httpx transport handed to `Session(transport=...)`, so the real
openai client, instructor, validation, grounding and salvage all run above it; only the
model is fake. Use `tests/fakeserver.py` where HTTP itself matters (faults, timeouts,
concurrency, the CLI in a subprocess).

    model = FakeModel().enqueue({"matches": [...]}, "not json")
    async with Session(model.settings(), transport=model) as session:
        record = await session.extract_text(text)
    assert len(model.requests) == 2
"""

from __future__ import annotations

import json
from collections import deque
from collections.abc import Callable
from typing import Any

import httpx2

from extractor.settings import Settings

#: What a queued answer or a responder may be: the JSON the model "writes" (a dict, dumped),
#: raw text (sent as written, e.g. broken JSON), or an int HTTP status to fail with.
Answer = dict[str, Any] | str | int
Responder = Callable[[list[dict[str, Any]]], Answer]
#: Never dialled: the transport answers before any connection is made.
BASE_URL = "http://127.0.0.1:9/v1"


class FakeModel(httpx2.AsyncBaseTransport):
    """Answers chat completions from a queue, then from `respond` (if given); records every request body."""

    def __init__(self, respond: Responder | None = None) -> None:
        self.respond = respond
        self.queue: deque[Answer] = deque()
        self.requests: list[dict[str, Any]] = []

    def enqueue(self, *answers: Answer) -> FakeModel:
        """Answer the next requests with these, in order."""
        self.queue.extend(answers)
        return self

    def settings(self, **overrides: Any) -> Settings:
        """Settings for the openai backend pointed at this model (JSON mode, English, no sampler retries)."""
        values: dict[str, Any] = {"backend": "openai", "base_url": BASE_URL, "api_key": "fake", "mode": "json",
                                  "language": "en", "strategy": "single", "transport_attempts": 1}
        return Settings(**{**values, **overrides})

    def messages(self, index: int = -1) -> list[dict[str, Any]]:
        """The messages of one request (the last by default)."""
        return list(self.requests[index]["messages"])

    async def handle_async_request(self, request: httpx2.Request) -> httpx2.Response:
        """One chat completion, built from the next answer."""
        if request.method == "GET" and request.url.path.endswith("/models"):
            return httpx2.Response(200, json={"object": "list", "data": [{"id": "fake-model", "object": "model"}]},
                                   request=request)
        body = json.loads(await request.aread())
        self.requests.append(body)
        if self.queue:
            answer = self.queue.popleft()
        elif self.respond is not None:
            answer = self.respond(list(body["messages"]))
        else:
            raise AssertionError(f"FakeModel: request {len(self.requests)} came with no answer queued")
        if isinstance(answer, int):
            error = {"error": {"message": f"fake HTTP {answer}", "type": "server_error"}}
            return httpx2.Response(answer, json=error, request=request)
        content = answer if isinstance(answer, str) else json.dumps(answer, ensure_ascii=False)
        return httpx2.Response(200, json=_completion(body, content), request=request)


def _completion(body: dict[str, Any], content: str) -> dict[str, Any]:
    tools = body.get("tools") or []
    if tools:  # tools mode: the answer is a call of the offered tool
        name = str(tools[0].get("function", {}).get("name") or "answer")
        call = {"id": "call_fake", "type": "function", "function": {"name": name, "arguments": content}}
        message: dict[str, Any] = {"role": "assistant", "content": None, "tool_calls": [call]}
    else:
        message = {"role": "assistant", "content": content}
    prompt = sum(len(str(m.get("content") or "")) for m in body.get("messages", [])) // 4
    completion = len(content) // 4 + 1
    return {
        "id": f"fake-{abs(hash(content)) % 10**8}",
        "object": "chat.completion",
        "created": 0,
        "model": str(body.get("model") or "fake-model"),
        "choices": [{"index": 0, "message": message, "finish_reason": "stop"}],
        "usage": {"prompt_tokens": prompt, "completion_tokens": completion, "total_tokens": prompt + completion},
    }
