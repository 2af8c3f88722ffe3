"""Typed errors. Every error a document can end in is one of these, so a record can say why.

Three branches, as users meet them:
* ConfigError - the user's setup is wrong (missing extra, bad flag, unknown task/prompt).
* InputError - one document cannot be processed (empty, binary, too long...).
* BackendError / ModelOutputError - the endpoint failed, or the model's answer never validated.
"""

from __future__ import annotations

from typing import Any


class ExtractorError(Exception):
    """Base of all extractor errors; `kind` is the short type written to records."""

    kind = "extractor_error"


class ConfigError(ExtractorError):
    """A setting, flag, file or optional dependency is wrong or missing."""

    kind = "config_error"


class MissingExtraError(ConfigError):
    """An optional dependency is not installed; the message carries the install command."""

    kind = "missing_extra"

    def __init__(self, extra: str, module: str) -> None:
        super().__init__(
            f"the '{extra}' extra is needed ({module} is not installed); "
            f"install with: pip install 'extractor[{extra}]'"
        )


class PromptError(ConfigError):
    """A prompt file is invalid or no prompt fits a document."""

    kind = "prompt_error"


class InputError(ExtractorError):
    """A document cannot be read or is unfit for extraction."""

    kind = "input_error"


class BackendError(ExtractorError):
    """The model endpoint failed after every transport retry (HTTP error, timeout, refused)."""

    kind = "backend_error"


class ReplayMissError(BackendError):
    """Replay mode found no recorded exchange for a request."""

    kind = "replay_miss"


class ModelOutputError(ExtractorError):
    """The model answered, but never with output that validates against the schema."""

    kind = "model_output_error"

    def __init__(self, message: str, *, last_output: str | None = None) -> None:
        super().__init__(message)
        self.last_output = last_output


class RunStopped(ExtractorError):
    """The run ended before every document was tried; every document still has a record.

    The documents not tried carry a `backend_error` record saying so, so `--resume` redoes them.
    `records` holds every record of the run, as `extract_paths` would have returned them.
    """

    kind = "run_stopped"

    def __init__(self, message: str, *, records: list[Any] | None = None) -> None:
        super().__init__(message)
        self.records: list[Any] = records or []


class AuthRejected(RunStopped, ConfigError):
    """The endpoint answered 401/403: the key is wrong, so no other document can succeed either."""

    kind = "auth_error"


class CircuitOpen(RunStopped, BackendError):
    """Many documents in a row failed with the same transport error: the endpoint is down or unreachable."""

    kind = "circuit_open"


def find_cause(exc: BaseException, kind: type[BaseException]) -> BaseException | None:
    """The first exception of `kind` in `exc`'s cause/context chain."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        if isinstance(current, kind):
            return current
        seen.add(id(current))
        current = current.__cause__ or current.__context__
    return None
