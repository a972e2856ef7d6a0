"""The gRPC ends of a streamed hook (ServeHTTP, ServeMetrics, FileWillBeUploaded): the inbound
bytes as a :class:`StreamBody`, the outbound messages as a :class:`StreamSink` drained by the
servicer's response generator.

Handlers may be sync (in a worker thread) or async (on the event loop), while the gRPC stream lives
on the loop. So both classes have a thread-side path and a loop-side path that never blocks the
loop: a sync reader blocks on the body's thread-safe buffer, a sync ``send`` hands its message to
the loop and returns once it is on the wire (natural backpressure). After the exchange ends, both
refuse further use with ``ConnectionResetError`` instead of leaving a worker thread waiting forever.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import queue
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
    """Inbound chunks, read from the stream by a pump task into a bounded buffer, so a handler that
    does not read does not make the plugin buffer a whole upload in memory. Create on the loop.

    The buffer is a ``queue.SimpleQueue`` that a sync reader (a ``def`` handler's worker thread)
    blocks on directly: a chunk costs no trip through the event loop. The pump counts what is
    buffered and, at ``maxsize``, waits until the reader has drained half of it: the reader wakes
    the loop once per ``maxsize // 2`` chunks at most, not once per chunk.
    """

    def __init__(self, maxsize: int = 16) -> None:
        self._loop, self._loop_thread = asyncio.get_running_loop(), threading.get_ident()
        self._chunks: queue.SimpleQueue[bytes | None] = queue.SimpleQueue()  # None: the end
        self._maxsize, self._low_water = maxsize, maxsize // 2
        self._lock = threading.Lock()  # guards the count and the two waiters
        self._buffered = 0  # chunks in the queue (the end marker does not count)
        self._space: asyncio.Future[None] | None = None  # the pump, waiting for room
        self._data: asyncio.Future[None] | None = None  # an async reader, waiting for a chunk
        self._ended = self._closed = False
        self._error: BaseException | None = None

    async def pump(self, first: ChunkMessage, rest: AsyncIterator[ChunkMessage]) -> None:
        """Feeds the buffer from ``first`` and then ``rest`` until ``body_complete`` or end of stream."""
        try:
            message: ChunkMessage | None = first
            while message is not None:
                if message.body_chunk:
                    await self._put(bytes(message.body_chunk))
                if message.body_complete:
                    break
                message = await anext(rest, None)
            self._end()
        except Exception as exc:  # the stream broke: wake a waiting reader with the reason
            self.close(ConnectionResetError(f"body interrupted: {exc}"))

    async def _put(self, chunk: bytes) -> None:
        while True:
            with self._lock:
                if self._closed:  # nobody will read it
                    return
                if self._buffered < self._maxsize:
                    self._buffered += 1
                    self._chunks.put(chunk)
                    self._wake_async_reader()
                    return
                space = self._space = self._loop.create_future()
            await space

    def _end(self) -> None:
        with self._lock:
            self._chunks.put(None)
            self._wake_async_reader()

    def _wake_async_reader(self) -> None:  # loop, under the lock
        if self._data is not None:
            if not self._data.done():
                self._data.set_result(None)
            self._data = None

    def close(self, error: BaseException | None = None) -> None:
        """Ends the body; a reader still waiting gets ``error`` (default ConnectionResetError). Loop only."""
        self._error = self._error or error or ConnectionResetError(_GONE)
        with self._lock:
            self._closed = True
            while True:
                try:
                    self._chunks.get_nowait()
                except queue.Empty:
                    break
            self._buffered = 0
            if self._space is not None and not self._space.done():
                self._space.set_result(None)
            self._space = None
        self._end()

    def _took(self, chunk: bytes | None) -> bytes | None:
        """Bookkeeping after a read: frees room for the pump, turns the end marker into the result."""
        if chunk is None:
            self._ended = True
            if self._error is not None:
                raise self._error
            return None
        with self._lock:
            self._buffered -= 1
            space = self._space
            if space is None or self._buffered > self._low_water:
                return chunk
            self._space = None
        if threading.get_ident() == self._loop_thread:
            _resolve(space)
        else:
            self._loop.call_soon_threadsafe(_resolve, space)
        return chunk

    async def next_chunk(self) -> bytes | None:
        if self._ended:
            return None
        while True:
            try:
                return self._took(self._chunks.get_nowait())
            except queue.Empty:
                with self._lock:
                    if not self._chunks.empty():
                        continue
                    data = self._data = self._loop.create_future()
                await data

    def next_chunk_sync(self) -> bytes | None:
        if threading.get_ident() == self._loop_thread:
            raise RuntimeError(
                "reading synchronously would block the event loop; in an async handler use the "
                "async methods (`await request.aread()`, `async for chunk in file.aiter_chunks()`)"
            )
        if self._ended:
            return None
        return self._took(self._chunks.get())


def _resolve(future: asyncio.Future[None]) -> None:
    if not future.done():
        future.set_result(None)


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
