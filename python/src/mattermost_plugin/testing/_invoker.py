"""``HookInvoker``: calls a plugin's hooks exactly as the host does, for plugin unit tests.

Each method builds the wire request the host would send, passes it to the SDK's own
:class:`HooksServicer` RPC method (in process, without a socket), and reads the wire response the
host would read. So argument conversion, the thread pool and deadline, and the rules for what a
handler may return are the production code paths, not a copy of them. A hook that answers with an
``AppError`` raises :class:`HookError`.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import AsyncIterator, Coroutine, Iterable, Mapping
from typing import Any, TypeVar

from google.protobuf.message import Message

from .._gen.polyplug.v1 import http_pb2
from .._gen.polyplug.v1.plugin_context_pb2 import PluginContext as PluginContextMessage
from .._internal import hook_messages as pb
from .._internal.hook_runner import HookRunner
from .._internal.servicer import HooksServicer
from .._internal.structs import dict_to_struct, struct_to_dict
from .._internal.wrappers import (
    Channel,
    ChannelMember,
    CommandArgs,
    CommandResponse,
    FileData,
    FileInfo,
    PluginClusterEvent,
    PluginContext,
    Post,
    Preference,
    Reaction,
    TeamMember,
    User,
    WebSocketRequest,
)
from ..http import MAX_CHUNK_SIZE
from ..plugin import Plugin
from ..runtime_config import DEFAULT_HOOK_TIMEOUT
from ._loop_thread import LoopThread
from ._results import HookError, HTTPResult, UploadResult

__all__ = ["HookInvoker"]

_R = TypeVar("_R", bound=Message)
_NO_CALL: Any = None  # the servicer never reads its gRPC call context
# Inbound identity headers the host strips before ServeHTTP (docs/protocol.md §5).
_IDENTITY_HEADERS = {"mattermost-user-id", "mattermost-plugin-id"}
Body = bytes | str | Iterable[bytes]


def _ctx(context: PluginContext | None) -> PluginContextMessage:
    return (context or PluginContext()).to_proto()


def _chunks(body: Body) -> list[bytes]:
    """The body as the host streams it: each given chunk, split at 64 KiB."""
    parts = [body.encode()] if isinstance(body, str) else [body] if isinstance(body, bytes) else list(body)
    return [part[i : i + MAX_CHUNK_SIZE] for part in parts for i in range(0, len(part), MAX_CHUNK_SIZE)]


async def _stream(messages: list[Any]) -> AsyncIterator[Any]:
    for message in messages:
        yield message


class HookInvoker:
    """Invokes the hooks of one plugin instance; use as a context manager or call :meth:`close`.

    Methods are named after the hooks in snake_case and take the typed objects a handler receives
    (``context`` is optional everywhere). "Will" hooks return Mattermost's ``(replacement or None,
    rejection reason)``. Sync handlers run in a thread pool and async ones on the invoker's own
    event loop, with ``timeout`` as the hook deadline, as in production.
    """

    def __init__(
        self,
        plugin: Plugin,
        *,
        timeout: float = DEFAULT_HOOK_TIMEOUT,
        max_workers: int = 4,
        logger: logging.Logger | None = None,
    ) -> None:
        self.plugin = plugin
        self._loop = LoopThread()
        self._runner = HookRunner(timeout=timeout, max_workers=max_workers)
        log = logger or logging.getLogger(f"mattermost_plugin.testing.{type(plugin).__name__}")
        self._servicer = HooksServicer(plugin, self._runner, log)

    def close(self) -> None:
        """Stops the invoker's loop and thread pool."""
        self._runner.shutdown()
        self._loop.close()

    def __enter__(self) -> HookInvoker:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _call(self, hook: str, coroutine: Coroutine[Any, Any, _R]) -> _R:
        response = self._loop.run(coroutine)
        if response.HasField("error"):
            raise HookError(hook, getattr(response, "error"))  # noqa: B009 - every response has one
        return response

    # -- lifecycle, configuration, commands -----------------------------------------------------

    def implemented(self) -> list[str]:
        """What the plugin answers to ``Implemented``."""
        return list(self._call("Implemented", self._servicer.Implemented(pb.ImplementedRequest(), _NO_CALL)).hooks)

    def on_activate(self) -> None:
        """OnConfigurationChange then OnActivate, as at start-up; raises HookError if activation fails."""
        self._call("OnActivate", self._servicer.OnActivate(pb.OnActivateRequest(), _NO_CALL))

    def on_deactivate(self) -> None:
        self._call("OnDeactivate", self._servicer.OnDeactivate(pb.OnDeactivateRequest(), _NO_CALL))

    def on_configuration_change(self) -> None:
        request = pb.OnConfigurationChangeRequest()
        self._call("OnConfigurationChange", self._servicer.OnConfigurationChange(request, _NO_CALL))

    def configuration_will_be_saved(self, config: Mapping[str, Any]) -> dict[str, Any] | None:
        """The replacement config, or None when it is saved unchanged."""
        request = pb.ConfigurationWillBeSavedRequest(config=dict_to_struct(config))
        response = self._call("ConfigurationWillBeSaved", self._servicer.ConfigurationWillBeSaved(request, _NO_CALL))
        return struct_to_dict(response.config) if response.HasField("config") else None

    def on_install(self, user_id: str, *, context: PluginContext | None = None) -> None:
        request = pb.OnInstallRequest(context=_ctx(context), user_id=user_id)
        self._call("OnInstall", self._servicer.OnInstall(request, _NO_CALL))

    def on_send_daily_telemetry(self) -> None:
        request = pb.OnSendDailyTelemetryRequest()
        self._call("OnSendDailyTelemetry", self._servicer.OnSendDailyTelemetry(request, _NO_CALL))

    def on_cloud_limits_updated(self, limits: Mapping[str, Any]) -> None:
        request = pb.OnCloudLimitsUpdatedRequest(limits=dict_to_struct(limits))
        self._call("OnCloudLimitsUpdated", self._servicer.OnCloudLimitsUpdated(request, _NO_CALL))

    def run_data_retention(self, now_time: int, batch_size: int) -> int:
        """The number of records deleted."""
        request = pb.RunDataRetentionRequest(now_time=now_time, batch_size=batch_size)
        return self._call("RunDataRetention", self._servicer.RunDataRetention(request, _NO_CALL)).deleted_count

    def generate_support_data(self, *, context: PluginContext | None = None) -> list[FileData]:
        request = pb.GenerateSupportDataRequest(context=_ctx(context))
        response = self._call("GenerateSupportData", self._servicer.GenerateSupportData(request, _NO_CALL))
        return [FileData.from_proto(f) for f in response.files]

    def execute_command(
        self, args: CommandArgs | None = None, *, context: PluginContext | None = None, **fields: Any
    ) -> CommandResponse:
        """Runs a slash command, given as ``CommandArgs`` or keywords (``command="/hello", user_id=...``)."""
        command = dataclasses.replace(args or CommandArgs(), **fields)
        request = pb.ExecuteCommandRequest(context=_ctx(context), args=command.to_proto())
        response = self._call("ExecuteCommand", self._servicer.ExecuteCommand(request, _NO_CALL))
        return CommandResponse.from_proto(response.response)

    # -- posts and reactions ---------------------------------------------------------------------

    def message_will_be_posted(self, post: Post, *, context: PluginContext | None = None) -> tuple[Post | None, str]:
        """``(replacement post or None, rejection reason)``."""
        request = pb.MessageWillBePostedRequest(context=_ctx(context), post=post.to_proto())
        response = self._call("MessageWillBePosted", self._servicer.MessageWillBePosted(request, _NO_CALL))
        return (Post.from_proto(response.post) if response.HasField("post") else None), response.rejection_reason

    def message_will_be_updated(
        self, new_post: Post, old_post: Post, *, context: PluginContext | None = None
    ) -> tuple[Post | None, str]:
        request = pb.MessageWillBeUpdatedRequest(
            context=_ctx(context), new_post=new_post.to_proto(), old_post=old_post.to_proto()
        )
        response = self._call("MessageWillBeUpdated", self._servicer.MessageWillBeUpdated(request, _NO_CALL))
        return (Post.from_proto(response.post) if response.HasField("post") else None), response.rejection_reason

    def message_has_been_posted(self, post: Post, *, context: PluginContext | None = None) -> None:
        request = pb.MessageHasBeenPostedRequest(context=_ctx(context), post=post.to_proto())
        self._call("MessageHasBeenPosted", self._servicer.MessageHasBeenPosted(request, _NO_CALL))

    def message_has_been_updated(self, new_post: Post, old_post: Post, *, context: PluginContext | None = None) -> None:
        request = pb.MessageHasBeenUpdatedRequest(
            context=_ctx(context), new_post=new_post.to_proto(), old_post=old_post.to_proto()
        )
        self._call("MessageHasBeenUpdated", self._servicer.MessageHasBeenUpdated(request, _NO_CALL))

    def message_has_been_deleted(self, post: Post, *, context: PluginContext | None = None) -> None:
        request = pb.MessageHasBeenDeletedRequest(context=_ctx(context), post=post.to_proto())
        self._call("MessageHasBeenDeleted", self._servicer.MessageHasBeenDeleted(request, _NO_CALL))

    def messages_will_be_consumed(self, posts: Iterable[Post]) -> list[Post]:
        """The posts as they will be handed out."""
        request = pb.MessagesWillBeConsumedRequest(posts=[p.to_proto() for p in posts])
        response = self._call("MessagesWillBeConsumed", self._servicer.MessagesWillBeConsumed(request, _NO_CALL))
        return [Post.from_proto(p) for p in response.posts]

    def reaction_has_been_added(self, reaction: Reaction, *, context: PluginContext | None = None) -> None:
        request = pb.ReactionHasBeenAddedRequest(context=_ctx(context), reaction=reaction.to_proto())
        self._call("ReactionHasBeenAdded", self._servicer.ReactionHasBeenAdded(request, _NO_CALL))

    def reaction_has_been_removed(self, reaction: Reaction, *, context: PluginContext | None = None) -> None:
        request = pb.ReactionHasBeenRemovedRequest(context=_ctx(context), reaction=reaction.to_proto())
        self._call("ReactionHasBeenRemoved", self._servicer.ReactionHasBeenRemoved(request, _NO_CALL))

    # -- channels, teams and memberships ---------------------------------------------------------

    def channel_has_been_created(self, channel: Channel, *, context: PluginContext | None = None) -> None:
        request = pb.ChannelHasBeenCreatedRequest(context=_ctx(context), channel=channel.to_proto())
        self._call("ChannelHasBeenCreated", self._servicer.ChannelHasBeenCreated(request, _NO_CALL))

    def channel_will_be_archived(self, channel: Channel, *, context: PluginContext | None = None) -> str:
        """The rejection reason (``""``: archiving goes ahead)."""
        request = pb.ChannelWillBeArchivedRequest(context=_ctx(context), channel=channel.to_proto())
        return self._call(
            "ChannelWillBeArchived", self._servicer.ChannelWillBeArchived(request, _NO_CALL)
        ).rejection_reason

    def channel_member_will_be_added(
        self, member: ChannelMember, *, context: PluginContext | None = None
    ) -> tuple[ChannelMember | None, str]:
        request = pb.ChannelMemberWillBeAddedRequest(context=_ctx(context), member=member.to_proto())
        response = self._call("ChannelMemberWillBeAdded", self._servicer.ChannelMemberWillBeAdded(request, _NO_CALL))
        replaced = ChannelMember.from_proto(response.member) if response.HasField("member") else None
        return replaced, response.rejection_reason

    def team_member_will_be_added(
        self, member: TeamMember, *, context: PluginContext | None = None
    ) -> tuple[TeamMember | None, str]:
        request = pb.TeamMemberWillBeAddedRequest(context=_ctx(context), member=member.to_proto())
        response = self._call("TeamMemberWillBeAdded", self._servicer.TeamMemberWillBeAdded(request, _NO_CALL))
        replaced = TeamMember.from_proto(response.member) if response.HasField("member") else None
        return replaced, response.rejection_reason

    def user_has_joined_channel(
        self, member: ChannelMember, actor: User | None = None, *, context: PluginContext | None = None
    ) -> None:
        request = pb.UserHasJoinedChannelRequest(context=_ctx(context), member=member.to_proto())
        if actor is not None:
            request.actor.CopyFrom(actor.to_proto())
        self._call("UserHasJoinedChannel", self._servicer.UserHasJoinedChannel(request, _NO_CALL))

    def user_has_left_channel(
        self, member: ChannelMember, actor: User | None = None, *, context: PluginContext | None = None
    ) -> None:
        request = pb.UserHasLeftChannelRequest(context=_ctx(context), member=member.to_proto())
        if actor is not None:
            request.actor.CopyFrom(actor.to_proto())
        self._call("UserHasLeftChannel", self._servicer.UserHasLeftChannel(request, _NO_CALL))

    def user_has_joined_team(
        self, member: TeamMember, actor: User | None = None, *, context: PluginContext | None = None
    ) -> None:
        request = pb.UserHasJoinedTeamRequest(context=_ctx(context), member=member.to_proto())
        if actor is not None:
            request.actor.CopyFrom(actor.to_proto())
        self._call("UserHasJoinedTeam", self._servicer.UserHasJoinedTeam(request, _NO_CALL))

    def user_has_left_team(
        self, member: TeamMember, actor: User | None = None, *, context: PluginContext | None = None
    ) -> None:
        request = pb.UserHasLeftTeamRequest(context=_ctx(context), member=member.to_proto())
        if actor is not None:
            request.actor.CopyFrom(actor.to_proto())
        self._call("UserHasLeftTeam", self._servicer.UserHasLeftTeam(request, _NO_CALL))

    # -- users -----------------------------------------------------------------------------------

    def user_has_been_created(self, user: User, *, context: PluginContext | None = None) -> None:
        request = pb.UserHasBeenCreatedRequest(context=_ctx(context), user=user.to_proto())
        self._call("UserHasBeenCreated", self._servicer.UserHasBeenCreated(request, _NO_CALL))

    def user_will_log_in(self, user: User, *, context: PluginContext | None = None) -> str:
        """The rejection reason (``""``: the login goes ahead)."""
        request = pb.UserWillLogInRequest(context=_ctx(context), user=user.to_proto())
        return self._call("UserWillLogIn", self._servicer.UserWillLogIn(request, _NO_CALL)).rejection_reason

    def user_has_logged_in(self, user: User, *, context: PluginContext | None = None) -> None:
        request = pb.UserHasLoggedInRequest(context=_ctx(context), user=user.to_proto())
        self._call("UserHasLoggedIn", self._servicer.UserHasLoggedIn(request, _NO_CALL))

    def user_has_been_deactivated(self, user: User, *, context: PluginContext | None = None) -> None:
        request = pb.UserHasBeenDeactivatedRequest(context=_ctx(context), user=user.to_proto())
        self._call("UserHasBeenDeactivated", self._servicer.UserHasBeenDeactivated(request, _NO_CALL))

    def preferences_have_changed(
        self, preferences: Iterable[Preference], *, context: PluginContext | None = None
    ) -> None:
        request = pb.PreferencesHaveChangedRequest(
            context=_ctx(context), preferences=[p.to_proto() for p in preferences]
        )
        self._call("PreferencesHaveChanged", self._servicer.PreferencesHaveChanged(request, _NO_CALL))

    def on_saml_login(self, user: User, assertion: Mapping[str, Any], *, context: PluginContext | None = None) -> None:
        request = pb.OnSAMLLoginRequest(
            context=_ctx(context), user=user.to_proto(), assertion=dict_to_struct(assertion)
        )
        self._call("OnSAMLLogin", self._servicer.OnSAMLLogin(request, _NO_CALL))

    # -- files -----------------------------------------------------------------------------------

    def file_will_be_uploaded(
        self, file_info: FileInfo, content: Body, *, context: PluginContext | None = None
    ) -> UploadResult:
        """Streams ``content`` (bytes, or an iterable of chunks sent one message each) to the hook."""
        chunks = _chunks(content)
        first = pb.FileWillBeUploadedRequest(context=_ctx(context), file_info=file_info.to_proto())
        messages = [first, *(pb.FileWillBeUploadedRequest(body_chunk=chunk) for chunk in chunks)]
        messages[-1].body_complete = True
        responses = self._loop.run(self._collect(self._servicer.FileWillBeUploaded(_stream(messages), _NO_CALL)))
        last = responses[-1]
        if last.HasField("error"):
            raise HookError("FileWillBeUploaded", last.error)
        written = [bytes(m.body_chunk) for m in responses if m.body_chunk]
        info = FileInfo.from_proto(last.file_info) if last.HasField("file_info") else None
        return UploadResult(info, last.rejection_reason, b"".join(written), written)

    def file_will_be_downloaded(
        self, file_info: FileInfo, user_id: str, download_type: str = "file", *, context: PluginContext | None = None
    ) -> str:
        """The rejection reason (``""``: the download goes ahead)."""
        request = pb.FileWillBeDownloadedRequest(
            context=_ctx(context), file_info=file_info.to_proto(), user_id=user_id, download_type=download_type
        )
        return self._call(
            "FileWillBeDownloaded", self._servicer.FileWillBeDownloaded(request, _NO_CALL)
        ).rejection_reason

    # -- HTTP --------------------------------------------------------------------------------------

    def serve_http(
        self,
        method: str = "GET",
        path: str = "/",
        *,
        body: Body = b"",
        headers: Mapping[str, str | list[str]] | None = None,
        query: str = "",
        user_id: str = "",
        context: PluginContext | None = None,
    ) -> HTTPResult:
        """An HTTP request to ``/plugins/{id}{path}``, its body streamed in the given chunks.

        As the host does, inbound ``Mattermost-User-Id``/``Mattermost-Plugin-ID`` headers are
        dropped and ``Mattermost-User-Id`` is set to ``user_id`` when given (an authenticated user).
        """
        init = self._http_init(method, path, body, headers, query, user_id, context)
        return self._http("ServeHTTP", init, body)

    def serve_metrics(self, path: str = "/metrics", *, context: PluginContext | None = None) -> HTTPResult:
        """A GET of the plugin's metrics endpoint."""
        init = self._http_init("GET", path, b"", None, "", "", context)
        return self._http("ServeMetrics", init, b"")

    @staticmethod
    def _http_init(
        method: str,
        path: str,
        body: Body,
        headers: Mapping[str, str | list[str]] | None,
        query: str,
        user_id: str,
        context: PluginContext | None,
    ) -> http_pb2.HTTPRequestInit:
        url = f"{path}?{query}" if query else path
        length = len(body) if isinstance(body, (bytes, str)) else -1
        init = http_pb2.HTTPRequestInit(method=method, url=url, path=path, raw_query=query, host="localhost",
                                        request_uri=url, content_length=length, proto="HTTP/1.1",
                                        context=_ctx(context))  # fmt: skip
        for key, value in (headers or {}).items():
            if key.lower() not in _IDENTITY_HEADERS:
                init.headers.add(key=key, values=[value] if isinstance(value, str) else list(value))
        if user_id:
            init.headers.add(key="Mattermost-User-Id", values=[user_id])
        return init

    def _http(self, hook: str, init: http_pb2.HTTPRequestInit, body: Body) -> HTTPResult:
        messages = [http_pb2.ServeHTTPRequest(init=init)]
        messages += [http_pb2.ServeHTTPRequest(body_chunk=chunk) for chunk in _chunks(body)]
        messages[-1].body_complete = True
        stream = getattr(self._servicer, hook)(_stream(messages), _NO_CALL)
        result = HTTPResult()
        for message in self._loop.run(self._collect(stream)):
            if message.HasField("init"):
                result.status_code = message.init.status_code or 200
                result.headers = {h.key: list(h.values) for h in message.init.headers}
            if message.body_chunk:
                result.chunks.append(bytes(message.body_chunk))
            result.flushes += int(message.flush)
        result.body = b"".join(result.chunks)
        return result

    @staticmethod
    async def _collect(stream: AsyncIterator[_R]) -> list[_R]:
        return [message async for message in stream]

    # -- WebSocket, cluster, notifications, shared channels --------------------------------------------

    def on_web_socket_connect(self, web_conn_id: str, user_id: str) -> None:
        request = pb.OnWebSocketConnectRequest(web_conn_id=web_conn_id, user_id=user_id)
        self._call("OnWebSocketConnect", self._servicer.OnWebSocketConnect(request, _NO_CALL))

    def on_web_socket_disconnect(self, web_conn_id: str, user_id: str) -> None:
        request = pb.OnWebSocketDisconnectRequest(web_conn_id=web_conn_id, user_id=user_id)
        self._call("OnWebSocketDisconnect", self._servicer.OnWebSocketDisconnect(request, _NO_CALL))

    def web_socket_message_has_been_posted(self, web_conn_id: str, user_id: str, request: WebSocketRequest) -> None:
        message = pb.WebSocketMessageHasBeenPostedRequest(
            web_conn_id=web_conn_id, user_id=user_id, seq=request.seq, action=request.action,
            data=dict_to_struct(request.data),
        )  # fmt: skip
        self._call("WebSocketMessageHasBeenPosted", self._servicer.WebSocketMessageHasBeenPosted(message, _NO_CALL))

    def on_plugin_cluster_event(self, event: PluginClusterEvent, *, context: PluginContext | None = None) -> None:
        request = pb.OnPluginClusterEventRequest(context=_ctx(context), id=event.id, data=event.data)
        self._call("OnPluginClusterEvent", self._servicer.OnPluginClusterEvent(request, _NO_CALL))

    def notification_will_be_pushed(
        self, notification: Mapping[str, Any], user_id: str
    ) -> tuple[dict[str, Any] | None, str]:
        request = pb.NotificationWillBePushedRequest(push_notification=dict_to_struct(notification), user_id=user_id)
        response = self._call("NotificationWillBePushed", self._servicer.NotificationWillBePushed(request, _NO_CALL))
        replaced = struct_to_dict(response.push_notification) if response.HasField("push_notification") else None
        return replaced, response.rejection_reason

    def email_notification_will_be_sent(self, notification: Mapping[str, Any]) -> tuple[dict[str, Any] | None, str]:
        """``(replacement content or None, rejection reason)``."""
        request = pb.EmailNotificationWillBeSentRequest(email_notification=dict_to_struct(notification))
        hook = "EmailNotificationWillBeSent"
        response = self._call(hook, self._servicer.EmailNotificationWillBeSent(request, _NO_CALL))
        content = struct_to_dict(response.content) if response.HasField("content") else None
        return content, response.rejection_reason

    def on_shared_channels_sync_msg(
        self, sync_msg: Mapping[str, Any], remote_cluster: Mapping[str, Any]
    ) -> dict[str, Any]:
        request = pb.OnSharedChannelsSyncMsgRequest(
            sync_msg=dict_to_struct(sync_msg), remote_cluster=dict_to_struct(remote_cluster)
        )
        response = self._call("OnSharedChannelsSyncMsg", self._servicer.OnSharedChannelsSyncMsg(request, _NO_CALL))
        return struct_to_dict(response.sync_response)

    def on_shared_channels_ping(self, remote_cluster: Mapping[str, Any]) -> bool:
        request = pb.OnSharedChannelsPingRequest(remote_cluster=dict_to_struct(remote_cluster))
        return self._call("OnSharedChannelsPing", self._servicer.OnSharedChannelsPing(request, _NO_CALL)).healthy

    def on_shared_channels_attachment_sync_msg(
        self, file_info: FileInfo, post: Post, remote_cluster: Mapping[str, Any]
    ) -> None:
        request = pb.OnSharedChannelsAttachmentSyncMsgRequest(
            file_info=file_info.to_proto(), post=post.to_proto(), remote_cluster=dict_to_struct(remote_cluster)
        )
        hook = "OnSharedChannelsAttachmentSyncMsg"
        self._call(hook, self._servicer.OnSharedChannelsAttachmentSyncMsg(request, _NO_CALL))

    def on_shared_channels_profile_image_sync_msg(self, user: User, remote_cluster: Mapping[str, Any]) -> None:
        request = pb.OnSharedChannelsProfileImageSyncMsgRequest(
            user=user.to_proto(), remote_cluster=dict_to_struct(remote_cluster)
        )
        hook = "OnSharedChannelsProfileImageSyncMsg"
        self._call(hook, self._servicer.OnSharedChannelsProfileImageSyncMsg(request, _NO_CALL))
