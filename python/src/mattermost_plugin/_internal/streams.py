"""The gRPC ends of a streamed hook (ServeHTTP, ServeMetrics, FileWillBeUploaded): the inbound
bytes as a :class:`StreamBody`, the outbound messages as a :class:`StreamSink` drained by the
servicer's response generator.

Handlers may be sync (in a worker thread) or async (on the event loop), while the gRPC stream lives
on the loop. So both classes have a thread-side path that hands work to the loop and waits for it
(a sync ``send`` returns once its message is on the wire: natural backpressure), and a loop-side
path that queues without blocking the loop. After the exchange ends, both refuse further use with
``ConnectionResetError`` instead of leaving a worker thread waiting forever.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import threading
from collections.abc import AsyncIterator
from typing import Generic, Protocol, TypeAlias, TypeVar

_GONE = "the exchange has ended (the caller went away or the handler finished)"
_Done: TypeAlias = "concurrent.futures.Future[None] | asyncio.Future[None]"
_DRAIN = object()  # a queue marker: resolved once every message before it was taken
_M = TypeVar("_M")


class ChunkMessage(Protocol):
    """An inbound stream message: ServeHTTPRequest and FileWillBeUploadedRequest both fit."""

    @property
    def body_chunk(self) -> bytes: ...

    @property
    def body_complete(self) -> bool: ...


class StreamBody:
    """Inbound chunks, read from the stream by a pump task into a bounded queue, so a handler that
    does not read does not make the plugin buffer a whole upload in memory. Create on the loop."""

    def __init__(self, maxsize: int = 16) -> None:
        self._loop, self._loop_thread = asyncio.get_running_loop(), threading.get_ident()
        self._queue: asyncio.Queue[bytes | None] = asyncio.Queue(maxsize)
        self._ended = False
        self._error: BaseException | None = None

    async def pump(self, first: ChunkMessage, rest: AsyncIterator[ChunkMessage]) -> None:
        """Feeds the queue from ``first`` and then ``rest`` until ``body_complete`` or end of stream."""
        try:
            message: ChunkMessage | None = first
            while message is not None:
                if message.body_chunk:
                    await self._queue.put(bytes(message.body_chunk))
                if message.body_complete:
                    break
                message = await anext(rest, None)
            await self._queue.put(None)
        except Exception as exc:  # the stream broke: wake a waiting reader with the reason
            self.close(ConnectionResetError(f"body interrupted: {exc}"))

    def close(self, error: BaseException | None = None) -> None:
        """Ends the body; a reader still waiting gets ``error`` (default ConnectionResetError). Loop only."""
        self._error = self._error or error or ConnectionResetError(_GONE)
        while not self._queue.empty():
            self._queue.get_nowait()
        self._queue.put_nowait(None)

    async def next_chunk(self) -> bytes | None:
        if self._ended:
            return None
        chunk = await self._queue.get()
        if chunk is None:
            self._ended = True
            if self._error is not None:
                raise self._error
        return chunk

    def next_chunk_sync(self) -> bytes | None:
        if threading.get_ident() == self._loop_thread:
            raise RuntimeError(
                "reading synchronously would block the event loop; in an async handler use the "
                "async methods (`await request.aread()`, `async for chunk in file.aiter_chunks()`)"
            )
        return asyncio.run_coroutine_threadsafe(self.next_chunk(), self._loop).result()


class StreamSink(Generic[_M]):
    """Outbound messages in order; :meth:`messages` yields them to gRPC. Create on the loop."""

    def __init__(self) -> None:
        self._loop, self._loop_thread = asyncio.get_running_loop(), threading.get_ident()
        self._queue: asyncio.Queue[tuple[_M, _Done | None] | None] = asyncio.Queue()
        self._closed = False

    def send(self, message: _M) -> None:
        """Queues one message. From a worker thread, returns once gRPC has taken it (backpressure)."""
        if threading.get_ident() == self._loop_thread:
            if self._closed:
                raise ConnectionResetError(_GONE)
            self._queue.put_nowait((message, None))
            return
        done: concurrent.futures.Future[None] = concurrent.futures.Future()
        self._loop.call_soon_threadsafe(self._enqueue, message, done)
        done.result()

    async def drain(self) -> None:
        """Waits until gRPC has taken every message queued so far: the backpressure of ``async def``
        handlers, whose writes from the loop thread only queue. Loop only."""
        if self._closed:
            raise ConnectionResetError(_GONE)
        done: asyncio.Future[None] = self._loop.create_future()
        self._queue.put_nowait((_DRAIN, done))  # type: ignore[arg-type]
        await done

    def _enqueue(self, message: _M, done: _Done) -> None:
        if self._closed:
            done.set_exception(ConnectionResetError(_GONE))
        else:
            self._queue.put_nowait((message, done))

    def finish(self, *last: _M) -> None:
        """Queues the ``last`` messages and the end of the stream. Loop only."""
        if not self._closed:
            for message in last:
                self._queue.put_nowait((message, None))
            self._queue.put_nowait(None)
            self._closed = True

    async def messages(self) -> AsyncIterator[_M]:
        """The messages to send, until :meth:`finish`; closes the sink when the consumer stops."""
        try:
            while (item := await self._queue.get()) is not None:
                message, done = item
                if message is _DRAIN:
                    if done is not None and not done.done():
                        done.set_result(None)
                    continue
                try:
                    yield message
                except BaseException:
                    if done is not None:
                        done.set_exception(ConnectionResetError(_GONE))
                    raise
                if done is not None:
                    done.set_result(None)
        finally:
            self.close()

    def close(self) -> None:
        """Refuses further writes and fails those still waiting. Loop only."""
        self._closed = True
        while not self._queue.empty():
            item = self._queue.get_nowait()
            if item is not None and item[1] is not None:
                item[1].set_exception(ConnectionResetError(_GONE))
