"""Generated from proto/ by scripts/gen_python_api.py (run by scripts/gen.sh). Do not edit."""

from __future__ import annotations

from typing import Any, TypeVar

from .._gen.polyplug.v1 import api_access_control_pb2, api_pb2, api_shared_channels_pb2
from .api_calls import ApiCall
from .structs import dict_to_struct, struct_to_dict
from .wrappers import Channel, Command, FileInfo, Post, User

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


def _parse_register_plugin_for_shared_channels(
    r: api_shared_channels_pb2.RegisterPluginForSharedChannelsResponse,
) -> str:
    return r.remote_id


def _parse_share_channel(r: api_shared_channels_pb2.ShareChannelResponse) -> dict[str, Any]:
    return struct_to_dict(r.shared_channel)


def _parse_update_shared_channel(r: api_shared_channels_pb2.UpdateSharedChannelResponse) -> dict[str, Any]:
    return struct_to_dict(r.shared_channel)


def _parse_unshare_channel(r: api_shared_channels_pb2.UnshareChannelResponse) -> bool:
    return r.unshared


def _parse_receive_shared_channel_sync_msg(
    r: api_shared_channels_pb2.ReceiveSharedChannelSyncMsgResponse,
) -> dict[str, Any]:
    return struct_to_dict(r.response)


def _parse_receive_shared_channel_attachment_sync_msg(
    r: api_shared_channels_pb2.ReceiveSharedChannelAttachmentSyncMsgResponse,
) -> FileInfo:
    return FileInfo.from_proto(r.file_info)


def _parse_evaluate_access_control(r: api_access_control_pb2.EvaluateAccessControlResponse) -> dict[str, Any]:
    return struct_to_dict(r.decision)


def _parse_save_access_control_policy(r: api_access_control_pb2.SaveAccessControlPolicyResponse) -> dict[str, Any]:
    return struct_to_dict(r.policy)


def _parse_get_access_control_policy(r: api_access_control_pb2.GetAccessControlPolicyResponse) -> dict[str, Any]:
    return struct_to_dict(r.policy)


def _parse_check_access_control_expression(
    r: api_access_control_pb2.CheckAccessControlExpressionResponse,
) -> list[dict[str, Any]]:
    return [struct_to_dict(item) for item in r.errors]


def _parse_query_users_for_access_control_expression(
    r: api_access_control_pb2.QueryUsersForAccessControlExpressionResponse,
) -> dict[str, Any]:
    return struct_to_dict(r.result)


def _parse_get_access_control_fields_autocomplete(
    r: api_access_control_pb2.GetAccessControlFieldsAutocompleteResponse,
) -> list[dict[str, Any]]:
    return [struct_to_dict(item) for item in r.fields]


def _parse_get_access_control_visual_ast(r: api_access_control_pb2.GetAccessControlVisualASTResponse) -> dict[str, Any]:
    return struct_to_dict(r.visual_ast)


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

    def register_plugin_for_shared_channels(self, opts: dict[str, Any]) -> str:
        """Mattermost's RegisterPluginForSharedChannels; answers 501 here (no shared channels service)."""
        return self._call(
            ApiCall(
                "RegisterPluginForSharedChannels",
                api_shared_channels_pb2.RegisterPluginForSharedChannelsRequest(opts=dict_to_struct(opts)),
                _parse_register_plugin_for_shared_channels,
            )
        )

    def unregister_plugin_for_shared_channels(self, plugin_id: str) -> None:
        """Mattermost's UnregisterPluginForSharedChannels; answers 501 here (no shared channels service)."""
        return self._call(
            ApiCall(
                "UnregisterPluginForSharedChannels",
                api_shared_channels_pb2.UnregisterPluginForSharedChannelsRequest(plugin_id=plugin_id),
                _no_result,
            )
        )

    def unregister_plugin_remote_for_shared_channels(self, remote_id: str) -> None:
        """Mattermost's UnregisterPluginRemoteForSharedChannels; answers 501 here (no shared channels service)."""
        return self._call(
            ApiCall(
                "UnregisterPluginRemoteForSharedChannels",
                api_shared_channels_pb2.UnregisterPluginRemoteForSharedChannelsRequest(remote_id=remote_id),
                _no_result,
            )
        )

    def share_channel(self, shared_channel: dict[str, Any]) -> dict[str, Any]:
        """Mattermost's ShareChannel; answers 501 here (no shared channels service)."""
        return self._call(
            ApiCall(
                "ShareChannel",
                api_shared_channels_pb2.ShareChannelRequest(shared_channel=dict_to_struct(shared_channel)),
                _parse_share_channel,
            )
        )

    def update_shared_channel(self, shared_channel: dict[str, Any]) -> dict[str, Any]:
        """Mattermost's UpdateSharedChannel; answers 501 here (no shared channels service)."""
        return self._call(
            ApiCall(
                "UpdateSharedChannel",
                api_shared_channels_pb2.UpdateSharedChannelRequest(shared_channel=dict_to_struct(shared_channel)),
                _parse_update_shared_channel,
            )
        )

    def unshare_channel(self, channel_id: str) -> bool:
        """Mattermost's UnshareChannel; answers 501 here (no shared channels service)."""
        return self._call(
            ApiCall(
                "UnshareChannel",
                api_shared_channels_pb2.UnshareChannelRequest(channel_id=channel_id),
                _parse_unshare_channel,
            )
        )

    def update_shared_channel_cursor(self, channel_id: str, remote_id: str, cursor: dict[str, Any]) -> None:
        """Mattermost's UpdateSharedChannelCursor; answers 501 here (no shared channels service)."""
        return self._call(
            ApiCall(
                "UpdateSharedChannelCursor",
                api_shared_channels_pb2.UpdateSharedChannelCursorRequest(
                    channel_id=channel_id, remote_id=remote_id, cursor=dict_to_struct(cursor)
                ),
                _no_result,
            )
        )

    def sync_shared_channel(self, channel_id: str) -> None:
        """Mattermost's SyncSharedChannel; answers 501 here (no shared channels service)."""
        return self._call(
            ApiCall(
                "SyncSharedChannel", api_shared_channels_pb2.SyncSharedChannelRequest(channel_id=channel_id), _no_result
            )
        )

    def invite_remote_to_channel(
        self, channel_id: str, remote_id: str, user_id: str, share_if_not_shared: bool
    ) -> None:
        """Mattermost's InviteRemoteToChannel; answers 501 here (no shared channels service)."""
        return self._call(
            ApiCall(
                "InviteRemoteToChannel",
                api_shared_channels_pb2.InviteRemoteToChannelRequest(
                    channel_id=channel_id, remote_id=remote_id, user_id=user_id, share_if_not_shared=share_if_not_shared
                ),
                _no_result,
            )
        )

    def uninvite_remote_from_channel(self, channel_id: str, remote_id: str) -> None:
        """Mattermost's UninviteRemoteFromChannel; answers 501 here (no shared channels service)."""
        return self._call(
            ApiCall(
                "UninviteRemoteFromChannel",
                api_shared_channels_pb2.UninviteRemoteFromChannelRequest(channel_id=channel_id, remote_id=remote_id),
                _no_result,
            )
        )

    def receive_shared_channel_sync_msg(self, remote_id: str, msg: dict[str, Any]) -> dict[str, Any]:
        """Mattermost's ReceiveSharedChannelSyncMsg; answers 501 here (no shared channels service)."""
        return self._call(
            ApiCall(
                "ReceiveSharedChannelSyncMsg",
                api_shared_channels_pb2.ReceiveSharedChannelSyncMsgRequest(
                    remote_id=remote_id, msg=dict_to_struct(msg)
                ),
                _parse_receive_shared_channel_sync_msg,
            )
        )

    def receive_shared_channel_attachment_sync_msg(
        self, remote_id: str, channel_id: str, file_info: FileInfo | None, data: bytes
    ) -> FileInfo:
        """Mattermost's ReceiveSharedChannelAttachmentSyncMsg; answers 501 here (no shared channels service)."""
        return self._call(
            ApiCall(
                "ReceiveSharedChannelAttachmentSyncMsg",
                api_shared_channels_pb2.ReceiveSharedChannelAttachmentSyncMsgRequest(
                    remote_id=remote_id,
                    channel_id=channel_id,
                    file_info=(None if file_info is None else file_info.to_proto()),
                    data=data,
                ),
                _parse_receive_shared_channel_attachment_sync_msg,
            )
        )

    def receive_shared_channel_profile_image_sync_msg(self, remote_id: str, user_id: str, image: bytes) -> None:
        """Mattermost's ReceiveSharedChannelProfileImageSyncMsg; answers 501 here (no shared channels service)."""
        return self._call(
            ApiCall(
                "ReceiveSharedChannelProfileImageSyncMsg",
                api_shared_channels_pb2.ReceiveSharedChannelProfileImageSyncMsgRequest(
                    remote_id=remote_id, user_id=user_id, image=image
                ),
                _no_result,
            )
        )

    def evaluate_access_control(
        self, user_id: str, resource_type: str, resource_id: str, action: str
    ) -> dict[str, Any]:
        """Mattermost's EvaluateAccessControl; answers 501 here (no access control policy engine)."""
        return self._call(
            ApiCall(
                "EvaluateAccessControl",
                api_access_control_pb2.EvaluateAccessControlRequest(
                    user_id=user_id, resource_type=resource_type, resource_id=resource_id, action=action
                ),
                _parse_evaluate_access_control,
            )
        )

    def save_access_control_policy(self, acting_user_id: str, policy: dict[str, Any]) -> dict[str, Any]:
        """Mattermost's SaveAccessControlPolicy; answers 501 here (no access control policy engine)."""
        return self._call(
            ApiCall(
                "SaveAccessControlPolicy",
                api_access_control_pb2.SaveAccessControlPolicyRequest(
                    acting_user_id=acting_user_id, policy=dict_to_struct(policy)
                ),
                _parse_save_access_control_policy,
            )
        )

    def get_access_control_policy(self, id: str) -> dict[str, Any]:
        """Mattermost's GetAccessControlPolicy; answers 501 here (no access control policy engine)."""
        return self._call(
            ApiCall(
                "GetAccessControlPolicy",
                api_access_control_pb2.GetAccessControlPolicyRequest(id=id),
                _parse_get_access_control_policy,
            )
        )

    def delete_access_control_policy(self, acting_user_id: str, resource_type: str, id: str) -> None:
        """Mattermost's DeleteAccessControlPolicy; answers 501 here (no access control policy engine)."""
        return self._call(
            ApiCall(
                "DeleteAccessControlPolicy",
                api_access_control_pb2.DeleteAccessControlPolicyRequest(
                    acting_user_id=acting_user_id, resource_type=resource_type, id=id
                ),
                _no_result,
            )
        )

    def check_access_control_expression(
        self, acting_user_id: str, resource_type: str, expression: str
    ) -> list[dict[str, Any]]:
        """Mattermost's CheckAccessControlExpression; answers 501 here (no access control policy engine)."""
        return self._call(
            ApiCall(
                "CheckAccessControlExpression",
                api_access_control_pb2.CheckAccessControlExpressionRequest(
                    acting_user_id=acting_user_id, resource_type=resource_type, expression=expression
                ),
                _parse_check_access_control_expression,
            )
        )

    def query_users_for_access_control_expression(
        self, acting_user_id: str, resource_type: str, expression: str, term: str, cursor_id: str, limit: int
    ) -> dict[str, Any]:
        """Mattermost's QueryUsersForAccessControlExpression; answers 501 here (no access control policy engine)."""
        return self._call(
            ApiCall(
                "QueryUsersForAccessControlExpression",
                api_access_control_pb2.QueryUsersForAccessControlExpressionRequest(
                    acting_user_id=acting_user_id,
                    resource_type=resource_type,
                    expression=expression,
                    term=term,
                    cursor_id=cursor_id,
                    limit=limit,
                ),
                _parse_query_users_for_access_control_expression,
            )
        )

    def get_access_control_fields_autocomplete(
        self, acting_user_id: str, after: str, limit: int
    ) -> list[dict[str, Any]]:
        """Mattermost's GetAccessControlFieldsAutocomplete; answers 501 here (no access control policy engine)."""
        return self._call(
            ApiCall(
                "GetAccessControlFieldsAutocomplete",
                api_access_control_pb2.GetAccessControlFieldsAutocompleteRequest(
                    acting_user_id=acting_user_id, after=after, limit=limit
                ),
                _parse_get_access_control_fields_autocomplete,
            )
        )

    def get_access_control_visual_ast(self, acting_user_id: str, resource_type: str, expression: str) -> dict[str, Any]:
        """Mattermost's GetAccessControlVisualAST; answers 501 here (no access control policy engine)."""
        return self._call(
            ApiCall(
                "GetAccessControlVisualAST",
                api_access_control_pb2.GetAccessControlVisualASTRequest(
                    acting_user_id=acting_user_id, resource_type=resource_type, expression=expression
                ),
                _parse_get_access_control_visual_ast,
            )
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

    async def register_plugin_for_shared_channels(self, opts: dict[str, Any]) -> str:
        """Mattermost's RegisterPluginForSharedChannels; answers 501 here (no shared channels service)."""
        return await self._call(
            ApiCall(
                "RegisterPluginForSharedChannels",
                api_shared_channels_pb2.RegisterPluginForSharedChannelsRequest(opts=dict_to_struct(opts)),
                _parse_register_plugin_for_shared_channels,
            )
        )

    async def unregister_plugin_for_shared_channels(self, plugin_id: str) -> None:
        """Mattermost's UnregisterPluginForSharedChannels; answers 501 here (no shared channels service)."""
        return await self._call(
            ApiCall(
                "UnregisterPluginForSharedChannels",
                api_shared_channels_pb2.UnregisterPluginForSharedChannelsRequest(plugin_id=plugin_id),
                _no_result,
            )
        )

    async def unregister_plugin_remote_for_shared_channels(self, remote_id: str) -> None:
        """Mattermost's UnregisterPluginRemoteForSharedChannels; answers 501 here (no shared channels service)."""
        return await self._call(
            ApiCall(
                "UnregisterPluginRemoteForSharedChannels",
                api_shared_channels_pb2.UnregisterPluginRemoteForSharedChannelsRequest(remote_id=remote_id),
                _no_result,
            )
        )

    async def share_channel(self, shared_channel: dict[str, Any]) -> dict[str, Any]:
        """Mattermost's ShareChannel; answers 501 here (no shared channels service)."""
        return await self._call(
            ApiCall(
                "ShareChannel",
                api_shared_channels_pb2.ShareChannelRequest(shared_channel=dict_to_struct(shared_channel)),
                _parse_share_channel,
            )
        )

    async def update_shared_channel(self, shared_channel: dict[str, Any]) -> dict[str, Any]:
        """Mattermost's UpdateSharedChannel; answers 501 here (no shared channels service)."""
        return await self._call(
            ApiCall(
                "UpdateSharedChannel",
                api_shared_channels_pb2.UpdateSharedChannelRequest(shared_channel=dict_to_struct(shared_channel)),
                _parse_update_shared_channel,
            )
        )

    async def unshare_channel(self, channel_id: str) -> bool:
        """Mattermost's UnshareChannel; answers 501 here (no shared channels service)."""
        return await self._call(
            ApiCall(
                "UnshareChannel",
                api_shared_channels_pb2.UnshareChannelRequest(channel_id=channel_id),
                _parse_unshare_channel,
            )
        )

    async def update_shared_channel_cursor(self, channel_id: str, remote_id: str, cursor: dict[str, Any]) -> None:
        """Mattermost's UpdateSharedChannelCursor; answers 501 here (no shared channels service)."""
        return await self._call(
            ApiCall(
                "UpdateSharedChannelCursor",
                api_shared_channels_pb2.UpdateSharedChannelCursorRequest(
                    channel_id=channel_id, remote_id=remote_id, cursor=dict_to_struct(cursor)
                ),
                _no_result,
            )
        )

    async def sync_shared_channel(self, channel_id: str) -> None:
        """Mattermost's SyncSharedChannel; answers 501 here (no shared channels service)."""
        return await self._call(
            ApiCall(
                "SyncSharedChannel", api_shared_channels_pb2.SyncSharedChannelRequest(channel_id=channel_id), _no_result
            )
        )

    async def invite_remote_to_channel(
        self, channel_id: str, remote_id: str, user_id: str, share_if_not_shared: bool
    ) -> None:
        """Mattermost's InviteRemoteToChannel; answers 501 here (no shared channels service)."""
        return await self._call(
            ApiCall(
                "InviteRemoteToChannel",
                api_shared_channels_pb2.InviteRemoteToChannelRequest(
                    channel_id=channel_id, remote_id=remote_id, user_id=user_id, share_if_not_shared=share_if_not_shared
                ),
                _no_result,
            )
        )

    async def uninvite_remote_from_channel(self, channel_id: str, remote_id: str) -> None:
        """Mattermost's UninviteRemoteFromChannel; answers 501 here (no shared channels service)."""
        return await self._call(
            ApiCall(
                "UninviteRemoteFromChannel",
                api_shared_channels_pb2.UninviteRemoteFromChannelRequest(channel_id=channel_id, remote_id=remote_id),
                _no_result,
            )
        )

    async def receive_shared_channel_sync_msg(self, remote_id: str, msg: dict[str, Any]) -> dict[str, Any]:
        """Mattermost's ReceiveSharedChannelSyncMsg; answers 501 here (no shared channels service)."""
        return await self._call(
            ApiCall(
                "ReceiveSharedChannelSyncMsg",
                api_shared_channels_pb2.ReceiveSharedChannelSyncMsgRequest(
                    remote_id=remote_id, msg=dict_to_struct(msg)
                ),
                _parse_receive_shared_channel_sync_msg,
            )
        )

    async def receive_shared_channel_attachment_sync_msg(
        self, remote_id: str, channel_id: str, file_info: FileInfo | None, data: bytes
    ) -> FileInfo:
        """Mattermost's ReceiveSharedChannelAttachmentSyncMsg; answers 501 here (no shared channels service)."""
        return await self._call(
            ApiCall(
                "ReceiveSharedChannelAttachmentSyncMsg",
                api_shared_channels_pb2.ReceiveSharedChannelAttachmentSyncMsgRequest(
                    remote_id=remote_id,
                    channel_id=channel_id,
                    file_info=(None if file_info is None else file_info.to_proto()),
                    data=data,
                ),
                _parse_receive_shared_channel_attachment_sync_msg,
            )
        )

    async def receive_shared_channel_profile_image_sync_msg(self, remote_id: str, user_id: str, image: bytes) -> None:
        """Mattermost's ReceiveSharedChannelProfileImageSyncMsg; answers 501 here (no shared channels service)."""
        return await self._call(
            ApiCall(
                "ReceiveSharedChannelProfileImageSyncMsg",
                api_shared_channels_pb2.ReceiveSharedChannelProfileImageSyncMsgRequest(
                    remote_id=remote_id, user_id=user_id, image=image
                ),
                _no_result,
            )
        )

    async def evaluate_access_control(
        self, user_id: str, resource_type: str, resource_id: str, action: str
    ) -> dict[str, Any]:
        """Mattermost's EvaluateAccessControl; answers 501 here (no access control policy engine)."""
        return await self._call(
            ApiCall(
                "EvaluateAccessControl",
                api_access_control_pb2.EvaluateAccessControlRequest(
                    user_id=user_id, resource_type=resource_type, resource_id=resource_id, action=action
                ),
                _parse_evaluate_access_control,
            )
        )

    async def save_access_control_policy(self, acting_user_id: str, policy: dict[str, Any]) -> dict[str, Any]:
        """Mattermost's SaveAccessControlPolicy; answers 501 here (no access control policy engine)."""
        return await self._call(
            ApiCall(
                "SaveAccessControlPolicy",
                api_access_control_pb2.SaveAccessControlPolicyRequest(
                    acting_user_id=acting_user_id, policy=dict_to_struct(policy)
                ),
                _parse_save_access_control_policy,
            )
        )

    async def get_access_control_policy(self, id: str) -> dict[str, Any]:
        """Mattermost's GetAccessControlPolicy; answers 501 here (no access control policy engine)."""
        return await self._call(
            ApiCall(
                "GetAccessControlPolicy",
                api_access_control_pb2.GetAccessControlPolicyRequest(id=id),
                _parse_get_access_control_policy,
            )
        )

    async def delete_access_control_policy(self, acting_user_id: str, resource_type: str, id: str) -> None:
        """Mattermost's DeleteAccessControlPolicy; answers 501 here (no access control policy engine)."""
        return await self._call(
            ApiCall(
                "DeleteAccessControlPolicy",
                api_access_control_pb2.DeleteAccessControlPolicyRequest(
                    acting_user_id=acting_user_id, resource_type=resource_type, id=id
                ),
                _no_result,
            )
        )

    async def check_access_control_expression(
        self, acting_user_id: str, resource_type: str, expression: str
    ) -> list[dict[str, Any]]:
        """Mattermost's CheckAccessControlExpression; answers 501 here (no access control policy engine)."""
        return await self._call(
            ApiCall(
                "CheckAccessControlExpression",
                api_access_control_pb2.CheckAccessControlExpressionRequest(
                    acting_user_id=acting_user_id, resource_type=resource_type, expression=expression
                ),
                _parse_check_access_control_expression,
            )
        )

    async def query_users_for_access_control_expression(
        self, acting_user_id: str, resource_type: str, expression: str, term: str, cursor_id: str, limit: int
    ) -> dict[str, Any]:
        """Mattermost's QueryUsersForAccessControlExpression; answers 501 here (no access control policy engine)."""
        return await self._call(
            ApiCall(
                "QueryUsersForAccessControlExpression",
                api_access_control_pb2.QueryUsersForAccessControlExpressionRequest(
                    acting_user_id=acting_user_id,
                    resource_type=resource_type,
                    expression=expression,
                    term=term,
                    cursor_id=cursor_id,
                    limit=limit,
                ),
                _parse_query_users_for_access_control_expression,
            )
        )

    async def get_access_control_fields_autocomplete(
        self, acting_user_id: str, after: str, limit: int
    ) -> list[dict[str, Any]]:
        """Mattermost's GetAccessControlFieldsAutocomplete; answers 501 here (no access control policy engine)."""
        return await self._call(
            ApiCall(
                "GetAccessControlFieldsAutocomplete",
                api_access_control_pb2.GetAccessControlFieldsAutocompleteRequest(
                    acting_user_id=acting_user_id, after=after, limit=limit
                ),
                _parse_get_access_control_fields_autocomplete,
            )
        )

    async def get_access_control_visual_ast(
        self, acting_user_id: str, resource_type: str, expression: str
    ) -> dict[str, Any]:
        """Mattermost's GetAccessControlVisualAST; answers 501 here (no access control policy engine)."""
        return await self._call(
            ApiCall(
                "GetAccessControlVisualAST",
                api_access_control_pb2.GetAccessControlVisualASTRequest(
                    acting_user_id=acting_user_id, resource_type=resource_type, expression=expression
                ),
                _parse_get_access_control_visual_ast,
            )
        )
