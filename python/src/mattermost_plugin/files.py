"""``FileReader`` and ``FileWriter``: the ``file`` and ``output`` of a ``FileWillBeUploaded`` handler.

As Mattermost's ``io.Reader``/``io.Writer`` pair: the upload arrives chunk by chunk while the
handler runs, and what the handler writes to ``output`` (if anything) replaces the file, leaving
the process as it is written. Neither holds the whole file unless the handler asks for it. Without
a transport they work in memory, which is how plugin authors unit-test their handlers::

    reader, writer = FileReader(b"hello"), FileWriter()
    plugin.scan(context, FileInfo(name="a.txt"), reader, writer)
    assert writer.getvalue() == b"HELLO"
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Protocol

from .http import MAX_CHUNK_SIZE, BodySource, _BytesBody

__all__ = ["ChunkSink", "FileReader", "FileWriter"]


class FileReader:
    """The uploaded file's content, as it arrives.

    Sync handlers: ``read()`` (all of it), ``read(n)`` (up to ``n`` bytes; ``b""`` at the end) or
    ``for chunk in file``. Async handlers: ``await file.aread()`` or ``async for chunk in
    file.aiter_chunks()``. Each byte is delivered once: after iterating, ``read()`` returns ``b""``.
    """

    def __init__(self, data: bytes | BodySource = b"") -> None:
        self._source: BodySource = _BytesBody(data) if isinstance(data, bytes) else data
        self._buffer = b""

    def readable(self) -> bool:
        """Always true (the file-object protocol some libraries check)."""
        return True

    def read(self, size: int = -1) -> bytes:
        """Up to ``size`` bytes (all the rest when negative); blocks until they arrive. Sync handlers only."""
        while size < 0 or len(self._buffer) < size:
            chunk = self._source.next_chunk_sync()
            if chunk is None:
                break
            self._buffer += chunk
        return self._take(size)

    async def aread(self, size: int = -1) -> bytes:
        """Up to ``size`` bytes (all the rest when negative), for ``async def`` handlers."""
        while size < 0 or len(self._buffer) < size:
            chunk = await self._source.next_chunk()
            if chunk is None:
                break
            self._buffer += chunk
        return self._take(size)

    def __iter__(self) -> Iterator[bytes]:
        """The chunks as they arrive (at most 64 KiB each)."""
        if self._buffer:
            yield self._take(-1)
        while (chunk := self._source.next_chunk_sync()) is not None:
            yield chunk

    async def aiter_chunks(self) -> AsyncIterator[bytes]:
        """The chunks as they arrive, for ``async def`` handlers."""
        if self._buffer:
            yield self._take(-1)
        while (chunk := await self._source.next_chunk()) is not None:
            yield chunk

    def _take(self, size: int) -> bytes:
        cut = len(self._buffer) if size < 0 else size
        data, self._buffer = self._buffer[:cut], self._buffer[cut:]
        return data


class ChunkSink(Protocol):
    """Where written bytes go; ``send_chunk`` gets at most 64 KiB at a time."""

    def send_chunk(self, chunk: bytes) -> None: ...


class _MemorySink:
    def __init__(self) -> None:
        self.chunks: list[bytes] = []

    def send_chunk(self, chunk: bytes) -> None:
        self.chunks.append(chunk)


class FileWriter:
    """The replacement content. Writing nothing keeps the uploaded file as it is; writing anything
    replaces it with exactly what was written (return a ``FileInfo`` with the new ``size`` too)."""

    def __init__(self, sink: ChunkSink | None = None) -> None:
        self._sink: ChunkSink = sink if sink is not None else _MemorySink()
        self.bytes_written = 0

    def writable(self) -> bool:
        """Always true (the file-object protocol some libraries check)."""
        return True

    def write(self, data: bytes | bytearray | memoryview | str) -> int:
        """Sends ``data`` (str is UTF-8 encoded) now, in chunks of at most 64 KiB; returns its length."""
        payload = data.encode() if isinstance(data, str) else bytes(data)
        for start in range(0, len(payload), MAX_CHUNK_SIZE):
            self._sink.send_chunk(payload[start : start + MAX_CHUNK_SIZE])
        self.bytes_written += len(payload)
        return len(payload)

    def getvalue(self) -> bytes:
        """What was written, when the writer works in memory (handler unit tests)."""
        if not isinstance(self._sink, _MemorySink):
            raise RuntimeError("the content is only kept in memory for writers created without a sink")
        return b"".join(self._sink.chunks)
