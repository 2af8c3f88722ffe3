"""Secret redaction for every error message before it is stored in a record or printed.

Endpoints echo what they were sent ("Incorrect API key provided: sk-…"), so a message from
the far side of an HTTP call is never trusted to be secret-free. Two nets:

* patterns: anything shaped like an API key or bearer token (`sk-…`, `Bearer …`,
  `api_key=…`), whoever's it is;
* the configured key itself, and any 8+ character run of it (a server may echo it part-masked).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable

from pydantic import SecretStr

REDACTED = "[redacted]"
#: Environment variables whose values are secrets wherever they appear.
SECRET_ENV = ("OPENAI_API_KEY", "EXTRACTOR_API_KEY")

_PATTERNS = (
    re.compile(r"\bsk-[A-Za-z0-9_\-*.…]{6,}"),  # OpenAI-style keys, also part-masked ones
    re.compile(r"(?i)\b(bearer|basic)\s+[A-Za-z0-9_\-.~+/=*…]{8,}"),
    re.compile(r"(?i)\b(api[_-]?key|access[_-]?token|secret|password)\s*[=:]\s*['\"]?[^\s'\",;]{6,}"),
)
_MIN_SECRET = 4  # shorter "keys" ('x', 'none') would redact ordinary words
_MIN_FRAGMENT = 8


def redact(text: str, secrets: Iterable[str | SecretStr | None] = ()) -> str:
    """`text` with every key-like token and every given secret (or 8+ character piece of one) replaced."""
    values = sorted({_plain(s) for s in secrets} - {""}, key=len, reverse=True)
    for value in values:
        if len(value) >= _MIN_SECRET:
            text = text.replace(value, REDACTED)
            text = _redact_fragments(text, value)
    for number, pattern in enumerate(_PATTERNS):
        text = pattern.sub(_keep_label if number else (lambda _: REDACTED), text)
    return text


def env_secrets() -> list[str]:
    """The secrets set in the environment (what the CLI redacts when it holds no Settings)."""
    return [os.environ[name] for name in SECRET_ENV if os.environ.get(name)]


def _plain(secret: str | SecretStr | None) -> str:
    if secret is None:
        return ""
    return secret.get_secret_value() if isinstance(secret, SecretStr) else secret


def _redact_fragments(text: str, value: str) -> str:
    """Replace any run of `_MIN_FRAGMENT`+ characters of `value` (an echo like 'sk-abc…wxyz' keeps pieces)."""
    if len(value) < 2 * _MIN_FRAGMENT:
        return text
    pieces = {value[i : i + _MIN_FRAGMENT] for i in range(len(value) - _MIN_FRAGMENT + 1)}
    spans: list[tuple[int, int]] = []
    for piece in pieces:
        start = text.find(piece)
        while start != -1:
            spans.append((start, start + _MIN_FRAGMENT))
            start = text.find(piece, start + 1)
    if not spans:
        return text
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    out, last = [], 0
    for start, end in merged:
        out.append(text[last:start] + REDACTED)
        last = end
    return "".join(out) + text[last:]


def _keep_label(match: re.Match[str]) -> str:
    """`Bearer abc…` -> `Bearer [redacted]`: the reader still sees what kind of secret it was."""
    return f"{match.group(1)} {REDACTED}"
