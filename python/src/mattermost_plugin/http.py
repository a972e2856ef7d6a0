"""``HTTPRequest`` and ``HTTPResponseWriter``: what a ``ServeHTTP`` handler works with.

Both are streams, as in Go's net/http: the request body arrives chunk by chunk while the handler
runs, and every ``write``/``flush`` leaves the process when it is called. So a handler can answer
before the request body has ended, and can stream a long response (server-sent events, large
downloads) without holding it in memory. Neither class knows gRPC: the runtime plugs them into the
ServeHTTP stream through :class:`BodySource` and :class:`ResponseSink`; without those, they work
in memory, which is how plugin authors unit-test their handlers.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Protocol

from ._internal.wrappers import PluginContext

__all__ = ["MAX_CHUNK_SIZE", "BodySource", "HTTPRequest", "HTTPResponseWriter", "ResponsePart", "ResponseSink"]

# Body chunks on the wire are at most 64 KiB (docs/protocol.md §4).
MAX_CHUNK_SIZE = 64 * 1024
_log = logging.getLogger("mattermost_plugin.http")


class BodySource(Protocol):
    """Where a request body comes from; ``None`` means the body has ended."""

    def next_chunk_sync(self) -> bytes | None: ...

    async def next_chunk(self) -> bytes | None: ...


class _BytesBody:
    """A body held in memory (handler unit tests), served in wire-sized chunks."""

    def __init__(self, data: bytes) -> None:
        self._chunks = [data[i : i + MAX_CHUNK_SIZE] for i in range(0, len(data), MAX_CHUNK_SIZE)]

    def next_chunk_sync(self) -> bytes | None:
        return self._chunks.pop(0) if self._chunks else None

    async def next_chunk(self) -> bytes | None:
        return self.next_chunk_sync()


class HTTPRequest:
    """An HTTP request to ``/plugins/{id}/...``; ``url`` and ``path`` have that prefix stripped.

    Read the body once, either whole (``read()``, ``body``; ``await aread()`` in async handlers) or
    as it arrives (``iter_body()``; ``async for chunk in aiter_body()``). ``read()`` returns what
    iteration has not consumed yet, and remembers it for later calls.
    """

    def __init__(
        self,
        *,
        method: str = "GET",
        url: str = "/",
        path: str = "/",
        raw_query: str = "",
        headers: Mapping[str, list[str]] | None = None,
        host: str = "",
        remote_addr: str = "",
        request_uri: str = "",
        content_length: int = -1,
        proto: str = "HTTP/1.1",
        plugin_context: PluginContext | None = None,
        body: bytes | BodySource = b"",
    ) -> None:
        self.method, self.url, self.path, self.raw_query = method, url, path, raw_query
        self.headers: dict[str, list[str]] = {k: list(v) for k, v in (headers or {}).items()}
        self.host, self.remote_addr, self.request_uri = host, remote_addr, request_uri
        self.content_length, self.proto = content_length, proto
        self.plugin_context = plugin_context or PluginContext()
        self._source: BodySource = _BytesBody(body) if isinstance(body, bytes) else body
        self._rest: bytes | None = None

    def get_header(self, name: str) -> str:
        """The first value of header ``name`` (case-insensitive), or ``""``."""
        values = self.get_header_values(name)
        return values[0] if values else ""

    def get_header_values(self, name: str) -> list[str]:
        """All values of header ``name`` (case-insensitive), in order."""
        lowered = name.lower()
        return [v for key, values in self.headers.items() if key.lower() == lowered for v in values]

    def iter_body(self) -> Iterator[bytes]:
        """The body's chunks as they arrive (sync handlers only: it blocks until data comes)."""
        while (chunk := self._source.next_chunk_sync()) is not None:
            yield chunk

    async def aiter_body(self) -> AsyncIterator[bytes]:
        """The body's chunks as they arrive, for ``async def`` handlers."""
        while (chunk := await self._source.next_chunk()) is not None:
            yield chunk

    def read(self) -> bytes:
        """The whole (remaining) body. Blocks until it has arrived; sync handlers only."""
        if self._rest is None:
            self._rest = b"".join(self.iter_body())
        return self._rest

    async def aread(self) -> bytes:
        """The whole (remaining) body, for ``async def`` handlers."""
        if self._rest is None:
            self._rest = b"".join([chunk async for chunk in self.aiter_body()])
        return self._rest

    @property
    def body(self) -> bytes:
        """Same as :meth:`read` (the seed SDK's spelling)."""
        return self.read()


@dataclass
class ResponsePart:
    """One message of the response stream: the head (first one only), a chunk and/or a flush."""

    status_code: int | None = None
    headers: dict[str, list[str]] | None = None
    chunk: bytes = b""
    flush: bool = False


class ResponseSink(Protocol):
    """Where the response goes. ``send`` must not return before the part has left (or is queued
    to leave, on the event loop), so that writes are not held until the handler returns."""

    def send(self, part: ResponsePart) -> None: ...

    async def drain(self) -> None:
        """Returns once everything sent so far has left (for ``async def`` handlers)."""
        ...


@dataclass
class _MemorySink:
    parts: list[ResponsePart] = field(default_factory=list)

    def send(self, part: ResponsePart) -> None:
        self.parts.append(part)

    async def drain(self) -> None:
        """Nothing to wait for in memory."""


class HTTPResponseWriter:
    """Writes the response, like Go's ``http.ResponseWriter``.

    Set headers first; ``write_header(code)``, the first ``write`` (implicitly 200) or ``flush``
    sends them, after which header changes are ignored with a warning.
    """

    def __init__(self, sink: ResponseSink | None = None) -> None:
        self._sink: ResponseSink = sink if sink is not None else _MemorySink()
        self.headers: dict[str, list[str]] = {}
        self.status_code: int | None = None
        self.headers_sent = False

    def _headers_locked(self, action: str) -> bool:
        if self.headers_sent:
            _log.warning("%s after the response head was sent is ignored; set headers before writing", action)
        return self.headers_sent

    def set_header(self, key: str, value: str) -> None:
        """Replaces header ``key`` (case-insensitive) with one value."""
        if not self._headers_locked(f"set_header({key!r})"):
            self.del_header(key)
            self.headers[key] = [value]

    def add_header(self, key: str, value: str) -> None:
        """Adds a value to header ``key`` (case-insensitive), keeping the existing ones."""
        if not self._headers_locked(f"add_header({key!r})"):
            existing = next((k for k in self.headers if k.lower() == key.lower()), key)
            self.headers.setdefault(existing, []).append(value)

    def del_header(self, key: str) -> None:
        """Removes header ``key`` (case-insensitive)."""
        if not self._headers_locked(f"del_header({key!r})"):
            for existing in [k for k in self.headers if k.lower() == key.lower()]:
                del self.headers[existing]

    def write_header(self, status_code: int) -> None:
        """Sends the status line and headers now."""
        if self._headers_locked(f"write_header({status_code})"):
            return
        self.status_code = status_code
        self._send(ResponsePart())

    def write(self, data: bytes | str) -> int:
        """Sends ``data`` (str is UTF-8 encoded) now, in chunks of at most 64 KiB; returns its length."""
        payload = data.encode() if isinstance(data, str) else bytes(data)
        for start in range(0, len(payload), MAX_CHUNK_SIZE):
            self._send(ResponsePart(chunk=payload[start : start + MAX_CHUNK_SIZE]))
        if not payload and not self.headers_sent:
            self._send(ResponsePart())
        return len(payload)

    def flush(self) -> None:
        """Asks the host to push what it has buffered to the HTTP client now."""
        self._send(ResponsePart(flush=True))

    async def awrite(self, data: bytes | str) -> int:
        """:meth:`write` for ``async def`` handlers: returns once the data has left the process, so
        a fast producer waits for a slow client instead of piling up in memory."""
        written = self.write(data)
        await self._sink.drain()
        return written

    async def aflush(self) -> None:
        """:meth:`flush` for ``async def`` handlers, waiting as :meth:`awrite` does."""
        self.flush()
        await self._sink.drain()

    def _send(self, part: ResponsePart) -> None:
        if not self.headers_sent:
            part.status_code = self.status_code or 200
            part.headers = {k: list(v) for k, v in self.headers.items()}
            self.status_code = part.status_code
            self.headers_sent = True
        self._sink.send(part)

    @property
    def body(self) -> bytes:
        """What was written, when the writer works in memory (handler unit tests)."""
        if not isinstance(self._sink, _MemorySink):
            raise RuntimeError("the body is only kept in memory for writers created without a sink")
        return b"".join(part.chunk for part in self._sink.parts)
