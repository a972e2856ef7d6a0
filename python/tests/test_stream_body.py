"""StreamBody: inbound chunks for sync readers (worker threads) and async readers, bounded."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import dataclass

import pytest

from mattermost_plugin._internal.streams import StreamBody


@dataclass
class Chunk:
    body_chunk: bytes = b""
    body_complete: bool = False


class Source:
    """An inbound stream that counts how many messages the pump has taken."""

    def __init__(self, count: int) -> None:
        self.count, self.taken = count, 0

    async def messages(self) -> AsyncIterator[Chunk]:
        for i in range(1, self.count):
            self.taken += 1
            yield Chunk(f"{i:04d}".encode(), body_complete=i == self.count - 1)


async def _settle() -> None:
    for _ in range(20):
        await asyncio.sleep(0)


async def test_a_sync_reader_gets_every_chunk_in_order() -> None:
    body = StreamBody(maxsize=4)
    source = Source(200)
    pump = asyncio.create_task(body.pump(Chunk(b"0000"), source.messages()))

    def read_all() -> list[bytes]:
        chunks = []
        while (chunk := body.next_chunk_sync()) is not None:
            chunks.append(chunk)
        assert body.next_chunk_sync() is None  # the end stays the end
        return chunks

    chunks = await asyncio.to_thread(read_all)
    await pump
    assert chunks == [f"{i:04d}".encode() for i in range(200)]


async def test_an_async_reader_gets_every_chunk_in_order() -> None:
    body = StreamBody(maxsize=4)
    pump = asyncio.create_task(body.pump(Chunk(b"0000"), Source(50).messages()))
    chunks = []
    while (chunk := await body.next_chunk()) is not None:
        chunks.append(chunk)
    await pump
    assert chunks == [f"{i:04d}".encode() for i in range(50)]


async def test_the_pump_stops_taking_messages_while_nobody_reads() -> None:
    body = StreamBody(maxsize=4)
    source = Source(100)
    pump = asyncio.create_task(body.pump(Chunk(b"0000"), source.messages()))
    await _settle()
    assert source.taken <= 5, "the buffer must stay bounded"
    assert not pump.done()
    assert await body.next_chunk() == b"0000"
    await _settle()
    assert source.taken <= 5, "one chunk read: the pump waits for the buffer to drain to half"
    for _ in range(3):
        await body.next_chunk()
    await _settle()
    assert source.taken > 5
    body.close()
    await asyncio.wait_for(pump, 5)


async def test_a_sync_reader_wakes_the_loop_once_per_half_buffer_not_per_chunk() -> None:
    body = StreamBody(maxsize=8)
    pump = asyncio.create_task(body.pump(Chunk(b"0000"), Source(400).messages()))
    await _settle()  # the buffer is full: from now on the reader decides when the pump runs
    loop = asyncio.get_running_loop()
    wakeups = 0
    original = loop.call_soon_threadsafe

    def counting(*args, **kwargs):  # type: ignore[no-untyped-def]
        nonlocal wakeups
        wakeups += 1
        return original(*args, **kwargs)

    loop.call_soon_threadsafe = counting  # type: ignore[method-assign]
    try:
        count = await asyncio.to_thread(lambda: sum(1 for _ in iter(body.next_chunk_sync, None)))
    finally:
        del loop.call_soon_threadsafe
    await pump
    assert count == 400
    assert wakeups <= 400 // 4 + 2 + 1  # at most one per maxsize // 2 chunks (to_thread's own: 1)


async def test_close_wakes_a_waiting_sync_reader_with_connection_reset() -> None:
    async def open_forever() -> AsyncIterator[Chunk]:
        await asyncio.Event().wait()
        yield Chunk()  # pragma: no cover

    body = StreamBody()
    pump = asyncio.create_task(body.pump(Chunk(b"a"), open_forever()))

    def read_two() -> bytes | None:
        assert body.next_chunk_sync() == b"a"
        return body.next_chunk_sync()  # blocks: the upload is still open… until close

    reader = asyncio.ensure_future(asyncio.to_thread(read_two))
    await asyncio.sleep(0.05)
    assert not reader.done()
    body.close()
    with pytest.raises(ConnectionResetError):
        await asyncio.wait_for(reader, 5)
    pump.cancel()


async def test_close_fails_an_async_reader_and_a_broken_stream_says_why() -> None:
    body = StreamBody()
    reader = asyncio.ensure_future(body.next_chunk())
    await _settle()
    body.close()
    with pytest.raises(ConnectionResetError):
        await asyncio.wait_for(reader, 5)

    async def broken() -> AsyncIterator[Chunk]:
        yield Chunk(b"x")
        raise RuntimeError("stream reset")

    body = StreamBody()
    await body.pump(Chunk(b""), broken())
    with pytest.raises(ConnectionResetError, match="body interrupted: stream reset"):
        await body.next_chunk()


async def test_reading_synchronously_on_the_loop_is_refused() -> None:
    body = StreamBody()
    with pytest.raises(RuntimeError, match="would block the event loop"):
        body.next_chunk_sync()
