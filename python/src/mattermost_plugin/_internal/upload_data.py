"""UploadData (append bytes to an upload session): the request stream both clients send, and
reading the answer. The sync and async clients differ only in how they drive the call."""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from .._gen.polyplug.v1 import api_files_pb2
from ..exceptions import from_app_error
from .wrappers import FileInfo, UploadSession

CHUNK = 64 * 1024


def upload_id_of(upload_session: UploadSession | str) -> str:
    """The session's id, given the session or its id."""
    return upload_session if isinstance(upload_session, str) else upload_session.id


def upload_messages(upload_id: str, data: bytes | BinaryIO) -> Iterator[api_files_pb2.UploadDataRequest]:
    """The stream: the session's id first, then the data in <=64 KiB chunks (a file object is
    read chunk by chunk as the stream is consumed, never whole)."""
    yield api_files_pb2.UploadDataRequest(upload_id=upload_id)
    if isinstance(data, (bytes, bytearray, memoryview)):
        view = memoryview(data)
        for offset in range(0, len(view), CHUNK):
            yield api_files_pb2.UploadDataRequest(data_chunk=bytes(view[offset : offset + CHUNK]))
        return
    while chunk := data.read(CHUNK):
        yield api_files_pb2.UploadDataRequest(data_chunk=chunk)


def upload_result(response: api_files_pb2.UploadDataResponse) -> FileInfo | None:
    """The new file's info once the upload is complete, None before; raises the host's AppError."""
    if response.HasField("error"):
        raise from_app_error(response.error)
    return FileInfo.from_proto(response.file_info) if response.HasField("file_info") else None
