"""PluginHTTP (plugin-to-plugin HTTP): the request stream a client sends and the response it
assembles. Shared by the sync and async clients, which only differ in how they drive the stream."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from .._gen.polyplug.v1 import api_http_pb2, http_pb2
from ..exceptions import from_app_error

CHUNK = 64 * 1024


@dataclass
class PluginHTTPResponse:
    """Another plugin's answer: status, headers (all values per name) and the whole body."""

    status_code: int = 200
    headers: dict[str, list[str]] = field(default_factory=dict)
    body: bytes = b""

    def get_header(self, name: str) -> str:
        """The first value of a header, case-insensitively ("" when absent)."""
        lowered = name.lower()
        return next((values[0] for key, values in self.headers.items() if key.lower() == lowered and values), "")


def request_messages(
    method: str, path: str, headers: Mapping[str, str | list[str]] | None, body: bytes
) -> Iterator[api_http_pb2.PluginHTTPRequest]:
    """The stream for one request: init, the body in <=64 KiB chunks, then body_complete."""
    bare, _, query = path.partition("?")
    wire_headers = [
        http_pb2.HTTPHeader(key=key, values=[value] if isinstance(value, str) else list(value))
        for key, value in (headers or {}).items()
    ]
    init = http_pb2.HTTPRequestInit(
        method=method.upper(),
        url=path,
        path=bare,
        raw_query=query,
        request_uri=path,
        proto="HTTP/1.1",
        proto_major=1,
        proto_minor=1,
        headers=wire_headers,
        content_length=len(body),
    )
    yield api_http_pb2.PluginHTTPRequest(init=init)
    for offset in range(0, len(body), CHUNK):
        yield api_http_pb2.PluginHTTPRequest(body_chunk=body[offset : offset + CHUNK])
    yield api_http_pb2.PluginHTTPRequest(body_complete=True)


class ResponseAssembler:
    """Collects the response stream; an AppError from the host (no such plugin…) is raised."""

    def __init__(self) -> None:
        self._response = PluginHTTPResponse()
        self._chunks: list[bytes] = []

    def feed(self, message: api_http_pb2.PluginHTTPResponse) -> None:
        if message.HasField("error"):
            raise from_app_error(message.error)
        if message.HasField("init"):
            self._response.status_code = message.init.status_code or 200
            self._response.headers = {h.key: list(h.values) for h in message.init.headers}
        if message.body_chunk:
            self._chunks.append(message.body_chunk)

    def result(self) -> PluginHTTPResponse:
        self._response.body = b"".join(self._chunks)
        return self._response
