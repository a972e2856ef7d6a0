"""WebSocket, cluster, notification and shared-channel hooks. Objects Polyplug does not model field
by field (notifications, remote clusters, sync messages) reach handlers as plain dicts holding
Mattermost's JSON, and replacements are returned the same way."""

from __future__ import annotations

from typing import Any

from ...hooks import HookName
from .. import hook_messages as pb
from .. import hook_results as results
from ..structs import dict_to_struct, struct_to_dict
from ..wrappers import FileInfo, PluginClusterEvent, Post, User, WebSocketRequest
from .base import Context, HookDispatcher, context_of


class SystemHooks(HookDispatcher):
    """Everything that is neither content nor accounts."""

    async def OnWebSocketConnect(
        self, request: pb.OnWebSocketConnectRequest, context: Context
    ) -> pb.OnWebSocketConnectResponse:
        args = (request.web_conn_id, request.user_id)
        return await self._notify(HookName.OnWebSocketConnect, pb.OnWebSocketConnectResponse, *args)

    async def OnWebSocketDisconnect(
        self, request: pb.OnWebSocketDisconnectRequest, context: Context
    ) -> pb.OnWebSocketDisconnectResponse:
        args = (request.web_conn_id, request.user_id)
        return await self._notify(HookName.OnWebSocketDisconnect, pb.OnWebSocketDisconnectResponse, *args)

    async def WebSocketMessageHasBeenPosted(
        self, request: pb.WebSocketMessageHasBeenPostedRequest, context: Context
    ) -> pb.WebSocketMessageHasBeenPostedResponse:
        message = WebSocketRequest(seq=request.seq, action=request.action, data=struct_to_dict(request.data))
        args = (request.web_conn_id, request.user_id, message)
        return await self._notify(
            HookName.WebSocketMessageHasBeenPosted, pb.WebSocketMessageHasBeenPostedResponse, *args
        )

    async def OnPluginClusterEvent(
        self, request: pb.OnPluginClusterEventRequest, context: Context
    ) -> pb.OnPluginClusterEventResponse:
        args = (context_of(request), PluginClusterEvent(id=request.id, data=bytes(request.data)))
        return await self._notify(HookName.OnPluginClusterEvent, pb.OnPluginClusterEventResponse, *args)

    async def NotificationWillBePushed(
        self, request: pb.NotificationWillBePushedRequest, context: Context
    ) -> pb.NotificationWillBePushedResponse:
        hook = HookName.NotificationWillBePushed

        def build(result: Any) -> pb.NotificationWillBePushedResponse:
            notification, reason = results.will(result, hook.value, dict, "push notification dict")
            response = pb.NotificationWillBePushedResponse(rejection_reason=reason)
            if notification is not None:
                response.push_notification.CopyFrom(dict_to_struct(notification))
            return response

        args = (struct_to_dict(request.push_notification), request.user_id)
        return await self._respond(hook, pb.NotificationWillBePushedResponse, build, *args)

    async def EmailNotificationWillBeSent(
        self, request: pb.EmailNotificationWillBeSentRequest, context: Context
    ) -> pb.EmailNotificationWillBeSentResponse:
        hook = HookName.EmailNotificationWillBeSent

        def build(result: Any) -> pb.EmailNotificationWillBeSentResponse:
            content, reason = results.will(result, hook.value, dict, "email content dict")
            response = pb.EmailNotificationWillBeSentResponse(rejection_reason=reason)
            if content is not None:
                response.content.CopyFrom(dict_to_struct(content))
            return response

        notification = struct_to_dict(request.email_notification)
        return await self._respond(hook, pb.EmailNotificationWillBeSentResponse, build, notification)

    async def OnSharedChannelsSyncMsg(
        self, request: pb.OnSharedChannelsSyncMsgRequest, context: Context
    ) -> pb.OnSharedChannelsSyncMsgResponse:
        hook = HookName.OnSharedChannelsSyncMsg

        def build(result: Any) -> pb.OnSharedChannelsSyncMsgResponse:
            sync, error = results.value_and_error(result, hook.value, results.as_optional_dict, "a sync response dict")
            response = pb.OnSharedChannelsSyncMsgResponse(error=self._error_message(hook, error))
            if sync is not None:
                response.sync_response.CopyFrom(dict_to_struct(sync))
            return response

        args = (struct_to_dict(request.sync_msg), struct_to_dict(request.remote_cluster))
        return await self._respond(hook, pb.OnSharedChannelsSyncMsgResponse, build, *args)

    async def OnSharedChannelsPing(
        self, request: pb.OnSharedChannelsPingRequest, context: Context
    ) -> pb.OnSharedChannelsPingResponse:
        hook = HookName.OnSharedChannelsPing

        def build(result: Any) -> pb.OnSharedChannelsPingResponse:
            return pb.OnSharedChannelsPingResponse(healthy=results.healthy(result, hook.value))

        return await self._respond(hook, pb.OnSharedChannelsPingResponse, build, struct_to_dict(request.remote_cluster))

    async def OnSharedChannelsAttachmentSyncMsg(
        self, request: pb.OnSharedChannelsAttachmentSyncMsgRequest, context: Context
    ) -> pb.OnSharedChannelsAttachmentSyncMsgResponse:
        args = (
            FileInfo.from_proto(request.file_info),
            Post.from_proto(request.post),
            struct_to_dict(request.remote_cluster),
        )
        return await self._errors_only(
            HookName.OnSharedChannelsAttachmentSyncMsg, pb.OnSharedChannelsAttachmentSyncMsgResponse, *args
        )

    async def OnSharedChannelsProfileImageSyncMsg(
        self, request: pb.OnSharedChannelsProfileImageSyncMsgRequest, context: Context
    ) -> pb.OnSharedChannelsProfileImageSyncMsgResponse:
        args = (User.from_proto(request.user), struct_to_dict(request.remote_cluster))
        return await self._errors_only(
            HookName.OnSharedChannelsProfileImageSyncMsg, pb.OnSharedChannelsProfileImageSyncMsgResponse, *args
        )
