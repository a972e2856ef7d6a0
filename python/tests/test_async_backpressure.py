"""async def handlers get backpressure: awrite/aflush return only once gRPC took the message."""

import asyncio

import pytest

from mattermost_plugin import HTTPResponseWriter
from mattermost_plugin._internal.streams import StreamSink


async def test_drain_waits_until_the_consumer_has_taken_every_message() -> None:
    sink: StreamSink[str] = StreamSink()
    sink.send("a")
    sink.send("b")
    drained = asyncio.ensure_future(sink.drain())
    await asyncio.sleep(0.05)
    assert not drained.done(), "nothing was read yet, so drain must still wait"
    messages = sink.messages()
    assert await messages.__anext__() == "a"
    assert not drained.done()
    assert await messages.__anext__() == "b"
    sink.finish()
    with pytest.raises(StopAsyncIteration):
        await messages.__anext__()
    await asyncio.wait_for(drained, 1)


async def test_drain_on_a_closed_stream_says_the_client_went_away() -> None:
    sink: StreamSink[str] = StreamSink()
    sink.close()
    with pytest.raises(ConnectionResetError):
        await sink.drain()


async def test_awrite_and_aflush_work_in_memory_for_unit_tests() -> None:
    w = HTTPResponseWriter()
    assert await w.awrite("hello") == 5
    await w.aflush()
    assert w.body == b"hello"
