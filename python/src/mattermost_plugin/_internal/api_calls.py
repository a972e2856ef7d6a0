"""One description per PluginAPI method: which RPC, what request, how to read the response.

Both clients (sync and async) are thin shells over these descriptions, the way httpx shares its
request building between ``Client`` and ``AsyncClient``: adding an API method means one function
here plus a one-line method in each client, and a test checks that the two clients match.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from google.protobuf.message import Message

from .._gen.polyplug.v1 import api_pb2 as pb
from .structs import dict_to_struct, struct_to_dict
from .wrappers import Channel, Command, Post, User

_T = TypeVar("_T")


@dataclass(frozen=True)
class ApiCall(Generic[_T]):
    """A prepared call: the RPC's name on the PluginAPI stub, its request, and a response reader."""

    rpc: str
    request: Message
    parse: Callable[[Any], _T]


def _none(_: Any) -> None:
    return None


def get_server_version() -> ApiCall[str]:
    return ApiCall("GetServerVersion", pb.GetServerVersionRequest(), lambda r: str(r.version))


def get_plugin_config() -> ApiCall[dict[str, Any]]:
    return ApiCall("GetPluginConfig", pb.GetPluginConfigRequest(), lambda r: struct_to_dict(r.config))


def get_user(user_id: str) -> ApiCall[User]:
    return ApiCall("GetUser", pb.GetUserRequest(user_id=user_id), lambda r: User.from_proto(r.user))


def get_channel(channel_id: str) -> ApiCall[Channel]:
    return ApiCall("GetChannel", pb.GetChannelRequest(channel_id=channel_id), lambda r: Channel.from_proto(r.channel))


def create_post(post: Post) -> ApiCall[Post]:
    return ApiCall("CreatePost", pb.CreatePostRequest(post=post.to_proto()), lambda r: Post.from_proto(r.post))


def get_post(post_id: str) -> ApiCall[Post]:
    return ApiCall("GetPost", pb.GetPostRequest(post_id=post_id), lambda r: Post.from_proto(r.post))


def _bytes(method: str, name: str, value: object) -> bytes:
    if not isinstance(value, (bytes, bytearray, memoryview)):
        kind = type(value).__name__
        raise TypeError(f"{method} {name} must be bytes, not {kind}; encode it first, e.g. json.dumps(data).encode()")
    return bytes(value)


def _maybe_bytes(method: str, name: str, value: object) -> bytes | None:
    # None is Go's nil and travels as an unset optional field; b"" is an empty value.
    return None if value is None else _bytes(method, name, value)


def kv_set(key: str, value: bytes | None) -> ApiCall[None]:
    return ApiCall("KVSet", pb.KVSetRequest(key=key, value=_maybe_bytes("kv_set", "value", value)), _none)


def _kv_value(response: pb.KVGetResponse) -> bytes | None:
    # An absent key has no value at all; an empty value is b"" and must stay distinguishable.
    return bytes(response.value) if response.HasField("value") else None


def kv_get(key: str) -> ApiCall[bytes | None]:
    return ApiCall("KVGet", pb.KVGetRequest(key=key), _kv_value)


def kv_delete(key: str) -> ApiCall[None]:
    return ApiCall("KVDelete", pb.KVDeleteRequest(key=key), _none)


def _success(response: Any) -> bool:
    return bool(response.success)


def kv_set_with_expiry(key: str, value: bytes | None, expire_in_seconds: int) -> ApiCall[None]:
    request = pb.KVSetWithExpiryRequest(
        key=key, value=_maybe_bytes("kv_set_with_expiry", "value", value), expire_in_seconds=expire_in_seconds
    )
    return ApiCall("KVSetWithExpiry", request, _none)


def kv_compare_and_set(key: str, old_value: bytes | None, new_value: bytes | None) -> ApiCall[bool]:
    request = pb.KVCompareAndSetRequest(
        key=key,
        old_value=_maybe_bytes("kv_compare_and_set", "old_value", old_value),
        new_value=_maybe_bytes("kv_compare_and_set", "new_value", new_value),
    )
    return ApiCall("KVCompareAndSet", request, _success)


def kv_compare_and_delete(key: str, old_value: bytes | None) -> ApiCall[bool]:
    old = _maybe_bytes("kv_compare_and_delete", "old_value", old_value)
    request = pb.KVCompareAndDeleteRequest(key=key, old_value=old)
    return ApiCall("KVCompareAndDelete", request, _success)


def kv_set_with_options(
    key: str, value: bytes | None, *, atomic: bool, old_value: bytes | None, expire_in_seconds: int
) -> ApiCall[bool]:
    options = pb.PluginKVSetOptions(
        atomic=atomic,
        old_value=_maybe_bytes("kv_set_with_options", "old_value", old_value),
        expire_in_seconds=expire_in_seconds,
    )
    request = pb.KVSetWithOptionsRequest(
        key=key, value=_maybe_bytes("kv_set_with_options", "value", value), options=options
    )
    return ApiCall("KVSetWithOptions", request, _success)


def kv_delete_all() -> ApiCall[None]:
    return ApiCall("KVDeleteAll", pb.KVDeleteAllRequest(), _none)


def kv_list(page: int, per_page: int) -> ApiCall[list[str]]:
    return ApiCall("KVList", pb.KVListRequest(page=page, per_page=per_page), lambda r: [str(k) for k in r.keys])


def register_command(command: Command) -> ApiCall[None]:
    return ApiCall("RegisterCommand", pb.RegisterCommandRequest(command=command.to_proto()), _none)


def unregister_command(team_id: str, trigger: str) -> ApiCall[None]:
    return ApiCall("UnregisterCommand", pb.UnregisterCommandRequest(team_id=team_id, trigger=trigger), _none)


_LOG_REQUESTS: dict[str, Callable[..., Message]] = {
    "LogDebug": pb.LogDebugRequest,
    "LogInfo": pb.LogInfoRequest,
    "LogWarn": pb.LogWarnRequest,
    "LogError": pb.LogErrorRequest,
}


def log(rpc: str, message: str, fields: Mapping[str, Any]) -> ApiCall[None]:
    """A ``Log*`` call; ``fields`` travel as a Struct (non-JSON values as their ``str()``)."""
    request = _LOG_REQUESTS[rpc](message=message, fields=dict_to_struct(fields))
    return ApiCall(rpc, request, _none)


def publish_websocket_event(
    event: str,
    payload: Mapping[str, Any],
    *,
    user_id: str = "",
    channel_id: str = "",
    team_id: str = "",
    omit_users: Iterable[str] = (),
) -> ApiCall[None]:
    """``PublishWebSocketEvent``: clients receive ``custom_<plugin id>_<event>`` with ``payload`` as data."""
    broadcast = pb.WebsocketBroadcast(
        user_id=user_id, channel_id=channel_id, team_id=team_id, omit_users={user: True for user in omit_users}
    )
    request = pb.PublishWebSocketEventRequest(event=event, payload=dict_to_struct(payload), broadcast=broadcast)
    return ApiCall("PublishWebSocketEvent", request, _none)
