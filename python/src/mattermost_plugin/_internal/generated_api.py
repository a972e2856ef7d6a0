"""Generated from proto/ by scripts/gen_python_api.py (run by scripts/gen.sh). Do not edit."""

from __future__ import annotations

from typing import Any, TypeVar

from .._gen.polyplug.v1 import api_pb2
from .api_calls import ApiCall
from .structs import struct_to_dict
from .wrappers import Channel, Command, Post, User

__all__ = ["GeneratedAsyncMethods", "GeneratedSyncMethods"]

_T = TypeVar("_T")


def _no_result(_: Any) -> None:
    return None


def _parse_get_server_version(r: api_pb2.GetServerVersionResponse) -> str:
    return r.version


def _parse_get_plugin_config(r: api_pb2.GetPluginConfigResponse) -> dict[str, Any]:
    return struct_to_dict(r.config)


def _parse_get_user(r: api_pb2.GetUserResponse) -> User:
    return User.from_proto(r.user)


def _parse_get_channel(r: api_pb2.GetChannelResponse) -> Channel:
    return Channel.from_proto(r.channel)


def _parse_get_post(r: api_pb2.GetPostResponse) -> Post:
    return Post.from_proto(r.post)


def _parse_kv_get(r: api_pb2.KVGetResponse) -> bytes | None:
    return r.value if r.HasField("value") else None


def _parse_kv_compare_and_set(r: api_pb2.KVCompareAndSetResponse) -> bool:
    return r.success


def _parse_kv_compare_and_delete(r: api_pb2.KVCompareAndDeleteResponse) -> bool:
    return r.success


class GeneratedSyncMethods:
    """The Plugin API methods of ``PluginAPIClient`` that follow the wire one to one."""

    def _call(self, call: ApiCall[_T]) -> _T:
        raise NotImplementedError

    def get_server_version(self) -> str:
        """The host's version string."""
        return self._call(ApiCall("GetServerVersion", api_pb2.GetServerVersionRequest(), _parse_get_server_version))

    def get_plugin_config(self) -> dict[str, Any]:
        """This plugin's settings: manifest defaults overlaid with the admin's values."""
        return self._call(ApiCall("GetPluginConfig", api_pb2.GetPluginConfigRequest(), _parse_get_plugin_config))

    def get_user(self, user_id: str) -> User:
        """A user by id (404 when there is none)."""
        return self._call(ApiCall("GetUser", api_pb2.GetUserRequest(user_id=user_id), _parse_get_user))

    def get_channel(self, channel_id: str) -> Channel:
        """A channel by id (404 when there is none)."""
        return self._call(ApiCall("GetChannel", api_pb2.GetChannelRequest(channel_id=channel_id), _parse_get_channel))

    def get_post(self, post_id: str) -> Post:
        """A post by id (404 when there is none)."""
        return self._call(ApiCall("GetPost", api_pb2.GetPostRequest(post_id=post_id), _parse_get_post))

    def kv_get(self, key: str) -> bytes | None:
        """The value under key; unset only when the key is absent (an empty value is a value)."""
        return self._call(ApiCall("KVGet", api_pb2.KVGetRequest(key=key), _parse_kv_get))

    def kv_delete(self, key: str) -> None:
        """Removes key (no error when it is absent)."""
        return self._call(ApiCall("KVDelete", api_pb2.KVDeleteRequest(key=key), _no_result))

    def kv_set_with_expiry(self, key: str, value: bytes | None, expire_in_seconds: int) -> None:
        """Stores value under key until expire_in_seconds from now (0: never); an expired key reads as
        absent. An unset value deletes the key, as Go's nil does.
        """
        return self._call(
            ApiCall(
                "KVSetWithExpiry",
                api_pb2.KVSetWithExpiryRequest(key=key, value=value, expire_in_seconds=expire_in_seconds),
                _no_result,
            )
        )

    def kv_compare_and_set(self, key: str, old_value: bytes | None = None, new_value: bytes | None = None) -> bool:
        """Writes new_value only if the current value is old_value; false when it is not. An unset
        old_value means the key must not exist (insert if absent), unlike an empty one; an unset
        new_value deletes instead of writing.
        """
        return self._call(
            ApiCall(
                "KVCompareAndSet",
                api_pb2.KVCompareAndSetRequest(key=key, old_value=old_value, new_value=new_value),
                _parse_kv_compare_and_set,
            )
        )

    def kv_compare_and_delete(self, key: str, old_value: bytes | None = None) -> bool:
        """Deletes key only if its current value is old_value; false when it is not (and always for an
        unset old_value: an absent key cannot be deleted).
        """
        return self._call(
            ApiCall(
                "KVCompareAndDelete",
                api_pb2.KVCompareAndDeleteRequest(key=key, old_value=old_value),
                _parse_kv_compare_and_delete,
            )
        )

    def kv_delete_all(self) -> None:
        """Removes every key of this plugin."""
        return self._call(ApiCall("KVDeleteAll", api_pb2.KVDeleteAllRequest(), _no_result))

    def register_command(self, command: Command | None) -> None:
        """Registers a slash command; its runs arrive in the ExecuteCommand hook."""
        return self._call(
            ApiCall(
                "RegisterCommand",
                api_pb2.RegisterCommandRequest(command=(None if command is None else command.to_proto())),
                _no_result,
            )
        )

    def unregister_command(self, team_id: str, trigger: str) -> None:
        """Removes a slash command registered by this plugin."""
        return self._call(
            ApiCall("UnregisterCommand", api_pb2.UnregisterCommandRequest(team_id=team_id, trigger=trigger), _no_result)
        )


class GeneratedAsyncMethods:
    """The coroutine twins of :class:`GeneratedSyncMethods`, for ``AsyncPluginAPIClient``."""

    async def _call(self, call: ApiCall[_T]) -> _T:
        raise NotImplementedError

    async def get_server_version(self) -> str:
        """The host's version string."""
        return await self._call(
            ApiCall("GetServerVersion", api_pb2.GetServerVersionRequest(), _parse_get_server_version)
        )

    async def get_plugin_config(self) -> dict[str, Any]:
        """This plugin's settings: manifest defaults overlaid with the admin's values."""
        return await self._call(ApiCall("GetPluginConfig", api_pb2.GetPluginConfigRequest(), _parse_get_plugin_config))

    async def get_user(self, user_id: str) -> User:
        """A user by id (404 when there is none)."""
        return await self._call(ApiCall("GetUser", api_pb2.GetUserRequest(user_id=user_id), _parse_get_user))

    async def get_channel(self, channel_id: str) -> Channel:
        """A channel by id (404 when there is none)."""
        return await self._call(
            ApiCall("GetChannel", api_pb2.GetChannelRequest(channel_id=channel_id), _parse_get_channel)
        )

    async def get_post(self, post_id: str) -> Post:
        """A post by id (404 when there is none)."""
        return await self._call(ApiCall("GetPost", api_pb2.GetPostRequest(post_id=post_id), _parse_get_post))

    async def kv_get(self, key: str) -> bytes | None:
        """The value under key; unset only when the key is absent (an empty value is a value)."""
        return await self._call(ApiCall("KVGet", api_pb2.KVGetRequest(key=key), _parse_kv_get))

    async def kv_delete(self, key: str) -> None:
        """Removes key (no error when it is absent)."""
        return await self._call(ApiCall("KVDelete", api_pb2.KVDeleteRequest(key=key), _no_result))

    async def kv_set_with_expiry(self, key: str, value: bytes | None, expire_in_seconds: int) -> None:
        """Stores value under key until expire_in_seconds from now (0: never); an expired key reads as
        absent. An unset value deletes the key, as Go's nil does.
        """
        return await self._call(
            ApiCall(
                "KVSetWithExpiry",
                api_pb2.KVSetWithExpiryRequest(key=key, value=value, expire_in_seconds=expire_in_seconds),
                _no_result,
            )
        )

    async def kv_compare_and_set(
        self, key: str, old_value: bytes | None = None, new_value: bytes | None = None
    ) -> bool:
        """Writes new_value only if the current value is old_value; false when it is not. An unset
        old_value means the key must not exist (insert if absent), unlike an empty one; an unset
        new_value deletes instead of writing.
        """
        return await self._call(
            ApiCall(
                "KVCompareAndSet",
                api_pb2.KVCompareAndSetRequest(key=key, old_value=old_value, new_value=new_value),
                _parse_kv_compare_and_set,
            )
        )

    async def kv_compare_and_delete(self, key: str, old_value: bytes | None = None) -> bool:
        """Deletes key only if its current value is old_value; false when it is not (and always for an
        unset old_value: an absent key cannot be deleted).
        """
        return await self._call(
            ApiCall(
                "KVCompareAndDelete",
                api_pb2.KVCompareAndDeleteRequest(key=key, old_value=old_value),
                _parse_kv_compare_and_delete,
            )
        )

    async def kv_delete_all(self) -> None:
        """Removes every key of this plugin."""
        return await self._call(ApiCall("KVDeleteAll", api_pb2.KVDeleteAllRequest(), _no_result))

    async def register_command(self, command: Command | None) -> None:
        """Registers a slash command; its runs arrive in the ExecuteCommand hook."""
        return await self._call(
            ApiCall(
                "RegisterCommand",
                api_pb2.RegisterCommandRequest(command=(None if command is None else command.to_proto())),
                _no_result,
            )
        )

    async def unregister_command(self, team_id: str, trigger: str) -> None:
        """Removes a slash command registered by this plugin."""
        return await self._call(
            ApiCall("UnregisterCommand", api_pb2.UnregisterCommandRequest(team_id=team_id, trigger=trigger), _no_result)
        )
