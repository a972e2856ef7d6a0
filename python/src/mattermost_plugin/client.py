"""``PluginAPIClient`` and ``AsyncPluginAPIClient``: the host's Plugin API, sync and async.

The pair shares everything but I/O: each method builds an :class:`ApiCall` (``_internal/api_calls``)
and the base class turns the response or the failure into a value or a :class:`PluginAPIError`.
A test checks that both clients have the same methods, so they cannot drift apart.
"""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import Iterable, Mapping
from types import TracebackType
from typing import Any, BinaryIO, TypeVar

import grpc
import grpc.aio

from ._gen.polyplug.v1 import api_pb2_grpc
from ._internal import api_calls as calls
from ._internal.error_mapping import from_rpc_error
from ._internal.generated_api import GeneratedAsyncMethods, GeneratedSyncMethods
from ._internal.plugin_http import PluginHTTPResponse, ResponseAssembler, request_messages
from ._internal.upload_data import upload_id_of, upload_messages, upload_result
from ._internal.wrappers import FileInfo, Post, UploadSession
from .exceptions import UnavailableError, from_app_error

__all__ = ["MAX_MESSAGE_BYTES", "AsyncPluginAPIClient", "PluginAPIClient"]

_T = TypeVar("_T")
# Same limit as the host (docs/protocol.md §4); bulk data is chunked well below it.
MAX_MESSAGE_BYTES = 64 * 1024 * 1024
_CHANNEL_OPTIONS = [
    ("grpc.max_send_message_length", MAX_MESSAGE_BYTES),
    ("grpc.max_receive_message_length", MAX_MESSAGE_BYTES),
]


class _BaseClient:
    """What both clients share: authentication metadata, deadlines and response checking."""

    def __init__(self, target: str, secret: str, *, timeout: float | None = None) -> None:
        self.target = target
        self._timeout = timeout
        # Every call proves it comes from this plugin (docs/protocol.md §3).
        self._metadata = (("authorization", f"Bearer {secret}"),)

    def _finish(self, call: calls.ApiCall[_T], response: Any) -> _T:
        if response.HasField("error"):
            raise from_app_error(response.error)
        return call.parse(response)

    @staticmethod
    def _post(post: Post | None, fields: dict[str, Any]) -> Post:
        if post is None:
            return Post(**fields)
        return dataclasses.replace(post, **fields) if fields else post


class PluginAPIClient(GeneratedSyncMethods, _BaseClient):
    """The Plugin API for synchronous code; thread-safe (sync hook handlers run in worker threads).

    Errors raise :class:`~mattermost_plugin.exceptions.PluginAPIError` subclasses.
    """

    def __init__(self, target: str, secret: str, *, timeout: float | None = None) -> None:
        super().__init__(target, secret, timeout=timeout)
        self._channel = grpc.insecure_channel(target, options=_CHANNEL_OPTIONS)
        self._stub = api_pb2_grpc.PluginAPIStub(self._channel)

    def _call(self, call: calls.ApiCall[_T]) -> _T:
        try:
            response = getattr(self._stub, call.rpc)(call.request, metadata=self._metadata, timeout=self._timeout)
        except grpc.RpcError as exc:
            raise from_rpc_error(exc, call.rpc) from exc
        return self._finish(call, response)

    def wait_ready(self, timeout: float) -> None:
        """Blocks until the host's API socket accepts connections; raises UnavailableError after ``timeout``."""
        try:
            grpc.channel_ready_future(self._channel).result(timeout=timeout)
        except grpc.FutureTimeoutError as exc:
            raise UnavailableError(f"host PluginAPI at {self.target} not reachable within {timeout:g} s") from exc

    def close(self) -> None:
        """Closes the connection; the client is unusable afterwards."""
        self._channel.close()

    def __enter__(self) -> PluginAPIClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def create_post(self, post: Post | None = None, **fields: Any) -> Post:
        """Creates a post, given as a ``Post`` or as keywords (``channel_id=..., message=...``)."""
        return self._call(calls.create_post(self._post(post, fields)))

    def kv_set(self, key: str, value: bytes | None) -> None:
        """Stores ``value`` under ``key`` in this plugin's key-value store; ``None`` deletes the key
        (Go's nil), while ``b""`` stores an empty value."""
        self._call(calls.kv_set(key, value))

    def kv_set_with_options(
        self,
        key: str,
        value: bytes | None,
        *,
        atomic: bool = False,
        old_value: bytes | None = None,
        expire_in_seconds: int = 0,
    ) -> bool:
        """Mattermost's ``KVSetWithOptions``; True when the value was written (or deleted).

        Not atomic: an upsert (``value=None`` deletes); giving ``old_value`` too is a
        ValidationError (400). Atomic: as :meth:`kv_compare_and_set` with ``old_value``.
        ``expire_in_seconds`` as in :meth:`kv_set_with_expiry`.
        """
        return self._call(
            calls.kv_set_with_options(
                key, value, atomic=atomic, old_value=old_value, expire_in_seconds=expire_in_seconds
            )
        )

    def kv_list(self, page: int = 0, per_page: int = 10) -> list[str]:
        """This plugin's live keys in key order, ``per_page`` from ``page * per_page`` (``per_page``
        <= 0 lists 10 from the start, as Mattermost does)."""
        return self._call(calls.kv_list(page, per_page))

    def log_debug(self, message: str, **fields: Any) -> None:
        """Writes to the server's log as this plugin, with structured ``fields``."""
        self._call(calls.log("LogDebug", message, fields))

    def log_info(self, message: str, **fields: Any) -> None:
        """See :meth:`log_debug`."""
        self._call(calls.log("LogInfo", message, fields))

    def log_warn(self, message: str, **fields: Any) -> None:
        """See :meth:`log_debug`."""
        self._call(calls.log("LogWarn", message, fields))

    def log_error(self, message: str, **fields: Any) -> None:
        """See :meth:`log_debug`."""
        self._call(calls.log("LogError", message, fields))

    def publish_websocket_event(
        self,
        event: str,
        payload: Mapping[str, Any],
        *,
        user_id: str = "",
        channel_id: str = "",
        team_id: str = "",
        omit_users: Iterable[str] = (),
    ) -> None:
        """Sends ``custom_<plugin id>_<event>`` to WebSocket clients, with ``payload`` as the event's data.

        With no ``user_id``/``channel_id``/``team_id`` every connected user receives it; a channel or
        team limits it to members, and ``omit_users`` leaves users out (Mattermost's WebsocketBroadcast).
        """
        self._call(
            calls.publish_websocket_event(
                event, payload, user_id=user_id, channel_id=channel_id, team_id=team_id, omit_users=omit_users
            )
        )

    def plugin_http(
        self, method: str, path: str, *, headers: Mapping[str, str | list[str]] | None = None, body: bytes = b""
    ) -> PluginHTTPResponse:
        """Calls another plugin's ServeHTTP: ``path`` starts with ``/<plugin id>/``. The other plugin
        sees ``Mattermost-Plugin-ID`` set to this plugin's id by the host (Mattermost's PluginHTTP)."""
        assembler = ResponseAssembler()
        try:
            for message in self._stub.PluginHTTP(
                request_messages(method, path, headers, body), metadata=self._metadata, timeout=self._timeout
            ):
                assembler.feed(message)
        except grpc.RpcError as exc:
            raise from_rpc_error(exc, "PluginHTTP") from exc
        return assembler.result()

    def upload_data(self, upload_session: UploadSession | str, data: bytes | BinaryIO) -> FileInfo | None:
        """Appends ``data`` to an upload session (Mattermost's ``UploadData``; the session or its id).

        ``data`` is bytes or a binary file object, streamed to the host in 64 KiB chunks, so a file
        of any size fits (a file object is read as it goes, never whole). Returns the new
        ``FileInfo`` once the session's ``file_size`` bytes have all arrived, None while some are
        missing (call again with the rest; ``get_upload_session`` tells the offset reached).
        """
        try:
            response = self._stub.UploadData(
                upload_messages(upload_id_of(upload_session), data), metadata=self._metadata, timeout=self._timeout
            )
        except grpc.RpcError as exc:
            raise from_rpc_error(exc, "UploadData") from exc
        return upload_result(response)


class AsyncPluginAPIClient(GeneratedAsyncMethods, _BaseClient):
    """The Plugin API for ``async def`` handlers, over ``grpc.aio``: the same methods as
    :class:`PluginAPIClient`, as coroutines. Create it inside the event loop that uses it."""

    def __init__(self, target: str, secret: str, *, timeout: float | None = None) -> None:
        super().__init__(target, secret, timeout=timeout)
        self._channel = grpc.aio.insecure_channel(target, options=_CHANNEL_OPTIONS)
        self._stub = api_pb2_grpc.PluginAPIStub(self._channel)

    async def _call(self, call: calls.ApiCall[_T]) -> _T:
        try:
            response = await getattr(self._stub, call.rpc)(call.request, metadata=self._metadata, timeout=self._timeout)
        except grpc.RpcError as exc:
            raise from_rpc_error(exc, call.rpc) from exc
        return self._finish(call, response)

    async def wait_ready(self, timeout: float) -> None:
        try:
            await asyncio.wait_for(self._channel.channel_ready(), timeout)
        except asyncio.TimeoutError as exc:
            raise UnavailableError(f"host PluginAPI at {self.target} not reachable within {timeout:g} s") from exc

    async def close(self) -> None:
        await self._channel.close()

    async def __aenter__(self) -> AsyncPluginAPIClient:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.close()

    async def create_post(self, post: Post | None = None, **fields: Any) -> Post:
        return await self._call(calls.create_post(self._post(post, fields)))

    async def kv_set(self, key: str, value: bytes | None) -> None:
        await self._call(calls.kv_set(key, value))

    async def kv_set_with_options(
        self,
        key: str,
        value: bytes | None,
        *,
        atomic: bool = False,
        old_value: bytes | None = None,
        expire_in_seconds: int = 0,
    ) -> bool:
        return await self._call(
            calls.kv_set_with_options(
                key, value, atomic=atomic, old_value=old_value, expire_in_seconds=expire_in_seconds
            )
        )

    async def kv_list(self, page: int = 0, per_page: int = 10) -> list[str]:
        return await self._call(calls.kv_list(page, per_page))

    async def log_debug(self, message: str, **fields: Any) -> None:
        await self._call(calls.log("LogDebug", message, fields))

    async def log_info(self, message: str, **fields: Any) -> None:
        await self._call(calls.log("LogInfo", message, fields))

    async def log_warn(self, message: str, **fields: Any) -> None:
        await self._call(calls.log("LogWarn", message, fields))

    async def log_error(self, message: str, **fields: Any) -> None:
        await self._call(calls.log("LogError", message, fields))

    async def publish_websocket_event(
        self,
        event: str,
        payload: Mapping[str, Any],
        *,
        user_id: str = "",
        channel_id: str = "",
        team_id: str = "",
        omit_users: Iterable[str] = (),
    ) -> None:
        await self._call(
            calls.publish_websocket_event(
                event, payload, user_id=user_id, channel_id=channel_id, team_id=team_id, omit_users=omit_users
            )
        )

    async def plugin_http(
        self, method: str, path: str, *, headers: Mapping[str, str | list[str]] | None = None, body: bytes = b""
    ) -> PluginHTTPResponse:
        """As :meth:`PluginAPIClient.plugin_http`."""
        assembler = ResponseAssembler()
        try:
            call = self._stub.PluginHTTP(
                request_messages(method, path, headers, body), metadata=self._metadata, timeout=self._timeout
            )
            async for message in call:
                assembler.feed(message)
        except grpc.RpcError as exc:
            raise from_rpc_error(exc, "PluginHTTP") from exc
        return assembler.result()

    async def upload_data(self, upload_session: UploadSession | str, data: bytes | BinaryIO) -> FileInfo | None:
        """As :meth:`PluginAPIClient.upload_data` (a file object is read in the event loop's thread)."""
        try:
            response = await self._stub.UploadData(
                upload_messages(upload_id_of(upload_session), data), metadata=self._metadata, timeout=self._timeout
            )
        except grpc.RpcError as exc:
            raise from_rpc_error(exc, "UploadData") from exc
        return upload_result(response)
