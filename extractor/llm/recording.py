"""Record and replay model exchanges at the HTTP boundary of the openai client.

An httpx transport sits under the real openai client, so everything above it - the
client, instructor, retries, validation - runs for real. Each exchange is stored as one
JSON file named by the hash of the normalised request: the path and the JSON body
(model, messages, response format / tools, sampling parameters). Headers are never part
of the key nor of the file, so API keys cannot end up in a recording.

Modes:
* ``record`` - serve hits from the store, call the real endpoint on a miss and store the
  answer: a cache, so an unchanged prompt on unchanged input costs no model call.
* ``replay`` - serve only from the store; a miss is a `ReplayMissError`.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any, Literal

import httpx2

from extractor.errors import ReplayMissError

FORMAT_VERSION = 1


def request_key(path: str, body: Any) -> str:
    """Hash of a normalised request: endpoint path + canonical JSON body."""
    tail = path.rstrip("/").rsplit("/v1", 1)[-1]
    canonical = json.dumps({"path": tail, "body": body}, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


class RecordingTransport(httpx2.AsyncBaseTransport):
    """Serves recorded exchanges; in `record` mode fills the store from `inner`."""

    def __init__(
        self,
        store: Path,
        mode: Literal["record", "replay"],
        inner: httpx2.AsyncBaseTransport | None = None,
    ) -> None:
        self.store = Path(store)
        self.mode = mode
        self.inner = inner or httpx2.AsyncHTTPTransport()
        if mode == "record":
            self.store.mkdir(parents=True, exist_ok=True)

    async def handle_async_request(self, request: httpx2.Request) -> httpx2.Response:
        """Answer from the store, or (record mode) from the real endpoint."""
        raw = await request.aread()
        try:
            body: Any = json.loads(raw) if raw else None
        except ValueError:
            body = raw.decode("utf-8", "replace")
        key = request_key(request.url.path, body)
        path = self.store / f"{key}.json"
        if path.is_file():
            saved = json.loads(path.read_text(encoding="utf-8"))["response"]
            if self.mode == "record":
                os.utime(path)  # a used recording is fresh: older files in the store are stale

            return httpx2.Response(saved["status"], json=saved["body"], request=request)
        if self.mode == "replay":
            raise ReplayMissError(f"no recorded exchange {key[:12]} in {self.store}")
        response = await self.inner.handle_async_request(request)
        content = await response.aread()
        if response.status_code == 200:
            self._save(path, key, request.url.path, body, json.loads(content))
        return httpx2.Response(
            response.status_code,
            headers={k: v for k, v in response.headers.items() if k.lower() in {"content-type", "retry-after"}},
            content=content,
            request=request,
        )

    def _save(self, path: Path, key: str, url_path: str, body: Any, answer: Any) -> None:
        entry = {
            "format": FORMAT_VERSION,
            "key": key,
            "request": {"path": url_path, "body": body},
            "response": {"status": 200, "body": answer},
        }
        # Atomic: concurrent workers never leave a half-written file behind.
        fd, tmp = tempfile.mkstemp(dir=self.store, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(entry, handle, ensure_ascii=False, indent=1, sort_keys=True)
        os.replace(tmp, path)

    async def aclose(self) -> None:
        """Close the inner transport."""
        await self.inner.aclose()
