"""ServeHTTP and ServeMetrics: bridges one bidirectional gRPC stream to a handler ``(context, w, r)``.

The handler runs as a task next to the stream: the request body is pumped in as it arrives and each
response part is yielded to gRPC as soon as it is written, so neither side waits for the other to
finish (docs/protocol.md §5). These hooks have no deadline: a call lives as long as its HTTP request,
and a client that disconnects cancels it.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncGenerator, AsyncIterator

from .._gen.polyplug.v1 import http_pb2
from ..hooks import HookName
from ..http import HTTPRequest, HTTPResponseWriter, ResponsePart
from ..plugin import Plugin
from .hook_runner import HookRunner
from .streams import StreamBody, StreamSink
from .wrappers import PluginContext

_Sink = StreamSink[http_pb2.ServeHTTPResponse]


class _HTTPSink:
    """The writer's :class:`~mattermost_plugin.http.ResponseSink` over the stream's sink."""

    def __init__(self, sink: _Sink) -> None:
        self._sink = sink

    def send(self, part: ResponsePart) -> None:
        self._sink.send(to_message(part))

    async def drain(self) -> None:
        await self._sink.drain()


def to_message(part: ResponsePart) -> http_pb2.ServeHTTPResponse:
    """The wire message for one :class:`ResponsePart`."""
    message = http_pb2.ServeHTTPResponse(body_chunk=part.chunk, flush=part.flush)
    if part.status_code is not None:
        message.init.status_code = part.status_code
        for key, values in (part.headers or {}).items():
            message.init.headers.add(key=key, values=values)
    return message


def request_from_init(init: http_pb2.HTTPRequestInit, body: StreamBody) -> HTTPRequest:
    """The handler's :class:`HTTPRequest` for a stream's ``init`` message."""
    headers: dict[str, list[str]] = {}
    for header in init.headers:
        headers.setdefault(header.key, []).extend(header.values)
    return HTTPRequest(
        method=init.method,
        url=init.url,
        path=init.path,
        raw_query=init.raw_query,
        headers=headers,
        host=init.host,
        remote_addr=init.remote_addr,
        request_uri=init.request_uri,
        content_length=init.content_length,
        proto=init.proto or "HTTP/1.1",
        plugin_context=PluginContext.from_proto(init.context),
        body=body,
    )


def _plain(status: int, text: str) -> http_pb2.ServeHTTPResponse:
    message = http_pb2.ServeHTTPResponse(body_chunk=text.encode(), body_complete=True)
    message.init.status_code = status
    message.init.headers.add(key="Content-Type", values=["text/plain; charset=utf-8"])
    return message


async def _run_handler(
    hook: HookName,
    plugin: Plugin,
    runner: HookRunner,
    logger: logging.Logger,
    w: HTTPResponseWriter,
    r: HTTPRequest,
    sink: _Sink,
) -> None:
    handler = plugin.get_hook_handler(hook)
    try:
        if handler is None:
            w.write_header(404)
            w.write("Not Found")
        else:
            await runner.call(hook.value, handler, r.plugin_context, w, r, deadline=False)
    except ConnectionResetError:
        logger.info("%s %s %s: the client went away", hook.value, r.method, r.path)
    except Exception:
        logger.exception("%s handler failed for %s %s", hook.value, r.method, r.path)
        if not w.headers_sent:
            w.set_header("Content-Type", "text/plain; charset=utf-8")
            w.write_header(500)
            w.write("Internal Server Error")
    finally:
        try:
            if not w.headers_sent:
                w.write_header(200)
            sink.finish(http_pb2.ServeHTTPResponse(body_complete=True))
        except ConnectionResetError:
            pass


async def serve_http(
    hook: HookName,
    plugin: Plugin,
    runner: HookRunner,
    logger: logging.Logger,
    requests: AsyncIterator[http_pb2.ServeHTTPRequest],
) -> AsyncGenerator[http_pb2.ServeHTTPResponse, None]:
    """The response stream for one ServeHTTP (or ServeMetrics: ``hook``) call."""
    first = await anext(requests, None)
    if first is None or not first.HasField("init"):
        logger.error("%s stream did not start with an init message", hook.value)
        yield _plain(500, f"{hook.value} stream did not start with an init message")
        return
    body, sink = StreamBody(), _Sink()
    request = request_from_init(first.init, body)
    writer = HTTPResponseWriter(_HTTPSink(sink))
    pump = asyncio.create_task(body.pump(first, requests))
    handler = asyncio.create_task(_run_handler(hook, plugin, runner, logger, writer, request, sink))
    try:
        async for message in sink.messages():
            yield message
    finally:
        # Normal end: the handler is done. Cancelled stream: stop an async handler; a sync one
        # cannot be stopped, but its next read or write now fails instead of blocking forever.
        handler.cancel()
        pump.cancel()
        sink.close()
        body.close()
