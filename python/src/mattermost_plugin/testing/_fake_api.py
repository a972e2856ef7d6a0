"""``FakeAPI``: a stateful, in-memory stand-in for the host's Plugin API, for plugin unit tests.

It is a real :class:`~mattermost_plugin.PluginAPIClient` whose transport is replaced (httpx's
``MockTransport`` idea): every method builds the same request and parses the same response as in
production, and failures raise the same ``PluginAPIError`` subclasses, because the fake answers at
the wire level, one handler per PluginAPI RPC, with the host's AppError ids. A method the fake does
not know answers AppError 501 as the host does, so a client method added later fails loudly
rather than silently. ``async_client()`` gives the matching ``AsyncPluginAPIClient`` over the same
state.
"""

from __future__ import annotations

import secrets
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any, TypeVar

from google.protobuf import message_factory
from google.protobuf.message import Message

from .._gen.polyplug.v1 import api_http_pb2, http_pb2
from .._gen.polyplug.v1 import api_pb2 as pb
from .._internal import api_calls
from .._internal.plugin_http import PluginHTTPResponse, ResponseAssembler, request_messages
from .._internal.structs import dict_to_struct, struct_to_dict
from .._internal.wrappers import Bot, Channel, Command, Post, User
from ..client import AsyncPluginAPIClient, PluginAPIClient, _BaseClient
from ._fake_errors import app_error as _error
from ._fake_kv import FakeKVStore

__all__ = ["FakeAPI", "LogEntry", "PublishedEvent"]

_T = TypeVar("_T")
PluginHTTPHandler = Callable[[str, str, dict[str, list[str]], bytes], PluginHTTPResponse]
DEFAULT_SERVER_VERSION = "10.5.0"


@dataclass(frozen=True)
class PublishedEvent:
    """One ``publish_web_socket_event`` call; ``broadcast`` holds the WebsocketBroadcast fields."""

    event: str
    payload: dict[str, Any] = field(default_factory=dict)
    broadcast: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class LogEntry:
    """One ``log_*`` call: ``level`` is ``"debug"``, ``"info"``, ``"warn"`` or ``"error"``."""

    level: str
    message: str
    fields: dict[str, Any] = field(default_factory=dict)


def new_id() -> str:
    """A Mattermost-style 26-character id."""
    return secrets.token_hex(13)


def _response_type(rpc: str) -> Any:
    method = pb.DESCRIPTOR.services_by_name["PluginAPI"].methods_by_name[rpc]
    return message_factory.GetMessageClass(method.output_type)


def _response_with(rpc: str, result: Any) -> Message:
    """The ``rpc`` response carrying ``result`` in its one field besides ``error``."""
    response = _response_type(rpc)()
    fields = [f for f in response.DESCRIPTOR.fields if f.name != "error"]
    if not fields or result is None:
        return response  # type: ignore[no-any-return]
    field = fields[0]
    if field.message_type is not None and field.message_type.full_name == "google.protobuf.Struct":
        getattr(response, field.name).CopyFrom(dict_to_struct(result))
    elif field.message_type is not None and field.message_type.GetOptions().map_entry:
        getattr(response, field.name).update(result)
    elif field.message_type is not None and field.is_repeated:
        getattr(response, field.name).extend(item.to_proto() for item in result)
    elif field.message_type is not None:
        getattr(response, field.name).CopyFrom(result.to_proto())
    elif field.is_repeated:
        getattr(response, field.name).extend(result)
    else:
        setattr(response, field.name, result)
    return response  # type: ignore[no-any-return]


class FakeAPI(FakeKVStore, PluginAPIClient):
    """The Plugin API in memory. Inspect and seed its state directly:

    - ``kv`` (``dict[str, bytes]``; an absent key and an empty value stay different) and
      ``kv_expire_at`` (key → epoch milliseconds, for keys set with an expiry); expiry follows
      ``clock`` (``time.time`` unless given) plus whatever :meth:`advance_clock` added,
    - ``users``, ``channels``, ``posts``, ``bots`` (by id), ``commands`` (registered, in order),
    - ``plugin_config`` (what ``get_plugin_config`` answers), ``server_version``,
    - ``logs`` (every ``log_*`` call as a :class:`LogEntry`), ``events`` (published WebSocket
      events as :class:`PublishedEvent`), ``calls`` (RPC names, in order).

    ``add_user``, ``add_channel`` and ``add_bot`` create entities with fresh ids. Thread-safe: sync
    handlers run in worker threads.
    """

    def __init__(
        self,
        *,
        plugin_config: dict[str, Any] | None = None,
        server_version: str = DEFAULT_SERVER_VERSION,
        clock: Callable[[], float] = time.time,
    ) -> None:
        _BaseClient.__init__(self, "fake://plugin-api", "")  # no channel: the fake is the transport
        self.plugin_config: dict[str, Any] = dict(plugin_config or {})
        self.server_version = server_version
        self.kv: dict[str, bytes] = {}
        self.kv_expire_at: dict[str, float] = {}
        self.clock = clock
        self._clock_offset = 0.0
        self.users: dict[str, User] = {}
        self.channels: dict[str, Channel] = {}
        self.posts: dict[str, Post] = {}
        self.bots: dict[str, Bot] = {}
        self.commands: list[Command] = []
        self.logs: list[LogEntry] = []
        self.events: list[PublishedEvent] = []
        self.calls: list[str] = []
        self._stubs: dict[str, Callable[[Any], Any]] = {}
        self.plugin_id = "com.example.plugin-under-test"
        self._http_handlers: dict[str, PluginHTTPHandler] = {}
        self._lock = threading.RLock()

    # -- seeding -------------------------------------------------------------------------------

    def on_plugin_http(self, plugin_id: str, handler: PluginHTTPHandler) -> None:
        """Stands in for another plugin answering ``plugin_http`` calls to ``/<plugin_id>/…``.
        The handler gets (method, path below the plugin, headers, body) and returns a
        :class:`~mattermost_plugin.PluginHTTPResponse`; like the host, the fake sets
        ``Mattermost-Plugin-ID`` to ``self.plugin_id``."""
        self._http_handlers[plugin_id] = handler

    def add_user(self, username: str = "", **fields: Any) -> User:
        """Stores a user (fresh id unless given) and returns it."""
        user = User(username=username or f"user-{len(self.users) + 1}", **fields)
        user.id = user.id or new_id()
        with self._lock:
            self.users[user.id] = user
        return user

    def add_channel(self, name: str = "", **fields: Any) -> Channel:
        """Stores a channel (open, fresh id unless given) and returns it."""
        channel = Channel(name=name or f"channel-{len(self.channels) + 1}", **fields)
        channel.id = channel.id or new_id()
        channel.type = channel.type or "O"
        with self._lock:
            self.channels[channel.id] = channel
        return channel

    def add_bot(self, username: str, display_name: str = "", description: str = "", owner_id: str = "") -> Bot:
        """Stores a bot and its user account (``is_bot``) and returns the bot."""
        user = self.add_user(username, is_bot=True, bot_description=description, first_name=display_name)
        bot = Bot(username=username, display_name=display_name, description=description, user_id=user.id,
                  owner_id=owner_id)  # fmt: skip
        with self._lock:
            self.bots[user.id] = bot
        return bot

    def advance_clock(self, seconds: float) -> None:
        """Moves the fake's clock forward, so KV keys expire without waiting."""
        with self._lock:
            self._clock_offset += seconds

    def log_messages(self, level: str | None = None) -> list[str]:
        """The logged messages, optionally only those of one ``level``."""
        return [entry.message for entry in self.logs if level is None or entry.level == level]

    # -- transport -----------------------------------------------------------------------------

    def async_client(self) -> AsyncPluginAPIClient:
        """An ``AsyncPluginAPIClient`` over this fake's state (what ``self.async_api`` is in tests)."""
        return _AsyncFakeAPI(self)

    def wait_ready(self, timeout: float) -> None:
        """Always ready."""

    def close(self) -> None:
        """Nothing to close."""

    def _call(self, call: api_calls.ApiCall[_T]) -> _T:
        return self._finish(call, self.answer(call.rpc, call.request))

    def answer(self, rpc: str, request: Message) -> Any:
        """The response message the host would send for ``request`` to PluginAPI method ``rpc``."""
        with self._lock:
            self.calls.append(rpc)
            stubbed = self._stubs.get(rpc)
            if stubbed is not None:
                return _response_with(rpc, stubbed(request))
            handler: Callable[[Any], Any] | None = getattr(self, f"_rpc_{rpc}", None)
            if handler is not None:
                return handler(request)
        message = f"{rpc} is not modelled by FakeAPI; give its answer with fake.stub({rpc!r}, ...)"
        return _response_type(rpc)(error=_error("api.plugin.not_implemented.app_error", 501, message, rpc))

    def stub(self, rpc: str, result: Any) -> None:
        """Answers every ``rpc`` call (the Mattermost name, e.g. ``"GetTeam"``) with ``result``: what
        the client method returns (a wrapper, a list of them, bytes, a dict…), or a function of the
        request message that gives it. For the methods the fake does not model; replaces the model's
        answer for those it does."""
        self._stubs[rpc] = result if callable(result) else (lambda _request: result)

    # -- one handler per PluginAPI RPC ---------------------------------------------------------

    def _rpc_GetServerVersion(self, request: pb.GetServerVersionRequest) -> pb.GetServerVersionResponse:
        return pb.GetServerVersionResponse(version=self.server_version)

    def _rpc_GetPluginConfig(self, request: pb.GetPluginConfigRequest) -> pb.GetPluginConfigResponse:
        return pb.GetPluginConfigResponse(config=dict_to_struct(self.plugin_config))

    def _rpc_GetUser(self, request: pb.GetUserRequest) -> pb.GetUserResponse:
        user = self.users.get(request.user_id)
        if user is None:
            return pb.GetUserResponse(
                error=_error("app.user.missing_account.const", 404, "Unable to find the user.", "GetUser")
            )
        return pb.GetUserResponse(user=user.to_proto())

    def _rpc_GetChannel(self, request: pb.GetChannelRequest) -> pb.GetChannelResponse:
        channel = self.channels.get(request.channel_id)
        if channel is None:
            message = "Unable to find the existing channel."
            return pb.GetChannelResponse(error=_error("app.channel.get.existing.app_error", 404, message, "GetChannel"))
        return pb.GetChannelResponse(channel=channel.to_proto())

    def _rpc_CreatePost(self, request: pb.CreatePostRequest) -> pb.CreatePostResponse:
        post = Post.from_proto(request.post)
        if post.channel_id not in self.channels:
            message = "Unable to find the existing channel (seed it with FakeAPI.add_channel)."
            return pb.CreatePostResponse(error=_error("app.channel.get.existing.app_error", 404, message, "CreatePost"))
        stored = replace(post, id=new_id(), create_at=post.create_at or 1, update_at=post.update_at or 1)
        self.posts[stored.id] = stored
        return pb.CreatePostResponse(post=stored.to_proto())

    def _rpc_GetPost(self, request: pb.GetPostRequest) -> pb.GetPostResponse:
        post = self.posts.get(request.post_id)
        if post is None or post.delete_at:
            return pb.GetPostResponse(error=_error("app.post.get.app_error", 404, "Unable to get the post.", "GetPost"))
        return pb.GetPostResponse(post=post.to_proto())

    # KV: the host's semantics (app/kv-service.ts, Mattermost's plugin_store.go) over ``self.kv``.
    def _rpc_RegisterCommand(self, request: pb.RegisterCommandRequest) -> pb.RegisterCommandResponse:
        command = Command.from_proto(request.command)
        self.commands = [c for c in self.commands if (c.team_id, c.trigger) != (command.team_id, command.trigger)]
        self.commands.append(command)
        return pb.RegisterCommandResponse()

    def _rpc_UnregisterCommand(self, request: pb.UnregisterCommandRequest) -> pb.UnregisterCommandResponse:
        key = (request.team_id, request.trigger)
        self.commands = [c for c in self.commands if (c.team_id, c.trigger) != key]
        return pb.UnregisterCommandResponse()

    def _log(self, level: str, request: Any) -> None:
        self.logs.append(LogEntry(level, request.message, struct_to_dict(request.fields)))

    def _rpc_LogDebug(self, request: pb.LogDebugRequest) -> pb.LogDebugResponse:
        self._log("debug", request)
        return pb.LogDebugResponse()

    def _rpc_LogInfo(self, request: pb.LogInfoRequest) -> pb.LogInfoResponse:
        self._log("info", request)
        return pb.LogInfoResponse()

    def _rpc_LogWarn(self, request: pb.LogWarnRequest) -> pb.LogWarnResponse:
        self._log("warn", request)
        return pb.LogWarnResponse()

    def _rpc_LogError(self, request: pb.LogErrorRequest) -> pb.LogErrorResponse:
        self._log("error", request)
        return pb.LogErrorResponse()

    def plugin_http(
        self, method: str, path: str, *, headers: Mapping[str, str | list[str]] | None = None, body: bytes = b""
    ) -> PluginHTTPResponse:
        assembler = ResponseAssembler()
        for message in self._rpc_PluginHTTP(list(request_messages(method, path, headers, body))):
            assembler.feed(message)
        return assembler.result()

    def _rpc_PluginHTTP(self, requests: list[api_http_pb2.PluginHTTPRequest]) -> list[api_http_pb2.PluginHTTPResponse]:
        """The streamed RPC, answered whole: the request messages in, the response messages out."""
        init = requests[0].init
        target, _, rest = init.path.lstrip("/").partition("/")
        handler = self._http_handlers.get(target)
        if handler is None:
            error = _error(
                "plugin_api.plugin_http.not_found.app_error", 404, f"no plugin serves {init.path}", "PluginHTTP"
            )
            return [api_http_pb2.PluginHTTPResponse(error=error)]
        headers = {h.key: list(h.values) for h in init.headers if h.key.lower() != "mattermost-plugin-id"}
        headers["Mattermost-Plugin-ID"] = [self.plugin_id]
        answer = handler(init.method, "/" + rest, headers, b"".join(r.body_chunk for r in requests))
        head = http_pb2.HTTPResponseInit(
            status_code=answer.status_code,
            headers=[http_pb2.HTTPHeader(key=k, values=v) for k, v in answer.headers.items()],
        )
        return [api_http_pb2.PluginHTTPResponse(init=head, body_chunk=answer.body, body_complete=True)]

    def _rpc_PublishWebSocketEvent(self, request: pb.PublishWebSocketEventRequest) -> pb.PublishWebSocketEventResponse:
        broadcast = request.broadcast
        target = {
            "omit_users": dict(broadcast.omit_users),
            "user_id": broadcast.user_id,
            "channel_id": broadcast.channel_id,
            "team_id": broadcast.team_id,
        }
        self.events.append(PublishedEvent(request.event, struct_to_dict(request.payload), target))
        return pb.PublishWebSocketEventResponse()


class _AsyncFakeAPI(AsyncPluginAPIClient):
    """The async client over a :class:`FakeAPI`'s state (no I/O, so no loop is bound)."""

    def __init__(self, fake: FakeAPI) -> None:
        _BaseClient.__init__(self, fake.target, "")
        self._fake = fake

    async def _call(self, call: api_calls.ApiCall[_T]) -> _T:
        return self._finish(call, self._fake.answer(call.rpc, call.request))

    async def plugin_http(
        self, method: str, path: str, *, headers: Mapping[str, str | list[str]] | None = None, body: bytes = b""
    ) -> PluginHTTPResponse:
        return self._fake.plugin_http(method, path, headers=headers, body=body)

    async def wait_ready(self, timeout: float) -> None:
        """Always ready."""

    async def close(self) -> None:
        """Nothing to close."""
