"""All retry policy in one place; `extractor.llm.call` applies it.

Three separate budgets:
* transport retries - 429, 5xx, timeouts, dropped connections: exponential backoff with
  jitter, `Retry-After` honoured, bounded by attempts and by total time (`transport_retrying`,
  tenacity);
* validation re-asks - output that fails the schema is sent back to the model with the
  error, bounded by `Settings.validation_retries` (instructor does the re-ask, configured here
  by that setting only);
* runaway output - an answer cut at max_tokens is asked again with a varied sampler,
  `Settings.truncation_retries` times (`truncation_samplers`).
The openai client's own retries are switched off (`max_retries=0`) so attempts are
counted once, by the call's ledger.
"""

from __future__ import annotations

import email.utils
import json
import re
import time
from collections.abc import Iterator
from typing import Any

import openai
from tenacity import (
    AsyncRetrying,
    RetryCallState,
    retry_if_exception,
    stop_after_attempt,
    stop_before_delay,
    wait_exponential_jitter,
)

from extractor.errors import ReplayMissError, find_cause
from extractor.redact import redact
from extractor.settings import Settings
from extractor.shorten import shorten

RETRYABLE_STATUS = frozenset({408, 409, 425, 429, 500, 502, 503, 504})
#: Statuses that say the key is refused: no other document can do better, so the run stops.
AUTH_STATUS = frozenset({401, 403})
_STATUS_PREFIX = re.compile(r"^HTTP (\d{3}) from ")


def is_transient(exc: BaseException) -> bool:
    """Whether an exception from the openai client is worth another try."""
    if find_cause(exc, ReplayMissError) is not None:
        return False  # a missing recording will not appear by asking again
    if isinstance(exc, openai.APIConnectionError):  # includes APITimeoutError and resets
        return True
    if isinstance(exc, openai.APIStatusError):
        return exc.status_code in RETRYABLE_STATUS
    # A 200 whose body is not the JSON it claims (cut off mid-stream): the openai client
    # raises the bare JSONDecodeError from `response.json()`, not an OpenAIError.
    return isinstance(exc, (openai.APIResponseValidationError, json.JSONDecodeError))


def retry_after_seconds(exc: BaseException | None) -> float | None:
    """Seconds the server asked us to wait (Retry-After / retry-after-ms), if any."""
    response = getattr(exc, "response", None)
    headers = getattr(response, "headers", None)
    if headers is None:
        return None
    millis = headers.get("retry-after-ms")
    if millis:
        try:
            return max(0.0, float(millis) / 1000.0)
        except ValueError:
            pass
    value = headers.get("retry-after")
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        parsed = email.utils.parsedate_to_datetime(value) if value else None
        return max(0.0, parsed.timestamp() - time.time()) if parsed else None


class _Wait:
    """Exponential backoff with jitter, unless the server said how long to wait.

    A server's Retry-After is honoured as asked (backoff_max caps only our own backoff);
    one longer than the retry budget ends the retries at once (see `transport_retrying`).
    """

    def __init__(self, settings: Settings) -> None:
        self._backoff = wait_exponential_jitter(
            initial=settings.backoff_initial, max=settings.backoff_max, jitter=settings.backoff_initial
        )
        self._cap = settings.retry_budget_seconds

    def __call__(self, state: RetryCallState) -> float:
        exc = state.outcome.exception() if state.outcome else None
        asked = retry_after_seconds(exc)
        if asked is not None:
            return min(asked, self._cap)
        return float(self._backoff(state))


def transport_retrying(settings: Settings) -> AsyncRetrying:
    """The tenacity policy for one model call's HTTP attempts."""
    return AsyncRetrying(
        retry=retry_if_exception(is_transient),
        wait=_Wait(settings),
        # stop_before_delay: give up when the next wait would end past the budget, not after sleeping.
        stop=stop_after_attempt(settings.transport_attempts) | stop_before_delay(settings.retry_budget_seconds),
        reraise=True,
    )


def truncation_samplers(settings: Settings, extras: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """The request extras of each try at an answer that keeps running into max_tokens.

    The first try is as configured; each retry varies the sampler (temperature at least 0.3,
    another seed), since a runaway at temperature 0 would only repeat itself.
    """
    yield extras
    for round_no in range(1, settings.truncation_retries + 1):
        yield {**extras, "temperature": max(0.3, settings.temperature), "seed": (settings.seed or 0) + round_no}


def describe(exc: BaseException) -> str:
    """A one-line, secret-free description of a transport failure (key-like tokens are redacted)."""
    return redact(_describe(exc))


def described_status(message: str) -> int | None:
    """The HTTP status in a message made by `describe`, if it names one."""
    found = _STATUS_PREFIX.match(message)
    return int(found.group(1)) if found else None


def _describe(exc: BaseException) -> str:
    if isinstance(exc, openai.APIStatusError):
        return f"HTTP {exc.status_code} from {exc.request.url.path}: {_short(exc.message)}"
    if isinstance(exc, openai.APITimeoutError):
        return "request timed out"
    if isinstance(exc, openai.APIConnectionError):
        cause: Any = exc.__cause__
        return f"connection failed: {_short(str(cause or exc))}"
    if isinstance(exc, json.JSONDecodeError):
        return f"response body is not valid JSON (cut off?): {_short(str(exc))}"
    return _short(f"{type(exc).__name__}: {exc}")


def _short(text: str) -> str:
    return shorten(text, 300, one_line=True)
