"""File hooks: the streamed upload veto/rewrite and the download veto."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import aclosing
from typing import Any

from ...hooks import HookName
from .. import hook_messages as pb
from .. import hook_results as results
from ..file_upload import file_will_be_uploaded
from ..wrappers import FileInfo
from .base import Context, HookDispatcher, context_of


class FileHooks(HookDispatcher):
    """FileWillBeUploaded (streamed both ways, see ``file_upload.py``) and FileWillBeDownloaded."""

    async def FileWillBeUploaded(
        self, request_iterator: AsyncIterator[pb.FileWillBeUploadedRequest], context: Context
    ) -> AsyncIterator[pb.FileWillBeUploadedResponse]:
        # aclosing: when the host cancels the stream, cleanup runs now, not at GC time.
        stream = file_will_be_uploaded(self._plugin, self._runner, self._logger, request_iterator)
        async with aclosing(stream) as messages:
            async for message in messages:
                yield message

    async def FileWillBeDownloaded(
        self, request: pb.FileWillBeDownloadedRequest, context: Context
    ) -> pb.FileWillBeDownloadedResponse:
        hook = HookName.FileWillBeDownloaded

        def build(result: Any) -> pb.FileWillBeDownloadedResponse:
            return pb.FileWillBeDownloadedResponse(rejection_reason=results.reason(result, hook.value))

        args = (context_of(request), FileInfo.from_proto(request.file_info), request.user_id, request.download_type)
        return await self._respond(hook, pb.FileWillBeDownloadedResponse, build, *args)
