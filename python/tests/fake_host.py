"""A tiny real PluginAPI server (grpc.aio, unix socket) with in-memory state, standing in for the host.

It checks the bearer secret like the real host, records every call, and keeps KV values, registered
commands and log lines so tests can assert on what a plugin did.
"""

from __future__ import annotations

import os
import secrets
import shutil
import tempfile
from typing import Any

import grpc
import grpc.aio

from mattermost_plugin._gen.polyplug.v1 import api_pb2 as pb
from mattermost_plugin._gen.polyplug.v1 import api_pb2_grpc
from mattermost_plugin._gen.polyplug.v1.app_error_pb2 import AppError
from mattermost_plugin._gen.polyplug.v1.user_pb2 import User
from mattermost_plugin._internal.structs import dict_to_struct, struct_to_dict

SERVER_VERSION = "10.5.0-polyplug-test"


class FakeHost(api_pb2_grpc.PluginAPIServicer):
    def __init__(self, plugin_config: dict[str, Any] | None = None) -> None:
        self.secret = secrets.token_hex(32)
        self.dir = tempfile.mkdtemp(prefix="pp-host-")  # short: unix socket paths are limited to ~107 bytes
        os.chmod(self.dir, 0o700)
        self.target = f"unix://{self.dir}/api.sock"
        self.plugin_config = plugin_config or {}
        self.users = {"user1": User(id="user1", username="alice")}
        self.kv: dict[str, bytes] = {}
        self.commands: list[pb.RegisterCommandRequest] = []
        self.logs: list[tuple[str, str, dict[str, Any]]] = []
        self.posts: dict[str, pb.CreatePostRequest] = {}
        self.events: list[pb.PublishWebSocketEventRequest] = []
        self.calls: list[str] = []
        self.server: grpc.aio.Server | None = None

    async def start(self) -> FakeHost:
        self.server = grpc.aio.server()
        api_pb2_grpc.add_PluginAPIServicer_to_server(self, self.server)
        self.server.add_insecure_port(self.target)
        await self.server.start()
        return self

    async def stop(self) -> None:
        if self.server is not None:
            await self.server.stop(0)
        shutil.rmtree(self.dir, ignore_errors=True)

    async def _auth(self, context: grpc.aio.ServicerContext, rpc: str) -> None:
        self.calls.append(rpc)
        if dict(context.invocation_metadata() or ()).get("authorization") != f"Bearer {self.secret}":
            await context.abort(grpc.StatusCode.UNAUTHENTICATED, "bad secret")

    async def GetServerVersion(self, request, context):
        await self._auth(context, "GetServerVersion")
        return pb.GetServerVersionResponse(version=SERVER_VERSION)

    async def GetPluginConfig(self, request, context):
        await self._auth(context, "GetPluginConfig")
        return pb.GetPluginConfigResponse(config=dict_to_struct(self.plugin_config))

    async def GetUser(self, request, context):
        await self._auth(context, "GetUser")
        user = self.users.get(request.user_id)
        if user is None:
            error = AppError(id="app.user.missing.app_error", message="user not found", status_code=404)
            return pb.GetUserResponse(error=error)
        return pb.GetUserResponse(user=user)

    async def GetChannel(self, request, context):
        await self._auth(context, "GetChannel")
        return pb.GetChannelResponse(error=AppError(id="api.not_supported", message="nope", status_code=501))

    async def CreatePost(self, request, context):
        await self._auth(context, "CreatePost")
        post = pb.CreatePostResponse(post=request.post)
        post.post.id = f"post{len(self.posts) + 1}"
        self.posts[post.post.id] = request
        return post

    async def GetPost(self, request, context):
        await self._auth(context, "GetPost")
        if request.post_id not in self.posts:
            return pb.GetPostResponse(error=AppError(id="app.post.get.app_error", message="no post", status_code=404))
        return pb.GetPostResponse(post=self.posts[request.post_id].post)

    async def KVSet(self, request, context):
        await self._auth(context, "KVSet")
        self.kv[request.key] = request.value
        return pb.KVSetResponse()

    async def KVGet(self, request, context):
        await self._auth(context, "KVGet")
        if request.key not in self.kv:
            return pb.KVGetResponse()
        return pb.KVGetResponse(value=self.kv[request.key])

    async def KVDelete(self, request, context):
        await self._auth(context, "KVDelete")
        self.kv.pop(request.key, None)
        return pb.KVDeleteResponse()

    async def RegisterCommand(self, request, context):
        await self._auth(context, "RegisterCommand")
        self.commands.append(request)
        return pb.RegisterCommandResponse()

    async def UnregisterCommand(self, request, context):
        await self._auth(context, "UnregisterCommand")
        self.commands = [c for c in self.commands if c.command.trigger != request.trigger]
        return pb.UnregisterCommandResponse()

    async def _log(self, level: str, request: Any, context: grpc.aio.ServicerContext) -> None:
        await self._auth(context, f"Log{level}")
        self.logs.append((level, request.message, struct_to_dict(request.fields)))

    async def LogDebug(self, request, context):
        await self._log("Debug", request, context)
        return pb.LogDebugResponse()

    async def LogInfo(self, request, context):
        await self._log("Info", request, context)
        return pb.LogInfoResponse()

    async def LogWarn(self, request, context):
        await self._log("Warn", request, context)
        return pb.LogWarnResponse()

    async def LogError(self, request, context):
        await self._log("Error", request, context)
        return pb.LogErrorResponse()

    async def PublishWebSocketEvent(self, request, context):
        await self._auth(context, "PublishWebSocketEvent")
        self.events.append(request)
        return pb.PublishWebSocketEventResponse()
