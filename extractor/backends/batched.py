"""A llama.cpp server that answers several requests at once from one model and one KV cache.

Why: on two CPU cores the embedded 1.5B model decodes about 12 tokens/s for one sequence but
about 28 tokens/s for four in one batch (`bench/llama_speed.py`): decoding is bound by reading
the weights, and one batch reads them once for all its sequences. llama-cpp-python's server
answers one request at a time, so the staged plan's independent questions queued behind each
other. Here up to `parallel` requests are decoded together, one llama_decode call per step.

The questions about one article share their prompt up to the question (system text, then the
article). A request whose prompt starts like tokens already in the cache copies those cells
(`llama_memory_seq_cp` on a unified KV cache: shared cells, no compute, no memory) and
evaluates only its own tail; a request that arrives while a sibling is still reading the shared
article waits for it rather than reading the article a second time.

What it speaks (the subset extractor uses): ``GET /v1/models``; ``POST /v1/chat/completions``
without streaming, with ``response_format`` ``{"type": "json_object", "schema": ...}`` or
``{"type": "json_schema", "json_schema": {"schema": ...}}`` turned into a llama.cpp grammar the
way llama-cpp-python does it, ``max_tokens``, ``temperature`` (0 = greedy, as there) and
``seed``. Prompts are rendered with the model's own chat template, as llama-cpp-python renders
them, so a recorded exchange's request gets the same prompt tokens from either server.

    python -m extractor.backends.batched --model M.gguf --alias NAME --port 8765 --parallel 4
"""

from __future__ import annotations

import argparse
import ctypes
import json
import math
import queue
import sys
import threading
import time
import uuid
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import llama_cpp as llama
import numpy as np
from llama_cpp import llama_grammar
from llama_cpp.llama_chat_format import Jinja2ChatFormatter

from extractor.backends import drafts

#: A sibling still reading a prompt this much longer than what is already cached is waited for.
_WAIT_FOR_SIBLING = 64


class RequestError(ValueError):
    """A request this server cannot answer (HTTP 400), e.g. a prompt beyond the context."""


@dataclass
class Job:
    """One completion request, from its prompt tokens to its answer."""

    tokens: list[int]
    max_tokens: int
    grammar: str | None
    temperature: float = 0.0
    seed: int = 0
    done: threading.Event = field(default_factory=threading.Event)
    output: list[int] = field(default_factory=list)
    cached: int = 0
    finish_reason: str = "stop"
    error: str | None = None
    started: float = field(default_factory=time.perf_counter)
    first_token: float = 0.0  # when its prompt was read and its first token sampled
    together: int = 1  # most requests decoded in one step with it (itself included)
    sampler: Any = None  # built on the request's thread, so a grammar that does not parse is a 400
    greedy_grammar: bool = False  # `sampler` is the bare grammar: greedy, checked lazily
    schema: dict[str, Any] | None = None  # a greedy answer's JSON schema: what it must say next is fed ahead
    text: str = ""  # the answer so far, kept while `schema` is set
    guessed: int = 0  # tokens fed ahead of the model (`drafts`)
    kept: int = 0  # of them, the ones the model itself chose
    steps: int = 0  # llama_decode steps that gave it a token


@dataclass
class _Slot:
    """One sequence of the KV cache: the tokens its cells hold, and the job it serves."""

    seq: int
    cells: list[int] = field(default_factory=list)
    job: Job | None = None
    pending: list[int] = field(default_factory=list)  # prompt tokens still to evaluate
    next_token: int | None = None  # sampled, not yet fed
    guess: list[int] = field(default_factory=list)  # fed this step after `next_token`, to be checked
    used: float = 0.0


def _common(a: list[int], b: list[int]) -> int:
    """Length of the shared prefix of two token lists."""
    n = min(len(a), len(b))
    i = 0
    while i < n and a[i] == b[i]:
        i += 1
    return i


class Engine:
    """One llama.cpp context with `parallel` sequences, stepped by one thread."""

    def __init__(
        self, model_path: str, n_ctx: int, parallel: int, threads: int, verbose: bool = True, guess_tokens: int = 16
    ) -> None:
        llama.llama_backend_init()
        self._quiet = llama.llama_log_callback(lambda *_: None)  # kept referenced: llama.cpp calls it
        llama.llama_log_set(self._quiet, None)
        self.model = llama.llama_model_load_from_file(model_path.encode(), llama.llama_model_default_params())
        if not self.model:
            raise RuntimeError(f"cannot load {model_path}")
        params = llama.llama_context_default_params()
        self.n_ctx = n_ctx  # per request (prompt + answer), as the one-at-a-time server had
        params.n_ctx = n_ctx * parallel
        params.n_batch = params.n_ubatch = 512
        params.n_seq_max = parallel
        params.kv_unified = True  # a copied prefix shares its cells
        params.n_threads = params.n_threads_batch = threads
        self.ctx = llama.llama_init_from_model(self.model, params)
        if not self.ctx:
            raise RuntimeError("cannot create the llama.cpp context")
        self.vocab = llama.llama_model_get_vocab(self.model)
        self.memory = llama.llama_get_memory(self.ctx)
        self.batch = llama.llama_batch_init(512, 0, 1)
        self.slots = [_Slot(seq=i) for i in range(parallel)]
        self.inbox: queue.Queue[Job] = queue.Queue()
        self.waiting: list[Job] = []
        self.verbose = verbose
        self.guess_tokens = guess_tokens  # most schema-fixed tokens fed ahead per step (0: none)
        self.formatter = self._formatter()
        self.n_vocab = llama.llama_vocab_n_tokens(self.vocab)
        self._one = (llama.llama_token_data * 1)()
        self._all = np.zeros(self.n_vocab, dtype=_TOKEN_DATA)
        self._ids = np.arange(self.n_vocab, dtype=np.intc)

    # -- prompts ---------------------------------------------------------------------

    def _meta(self, key: str) -> str | None:
        size = 1 << 16
        buffer = ctypes.create_string_buffer(size)
        n = llama.llama_model_meta_val_str(self.model, key.encode(), buffer, size)
        return buffer.value.decode("utf-8") if n >= 0 else None

    def _formatter(self) -> Jinja2ChatFormatter:
        template = self._meta("tokenizer.chat_template")
        if not template:
            raise RuntimeError("the model has no chat template")

        def text(token: int) -> str:
            return llama.llama_vocab_get_text(self.vocab, token).decode("utf-8") if token != -1 else ""

        eos, bos = llama.llama_vocab_eos(self.vocab), llama.llama_vocab_bos(self.vocab)
        return Jinja2ChatFormatter(template=template, eos_token=text(eos), bos_token=text(bos), stop_token_ids=[eos])

    def tokenize(self, text: str, add_special: bool) -> list[int]:
        """The prompt's tokens, special tokens parsed (as llama-cpp-python tokenizes a chat prompt)."""
        data = text.encode("utf-8")
        buffer = (llama.llama_token * (len(data) + 16))()
        n = llama.llama_tokenize(self.vocab, data, len(data), buffer, len(buffer), add_special, True)
        if n < 0:
            raise RequestError("the prompt could not be tokenized")
        return list(buffer[:n])

    def detokenize(self, tokens: list[int]) -> str:
        """The answer's text."""
        out = bytearray()
        buffer = ctypes.create_string_buffer(64)
        for token in tokens:
            n = llama.llama_token_to_piece(self.vocab, token, buffer, len(buffer), 0, False)
            if n < 0:  # a piece longer than the buffer: llama.cpp says how long
                buffer = ctypes.create_string_buffer(-n)
                n = llama.llama_token_to_piece(self.vocab, token, buffer, len(buffer), 0, False)
            out += buffer.raw[: max(n, 0)]
        return out.decode("utf-8", errors="replace")

    def job_for(self, body: dict[str, Any]) -> Job:
        """A `Job` from an OpenAI chat completion request body.

        Raises:
            RequestError: no messages, an unknown response format, or a prompt beyond the context.
        """
        messages = body.get("messages")
        if not isinstance(messages, list) or not messages:
            raise RequestError("messages must be a non-empty list")
        rendered = self.formatter(messages=messages)
        tokens = self.tokenize(rendered.prompt, add_special=not rendered.added_special)
        if len(tokens) >= self.n_ctx:  # as llama-cpp-python: refused, and a long answer is cut to fit
            raise RequestError(f"Requested tokens ({len(tokens)}) exceed context window of {self.n_ctx}")
        asked = int(body.get("max_tokens") or 0)
        max_tokens = asked if 0 < asked and asked + len(tokens) < self.n_ctx else self.n_ctx - len(tokens)
        job = Job(tokens=tokens, max_tokens=max_tokens, grammar=_grammar(body.get("response_format")),
                  temperature=float(body.get("temperature") or 0.0), seed=int(body.get("seed") or 0))  # fmt: skip
        job.greedy_grammar = job.grammar is not None and job.temperature <= 0
        if job.greedy_grammar and self.guess_tokens > 0:
            job.schema = _schema(body.get("response_format"))
        job.sampler = _bare_grammar(self.vocab, job.grammar) if job.greedy_grammar else _sampler(self.vocab, job)
        return job

    # -- scheduling ------------------------------------------------------------------

    def submit(self, job: Job) -> None:
        """Queue a job; its `done` event is set once it has its answer or its error."""
        self.inbox.put(job)

    def run_forever(self) -> None:
        """The engine thread: take jobs, give them slots, step every active slot until done."""
        while True:
            busy = any(slot.job for slot in self.slots)
            try:
                job = self.inbox.get(block=not busy and not self.waiting, timeout=None)
                self.waiting.append(job)
                while True:
                    self.waiting.append(self.inbox.get_nowait())
            except queue.Empty:
                pass
            try:
                self._assign()
                if any(slot.job for slot in self.slots):
                    self._step()
            except Exception as exc:  # one bad step must not leave every caller waiting
                self._fail_all(f"the model server failed a step: {exc!r}")
                for waiting in self.waiting:
                    waiting.error = "the model server failed a step"
                    _free(waiting)
                    waiting.done.set()
                self.waiting = []

    def _assign(self) -> None:
        """Give waiting jobs free slots, reusing the longest cached prefix, oldest job first."""
        still: list[Job] = []
        for job in self.waiting:
            free = [slot for slot in self.slots if slot.job is None]
            if not free:
                still.append(job)
                continue
            have = max((_common(slot.cells, job.tokens), slot.seq) for slot in self.slots)
            soon = max((_common(slot.cells + slot.pending, job.tokens) for slot in self.slots if slot.pending),
                       default=0)
            if soon > have[0] + _WAIT_FOR_SIBLING:
                still.append(job)  # a sibling is reading the shared article: copy it once read
                continue
            self._start(job, free, have[1])
        self.waiting = still

    def _start(self, job: Job, free: list[_Slot], source_seq: int) -> None:
        source = self.slots[source_seq]
        own = max(free, key=lambda slot: (_common(slot.cells, job.tokens), -slot.used))
        reuse = _common(own.cells, job.tokens)
        copy = _common(source.cells, job.tokens)
        if copy > reuse + 16:  # another sequence holds more of this prompt: share its cells
            slot = min(free, key=lambda s: s.used)
            llama.llama_memory_seq_rm(self.memory, slot.seq, -1, -1)
            keep = min(copy, len(job.tokens) - 1)
            llama.llama_memory_seq_cp(self.memory, source.seq, slot.seq, 0, keep)
            slot.cells = job.tokens[:keep]
        else:
            slot = own
            keep = min(reuse, len(job.tokens) - 1)
            llama.llama_memory_seq_rm(self.memory, slot.seq, keep, -1)
            slot.cells = slot.cells[:keep]
        job.cached = keep
        slot.job, slot.pending, slot.next_token = job, job.tokens[keep:], None
        slot.used = time.monotonic()

    def _step(self) -> None:
        """One llama_decode over every active slot: its next token, or a chunk of its prompt.

        A generating slot whose schema fixes what comes next also gets those tokens fed after its
        next token (`drafts`), each with its logits, so that the model checks them in this step.
        """
        items = self._items()
        positions: dict[int, int] = {}
        self.batch.n_tokens = len(items)
        for i, (slot, token, logits, _) in enumerate(items):
            pos = positions.get(slot.seq, len(slot.cells))
            positions[slot.seq] = pos + 1
            self.batch.token[i], self.batch.pos[i], self.batch.n_seq_id[i] = token, pos, 1
            self.batch.seq_id[i][0], self.batch.logits[i] = slot.seq, logits
        active = [slot.job for slot in self.slots if slot.job]
        for job in active:
            job.together = max(job.together, len(active))
        code = llama.llama_decode(self.ctx, self.batch)
        if code == 1 and self._evict_idle():
            code = llama.llama_decode(self.ctx, self.batch)
        if code != 0:
            self._fail_all(f"llama_decode failed ({code}): no room left in the KV cache")
            return
        nexts: list[tuple[_Slot, int]] = []
        for i, (slot, token, logits, kind) in enumerate(items):
            slot.cells.append(token)
            if kind == "next":
                slot.next_token = None
                nexts.append((slot, i))
            elif kind == "prompt" and logits:
                self._take(slot, i)
        for slot, i in nexts:
            self._take(slot, i)

    def _items(self) -> list[tuple[_Slot, int, bool, str]]:
        """This step's rows: slot, token, whether it wants logits, and kind (next | guess | prompt)."""
        items: list[tuple[_Slot, int, bool, str]] = []
        budget = self.guess_tokens
        for slot in self.slots:
            if slot.job and slot.next_token is not None:
                items.append((slot, slot.next_token, True, "next"))
                slot.guess = self._guess(slot.job, budget)
                budget -= len(slot.guess)
                items += [(slot, token, True, "guess") for token in slot.guess]
        room = 512 - len(items)
        for slot in self.slots:
            if slot.job and slot.pending and room > 0:
                chunk, slot.pending = slot.pending[:room], slot.pending[room:]
                room -= len(chunk)
                items += [(slot, token, not slot.pending and i == len(chunk) - 1, "prompt")
                          for i, token in enumerate(chunk)]  # fmt: skip
        return items

    def _guess(self, job: Job, budget: int) -> list[int]:
        """The tokens the job's schema fixes after its answer so far, at most `budget`."""
        if job.schema is None or budget <= 0:
            return []
        text = drafts.continuation(job.schema, job.text)
        if not text:
            return []
        data = text.encode("utf-8")
        buffer = (llama.llama_token * (len(data) + 16))()
        n = llama.llama_tokenize(self.vocab, data, len(data), buffer, len(buffer), False, False)
        return list(buffer[: max(0, min(n, budget, job.max_tokens - len(job.output) - 1))])

    def _take(self, slot: _Slot, index: int) -> None:
        """Sample the slot's next token at batch row `index`, then keep what the model confirms of its guess.

        A guessed token the model would have chosen itself is kept (its cell is already in the
        cache, and its row's logits give the token after it); at the first one it would not, that
        choice is the next token and the guessed cells after it are dropped.
        """
        job = slot.job
        assert job is not None
        guess, slot.guess = slot.guess, []
        kept = 0
        job.steps += 1
        while True:
            token = self._pick(job, index)
            job.first_token = job.first_token or time.perf_counter()
            if llama.llama_vocab_is_eog(self.vocab, token):
                self._finish(slot, "stop")
                break
            job.output.append(token)
            if job.schema is not None:
                job.text = self.detokenize(job.output)
            if len(job.output) >= job.max_tokens:
                self._finish(slot, "length")
                break
            if job.schema is not None and drafts.complete(job.schema, job.text):
                self._finish(slot, "stop")  # the root value is closed: the grammar allows only the end
                break
            if kept < len(guess) and guess[kept] == token:
                kept, index = kept + 1, index + 1
                continue
            slot.next_token = token
            break
        job.guessed, job.kept = job.guessed + len(guess), job.kept + kept
        refused = len(guess) - kept
        if refused:
            llama.llama_memory_seq_rm(self.memory, slot.seq, len(slot.cells) - refused, -1)
            del slot.cells[-refused:]

    def _pick(self, job: Job, index: int) -> int:
        if job.greedy_grammar:
            return self._greedy_in_grammar(job.sampler, index)
        return int(llama.llama_sampler_sample(job.sampler, self.ctx, index))

    def _evict_idle(self) -> bool:
        """Free the cells of the slots serving no job (a later prompt re-reads them); any freed?"""
        freed = False
        for slot in self.slots:
            if slot.job is None and slot.cells:
                llama.llama_memory_seq_rm(self.memory, slot.seq, -1, -1)
                slot.cells, freed = [], True
        return freed

    def _greedy_in_grammar(self, grammar: Any, index: int) -> int:
        """The most likely token the grammar allows, as a grammar-then-greedy chain picks it.

        The grammar is asked about the most likely token alone first (one candidate) and over
        the whole vocabulary only when it refuses that one: checking 152k candidates costs ~40
        ms a token on these CPUs, and JSON keys and punctuation are mostly what the model would
        write anyway. The same token either way: if the best token is allowed, it is the best
        allowed token.
        """
        logits = np.ctypeslib.as_array(llama.llama_get_logits_ith(self.ctx, index), shape=(self.n_vocab,))
        best = int(logits.argmax())
        one: Any = self._one  # ctypes fields take plain numbers
        one[0].id, one[0].logit, one[0].p = best, float(logits[best]), 0.0
        llama.llama_sampler_apply(grammar, ctypes.byref(llama.llama_token_data_array(one, 1, -1, False)))
        if math.isinf(one[0].logit):
            every = self._all
            every["id"], every["logit"], every["p"] = self._ids, logits, 0.0
            data = every.ctypes.data_as(ctypes.POINTER(llama.llama_token_data))
            candidates = llama.llama_token_data_array(data, self.n_vocab, -1, False)
            llama.llama_sampler_apply(grammar, ctypes.byref(candidates))
            best = int(every["id"][int(every["logit"].argmax())])
        llama.llama_sampler_accept(grammar, best)
        return best

    def _finish(self, slot: _Slot, reason: str) -> None:
        job = slot.job
        assert job is not None
        job.finish_reason = reason
        _free(job)
        slot.job, slot.next_token, slot.pending, slot.guess = None, None, [], []
        slot.used = time.monotonic()
        if self.verbose:  # one line per request; `extractor.backends.embedded.parse_perf_log` reads it
            now, read = time.perf_counter(), job.first_token or time.perf_counter()
            print(f"batched: prompt {len(job.tokens)} tokens ({job.cached} cached), {len(job.output)} generated; "
                  f"prompt eval {1000 * (read - job.started):.1f} ms, eval {1000 * (now - read):.1f} ms, "
                  f"total {1000 * (now - job.started):.1f} ms; together {job.together}; "
                  f"{job.steps} steps, guessed {job.guessed}, kept {job.kept}", flush=True)  # fmt: skip
        job.done.set()

    def _fail_all(self, message: str) -> None:
        for slot in self.slots:
            if slot.job:
                slot.job.error = message
                llama.llama_memory_seq_rm(self.memory, slot.seq, -1, -1)
                slot.cells = []
                job = slot.job
                _free(job)
                slot.job, slot.next_token, slot.pending = None, None, []
                job.done.set()


def _grammar(response_format: Any) -> str | None:
    """The GBNF text for a response format, built as llama-cpp-python builds it."""
    if not isinstance(response_format, dict):
        return None
    kind = response_format.get("type")
    if kind == "json_object":
        schema = response_format.get("schema")
    elif kind == "json_schema":
        schema = (response_format.get("json_schema") or {}).get("schema")
    elif kind in (None, "text"):
        return None
    else:
        raise RequestError(f"unsupported response_format type {kind!r}")
    if schema is None:
        return llama_grammar.JSON_GBNF
    try:
        return str(llama_grammar.json_schema_to_gbnf(json.dumps(schema)))
    except Exception:  # llama-cpp-python falls back to any JSON as well
        return llama_grammar.JSON_GBNF


def _schema(response_format: Any) -> dict[str, Any] | None:
    """The JSON schema a response format carries, if any."""
    if not isinstance(response_format, dict):
        return None
    schema = response_format.get("schema")
    if schema is None:
        schema = (response_format.get("json_schema") or {}).get("schema")
    return schema if isinstance(schema, dict) else None


#: llama.cpp's llama_token_data: id, logit, p.
_TOKEN_DATA = np.dtype([("id", np.intc), ("logit", np.single), ("p", np.single)], align=True)


def _bare_grammar(vocab: Any, grammar: str | None) -> Any:
    sampler = llama.llama_sampler_init_grammar(vocab, (grammar or "").encode("utf-8"), b"root")
    if not sampler:
        raise RequestError("the response format's grammar does not parse")
    return sampler


def _free(job: Job) -> None:
    if job.sampler:
        llama.llama_sampler_free(job.sampler)
        job.sampler = None


def _sampler(vocab: Any, job: Job) -> Any:
    chain = llama.llama_sampler_chain_init(llama.llama_sampler_chain_default_params())
    if job.grammar is not None:
        llama.llama_sampler_chain_add(chain, _bare_grammar(vocab, job.grammar))
    if job.temperature <= 0:
        llama.llama_sampler_chain_add(chain, llama.llama_sampler_init_greedy())
    else:
        llama.llama_sampler_chain_add(chain, llama.llama_sampler_init_temp(job.temperature))
        llama.llama_sampler_chain_add(chain, llama.llama_sampler_init_dist(job.seed & 0xFFFFFFFF))
    return chain


def _handler(engine: Engine, alias: str) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: Any) -> None:
            return

        def _send(self, status: int, payload: dict[str, Any]) -> None:
            data = json.dumps(payload).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self) -> None:
            if self.path.rstrip("/") == "/v1/models":
                self._send(200, {"object": "list", "data": [{"id": alias, "object": "model", "owned_by": "me"}]})
            else:
                self._send(404, {"error": {"message": "not found"}})

        def do_POST(self) -> None:
            if self.path.rstrip("/") != "/v1/chat/completions":
                self._send(404, {"error": {"message": "not found"}})
                return
            try:
                body = json.loads(self.rfile.read(int(self.headers.get("Content-Length") or 0)))
                if body.get("stream"):
                    raise RequestError("streaming is not supported")
                job = engine.job_for(body)
            except (ValueError, TypeError, AttributeError) as exc:
                self._send(400, {"error": {"message": str(exc), "type": "invalid_request_error"}})
                return
            engine.submit(job)
            job.done.wait()
            if job.error:
                self._send(500, {"error": {"message": job.error}})
                return
            text = engine.detokenize(job.output)
            self._send(200, {
                "id": f"chatcmpl-{uuid.uuid4().hex}", "object": "chat.completion", "created": int(time.time()),
                "model": body.get("model") or alias,
                "choices": [{"index": 0, "message": {"role": "assistant", "content": text},
                             "finish_reason": job.finish_reason, "logprobs": None}],
                "usage": {"prompt_tokens": len(job.tokens), "completion_tokens": len(job.output),
                          "total_tokens": len(job.tokens) + len(job.output),
                          "prompt_tokens_details": {"cached_tokens": job.cached}},
            })  # fmt: skip

    return Handler



def main(argv: list[str] | None = None) -> None:
    """Serve until killed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--model", required=True)
    parser.add_argument("--alias", required=True)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--n_ctx", type=int, default=8192, help="tokens per request (prompt + answer)")
    parser.add_argument("--parallel", type=int, default=4, help="requests decoded together")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--guess-tokens", type=int, default=16,
                        help="most schema-fixed tokens fed ahead of the model per step, checked by it (0: none)")
    args = parser.parse_args(argv)
    engine = Engine(args.model, args.n_ctx, args.parallel, args.threads, guess_tokens=args.guess_tokens)
    try:
        server = ThreadingHTTPServer((args.host, args.port), _handler(engine, args.alias))
    except OSError as exc:
        print(f"cannot listen on {args.host}:{args.port}: address already in use ({exc})", flush=True)
        raise SystemExit(1) from exc
    server.daemon_threads = True
    threading.Thread(target=engine.run_forever, name="llama-steps", daemon=True).start()
    print(f"batched: {args.alias} on http://{args.host}:{args.port}/v1, {args.parallel} slots", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    sys.exit(0)


if __name__ == "__main__":
    main()
