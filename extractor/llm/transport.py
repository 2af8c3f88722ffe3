"""The HTTP transport under the openai client: openai's aiohttp transport, with exact error types.

The default httpx2 transport (httpcore2 over anyio streams) cost ~0.9 ms of client CPU per
request on loopback, about a quarter of the per-document total (issue 11). openai ships an
aiohttp transport for httpx2 (what `openai.DefaultAioHttpClient` uses; aiohttp comes with
instructor); its C HTTP parser does the same work for a fraction of that.

Its exception map is coarse: every `aiohttp.ClientConnectionError` becomes
`httpx2.ConnectTimeout`, so a server that drops the connection would be reported as
"request timed out". `AiohttpTransport` here maps those failures to the httpx2 types the
default transport raises (a drop is a `RemoteProtocolError`, a reset a `ReadError`),
before the request is sent and while the body is read, so records name the failure as
before. tests/test_throughput.py pins the mapping against the fault-injecting fake server.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import aiohttp  # comes with instructor
import httpx2
from openai._vendor.httpx_aiohttp import AiohttpTransport as _OpenAIAiohttpTransport


def default_transport(max_connections: int) -> httpx2.AsyncBaseTransport:
    """The transport a session sends requests through, `max_connections` at most."""
    limits = httpx2.Limits(max_connections=max_connections, max_keepalive_connections=max_connections)
    return AiohttpTransport(limits=limits)


def _exact(exc: httpx2.TransportError) -> httpx2.TransportError:
    """The httpx2 error the default transport would raise for the aiohttp failure behind `exc`."""
    cause = exc.__cause__
    if isinstance(cause, aiohttp.ServerDisconnectedError):
        return httpx2.RemoteProtocolError(str(cause) or "Server disconnected without sending a response.")
    if isinstance(cause, aiohttp.ClientConnectorError):  # what the socket said, as httpx2 reports it
        return httpx2.ConnectError(str(cause.os_error or "") or str(cause))
    if isinstance(cause, aiohttp.ClientOSError):  # a reset or broken pipe on an open connection
        return httpx2.ReadError(str(cause))
    if isinstance(cause, aiohttp.ClientPayloadError):
        return httpx2.RemoteProtocolError(str(cause))
    return exc


class _Body(httpx2.AsyncByteStream):
    """A response body whose read errors carry their exact httpx2 type."""

    def __init__(self, inner: httpx2.AsyncByteStream) -> None:
        self._inner = inner

    async def __aiter__(self) -> AsyncIterator[bytes]:
        try:
            async for chunk in self._inner:
                yield chunk
        except httpx2.TransportError as exc:
            raise _exact(exc) from exc.__cause__

    async def aclose(self) -> None:
        await self._inner.aclose()


class AiohttpTransport(_OpenAIAiohttpTransport):
    """openai's aiohttp transport with the default transport's error types."""

    async def handle_async_request(self, request: httpx2.Request) -> httpx2.Response:
        """Send `request`; a failure raises the httpx2 error httpx2's own transport would."""
        try:
            response: httpx2.Response = await super().handle_async_request(request)
        except httpx2.TransportError as exc:
            raise _exact(exc) from exc.__cause__
        stream: Any = response.stream
        response.stream = _Body(stream)
        return response
