"""One structured call: messages in, a validated pydantic model (or a typed error) out.

The openai client is injected (tests pass one with a recording transport). instructor
patches a `create` function that is the client's own, wrapped in the transport retry
policy and in a ledger that counts every HTTP request and sums token usage over all of
them, so the record's `attempts` and `usage` are true even when instructor re-asks.
Every retry decision (transport faults, re-asks, answers cut at max_tokens) is taken in
`extractor.llm.retry`; this module only applies it.
"""

from __future__ import annotations

import copy
import functools
import json
import weakref
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any, TypeVar, cast

import instructor
import openai
from instructor.core import InstructorRetryException
from openai.types.chat import ChatCompletion
from pydantic import BaseModel

from extractor.errors import BackendError, ExtractorError, ModelOutputError, ReplayMissError, find_cause
from extractor.llm.backend import MODES, Endpoint
from extractor.llm.retry import describe, transport_retrying, truncation_samplers
from extractor.records import Usage
from extractor.settings import Settings
from extractor.shorten import CLIPPED, shorten

T = TypeVar("T", bound=BaseModel)

#: Response models whose wrapper and grammar schema are kept: enough for every question of a run's
#: documents in flight; a task that builds a model per team pair would otherwise grow without bound.
_MODELS_KEPT = 512

#: Kept in errors so a record shows what the model said, without flooding the file.
LAST_OUTPUT_LIMIT = 4000


class OutputTruncated(ExtractorError):
    """The model stopped at max_tokens (finish_reason == 'length'): the JSON is cut off."""

    kind = "output_truncated"


@dataclass
class Ledger:
    """What one document's model calls cost."""

    attempts: int = 0
    usage: Usage = field(default_factory=Usage)
    last_output: str | None = None

    def observe(self, response: Any) -> None:
        """Add a response's usage and remember its text."""
        usage = getattr(response, "usage", None)
        if usage is not None:
            details = getattr(usage, "prompt_tokens_details", None)
            self.usage = self.usage.add(
                Usage(
                    prompt_tokens=usage.prompt_tokens or 0,
                    completion_tokens=usage.completion_tokens or 0,
                    cached_tokens=(getattr(details, "cached_tokens", 0) or 0) if details else 0,
                )
            )
        self.last_output = _message_text(response)


def _message_text(response: Any) -> str | None:
    try:
        message = response.choices[0].message
    except (AttributeError, IndexError):
        return None
    if message.content:
        return str(message.content)
    calls = getattr(message, "tool_calls", None) or []
    return "\n".join(str(c.function.arguments) for c in calls) or None


def make_client(endpoint: Endpoint, settings: Settings, http_client: Any = None) -> openai.AsyncOpenAI:
    """An AsyncOpenAI client with its own retries off: `extractor.llm.retry` decides."""
    return openai.AsyncOpenAI(
        base_url=endpoint.base_url,
        api_key=endpoint.api_key,
        timeout=settings.timeout,
        max_retries=0,
        http_client=http_client,
    )


def request_extras(endpoint: Endpoint, settings: Settings, response_model: type[BaseModel]) -> dict[str, Any]:
    """Sampling parameters and backend extras for every request of a call."""
    extras: dict[str, Any] = {"temperature": settings.temperature, "max_tokens": settings.max_tokens}
    if settings.seed is not None:
        extras["seed"] = settings.seed
    body = dict(endpoint.extra_body)
    if endpoint.schema_in_response_format:
        body["response_format"] = {"type": "json_object", "schema": grammar_schema(response_model)}
    if body:
        extras["extra_body"] = body
    return extras


@functools.lru_cache(maxsize=_MODELS_KEPT)
def response_model_for(model: type[T]) -> type[T]:
    """Instructor's response wrapper of `model`, built once per model, with its JSON Schema cached.

    instructor 1.17 wraps a plain model in a new `ResponseSchema` subclass on every call
    (`prepare_response_model` -> `response_schema`), so its own per-class caches never hit
    and pydantic rebuilds the schema for every request. A model that already is a
    `ResponseSchema` is used as given (`prepare_response_model` checks `issubclass`; the
    wrapper comes from instructor's public `response_schema`), so the tool definition
    (`generate_openai_schema`, cached per class) is built once too.
    `model_json_schema` (what the JSON modes call per request) returns a copy of the
    schema made once; other arguments take pydantic's own path.
    tests/test_throughput.py pins this: 100 requests build the schema once.
    """
    wrapper = instructor.response_schema(model)
    schema = wrapper.model_json_schema()

    def model_json_schema(cls: type[BaseModel], *args: Any, **kwargs: Any) -> dict[str, Any]:
        if args or kwargs:
            return wrapper.model_json_schema(*args, **kwargs)  # the same schema: `cached` adds no field
        return copy.deepcopy(schema)

    namespace = {"model_json_schema": classmethod(model_json_schema), "__doc__": model.__doc__,
                 "__module__": model.__module__, "__qualname__": model.__qualname__}
    cached = type(model.__name__, (wrapper,), namespace)
    _vet(cached)
    return cast("type[T]", cached)


#: Wrappers from `response_model_for` that passed instructor's async-validator check once (weak:
#: a wrapper the bounded cache let go is not kept alive here).
_VETTED: weakref.WeakSet[type[BaseModel]] = weakref.WeakSet()


def _vet(model: type[BaseModel]) -> None:
    """Run instructor's async-validator check on `model` once; its per-call re-checks then skip it.

    instructor 1.17 calls `reject_async_validators` six times per request (patch wrapper,
    twice in `prepare_response_model`, retry, response parsing, `from_response`), each a
    walk of the whole model tree through every class's MRO: a quarter of the client's CPU
    per document (issue 11). The check depends only on the class, which never changes, so
    a class that passed it once passes it again. Classes not vetted here (any other
    caller's) still get instructor's own check on every call. There is no public switch:
    the module attributes instructor looks the function up by are replaced, once, with a
    wrapper that defers to the original. tests/test_throughput.py pins it (one walk per
    model over 100 requests; a model with an async validator is still refused).
    """
    from instructor.v2.core import patch as instructor_patch
    from instructor.v2.validation import async_validators

    global _instructor_check
    if _instructor_check is None:
        _instructor_check = async_validators.reject_async_validators
        original = _instructor_check

        @functools.wraps(original)
        def reject_unless_vetted(response_model: Any) -> None:
            if isinstance(response_model, type) and response_model in _VETTED:
                return
            assert _instructor_check is not None
            _instructor_check(response_model)

        async_validators.reject_async_validators = reject_unless_vetted
        if getattr(instructor_patch, "reject_async_validators", None) is original:
            instructor_patch.reject_async_validators = reject_unless_vetted  # type: ignore[attr-defined]
    _instructor_check(model)  # raises ValueError for a model with async validators, as instructor would
    _VETTED.add(model)


#: instructor's own `reject_async_validators`, once `_vet` has put its wrapper in its place.
_instructor_check: Callable[[Any], None] | None = None


#: `create` arguments that are not JSON body fields; a request carrying one goes through `create`.
_CLIENT_ONLY = frozenset({"stream", "extra_headers", "extra_query", "timeout"})


async def _post_completion(client: openai.AsyncOpenAI, kwargs: dict[str, Any]) -> Any:
    """`client.chat.completions.create(**kwargs)` without its per-request walk of the body.

    `create` walks every field against the SDK's TypedDicts (`async_maybe_transform`) to
    rename aliases and format dates; a chat request of plain messages and a tool schema has
    neither, yet the walk cost ~20 % of the client's CPU per document (issue 11). The client's
    documented low-level `post` sends the same JSON body, auth and `extra_body` (as
    `extra_json`) and parses the same `ChatCompletion`. tests/test_throughput.py pins that
    the server receives the very body `create` sends.
    """
    if not _CLIENT_ONLY.isdisjoint(kwargs):
        return await client.chat.completions.create(**kwargs)
    body = dict(kwargs)
    options: dict[str, Any] = {"security": {"bearer_auth": True}}
    extra = body.pop("extra_body", None)
    if extra:
        options["extra_json"] = extra
    return await client.post("/chat/completions", body=body, options=cast(Any, options), cast_to=ChatCompletion)


@functools.lru_cache(maxsize=_MODELS_KEPT)
def grammar_schema(response_model: type[BaseModel]) -> dict[str, Any]:
    """The JSON Schema for a grammar-constrained backend, with every property required.

    A grammar lets a model skip optional keys, and small models then skip them all
    (competition, venue, date...). Requiring every key (each stays nullable) makes the
    model decide each field explicitly, in schema order. Cached: computed once per model,
    not per document (callers only serialise it).
    """
    schema = response_model.model_json_schema()

    def require_all(node: Any) -> None:
        if isinstance(node, dict):
            if node.get("type") == "object" and isinstance(node.get("properties"), dict):
                node["required"] = list(node["properties"])
            for value in node.values():
                require_all(value)
        elif isinstance(node, list):
            for value in node:
                require_all(value)

    require_all(schema)
    return schema


async def structured_call(
    client: openai.AsyncOpenAI,
    endpoint: Endpoint,
    settings: Settings,
    messages: list[dict[str, str]],
    response_model: type[T],
    ledger: Ledger,
    *,
    keep_messages: bool = False,
) -> T:
    """Ask for `response_model`; retry transport faults, re-ask on invalid output, retry a cut-off answer.

    With `keep_messages`, the messages go out as given: a grammar backend gets the schema
    only as its grammar (instructor's JSON-schema mode, which adds no schema text), so a
    document's article stays a shared prompt prefix across its questions.

    Raises:
        BackendError: the endpoint kept failing (after transport retries).
        ModelOutputError: every answer failed validation or was cut off at max_tokens.
    """
    extras = request_extras(endpoint, settings, response_model)
    if keep_messages and endpoint.schema_in_response_format:
        endpoint = replace(endpoint, mode="json_schema")
    last: ExtractorError | None = None
    for sampler in truncation_samplers(settings, extras):
        try:
            return await _instructor_call(client, endpoint, settings, messages, response_model, ledger, sampler)
        except OutputTruncated as exc:
            last = exc
    assert last is not None
    raise ModelOutputError(
        f"output hit max_tokens={settings.max_tokens} on every try (runaway generation)",
        last_output=_clip(ledger.last_output),
    ) from last


async def _instructor_call(
    client: openai.AsyncOpenAI,
    endpoint: Endpoint,
    settings: Settings,
    messages: list[dict[str, str]],
    response_model: type[T],
    ledger: Ledger,
    extras: dict[str, Any],
) -> T:
    async def create(**kwargs: Any) -> Any:
        try:
            async for attempt in transport_retrying(settings):
                with attempt:
                    ledger.attempts += 1
                    response = await _post_completion(client, kwargs)
        except json.JSONDecodeError as exc:
            # A broken response body, not model output: instructor must not re-ask for it.
            raise BackendError(describe(exc)) from exc
        if not hasattr(response, "choices"):  # openai hands back the text of a non-JSON 200 (an HTML page)
            body = shorten(str(response), 120, one_line=True)
            raise BackendError(
                f"the endpoint answered HTTP 200 without a chat completion ({body!r}); is the base URL right?"
            )
        ledger.observe(response)
        if response.choices and response.choices[0].finish_reason == "length":
            raise OutputTruncated("finish_reason=length")
        return response

    patched = instructor.patch(create=create, mode=instructor.Mode[MODES[endpoint.mode]])
    try:
        result: T = await patched(
            model=endpoint.model,
            messages=messages,
            response_model=response_model_for(response_model),
            max_retries=settings.validation_retries,
            strict=False,  # JSON text carries dates as strings: lax mode parses them
            **extras,
        )
    except InstructorRetryException as exc:
        cause = exc.__cause__
        if isinstance(cause, ExtractorError):  # includes OutputTruncated, BackendError
            raise cause from None
        if isinstance(cause, openai.OpenAIError):
            raise _transport_failure(cause) from cause
        failed = getattr(exc, "failed_attempts", None) or []
        reason = str(failed[-1].exception) if failed else str(exc)
        raise ModelOutputError(
            f"output failed validation after {exc.n_attempts} attempt(s): {shorten(reason, 600, one_line=True)}",
            last_output=_clip(ledger.last_output),
        ) from exc
    except openai.OpenAIError as exc:
        raise _transport_failure(exc) from exc
    return result


def _transport_failure(exc: openai.OpenAIError) -> ExtractorError:
    """The typed error for a failed HTTP exchange: a replay miss, or a backend failure."""
    miss = find_cause(exc, ReplayMissError)
    return miss if isinstance(miss, ReplayMissError) else BackendError(describe(exc))


def _clip(text: str | None) -> str | None:
    """The last answer as a record keeps it: at most `LAST_OUTPUT_LIMIT` characters."""
    return None if text is None else shorten(text, LAST_OUTPUT_LIMIT, marker=CLIPPED)
