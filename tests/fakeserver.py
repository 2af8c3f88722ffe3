"""A fault-injecting, OpenAI-compatible chat completions server for tests.

Real HTTP on 127.0.0.1 (a free port), one thread per connection, HTTP/1.1 keep-alive.

* ``POST /v1/chat/completions`` answers with a ``chat.completion`` whose ``message.content``
  (or, when the request offers ``tools``, the first tool's call arguments) is MatchReport JSON
  built from the request: a line ``RESULT: Home 2-1 Away`` in a user
  message becomes that match; no marker gives ``{"matches": []}``.
* ``GET /v1/models`` lists one model.

Faults come from a thread-safe plan, checked in this order for every chat request:

1. scripted: ``server.script("503", "429")`` - a queue consumed by the next requests, whatever
   document they carry;
2. per document: a line ``FAULT: 503x2`` (or ``FAULT: 429ra x1, drop x1``, ``FAULT: 503x*``
   for ever) in the article makes the first requests *carrying that article* fail as listed;
3. random: ``server.randomize(rate=0.2, kinds=(...), seed=7)`` - each request fails with
   probability ``rate``; the draw is a pure function of (seed, document, attempt number),
   so it does not depend on how concurrent requests interleave.

Every request is logged as an `Exchange` (kind served, status, usage, messages, headers),
and counted per kind, so tests can assert attempts and exact token sums.
"""

from __future__ import annotations

import hashlib
import http.server
import json
import random
import re
import socket
import socketserver
import sys
import threading
import time
from collections import Counter, deque
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

MODEL = "fake-model"

#: Fault kinds. "ok" is a normal answer.
TRANSIENT_HTTP = {"429": 429, "429ra": 429, "500": 500, "502": 502, "503": 503}
PERMANENT_HTTP = {"400": 400, "401": 401, "403": 403, "404": 404}
OTHER_KINDS = {
    "slow",  # sleep `slow_seconds` (longer than the client timeout), then answer normally
    "drop",  # close the socket without a response
    "truncated",  # HTTP 200 with a well-formed frame, but the JSON body cut in half
    "short_body",  # HTTP 200 announcing the full Content-Length, then closing mid-body
    "schema",  # valid JSON that breaks the schema: home_score -1
    "schema_team",  # valid JSON that breaks the schema: a goal credited to a third team
    "length",  # finish_reason 'length' with the content cut off
    "html200",  # HTTP 200 with an HTML page (a captive portal or a misrouted proxy)
}
KINDS = frozenset({"ok", *TRANSIENT_HTTP, *PERMANENT_HTTP, *OTHER_KINDS})
#: Kinds whose response carries a readable `usage` the client must count.
BILLED_KINDS = frozenset({"ok", "schema", "schema_team", "length"})

_RESULT = re.compile(r"^\s*RESULT:\s*(?P<home>.+?)\s+(?P<hs>\d+)\s*-\s*(?P<as>\d+)\s+(?P<away>.+?)\s*$", re.M)
_FAULT = re.compile(r"^\s*FAULT:\s*(?P<plan>.+?)\s*$", re.M)
_FAULT_ITEM = re.compile(r"^(?P<kind>[a-z0-9_]+?)\s*x\s*(?P<count>\d+|\*)$")


def parse_fault_plan(text: str) -> list[tuple[str, int | None]]:
    """`'503x2, drop x1, 500x*'` -> [('503', 2), ('drop', 1), ('500', None)] (None = for ever)."""
    plan: list[tuple[str, int | None]] = []
    for item in text.split(","):
        match = _FAULT_ITEM.match(item.strip())
        if match is None or match["kind"] not in KINDS:
            raise ValueError(f"bad FAULT item {item!r}")
        plan.append((match["kind"], None if match["count"] == "*" else int(match["count"])))
    return plan


def fault_for_attempt(plan: list[tuple[str, int | None]], attempt: int) -> str:
    """The kind to serve for the `attempt`-th (0-based) request of a document."""
    for kind, count in plan:
        if count is None:
            return kind
        if attempt < count:
            return kind
        attempt -= count
    return "ok"


@dataclass
class Exchange:
    """One request the server received and what it did with it."""

    seq: int
    doc: str | None
    attempt: int
    kind: str
    status: int | None
    usage: dict[str, Any] | None
    messages: list[dict[str, Any]]
    body: dict[str, Any]
    authorization: str | None
    started: float
    content: str | None = None

    @property
    def billed(self) -> bool:
        """Whether the client could read this answer's usage."""
        return self.usage is not None and self.kind in BILLED_KINDS

    def text(self) -> str:
        """Every message's content, joined (for 'did the server see X' assertions)."""
        return "\n".join(str(m.get("content") or "") for m in self.messages)


@dataclass
class _Random:
    rate: float
    kinds: tuple[str, ...]
    seed: int
    max_per_doc: int | None


@dataclass
class FakeState:
    """Everything the handler threads share, guarded by one lock."""

    lock: threading.Lock = field(default_factory=threading.Lock)
    scripted: deque[str] = field(default_factory=deque)
    random_plan: _Random | None = None
    per_doc_attempts: Counter[str] = field(default_factory=Counter)
    per_doc_random_faults: Counter[str] = field(default_factory=Counter)
    counts: Counter[str] = field(default_factory=Counter)
    exchanges: list[Exchange] = field(default_factory=list)
    received: int = 0  # chat requests, logged or not
    in_flight: int = 0
    max_in_flight: int = 0
    errors: list[str] = field(default_factory=list)


class FakeServer:
    """An OpenAI-compatible server with a fault plan; start() / stop() or use as a context manager."""

    def __init__(
        self,
        *,
        slow_seconds: float = 3.0,
        delay: float = 0.0,
        retry_after: str = "1",
        max_requests: int = 20_000,
        echo_key: bool = False,
        keep_log: bool = True,
    ) -> None:
        self.echo_key = echo_key  # 401/403 bodies quote the key they got, as api.openai.com does
        # False: `exchanges` stays empty (counts still count), so a 200,000-request benchmark
        # does not hold every request body in memory.
        self.keep_log = keep_log
        self.slow_seconds = slow_seconds
        self.delay = delay
        self.retry_after = retry_after
        self.max_requests = max_requests
        self.state = FakeState()
        self._stopping = threading.Event()
        self._httpd: http.server.ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # -- lifecycle ---------------------------------------------------------------------------

    def start(self) -> FakeServer:
        """Listen on a free loopback port and serve in a daemon thread."""
        handler = type("Handler", (_Handler,), {"fake": self})
        httpd = _Server(("127.0.0.1", 0), handler)
        httpd.fake = self
        self._httpd = httpd
        self._thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving, wake sleeping handlers and close the socket."""
        self._stopping.set()
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def __enter__(self) -> FakeServer:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    @property
    def port(self) -> int:
        """The port it listens on."""
        assert self._httpd is not None, "server not started"
        return int(self._httpd.server_address[1])

    @property
    def url(self) -> str:
        """Base URL for the openai client (ends in /v1)."""
        return f"http://127.0.0.1:{self.port}/v1"

    # -- configuration -----------------------------------------------------------------------

    def script(self, *kinds: str) -> None:
        """Queue faults for the next requests, in order (any document)."""
        for kind in kinds:
            if kind not in KINDS:
                raise ValueError(f"unknown fault kind {kind!r}")
        with self.state.lock:
            self.state.scripted.extend(kinds)

    def randomize(
        self, rate: float, kinds: Iterable[str], seed: int = 0, max_per_doc: int | None = None
    ) -> None:
        """Fail a share `rate` of requests with one of `kinds`, reproducibly from `seed`."""
        chosen = tuple(kinds)
        for kind in chosen:
            if kind not in KINDS:
                raise ValueError(f"unknown fault kind {kind!r}")
        with self.state.lock:
            self.state.random_plan = _Random(rate=rate, kinds=chosen, seed=seed, max_per_doc=max_per_doc)

    def reset(self) -> None:
        """Forget faults, counts and the exchange log."""
        with self.state.lock:
            lock = self.state.lock
            self.state = FakeState(lock=lock)

    # -- inspection --------------------------------------------------------------------------

    @property
    def exchanges(self) -> list[Exchange]:
        """A snapshot of every request received so far."""
        with self.state.lock:
            return list(self.state.exchanges)

    @property
    def counts(self) -> Counter[str]:
        """Requests served per kind ('ok', '503', 'drop'...)."""
        with self.state.lock:
            return Counter(self.state.counts)

    @property
    def errors(self) -> list[str]:
        """Unexpected exceptions in handler threads (should stay empty)."""
        with self.state.lock:
            return list(self.state.errors)

    @property
    def max_in_flight(self) -> int:
        """Most chat requests being handled at the same moment."""
        with self.state.lock:
            return self.state.max_in_flight

    def for_doc(self, marker: str) -> list[Exchange]:
        """Exchanges whose article contains `marker`."""
        return [e for e in self.exchanges if any(marker in str(m.get("content") or "") for m in e.messages)]

    @staticmethod
    def billed_usage(exchanges: Iterable[Exchange]) -> dict[str, int]:
        """prompt_tokens, completion_tokens and cached_tokens summed over answers a client could read."""
        total = {"prompt_tokens": 0, "completion_tokens": 0, "cached_tokens": 0}
        for exchange in exchanges:
            if exchange.billed and exchange.usage is not None:
                total["prompt_tokens"] += exchange.usage["prompt_tokens"]
                total["completion_tokens"] += exchange.usage["completion_tokens"]
                total["cached_tokens"] += exchange.usage["prompt_tokens_details"]["cached_tokens"]
        return total

    # -- decisions (called from handler threads) ---------------------------------------------

    def _decide(self, messages: list[dict[str, Any]], body: dict[str, Any], authorization: str | None) -> Exchange:
        article = _article(messages)
        doc = hashlib.sha256(article.encode()).hexdigest()[:12] if article is not None else None
        plan_match = _FAULT.search(article or "")
        with self.state.lock:
            state = self.state
            attempt = state.per_doc_attempts[doc or ""]
            state.per_doc_attempts[doc or ""] += 1
            if state.received >= self.max_requests:
                kind = "503"  # a runaway client must not loop for ever against us
            elif state.scripted:
                kind = state.scripted.popleft()
            elif plan_match is not None:
                kind = fault_for_attempt(parse_fault_plan(plan_match["plan"]), attempt)
            elif state.random_plan is not None:
                kind = self._random_kind(state, doc or "", attempt)
            else:
                kind = "ok"
            exchange = Exchange(
                seq=state.received,
                doc=doc,
                attempt=attempt,
                kind=kind,
                status=None,
                usage=None,
                messages=messages,
                body=body,
                authorization=authorization,
                started=time.monotonic(),
            )
            state.received += 1
            if self.keep_log:
                state.exchanges.append(exchange)
            state.counts[kind] += 1
        return exchange

    def _random_kind(self, state: FakeState, doc: str, attempt: int) -> str:
        plan = state.random_plan
        assert plan is not None
        if plan.max_per_doc is not None and state.per_doc_random_faults[doc] >= plan.max_per_doc:
            return "ok"
        rng = random.Random(f"{plan.seed}:{doc}:{attempt}")
        if rng.random() >= plan.rate:
            return "ok"
        state.per_doc_random_faults[doc] += 1
        return rng.choice(plan.kinds)

    def _enter(self) -> None:
        with self.state.lock:
            self.state.in_flight += 1
            self.state.max_in_flight = max(self.state.max_in_flight, self.state.in_flight)

    def _leave(self) -> None:
        with self.state.lock:
            self.state.in_flight -= 1

    def sleep(self, seconds: float) -> None:
        """Sleep, but wake up at once when the server stops."""
        if seconds > 0:
            self._stopping.wait(seconds)


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    request_queue_size = 256
    allow_reuse_address = True
    fake: FakeServer

    def server_bind(self) -> None:
        """Bind without HTTPServer's reverse DNS lookup of the address (getfqdn)."""
        socketserver.TCPServer.server_bind(self)
        self.server_name = str(self.server_address[0])
        self.server_port = int(self.server_address[1])

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A client hanging up (timeout, kill -9) is normal here; anything else is a server bug."""
        error = sys.exc_info()[1]
        if isinstance(error, (ConnectionError, TimeoutError)):
            return
        with self.fake.state.lock:
            self.fake.state.errors.append(f"{type(error).__name__}: {error}")
        super().handle_error(request, client_address)


def _article(messages: list[dict[str, Any]]) -> str | None:
    """The user message that carries this request's article: the last one with a marker, else the last user one.

    Few-shot examples are user messages too, and instructor's re-ask appends a user message
    after the article, so 'the last user message' alone would not identify the document.
    """
    users = [str(m.get("content") or "") for m in messages if m.get("role") == "user"]
    marked = [text for text in users if "RESULT:" in text or "FAULT:" in text or "DOC:" in text]
    if marked:
        return marked[-1]
    for text in reversed(users):
        if "<<<" in text:
            return text
    return users[-1] if users else None


def match_report(article: str | None, kind: str = "ok") -> dict[str, Any]:
    """The MatchReport the server answers for an article (broken on purpose for schema kinds)."""
    matches: list[dict[str, Any]] = []
    for found in _RESULT.finditer(article or ""):
        home, away = found["home"], found["away"]
        evidence = f"{home} {found['hs']}-{found['as']} {away}"
        matches.append(
            {
                "competition": None,
                "home_team": home,
                "away_team": away,
                "home_score": int(found["hs"]),
                "away_score": int(found["as"]),
                "goals": [],
                "cards": [],
                "evidence": evidence,
            }
        )
    if kind in ("schema", "schema_team"):
        base = matches[0] if matches else {"home_team": "Alpha", "away_team": "Beta", "home_score": 1, "away_score": 0}
        broken = {**base, "goals": [], "cards": []}
        if kind == "schema":
            broken["home_score"] = -1
        else:
            broken["home_score"] = max(int(broken["home_score"]), 1)
            broken["goals"] = [{"player": "Nobody", "team": "Third Team United", "minute": 10}]
        matches = [broken]
    return {"matches": matches}


def usage_for(messages: list[dict[str, Any]], content: str, completion_cap: int | None = None) -> dict[str, Any]:
    """Deterministic token counts: roughly one per 4 characters."""
    prompt = sum(len(str(m.get("content") or "")) for m in messages) // 4 + 7
    completion = len(content) // 4 + 3
    if completion_cap is not None:
        completion = completion_cap
    return {
        "prompt_tokens": prompt,
        "completion_tokens": completion,
        "total_tokens": prompt + completion,
        "prompt_tokens_details": {"cached_tokens": prompt // 3},
    }


class _Handler(http.server.BaseHTTPRequestHandler):
    fake: FakeServer
    protocol_version = "HTTP/1.1"
    server_version = "FakeOpenAI/1.0"

    def log_message(self, format: str, *args: Any) -> None:
        pass  # quiet

    # -- routes ------------------------------------------------------------------------------

    def do_GET(self) -> None:
        if self.path.rstrip("/") == "/v1/models":
            self._json(200, {"object": "list", "data": [{"id": MODEL, "object": "model", "owned_by": "tests"}]})
        else:
            self._json(404, _error(f"no route GET {self.path}", "not_found"))

    def do_POST(self) -> None:
        raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        if self.path.rstrip("/") != "/v1/chat/completions":
            self._json(404, _error(f"no route POST {self.path}", "not_found"))
            return
        try:
            body = json.loads(raw)
            messages = list(body["messages"])
        except (ValueError, KeyError, TypeError):
            self._json(400, _error("request body is not a chat completion request", "invalid_request_error"))
            return
        self.fake._enter()
        try:
            exchange = self.fake._decide(messages, body, self.headers.get("Authorization"))
            self.fake.sleep(self.fake.delay)
            self._serve(exchange)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True  # the client gave up (timeout): nothing to do
        finally:
            self.fake._leave()

    # -- answers -----------------------------------------------------------------------------

    def _serve(self, exchange: Exchange) -> None:
        kind = exchange.kind
        if kind in TRANSIENT_HTTP or kind in PERMANENT_HTTP:
            status = TRANSIENT_HTTP.get(kind) or PERMANENT_HTTP[kind]
            exchange.status = status
            headers = {"Retry-After": self.fake.retry_after} if kind == "429ra" else {}
            text = _STATUS_TEXT[status]
            if self.fake.echo_key and status in (401, 403):
                key = (exchange.authorization or "").removeprefix("Bearer ")
                text = f"{text}: {key}. You can find your API key at https://platform.example/account/api-keys."
            self._json(status, _error(text, _STATUS_TYPE[status]), headers)
            return
        if kind == "drop":
            self._drop()
            return
        if kind == "html200":
            exchange.status = 200
            page = b"<html><body><h1>Welcome to the hotel Wi-Fi</h1></body></html>"
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(page)))
            self.end_headers()
            self.wfile.write(page)
            return
        if kind == "slow":
            self.fake.sleep(self.fake.slow_seconds)
        article = _article(exchange.messages)
        report = match_report(article, kind)
        content = json.dumps(report, ensure_ascii=False)
        finish = "stop"
        cap = None
        if kind == "length":
            content = content[: max(len(content) // 2, 1)]
            finish = "length"
            cap = int(exchange.body.get("max_tokens") or 16)
        usage = usage_for(exchange.messages, content, cap)
        payload = {
            "id": f"chatcmpl-fake-{exchange.seq}",
            "object": "chat.completion",
            "created": int(time.time()),
            "model": str(exchange.body.get("model") or MODEL),
            "choices": [{"index": 0, "message": _message(exchange.body, content), "finish_reason": finish}],
            "usage": usage,
        }
        exchange.content = content
        exchange.status = 200
        exchange.usage = usage
        data = json.dumps(payload, ensure_ascii=False).encode()
        if kind == "truncated":
            self._send(200, data[: len(data) // 2], {})
        elif kind == "short_body":
            self._send(200, data[: len(data) // 2], {}, length=len(data))
            self._drop()
        else:
            self._send(200, data, {})

    def _json(self, status: int, payload: Any, headers: dict[str, str] | None = None) -> None:
        self._send(status, json.dumps(payload).encode(), headers or {})

    def _send(self, status: int, data: bytes, headers: dict[str, str], length: int | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data) if length is None else length))
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)
        self.wfile.flush()

    def _drop(self) -> None:
        self.close_connection = True
        try:
            self.connection.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass


_STATUS_TEXT = {
    400: "Invalid request: 'messages' is malformed",
    401: "Incorrect API key provided",
    403: "You are not allowed to use this model",
    404: "The model does not exist",
    429: "Rate limit reached, slow down",
    500: "The server had an error while processing your request",
    502: "Bad gateway",
    503: "The engine is currently overloaded, please try again later",
}
_STATUS_TYPE = {
    400: "invalid_request_error",
    401: "invalid_request_error",
    403: "permission_error",
    404: "invalid_request_error",
    429: "rate_limit_error",
    500: "server_error",
    502: "server_error",
    503: "server_error",
}


def _message(body: dict[str, Any], content: str) -> dict[str, Any]:
    """The assistant message: a call of the offered tool (tools mode), else the JSON as text."""
    tools = body.get("tools") or []
    if not tools:
        return {"role": "assistant", "content": content}
    name = str(tools[0].get("function", {}).get("name") or "answer")
    call = {"id": "call_fake", "type": "function", "function": {"name": name, "arguments": content}}
    return {"role": "assistant", "content": None, "tool_calls": [call]}


def _error(message: str, kind: str) -> dict[str, Any]:
    return {"error": {"message": message, "type": kind, "param": None, "code": None}}


@contextmanager
def running(**options: Any) -> Iterator[FakeServer]:
    """A started FakeServer, stopped on exit."""
    server = FakeServer(**options).start()
    try:
        yield server
    finally:
        server.stop()
