"""ServeHTTP is streamed both ways in a real plugin process: the plugin's answer reaches the client
while the client still holds part of the request body (docs/protocol.md §5)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

import grpc.aio
import pytest_asyncio

from mattermost_plugin._gen.polyplug.v1 import http_pb2

from fake_host import FakeHost
from plugin_process import WAIT, PluginProcess

STREAMING = Path(__file__).parent / "plugins" / "streaming_plugin.py"


@pytest_asyncio.fixture
async def plugin() -> AsyncIterator[PluginProcess]:
    host = await FakeHost().start()
    process = await PluginProcess.start(STREAMING, host)
    yield process
    await process.close()
    await host.stop()


async def test_the_answer_arrives_before_the_request_body_ends(plugin: PluginProcess) -> None:
    call = plugin.hooks.ServeHTTP(metadata=plugin.metadata, timeout=WAIT)
    init = http_pb2.HTTPRequestInit(method="POST", url="/upload", path="/upload", content_length=-1)
    await call.write(http_pb2.ServeHTTPRequest(init=init, body_chunk=b"hello"))

    # Everything up to the flush must come back while the rest of the body is still unsent.
    head = await asyncio.wait_for(call.read(), WAIT)
    assert head.init.status_code == 200
    assert {h.key: list(h.values) for h in head.init.headers} == {"Content-Type": ["text/plain"]}
    received = head.body_chunk
    flushed = head.flush
    while not flushed:
        message = await asyncio.wait_for(call.read(), WAIT)
        received += message.body_chunk
        flushed = message.flush
    assert received == b"got:hello"

    await call.write(http_pb2.ServeHTTPRequest(body_chunk=b"world"))
    await call.write(http_pb2.ServeHTTPRequest(body_chunk=b"!", body_complete=True))
    await call.done_writing()
    complete = False
    while (message := await asyncio.wait_for(call.read(), WAIT)) is not grpc.aio.EOF:
        received += message.body_chunk
        complete = complete or message.body_complete
    assert received == b"got:hello|rest:world!"
    assert complete
