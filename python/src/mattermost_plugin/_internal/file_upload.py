"""The FileWillBeUploaded hook: bridges one bidirectional gRPC stream to a handler
``(context, file_info, file, output)`` returning ``(FileInfo or None, rejection reason)``.

The upload is pumped into a :class:`~mattermost_plugin.files.FileReader` as it arrives and what the
handler writes to its :class:`~mattermost_plugin.files.FileWriter` leaves at once, in chunks of at
most 64 KiB, so neither side holds the whole file. The final message has ``done`` and carries the
replacement ``file_info``, the ``rejection_reason`` or an ``error``; the host discards written
bytes when the upload is rejected or the hook failed. Like ServeHTTP, the call has no hook
deadline: it lasts as long as the upload.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncGenerator, AsyncIterator

from .._gen.polyplug.v1.hooks_files_pb2 import FileWillBeUploadedRequest, FileWillBeUploadedResponse
from ..files import FileReader, FileWriter
from ..hooks import HookName
from ..plugin import Plugin
from . import hook_results as results
from .error_mapping import app_error_from_exception, make_app_error
from .hook_runner import HookRunner
from .streams import StreamBody, StreamSink
from .wrappers import FileInfo, PluginContext

HOOK = HookName.FileWillBeUploaded
_Sink = StreamSink[FileWillBeUploadedResponse]


class _OutputSink:
    """The writer's :class:`~mattermost_plugin.files.ChunkSink` over the stream's sink."""

    def __init__(self, sink: _Sink) -> None:
        self._sink = sink

    def send_chunk(self, chunk: bytes) -> None:
        self._sink.send(FileWillBeUploadedResponse(body_chunk=chunk))


async def _run_handler(
    plugin: Plugin, runner: HookRunner, logger: logging.Logger, first: FileWillBeUploadedRequest, body: StreamBody,
    sink: _Sink,
) -> None:  # fmt: skip
    handler = plugin.get_hook_handler(HOOK)
    last = FileWillBeUploadedResponse(done=True)
    try:
        if handler is not None:
            args = (PluginContext.from_proto(first.context), FileInfo.from_proto(first.file_info))
            result = await runner.call(
                HOOK.value, handler, *args, FileReader(body), FileWriter(_OutputSink(sink)), deadline=False
            )
            info, reason = results.will(result, HOOK.value, FileInfo, "FileInfo")
            last.rejection_reason = reason
            if info is not None:
                last.file_info.CopyFrom(info.to_proto())
    except ConnectionResetError:
        logger.info("%s: the upload went away", HOOK.value)
    except results.BadHookResult as exc:
        logger.error("%s", exc)
        last = FileWillBeUploadedResponse(done=True, error=results.bad_result_error(exc, HOOK.value))
    except Exception as exc:
        logger.exception("%s raised", HOOK.value)
        last = FileWillBeUploadedResponse(done=True, error=app_error_from_exception(exc, HOOK.value))
    finally:
        sink.finish(last)


async def file_will_be_uploaded(
    plugin: Plugin,
    runner: HookRunner,
    logger: logging.Logger,
    requests: AsyncIterator[FileWillBeUploadedRequest],
) -> AsyncGenerator[FileWillBeUploadedResponse, None]:
    """The response stream for one FileWillBeUploaded call."""
    first = await anext(requests, None)
    if first is None:
        error = make_app_error("the upload stream ended before its first message", error_id="plugin.hook.bad_request",
                               status_code=400, where=HOOK.value)  # fmt: skip
        yield FileWillBeUploadedResponse(done=True, error=error)
        return
    body, sink = StreamBody(), _Sink()
    pump = asyncio.create_task(body.pump(first, requests))
    handler = asyncio.create_task(_run_handler(plugin, runner, logger, first, body, sink))
    try:
        async for message in sink.messages():
            yield message
    finally:
        # See serve_http: a cancelled stream stops an async handler and fails a sync one's next I/O.
        handler.cancel()
        pump.cancel()
        sink.close()
        body.close()
