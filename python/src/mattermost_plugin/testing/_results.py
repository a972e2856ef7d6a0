"""What the test kit's ``HookInvoker`` hands back: a hook's error as an exception, and the whole
answer of the streamed hooks (ServeHTTP/ServeMetrics and FileWillBeUploaded)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from .._gen.polyplug.v1.app_error_pb2 import AppError
from .._internal.wrappers import FileInfo

__all__ = ["HTTPResult", "HookError", "UploadResult"]


class HookError(Exception):
    """A hook answered with an ``AppError`` (the handler raised, timed out, returned an error or a
    value of the wrong shape): what the host would have logged or shown."""

    def __init__(self, hook: str, error: AppError) -> None:
        super().__init__(f"{hook} failed: {error.message} [{error.id}]")
        self.hook = hook
        self.error_id = error.id
        self.message = error.message
        self.status_code = error.status_code
        self.detailed_error = error.detailed_error


@dataclass
class HTTPResult:
    """A ServeHTTP/ServeMetrics answer as the host received it: ``chunks`` are the body messages as
    they arrived (each at most 64 KiB) and ``flushes`` counts the handler's ``flush()`` calls."""

    status_code: int = 200
    headers: dict[str, list[str]] = field(default_factory=dict)
    body: bytes = b""
    chunks: list[bytes] = field(default_factory=list)
    flushes: int = 0

    @property
    def text(self) -> str:
        """The body decoded as UTF-8."""
        return self.body.decode()

    def json(self) -> Any:
        """The body parsed as JSON."""
        return json.loads(self.body)

    def header(self, name: str) -> str:
        """The first value of header ``name`` (case-insensitive), or ``""``."""
        lowered = name.lower()
        return next((values[0] for key, values in self.headers.items() if key.lower() == lowered and values), "")


@dataclass
class UploadResult:
    """A FileWillBeUploaded answer: ``output`` is what the handler wrote (``b""``: the original file
    is kept), ``file_info`` its replacement metadata (or None), ``rejection_reason`` non-empty when
    the upload is refused."""

    file_info: FileInfo | None = None
    rejection_reason: str = ""
    output: bytes = b""
    output_chunks: list[bytes] = field(default_factory=list)
