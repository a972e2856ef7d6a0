"""ServeHTTP and ServeMetrics: HTTP requests streamed both ways (see ``serve_http.py``)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import aclosing

from ..._gen.polyplug.v1 import http_pb2
from ...hooks import HookName
from ..serve_http import serve_http
from .base import Context, HookDispatcher


class HTTPHooks(HookDispatcher):
    """``/plugins/{id}/...`` (ServeHTTP) and the metrics listener's ``/plugins/{id}/metrics`` (ServeMetrics)."""

    async def ServeHTTP(
        self, request_iterator: AsyncIterator[http_pb2.ServeHTTPRequest], context: Context
    ) -> AsyncIterator[http_pb2.ServeHTTPResponse]:
        async for message in self._serve(HookName.ServeHTTP, request_iterator):
            yield message

    async def ServeMetrics(
        self, request_iterator: AsyncIterator[http_pb2.ServeHTTPRequest], context: Context
    ) -> AsyncIterator[http_pb2.ServeHTTPResponse]:
        async for message in self._serve(HookName.ServeMetrics, request_iterator):
            yield message

    async def _serve(
        self, hook: HookName, requests: AsyncIterator[http_pb2.ServeHTTPRequest]
    ) -> AsyncIterator[http_pb2.ServeHTTPResponse]:
        # aclosing: when the host cancels the stream, the bridge's cleanup runs now, not at GC time.
        async with aclosing(serve_http(hook, self._plugin, self._runner, self._logger, requests)) as stream:
            async for message in stream:
                yield message
