"""Generated from proto/ by scripts/gen_python_api.py (run by scripts/gen.sh). Do not edit."""

from __future__ import annotations

from typing import Any, TypeVar

from .._gen.polyplug.v1 import (
    api_access_control_pb2,
    api_bots_commands_pb2,
    api_channels_pb2,
    api_files_pb2,
    api_groups_pb2,
    api_pb2,
    api_posts_pb2,
    api_properties_pb2,
    api_shared_channels_pb2,
    api_system_pb2,
    api_teams_pb2,
    api_user_access_pb2,
    api_users_pb2,
)
from .api_calls import ApiCall
from .structs import dict_to_struct, struct_to_dict
from .wrappers import (
    Bot,
    BotGetOptions,
    BotPatch,
    Channel,
    ChannelMember,
    ChannelMemberIdentifier,
    ChannelStats,
    Command,
    CommandArgs,
    CommandResponse,
    CreateDefaultMembershipParams,
    CustomStatus,
    Emoji,
    EmojiImage,
    FileInfo,
    GetFileInfosOptions,
    Group,
    GroupMember,
    GroupSearchOpts,
    GroupSyncable,
    OAuthApp,
    OpenDialog,
    OrderedSidebarCategories,
    Permission,
    PluginClusterEvent,
    PluginClusterEventSendOptions,
    PluginStatus,
    Post,
    PostList,
    PostSearchResults,
    Preference,
    PropertyField,
    PropertyFieldSearchOpts,
    PropertyGroup,
    PropertyRequestOptions,
    PropertyValue,
    PropertyValueSearchOpts,
    Reaction,
    SearchParameter,
    SearchParams,
    SendToastMessageOptions,
    Session,
    SidebarCategoryWithChannels,
    Status,
    Team,
    TeamMember,
    TeamMemberWithError,
    TeamStats,
    TeamUnread,
    UploadSession,
    User,
    UserAccessToken,
    UserAuth,
    UserGetOptions,
    UserSearch,
    ViewUsersRestrictions,
)

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


def _parse_create_user(r: api_users_pb2.CreateUserResponse) -> User:
    return User.from_proto(r.user)


def _parse_get_users(r: api_users_pb2.GetUsersResponse) -> list[User]:
    return [User.from_proto(item) for item in r.users]


def _parse_get_users_by_ids(r: api_users_pb2.GetUsersByIdsResponse) -> list[User]:
    return [User.from_proto(item) for item in r.users]


def _parse_get_user_by_email(r: api_users_pb2.GetUserByEmailResponse) -> User:
    return User.from_proto(r.user)


def _parse_get_user_by_username(r: api_users_pb2.GetUserByUsernameResponse) -> User:
    return User.from_proto(r.user)


def _parse_get_users_by_usernames(r: api_users_pb2.GetUsersByUsernamesResponse) -> list[User]:
    return [User.from_proto(item) for item in r.users]


def _parse_get_users_in_team(r: api_users_pb2.GetUsersInTeamResponse) -> list[User]:
    return [User.from_proto(item) for item in r.users]


def _parse_get_users_in_channel(r: api_users_pb2.GetUsersInChannelResponse) -> list[User]:
    return [User.from_proto(item) for item in r.users]


def _parse_update_user(r: api_users_pb2.UpdateUserResponse) -> User:
    return User.from_proto(r.user)


def _parse_update_user_roles(r: api_users_pb2.UpdateUserRolesResponse) -> User:
    return User.from_proto(r.user)


def _parse_update_user_auth(r: api_users_pb2.UpdateUserAuthResponse) -> UserAuth:
    return UserAuth.from_proto(r.user_auth)


def _parse_search_users(r: api_users_pb2.SearchUsersResponse) -> list[User]:
    return [User.from_proto(item) for item in r.users]


def _parse_get_user_status(r: api_users_pb2.GetUserStatusResponse) -> Status:
    return Status.from_proto(r.status)


def _parse_get_user_statuses_by_ids(r: api_users_pb2.GetUserStatusesByIdsResponse) -> list[Status]:
    return [Status.from_proto(item) for item in r.statuses]


def _parse_update_user_status(r: api_users_pb2.UpdateUserStatusResponse) -> Status:
    return Status.from_proto(r.status)


def _parse_set_user_status_timed_dnd(r: api_users_pb2.SetUserStatusTimedDNDResponse) -> Status:
    return Status.from_proto(r.status)


def _parse_get_profile_image(r: api_users_pb2.GetProfileImageResponse) -> bytes:
    return bytes(r.image)


def _parse_get_ldap_user_attributes(r: api_users_pb2.GetLDAPUserAttributesResponse) -> dict[str, str]:
    return dict(r.attributes)


def _parse_get_preference_for_user(r: api_user_access_pb2.GetPreferenceForUserResponse) -> Preference:
    return Preference.from_proto(r.preference)


def _parse_get_preferences_for_user(r: api_user_access_pb2.GetPreferencesForUserResponse) -> list[Preference]:
    return [Preference.from_proto(item) for item in r.preferences]


def _parse_get_session(r: api_user_access_pb2.GetSessionResponse) -> Session:
    return Session.from_proto(r.session)


def _parse_create_session(r: api_user_access_pb2.CreateSessionResponse) -> Session:
    return Session.from_proto(r.session)


def _parse_create_user_access_token(r: api_user_access_pb2.CreateUserAccessTokenResponse) -> UserAccessToken:
    return UserAccessToken.from_proto(r.token)


def _parse_has_permission_to(r: api_user_access_pb2.HasPermissionToResponse) -> bool:
    return r.has_permission


def _parse_has_permission_to_team(r: api_user_access_pb2.HasPermissionToTeamResponse) -> bool:
    return r.has_permission


def _parse_has_permission_to_channel(r: api_user_access_pb2.HasPermissionToChannelResponse) -> bool:
    return r.has_permission


def _parse_roles_grant_permission(r: api_user_access_pb2.RolesGrantPermissionResponse) -> bool:
    return r.granted


def _parse_create_team(r: api_teams_pb2.CreateTeamResponse) -> Team:
    return Team.from_proto(r.team)


def _parse_get_teams(r: api_teams_pb2.GetTeamsResponse) -> list[Team]:
    return [Team.from_proto(item) for item in r.teams]


def _parse_get_team(r: api_teams_pb2.GetTeamResponse) -> Team:
    return Team.from_proto(r.team)


def _parse_get_team_by_name(r: api_teams_pb2.GetTeamByNameResponse) -> Team:
    return Team.from_proto(r.team)


def _parse_get_teams_unread_for_user(r: api_teams_pb2.GetTeamsUnreadForUserResponse) -> list[TeamUnread]:
    return [TeamUnread.from_proto(item) for item in r.team_unreads]


def _parse_update_team(r: api_teams_pb2.UpdateTeamResponse) -> Team:
    return Team.from_proto(r.team)


def _parse_search_teams(r: api_teams_pb2.SearchTeamsResponse) -> list[Team]:
    return [Team.from_proto(item) for item in r.teams]


def _parse_get_teams_for_user(r: api_teams_pb2.GetTeamsForUserResponse) -> list[Team]:
    return [Team.from_proto(item) for item in r.teams]


def _parse_create_team_member(r: api_teams_pb2.CreateTeamMemberResponse) -> TeamMember:
    return TeamMember.from_proto(r.team_member)


def _parse_create_team_members(r: api_teams_pb2.CreateTeamMembersResponse) -> list[TeamMember]:
    return [TeamMember.from_proto(item) for item in r.team_members]


def _parse_create_team_members_gracefully(
    r: api_teams_pb2.CreateTeamMembersGracefullyResponse,
) -> list[TeamMemberWithError]:
    return [TeamMemberWithError.from_proto(item) for item in r.members]


def _parse_get_team_members(r: api_teams_pb2.GetTeamMembersResponse) -> list[TeamMember]:
    return [TeamMember.from_proto(item) for item in r.team_members]


def _parse_get_team_member(r: api_teams_pb2.GetTeamMemberResponse) -> TeamMember:
    return TeamMember.from_proto(r.team_member)


def _parse_get_team_members_for_user(r: api_teams_pb2.GetTeamMembersForUserResponse) -> list[TeamMember]:
    return [TeamMember.from_proto(item) for item in r.team_members]


def _parse_update_team_member_roles(r: api_teams_pb2.UpdateTeamMemberRolesResponse) -> TeamMember:
    return TeamMember.from_proto(r.team_member)


def _parse_get_team_icon(r: api_teams_pb2.GetTeamIconResponse) -> bytes:
    return bytes(r.icon)


def _parse_get_team_stats(r: api_teams_pb2.GetTeamStatsResponse) -> TeamStats:
    return TeamStats.from_proto(r.team_stats)


def _parse_create_channel(r: api_channels_pb2.CreateChannelResponse) -> Channel:
    return Channel.from_proto(r.channel)


def _parse_get_channel_of_type(r: api_channels_pb2.GetChannelOfTypeResponse) -> Channel:
    return Channel.from_proto(r.channel)


def _parse_get_public_channels_for_team(r: api_channels_pb2.GetPublicChannelsForTeamResponse) -> list[Channel]:
    return [Channel.from_proto(item) for item in r.channels]


def _parse_get_channel_by_name(r: api_channels_pb2.GetChannelByNameResponse) -> Channel:
    return Channel.from_proto(r.channel)


def _parse_get_channel_by_name_for_team_name(r: api_channels_pb2.GetChannelByNameForTeamNameResponse) -> Channel:
    return Channel.from_proto(r.channel)


def _parse_get_channels_for_team_for_user(r: api_channels_pb2.GetChannelsForTeamForUserResponse) -> list[Channel]:
    return [Channel.from_proto(item) for item in r.channels]


def _parse_get_channel_stats(r: api_channels_pb2.GetChannelStatsResponse) -> ChannelStats:
    return ChannelStats.from_proto(r.channel_stats)


def _parse_get_direct_channel(r: api_channels_pb2.GetDirectChannelResponse) -> Channel:
    return Channel.from_proto(r.channel)


def _parse_get_group_channel(r: api_channels_pb2.GetGroupChannelResponse) -> Channel:
    return Channel.from_proto(r.channel)


def _parse_update_channel(r: api_channels_pb2.UpdateChannelResponse) -> Channel:
    return Channel.from_proto(r.channel)


def _parse_search_channels(r: api_channels_pb2.SearchChannelsResponse) -> list[Channel]:
    return [Channel.from_proto(item) for item in r.channels]


def _parse_create_channel_sidebar_category(
    r: api_channels_pb2.CreateChannelSidebarCategoryResponse,
) -> SidebarCategoryWithChannels:
    return SidebarCategoryWithChannels.from_proto(r.category)


def _parse_get_channel_sidebar_categories(
    r: api_channels_pb2.GetChannelSidebarCategoriesResponse,
) -> OrderedSidebarCategories:
    return OrderedSidebarCategories.from_proto(r.categories)


def _parse_update_channel_sidebar_categories(
    r: api_channels_pb2.UpdateChannelSidebarCategoriesResponse,
) -> list[SidebarCategoryWithChannels]:
    return [SidebarCategoryWithChannels.from_proto(item) for item in r.categories]


def _parse_add_channel_member(r: api_channels_pb2.AddChannelMemberResponse) -> ChannelMember:
    return ChannelMember.from_proto(r.channel_member)


def _parse_add_user_to_channel(r: api_channels_pb2.AddUserToChannelResponse) -> ChannelMember:
    return ChannelMember.from_proto(r.channel_member)


def _parse_get_channel_member(r: api_channels_pb2.GetChannelMemberResponse) -> ChannelMember:
    return ChannelMember.from_proto(r.channel_member)


def _parse_get_channel_members(r: api_channels_pb2.GetChannelMembersResponse) -> list[ChannelMember]:
    return [ChannelMember.from_proto(item) for item in r.channel_members]


def _parse_get_channel_members_by_ids(r: api_channels_pb2.GetChannelMembersByIdsResponse) -> list[ChannelMember]:
    return [ChannelMember.from_proto(item) for item in r.channel_members]


def _parse_get_channel_members_for_user(r: api_channels_pb2.GetChannelMembersForUserResponse) -> list[ChannelMember]:
    return [ChannelMember.from_proto(item) for item in r.channel_members]


def _parse_update_channel_member_roles(r: api_channels_pb2.UpdateChannelMemberRolesResponse) -> ChannelMember:
    return ChannelMember.from_proto(r.channel_member)


def _parse_update_channel_member_notifications(
    r: api_channels_pb2.UpdateChannelMemberNotificationsResponse,
) -> ChannelMember:
    return ChannelMember.from_proto(r.channel_member)


def _parse_add_reaction(r: api_posts_pb2.AddReactionResponse) -> Reaction:
    return Reaction.from_proto(r.reaction)


def _parse_get_reactions(r: api_posts_pb2.GetReactionsResponse) -> list[Reaction]:
    return [Reaction.from_proto(item) for item in r.reactions]


def _parse_send_ephemeral_post(r: api_posts_pb2.SendEphemeralPostResponse) -> Post:
    return Post.from_proto(r.post)


def _parse_update_ephemeral_post(r: api_posts_pb2.UpdateEphemeralPostResponse) -> Post:
    return Post.from_proto(r.post)


def _parse_get_post_thread(r: api_posts_pb2.GetPostThreadResponse) -> PostList:
    return PostList.from_proto(r.post_list)


def _parse_get_posts_since(r: api_posts_pb2.GetPostsSinceResponse) -> PostList:
    return PostList.from_proto(r.post_list)


def _parse_get_posts_after(r: api_posts_pb2.GetPostsAfterResponse) -> PostList:
    return PostList.from_proto(r.post_list)


def _parse_get_posts_before(r: api_posts_pb2.GetPostsBeforeResponse) -> PostList:
    return PostList.from_proto(r.post_list)


def _parse_get_posts_for_channel(r: api_posts_pb2.GetPostsForChannelResponse) -> PostList:
    return PostList.from_proto(r.post_list)


def _parse_update_post(r: api_posts_pb2.UpdatePostResponse) -> Post:
    return Post.from_proto(r.post)


def _parse_search_posts_in_team(r: api_posts_pb2.SearchPostsInTeamResponse) -> list[Post]:
    return [Post.from_proto(item) for item in r.posts]


def _parse_search_posts_in_team_for_user(r: api_posts_pb2.SearchPostsInTeamForUserResponse) -> PostSearchResults:
    return PostSearchResults.from_proto(r.results)


def _parse_get_emoji_list(r: api_files_pb2.GetEmojiListResponse) -> list[Emoji]:
    return [Emoji.from_proto(item) for item in r.emojis]


def _parse_get_emoji_by_name(r: api_files_pb2.GetEmojiByNameResponse) -> Emoji:
    return Emoji.from_proto(r.emoji)


def _parse_get_emoji(r: api_files_pb2.GetEmojiResponse) -> Emoji:
    return Emoji.from_proto(r.emoji)


def _parse_get_emoji_image(r: api_files_pb2.GetEmojiImageResponse) -> EmojiImage:
    return EmojiImage.from_proto(r.image)


def _parse_copy_file_infos(r: api_files_pb2.CopyFileInfosResponse) -> list[str]:
    return list(r.file_ids)


def _parse_get_file_info(r: api_files_pb2.GetFileInfoResponse) -> FileInfo:
    return FileInfo.from_proto(r.file_info)


def _parse_get_file_infos(r: api_files_pb2.GetFileInfosResponse) -> list[FileInfo]:
    return [FileInfo.from_proto(item) for item in r.file_infos]


def _parse_get_file(r: api_files_pb2.GetFileResponse) -> bytes:
    return bytes(r.data)


def _parse_get_file_link(r: api_files_pb2.GetFileLinkResponse) -> str:
    return r.link


def _parse_read_file(r: api_files_pb2.ReadFileResponse) -> bytes:
    return bytes(r.data)


def _parse_upload_file(r: api_files_pb2.UploadFileResponse) -> FileInfo:
    return FileInfo.from_proto(r.file_info)


def _parse_create_upload_session(r: api_files_pb2.CreateUploadSessionResponse) -> UploadSession:
    return UploadSession.from_proto(r.upload_session)


def _parse_get_upload_session(r: api_files_pb2.GetUploadSessionResponse) -> UploadSession:
    return UploadSession.from_proto(r.upload_session)


def _parse_create_bot(r: api_bots_commands_pb2.CreateBotResponse) -> Bot:
    return Bot.from_proto(r.bot)


def _parse_patch_bot(r: api_bots_commands_pb2.PatchBotResponse) -> Bot:
    return Bot.from_proto(r.bot)


def _parse_get_bot(r: api_bots_commands_pb2.GetBotResponse) -> Bot:
    return Bot.from_proto(r.bot)


def _parse_get_bots(r: api_bots_commands_pb2.GetBotsResponse) -> list[Bot]:
    return [Bot.from_proto(item) for item in r.bots]


def _parse_update_bot_active(r: api_bots_commands_pb2.UpdateBotActiveResponse) -> Bot:
    return Bot.from_proto(r.bot)


def _parse_ensure_bot_user(r: api_bots_commands_pb2.EnsureBotUserResponse) -> str:
    return r.bot_user_id


def _parse_execute_slash_command(r: api_bots_commands_pb2.ExecuteSlashCommandResponse) -> CommandResponse:
    return CommandResponse.from_proto(r.response)


def _parse_create_command(r: api_bots_commands_pb2.CreateCommandResponse) -> Command:
    return Command.from_proto(r.command)


def _parse_list_commands(r: api_bots_commands_pb2.ListCommandsResponse) -> list[Command]:
    return [Command.from_proto(item) for item in r.commands]


def _parse_list_custom_commands(r: api_bots_commands_pb2.ListCustomCommandsResponse) -> list[Command]:
    return [Command.from_proto(item) for item in r.commands]


def _parse_list_plugin_commands(r: api_bots_commands_pb2.ListPluginCommandsResponse) -> list[Command]:
    return [Command.from_proto(item) for item in r.commands]


def _parse_list_built_in_commands(r: api_bots_commands_pb2.ListBuiltInCommandsResponse) -> list[Command]:
    return [Command.from_proto(item) for item in r.commands]


def _parse_get_command(r: api_bots_commands_pb2.GetCommandResponse) -> Command:
    return Command.from_proto(r.command)


def _parse_update_command(r: api_bots_commands_pb2.UpdateCommandResponse) -> Command:
    return Command.from_proto(r.command)


def _parse_create_oauth_app(r: api_bots_commands_pb2.CreateOAuthAppResponse) -> OAuthApp:
    return OAuthApp.from_proto(r.app)


def _parse_get_oauth_app(r: api_bots_commands_pb2.GetOAuthAppResponse) -> OAuthApp:
    return OAuthApp.from_proto(r.app)


def _parse_update_oauth_app(r: api_bots_commands_pb2.UpdateOAuthAppResponse) -> OAuthApp:
    return OAuthApp.from_proto(r.app)


def _parse_get_group(r: api_groups_pb2.GetGroupResponse) -> Group:
    return Group.from_proto(r.group)


def _parse_get_group_by_name(r: api_groups_pb2.GetGroupByNameResponse) -> Group:
    return Group.from_proto(r.group)


def _parse_get_group_member_users(r: api_groups_pb2.GetGroupMemberUsersResponse) -> list[User]:
    return [User.from_proto(item) for item in r.users]


def _parse_get_groups_by_source(r: api_groups_pb2.GetGroupsBySourceResponse) -> list[Group]:
    return [Group.from_proto(item) for item in r.groups]


def _parse_get_groups_for_user(r: api_groups_pb2.GetGroupsForUserResponse) -> list[Group]:
    return [Group.from_proto(item) for item in r.groups]


def _parse_upsert_group_member(r: api_groups_pb2.UpsertGroupMemberResponse) -> GroupMember:
    return GroupMember.from_proto(r.group_member)


def _parse_upsert_group_members(r: api_groups_pb2.UpsertGroupMembersResponse) -> list[GroupMember]:
    return [GroupMember.from_proto(item) for item in r.group_members]


def _parse_get_group_by_remote_id(r: api_groups_pb2.GetGroupByRemoteIDResponse) -> Group:
    return Group.from_proto(r.group)


def _parse_create_group(r: api_groups_pb2.CreateGroupResponse) -> Group:
    return Group.from_proto(r.group)


def _parse_update_group(r: api_groups_pb2.UpdateGroupResponse) -> Group:
    return Group.from_proto(r.group)


def _parse_delete_group(r: api_groups_pb2.DeleteGroupResponse) -> Group:
    return Group.from_proto(r.group)


def _parse_restore_group(r: api_groups_pb2.RestoreGroupResponse) -> Group:
    return Group.from_proto(r.group)


def _parse_delete_group_member(r: api_groups_pb2.DeleteGroupMemberResponse) -> GroupMember:
    return GroupMember.from_proto(r.group_member)


def _parse_get_group_syncable(r: api_groups_pb2.GetGroupSyncableResponse) -> GroupSyncable:
    return GroupSyncable.from_proto(r.group_syncable)


def _parse_get_group_syncables(r: api_groups_pb2.GetGroupSyncablesResponse) -> list[GroupSyncable]:
    return [GroupSyncable.from_proto(item) for item in r.group_syncables]


def _parse_upsert_group_syncable(r: api_groups_pb2.UpsertGroupSyncableResponse) -> GroupSyncable:
    return GroupSyncable.from_proto(r.group_syncable)


def _parse_update_group_syncable(r: api_groups_pb2.UpdateGroupSyncableResponse) -> GroupSyncable:
    return GroupSyncable.from_proto(r.group_syncable)


def _parse_delete_group_syncable(r: api_groups_pb2.DeleteGroupSyncableResponse) -> GroupSyncable:
    return GroupSyncable.from_proto(r.group_syncable)


def _parse_get_groups(r: api_groups_pb2.GetGroupsResponse) -> list[Group]:
    return [Group.from_proto(item) for item in r.groups]


def _parse_create_property_field(r: api_properties_pb2.CreatePropertyFieldResponse) -> PropertyField:
    return PropertyField.from_proto(r.field)


def _parse_get_property_field(r: api_properties_pb2.GetPropertyFieldResponse) -> PropertyField:
    return PropertyField.from_proto(r.field)


def _parse_get_property_fields(r: api_properties_pb2.GetPropertyFieldsResponse) -> list[PropertyField]:
    return [PropertyField.from_proto(item) for item in r.fields]


def _parse_update_property_field(r: api_properties_pb2.UpdatePropertyFieldResponse) -> PropertyField:
    return PropertyField.from_proto(r.field)


def _parse_search_property_fields(r: api_properties_pb2.SearchPropertyFieldsResponse) -> list[PropertyField]:
    return [PropertyField.from_proto(item) for item in r.fields]


def _parse_count_property_fields(r: api_properties_pb2.CountPropertyFieldsResponse) -> int:
    return r.count


def _parse_count_property_fields_for_target(r: api_properties_pb2.CountPropertyFieldsForTargetResponse) -> int:
    return r.count


def _parse_create_property_value(r: api_properties_pb2.CreatePropertyValueResponse) -> PropertyValue:
    return PropertyValue.from_proto(r.value)


def _parse_get_property_value(r: api_properties_pb2.GetPropertyValueResponse) -> PropertyValue:
    return PropertyValue.from_proto(r.value)


def _parse_get_property_values(r: api_properties_pb2.GetPropertyValuesResponse) -> list[PropertyValue]:
    return [PropertyValue.from_proto(item) for item in r.values]


def _parse_update_property_value(r: api_properties_pb2.UpdatePropertyValueResponse) -> PropertyValue:
    return PropertyValue.from_proto(r.value)


def _parse_upsert_property_value(r: api_properties_pb2.UpsertPropertyValueResponse) -> PropertyValue:
    return PropertyValue.from_proto(r.value)


def _parse_search_property_values(r: api_properties_pb2.SearchPropertyValuesResponse) -> list[PropertyValue]:
    return [PropertyValue.from_proto(item) for item in r.values]


def _parse_register_property_group(r: api_properties_pb2.RegisterPropertyGroupResponse) -> PropertyGroup:
    return PropertyGroup.from_proto(r.group)


def _parse_get_property_group(r: api_properties_pb2.GetPropertyGroupResponse) -> PropertyGroup:
    return PropertyGroup.from_proto(r.group)


def _parse_get_property_field_by_name(r: api_properties_pb2.GetPropertyFieldByNameResponse) -> PropertyField:
    return PropertyField.from_proto(r.field)


def _parse_update_property_fields(r: api_properties_pb2.UpdatePropertyFieldsResponse) -> list[PropertyField]:
    return [PropertyField.from_proto(item) for item in r.fields]


def _parse_update_property_values(r: api_properties_pb2.UpdatePropertyValuesResponse) -> list[PropertyValue]:
    return [PropertyValue.from_proto(item) for item in r.values]


def _parse_upsert_property_values(r: api_properties_pb2.UpsertPropertyValuesResponse) -> list[PropertyValue]:
    return [PropertyValue.from_proto(item) for item in r.values]


def _parse_upsert_property_values_with_options(
    r: api_properties_pb2.UpsertPropertyValuesWithOptionsResponse,
) -> list[PropertyValue]:
    return [PropertyValue.from_proto(item) for item in r.values]


def _parse_upsert_property_value_with_options(
    r: api_properties_pb2.UpsertPropertyValueWithOptionsResponse,
) -> PropertyValue:
    return PropertyValue.from_proto(r.value)


def _parse_load_plugin_configuration(r: api_system_pb2.LoadPluginConfigurationResponse) -> dict[str, Any]:
    return struct_to_dict(r.config)


def _parse_get_config(r: api_system_pb2.GetConfigResponse) -> dict[str, Any]:
    return struct_to_dict(r.config)


def _parse_get_unsanitized_config(r: api_system_pb2.GetUnsanitizedConfigResponse) -> dict[str, Any]:
    return struct_to_dict(r.config)


def _parse_get_bundle_path(r: api_system_pb2.GetBundlePathResponse) -> str:
    return r.path


def _parse_get_license(r: api_system_pb2.GetLicenseResponse) -> dict[str, Any] | None:
    return struct_to_dict(r.license) if r.HasField("license") else None


def _parse_is_enterprise_ready(r: api_system_pb2.IsEnterpriseReadyResponse) -> bool:
    return r.enterprise_ready


def _parse_get_system_install_date(r: api_system_pb2.GetSystemInstallDateResponse) -> int:
    return r.install_date


def _parse_get_diagnostic_id(r: api_system_pb2.GetDiagnosticIdResponse) -> str:
    return r.diagnostic_id


def _parse_get_telemetry_id(r: api_system_pb2.GetTelemetryIdResponse) -> str:
    return r.telemetry_id


def _parse_get_plugin_id(r: api_system_pb2.GetPluginIDResponse) -> str:
    return r.plugin_id


def _parse_get_plugins(r: api_system_pb2.GetPluginsResponse) -> list[dict[str, Any]]:
    return [struct_to_dict(item) for item in r.manifests]


def _parse_get_plugin_status(r: api_system_pb2.GetPluginStatusResponse) -> PluginStatus:
    return PluginStatus.from_proto(r.status)


def _parse_install_plugin(r: api_system_pb2.InstallPluginResponse) -> dict[str, Any]:
    return struct_to_dict(r.manifest)


def _parse_get_cloud_limits(r: api_system_pb2.GetCloudLimitsResponse) -> dict[str, Any]:
    return struct_to_dict(r.limits)


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

    def create_user(self, user: User | None, password: str) -> User:
        """Creates an account (Mattermost's CreateUser): username and email unique, roles assigned by the
        server (system_user; system_admin for the first account). Fires UserHasBeenCreated.
        """
        return self._call(
            ApiCall(
                "CreateUser",
                api_users_pb2.CreateUserRequest(user=(None if user is None else user.to_proto()), password=password),
                _parse_create_user,
            )
        )

    def delete_user(self, user_id: str) -> None:
        """Deactivates a user (a soft delete: sets delete_at, revokes their sessions), as Mattermost's
        plugin DeleteUser does. Fires UserHasBeenDeactivated.
        """
        return self._call(ApiCall("DeleteUser", api_users_pb2.DeleteUserRequest(user_id=user_id), _no_result))

    def get_users(self, options: UserGetOptions | None) -> list[User]:
        """A page of users matching the options, by username unless options.sort says otherwise."""
        return self._call(
            ApiCall(
                "GetUsers",
                api_users_pb2.GetUsersRequest(options=(None if options is None else options.to_proto())),
                _parse_get_users,
            )
        )

    def get_users_by_ids(self, user_ids: list[str]) -> list[User]:
        """The users that exist among user_ids (unknown ids are skipped)."""
        return self._call(
            ApiCall(
                "GetUsersByIds", api_users_pb2.GetUsersByIdsRequest(user_ids=list(user_ids)), _parse_get_users_by_ids
            )
        )

    def get_user_by_email(self, email: str) -> User:
        """A user by email, ignoring case (404 when there is none)."""
        return self._call(
            ApiCall("GetUserByEmail", api_users_pb2.GetUserByEmailRequest(email=email), _parse_get_user_by_email)
        )

    def get_user_by_username(self, name: str) -> User:
        """A user by username, ignoring case (404 when there is none)."""
        return self._call(
            ApiCall("GetUserByUsername", api_users_pb2.GetUserByUsernameRequest(name=name), _parse_get_user_by_username)
        )

    def get_users_by_usernames(self, usernames: list[str]) -> list[User]:
        """The users that exist among usernames (unknown names are skipped), by username."""
        return self._call(
            ApiCall(
                "GetUsersByUsernames",
                api_users_pb2.GetUsersByUsernamesRequest(usernames=list(usernames)),
                _parse_get_users_by_usernames,
            )
        )

    def get_users_in_team(self, team_id: str, page: int, per_page: int) -> list[User]:
        """A page of a team's members as users, by username."""
        return self._call(
            ApiCall(
                "GetUsersInTeam",
                api_users_pb2.GetUsersInTeamRequest(team_id=team_id, page=page, per_page=per_page),
                _parse_get_users_in_team,
            )
        )

    def get_users_in_channel(self, channel_id: str, sort_by: str, page: int, per_page: int) -> list[User]:
        """A page of a channel's members as users, sorted by "username" or by "status"."""
        return self._call(
            ApiCall(
                "GetUsersInChannel",
                api_users_pb2.GetUsersInChannelRequest(
                    channel_id=channel_id, sort_by=sort_by, page=page, per_page=per_page
                ),
                _parse_get_users_in_channel,
            )
        )

    def update_user(self, user: User | None) -> User:
        """Replaces a user's profile fields (username, email, names, position, locale, props, notify
        props, timezone); roles, auth, password and delete_at are not changed here.
        """
        return self._call(
            ApiCall(
                "UpdateUser",
                api_users_pb2.UpdateUserRequest(user=(None if user is None else user.to_proto())),
                _parse_update_user,
            )
        )

    def update_user_active(self, user_id: str, active: bool) -> None:
        """Deactivates (active = false: sets delete_at, revokes sessions, fires UserHasBeenDeactivated) or
        reactivates a user.
        """
        return self._call(
            ApiCall(
                "UpdateUserActive", api_users_pb2.UpdateUserActiveRequest(user_id=user_id, active=active), _no_result
            )
        )

    def update_user_roles(self, user_id: str, new_roles: str) -> User:
        """Replaces a user's system roles (space-separated, e.g. "system_user system_admin")."""
        return self._call(
            ApiCall(
                "UpdateUserRoles",
                api_users_pb2.UpdateUserRolesRequest(user_id=user_id, new_roles=new_roles),
                _parse_update_user_roles,
            )
        )

    def update_user_auth(self, user_id: str, user_auth: UserAuth | None) -> UserAuth:
        """Moves a user to an external auth service (auth_service + auth_data); their password is cleared."""
        return self._call(
            ApiCall(
                "UpdateUserAuth",
                api_users_pb2.UpdateUserAuthRequest(
                    user_id=user_id, user_auth=(None if user_auth is None else user_auth.to_proto())
                ),
                _parse_update_user_auth,
            )
        )

    def search_users(self, search: UserSearch | None) -> list[User]:
        """Users whose username, names, nickname or email start with each word of the term, by username."""
        return self._call(
            ApiCall(
                "SearchUsers",
                api_users_pb2.SearchUsersRequest(search=(None if search is None else search.to_proto())),
                _parse_search_users,
            )
        )

    def get_user_status(self, user_id: str) -> Status:
        """A user's presence ("offline" when none was ever recorded)."""
        return self._call(
            ApiCall("GetUserStatus", api_users_pb2.GetUserStatusRequest(user_id=user_id), _parse_get_user_status)
        )

    def get_user_statuses_by_ids(self, user_ids: list[str]) -> list[Status]:
        """The presence of the existing users among user_ids."""
        return self._call(
            ApiCall(
                "GetUserStatusesByIds",
                api_users_pb2.GetUserStatusesByIdsRequest(user_ids=list(user_ids)),
                _parse_get_user_statuses_by_ids,
            )
        )

    def update_user_status(self, user_id: str, status: str) -> Status:
        """Sets a user's presence to "online", "away", "dnd" or "offline" (a manual status)."""
        return self._call(
            ApiCall(
                "UpdateUserStatus",
                api_users_pb2.UpdateUserStatusRequest(user_id=user_id, status=status),
                _parse_update_user_status,
            )
        )

    def set_user_status_timed_dnd(self, user_id: str, endtime: int) -> Status:
        """Sets "dnd" until endtime (epoch seconds, rounded down to the minute); the previous status
        comes back after it.
        """
        return self._call(
            ApiCall(
                "SetUserStatusTimedDND",
                api_users_pb2.SetUserStatusTimedDNDRequest(user_id=user_id, endtime=endtime),
                _parse_set_user_status_timed_dnd,
            )
        )

    def update_user_custom_status(self, user_id: str, custom_status: CustomStatus | None) -> None:
        """Sets a user's custom status (emoji and/or text, optional expiry)."""
        return self._call(
            ApiCall(
                "UpdateUserCustomStatus",
                api_users_pb2.UpdateUserCustomStatusRequest(
                    user_id=user_id, custom_status=(None if custom_status is None else custom_status.to_proto())
                ),
                _no_result,
            )
        )

    def remove_user_custom_status(self, user_id: str) -> None:
        """Clears a user's custom status."""
        return self._call(
            ApiCall("RemoveUserCustomStatus", api_users_pb2.RemoveUserCustomStatusRequest(user_id=user_id), _no_result)
        )

    def get_profile_image(self, user_id: str) -> bytes:
        """A user's profile image (PNG, JPEG or GIF bytes); a generated PNG when none was set."""
        return self._call(
            ApiCall("GetProfileImage", api_users_pb2.GetProfileImageRequest(user_id=user_id), _parse_get_profile_image)
        )

    def set_profile_image(self, user_id: str, data: bytes) -> None:
        """Sets a user's profile image from PNG, JPEG or GIF bytes."""
        return self._call(
            ApiCall("SetProfileImage", api_users_pb2.SetProfileImageRequest(user_id=user_id, data=data), _no_result)
        )

    def get_ldap_user_attributes(self, user_id: str, attributes: list[str]) -> dict[str, str]:
        """LDAP attributes of a user: not supported (501), this server runs no LDAP."""
        return self._call(
            ApiCall(
                "GetLDAPUserAttributes",
                api_users_pb2.GetLDAPUserAttributesRequest(user_id=user_id, attributes=list(attributes)),
                _parse_get_ldap_user_attributes,
            )
        )

    def get_preference_for_user(self, user_id: str, category: str, name: str) -> Preference:
        """The user's preference under (category, name); 404 when it is not set."""
        return self._call(
            ApiCall(
                "GetPreferenceForUser",
                api_user_access_pb2.GetPreferenceForUserRequest(user_id=user_id, category=category, name=name),
                _parse_get_preference_for_user,
            )
        )

    def get_preferences_for_user(self, user_id: str) -> list[Preference]:
        """Every preference of the user, by category then name."""
        return self._call(
            ApiCall(
                "GetPreferencesForUser",
                api_user_access_pb2.GetPreferencesForUserRequest(user_id=user_id),
                _parse_get_preferences_for_user,
            )
        )

    def update_preferences_for_user(self, user_id: str, preferences: list[Preference]) -> None:
        """Saves the user's preferences (all or none); their other clients get preferences_changed and
        plugins PreferencesHaveChanged. Every preference's user_id must be user_id.
        """
        return self._call(
            ApiCall(
                "UpdatePreferencesForUser",
                api_user_access_pb2.UpdatePreferencesForUserRequest(
                    user_id=user_id, preferences=[item.to_proto() for item in preferences]
                ),
                _no_result,
            )
        )

    def delete_preferences_for_user(self, user_id: str, preferences: list[Preference]) -> None:
        """Deletes the user's preferences named by (category, name); absent ones are ignored."""
        return self._call(
            ApiCall(
                "DeletePreferencesForUser",
                api_user_access_pb2.DeletePreferencesForUserRequest(
                    user_id=user_id, preferences=[item.to_proto() for item in preferences]
                ),
                _no_result,
            )
        )

    def get_session(self, session_id: str) -> Session:
        """A session by its id (not its token), token included."""
        return self._call(
            ApiCall("GetSession", api_user_access_pb2.GetSessionRequest(session_id=session_id), _parse_get_session)
        )

    def create_session(self, session: Session | None) -> Session:
        """Opens a session for session.user_id with the given roles, expiry, device and props; the server
        chooses id, token and timestamps.
        """
        return self._call(
            ApiCall(
                "CreateSession",
                api_user_access_pb2.CreateSessionRequest(session=(None if session is None else session.to_proto())),
                _parse_create_session,
            )
        )

    def extend_session_expiry(self, session_id: str, new_expiry: int) -> None:
        """Sets a session's expires_at (epoch ms; 0 never expires)."""
        return self._call(
            ApiCall(
                "ExtendSessionExpiry",
                api_user_access_pb2.ExtendSessionExpiryRequest(session_id=session_id, new_expiry=new_expiry),
                _no_result,
            )
        )

    def revoke_session(self, session_id: str) -> None:
        """Deletes a session by id: its token stops working at once, and WebSocket connections opened
        with it end at their next heartbeat.
        """
        return self._call(
            ApiCall("RevokeSession", api_user_access_pb2.RevokeSessionRequest(session_id=session_id), _no_result)
        )

    def create_user_access_token(self, token: UserAccessToken | None) -> UserAccessToken:
        """Creates a personal access token for token.user_id; the answer is the only place its secret
        appears.
        """
        return self._call(
            ApiCall(
                "CreateUserAccessToken",
                api_user_access_pb2.CreateUserAccessTokenRequest(token=(None if token is None else token.to_proto())),
                _parse_create_user_access_token,
            )
        )

    def revoke_user_access_token(self, token_id: str) -> None:
        """Deletes a personal access token and the session it opened."""
        return self._call(
            ApiCall(
                "RevokeUserAccessToken", api_user_access_pb2.RevokeUserAccessTokenRequest(token_id=token_id), _no_result
            )
        )

    def has_permission_to(self, user_id: str, permission: Permission | None) -> bool:
        """Whether the user's system roles grant the permission (false for an unknown user)."""
        return self._call(
            ApiCall(
                "HasPermissionTo",
                api_user_access_pb2.HasPermissionToRequest(
                    user_id=user_id, permission=(None if permission is None else permission.to_proto())
                ),
                _parse_has_permission_to,
            )
        )

    def has_permission_to_team(self, user_id: str, team_id: str, permission: Permission | None) -> bool:
        """Whether the user's roles in the team, or their system roles, grant the permission."""
        return self._call(
            ApiCall(
                "HasPermissionToTeam",
                api_user_access_pb2.HasPermissionToTeamRequest(
                    user_id=user_id, team_id=team_id, permission=(None if permission is None else permission.to_proto())
                ),
                _parse_has_permission_to_team,
            )
        )

    def has_permission_to_channel(self, user_id: str, channel_id: str, permission: Permission | None) -> bool:
        """Whether the user's roles in the channel, then in its team, then their system roles grant the
        permission.
        """
        return self._call(
            ApiCall(
                "HasPermissionToChannel",
                api_user_access_pb2.HasPermissionToChannelRequest(
                    user_id=user_id,
                    channel_id=channel_id,
                    permission=(None if permission is None else permission.to_proto()),
                ),
                _parse_has_permission_to_channel,
            )
        )

    def roles_grant_permission(self, role_names: list[str], permission_id: str) -> bool:
        """Whether any of the named roles grants the permission id (unknown roles grant nothing)."""
        return self._call(
            ApiCall(
                "RolesGrantPermission",
                api_user_access_pb2.RolesGrantPermissionRequest(
                    role_names=list(role_names), permission_id=permission_id
                ),
                _parse_roles_grant_permission,
            )
        )

    def publish_user_typing(self, user_id: str, channel_id: str, parent_id: str) -> None:
        """Publishes Mattermost's "typing" WebSocket event for the user to the channel's other members
        (parent_id: the thread's root post, or empty).
        """
        return self._call(
            ApiCall(
                "PublishUserTyping",
                api_user_access_pb2.PublishUserTypingRequest(
                    user_id=user_id, channel_id=channel_id, parent_id=parent_id
                ),
                _no_result,
            )
        )

    def create_team(self, team: Team | None) -> Team:
        """Creates a team (no members; Mattermost's CreateTeam). 409 when the name is taken."""
        return self._call(
            ApiCall(
                "CreateTeam",
                api_teams_pb2.CreateTeamRequest(team=(None if team is None else team.to_proto())),
                _parse_create_team,
            )
        )

    def delete_team(self, team_id: str) -> None:
        """Archives a team: sets its delete_at (a soft delete, as Mattermost's plugin API does)."""
        return self._call(ApiCall("DeleteTeam", api_teams_pb2.DeleteTeamRequest(team_id=team_id), _no_result))

    def get_teams(self) -> list[Team]:
        """Every team, archived ones included, by display name."""
        return self._call(ApiCall("GetTeams", api_teams_pb2.GetTeamsRequest(), _parse_get_teams))

    def get_team(self, team_id: str) -> Team:
        """A team by id, archived or not (404 when there is none)."""
        return self._call(ApiCall("GetTeam", api_teams_pb2.GetTeamRequest(team_id=team_id), _parse_get_team))

    def get_team_by_name(self, name: str) -> Team:
        """A team by its name (404 when there is none)."""
        return self._call(
            ApiCall("GetTeamByName", api_teams_pb2.GetTeamByNameRequest(name=name), _parse_get_team_by_name)
        )

    def get_teams_unread_for_user(self, user_id: str) -> list[TeamUnread]:
        """For each team the user belongs to, their unread messages and mentions summed over its channels."""
        return self._call(
            ApiCall(
                "GetTeamsUnreadForUser",
                api_teams_pb2.GetTeamsUnreadForUserRequest(user_id=user_id),
                _parse_get_teams_unread_for_user,
            )
        )

    def update_team(self, team: Team | None) -> Team:
        """Updates a team's display name, description, open invite, company name, allowed domains and
        icon time; its name and type are kept.
        """
        return self._call(
            ApiCall(
                "UpdateTeam",
                api_teams_pb2.UpdateTeamRequest(team=(None if team is None else team.to_proto())),
                _parse_update_team,
            )
        )

    def search_teams(self, term: str) -> list[Team]:
        """Teams (not archived) whose name or display name starts with term, case-insensitively."""
        return self._call(ApiCall("SearchTeams", api_teams_pb2.SearchTeamsRequest(term=term), _parse_search_teams))

    def get_teams_for_user(self, user_id: str) -> list[Team]:
        """The teams (not archived) the user currently belongs to."""
        return self._call(
            ApiCall("GetTeamsForUser", api_teams_pb2.GetTeamsForUserRequest(user_id=user_id), _parse_get_teams_for_user)
        )

    def create_team_member(self, team_id: str, user_id: str) -> TeamMember:
        """Adds a user to a team (or returns their membership); TeamMemberWillBeAdded may reject it."""
        return self._call(
            ApiCall(
                "CreateTeamMember",
                api_teams_pb2.CreateTeamMemberRequest(team_id=team_id, user_id=user_id),
                _parse_create_team_member,
            )
        )

    def create_team_members(self, team_id: str, user_ids: list[str], requestor_id: str) -> list[TeamMember]:
        """Adds users to a team in order, stopping at the first failure (the ones before stay added)."""
        return self._call(
            ApiCall(
                "CreateTeamMembers",
                api_teams_pb2.CreateTeamMembersRequest(
                    team_id=team_id, user_ids=list(user_ids), requestor_id=requestor_id
                ),
                _parse_create_team_members,
            )
        )

    def create_team_members_gracefully(
        self, team_id: str, user_ids: list[str], requestor_id: str
    ) -> list[TeamMemberWithError]:
        """Adds users to a team, reporting per user either the membership or why it failed."""
        return self._call(
            ApiCall(
                "CreateTeamMembersGracefully",
                api_teams_pb2.CreateTeamMembersGracefullyRequest(
                    team_id=team_id, user_ids=list(user_ids), requestor_id=requestor_id
                ),
                _parse_create_team_members_gracefully,
            )
        )

    def delete_team_member(self, team_id: str, user_id: str, requestor_id: str) -> None:
        """Removes a user from a team (and its channels); the membership is kept with delete_at set."""
        return self._call(
            ApiCall(
                "DeleteTeamMember",
                api_teams_pb2.DeleteTeamMemberRequest(team_id=team_id, user_id=user_id, requestor_id=requestor_id),
                _no_result,
            )
        )

    def get_team_members(self, team_id: str, page: int, per_page: int) -> list[TeamMember]:
        """A page of a team's current members, by user id (per_page <= 0 means 60)."""
        return self._call(
            ApiCall(
                "GetTeamMembers",
                api_teams_pb2.GetTeamMembersRequest(team_id=team_id, page=page, per_page=per_page),
                _parse_get_team_members,
            )
        )

    def get_team_member(self, team_id: str, user_id: str) -> TeamMember:
        """A user's membership of a team, a left one included (404 when they were never a member)."""
        return self._call(
            ApiCall(
                "GetTeamMember",
                api_teams_pb2.GetTeamMemberRequest(team_id=team_id, user_id=user_id),
                _parse_get_team_member,
            )
        )

    def get_team_members_for_user(self, user_id: str, page: int, per_page: int) -> list[TeamMember]:
        """A page of the user's current team memberships, by team id (per_page <= 0 means 60)."""
        return self._call(
            ApiCall(
                "GetTeamMembersForUser",
                api_teams_pb2.GetTeamMembersForUserRequest(user_id=user_id, page=page, per_page=per_page),
                _parse_get_team_members_for_user,
            )
        )

    def update_team_member_roles(self, team_id: str, user_id: str, new_roles: str) -> TeamMember:
        """Replaces a member's team roles (team_user, team_admin, team_guest, team_post_all,
        team_post_all_public); 400 for an unknown role or guest with user.
        """
        return self._call(
            ApiCall(
                "UpdateTeamMemberRoles",
                api_teams_pb2.UpdateTeamMemberRolesRequest(team_id=team_id, user_id=user_id, new_roles=new_roles),
                _parse_update_team_member_roles,
            )
        )

    def get_team_icon(self, team_id: str) -> bytes:
        """The team's icon image (404 when it has none; 501 without file storage)."""
        return self._call(
            ApiCall("GetTeamIcon", api_teams_pb2.GetTeamIconRequest(team_id=team_id), _parse_get_team_icon)
        )

    def set_team_icon(self, team_id: str, data: bytes) -> None:
        """Sets the team's icon from PNG, JPEG, GIF, BMP or WebP bytes and stamps last_team_icon_update."""
        return self._call(
            ApiCall("SetTeamIcon", api_teams_pb2.SetTeamIconRequest(team_id=team_id, data=data), _no_result)
        )

    def remove_team_icon(self, team_id: str) -> None:
        """Removes the team's icon and resets last_team_icon_update to 0."""
        return self._call(ApiCall("RemoveTeamIcon", api_teams_pb2.RemoveTeamIconRequest(team_id=team_id), _no_result))

    def get_team_stats(self, team_id: str) -> TeamStats:
        """How many current members the team has, and how many of them are active accounts."""
        return self._call(
            ApiCall("GetTeamStats", api_teams_pb2.GetTeamStatsRequest(team_id=team_id), _parse_get_team_stats)
        )

    def create_channel(self, channel: Channel | None) -> Channel:
        """Creates a public (O) or private (P) channel on a team; the plugin's channel has no creator
        member unless creator_id names a team member.
        """
        return self._call(
            ApiCall(
                "CreateChannel",
                api_channels_pb2.CreateChannelRequest(channel=(None if channel is None else channel.to_proto())),
                _parse_create_channel,
            )
        )

    def delete_channel(self, channel_id: str) -> None:
        """Archives a channel (sets delete_at); ChannelWillBeArchived plugins may refuse. Direct and group
        messages cannot be archived.
        """
        return self._call(
            ApiCall("DeleteChannel", api_channels_pb2.DeleteChannelRequest(channel_id=channel_id), _no_result)
        )

    def restore_channel(self, channel_id: str) -> None:
        """Restores an archived channel (clears delete_at)."""
        return self._call(
            ApiCall("RestoreChannel", api_channels_pb2.RestoreChannelRequest(channel_id=channel_id), _no_result)
        )

    def get_channel_of_type(self, channel_id: str, channel_type: str) -> Channel:
        """A channel by id that must be of channel_type ("O", "P", "D" or "G"); 404 when there is none of
        that type.
        """
        return self._call(
            ApiCall(
                "GetChannelOfType",
                api_channels_pb2.GetChannelOfTypeRequest(channel_id=channel_id, channel_type=channel_type),
                _parse_get_channel_of_type,
            )
        )

    def get_public_channels_for_team(self, team_id: str, page: int, per_page: int) -> list[Channel]:
        """A page of a team's open, unarchived channels, by name."""
        return self._call(
            ApiCall(
                "GetPublicChannelsForTeam",
                api_channels_pb2.GetPublicChannelsForTeamRequest(team_id=team_id, page=page, per_page=per_page),
                _parse_get_public_channels_for_team,
            )
        )

    def get_channel_by_name(self, team_id: str, name: str, include_deleted: bool) -> Channel:
        """A channel by its name on a team; archived channels only with include_deleted."""
        return self._call(
            ApiCall(
                "GetChannelByName",
                api_channels_pb2.GetChannelByNameRequest(team_id=team_id, name=name, include_deleted=include_deleted),
                _parse_get_channel_by_name,
            )
        )

    def get_channel_by_name_for_team_name(self, team_name: str, channel_name: str, include_deleted: bool) -> Channel:
        """A channel by its name on the team named team_name; archived channels only with include_deleted."""
        return self._call(
            ApiCall(
                "GetChannelByNameForTeamName",
                api_channels_pb2.GetChannelByNameForTeamNameRequest(
                    team_name=team_name, channel_name=channel_name, include_deleted=include_deleted
                ),
                _parse_get_channel_by_name_for_team_name,
            )
        )

    def get_channels_for_team_for_user(self, team_id: str, user_id: str, include_deleted: bool) -> list[Channel]:
        """The user's channels on a team plus their direct and group messages (all teams when team_id is
        empty).
        """
        return self._call(
            ApiCall(
                "GetChannelsForTeamForUser",
                api_channels_pb2.GetChannelsForTeamForUserRequest(
                    team_id=team_id, user_id=user_id, include_deleted=include_deleted
                ),
                _parse_get_channels_for_team_for_user,
            )
        )

    def get_channel_stats(self, channel_id: str) -> ChannelStats:
        """Member, guest, pinned post and file counts of a channel."""
        return self._call(
            ApiCall(
                "GetChannelStats",
                api_channels_pb2.GetChannelStatsRequest(channel_id=channel_id),
                _parse_get_channel_stats,
            )
        )

    def get_direct_channel(self, user_id_1: str, user_id_2: str) -> Channel:
        """The direct message channel between two users, created on first use."""
        return self._call(
            ApiCall(
                "GetDirectChannel",
                api_channels_pb2.GetDirectChannelRequest(user_id_1=user_id_1, user_id_2=user_id_2),
                _parse_get_direct_channel,
            )
        )

    def get_group_channel(self, user_ids: list[str]) -> Channel:
        """The group message channel of 3 to 8 users, created on first use."""
        return self._call(
            ApiCall(
                "GetGroupChannel",
                api_channels_pb2.GetGroupChannelRequest(user_ids=list(user_ids)),
                _parse_get_group_channel,
            )
        )

    def update_channel(self, channel: Channel | None) -> Channel:
        """Updates a channel's display name, name, header and purpose (by channel.id)."""
        return self._call(
            ApiCall(
                "UpdateChannel",
                api_channels_pb2.UpdateChannelRequest(channel=(None if channel is None else channel.to_proto())),
                _parse_update_channel,
            )
        )

    def register_channel_guard(self, channel_id: str) -> None:
        """Claims the channel for this plugin: its Will hooks on that channel then run after the others
        and fail closed, and the channel's changes fail while the plugin is not running. Idempotent.
        """
        return self._call(
            ApiCall(
                "RegisterChannelGuard", api_channels_pb2.RegisterChannelGuardRequest(channel_id=channel_id), _no_result
            )
        )

    def unregister_channel_guard(self, channel_id: str) -> None:
        """Releases this plugin's claim on the channel (no error when it has none); other plugins' claims
        stay.
        """
        return self._call(
            ApiCall(
                "UnregisterChannelGuard",
                api_channels_pb2.UnregisterChannelGuardRequest(channel_id=channel_id),
                _no_result,
            )
        )

    def search_channels(self, team_id: str, term: str) -> list[Channel]:
        """A team's open, unarchived channels whose name or display name contain term (case-insensitive),
        by display name (at most 100).
        """
        return self._call(
            ApiCall(
                "SearchChannels",
                api_channels_pb2.SearchChannelsRequest(team_id=team_id, term=term),
                _parse_search_channels,
            )
        )

    def create_channel_sidebar_category(
        self, user_id: str, team_id: str, new_category: SidebarCategoryWithChannels | None
    ) -> SidebarCategoryWithChannels:
        """Creates a custom sidebar category for the user on the team, moving the given channels into it."""
        return self._call(
            ApiCall(
                "CreateChannelSidebarCategory",
                api_channels_pb2.CreateChannelSidebarCategoryRequest(
                    user_id=user_id,
                    team_id=team_id,
                    new_category=(None if new_category is None else new_category.to_proto()),
                ),
                _parse_create_channel_sidebar_category,
            )
        )

    def get_channel_sidebar_categories(self, user_id: str, team_id: str) -> OrderedSidebarCategories:
        """The user's sidebar categories on the team, in order (the default ones are made on first use)."""
        return self._call(
            ApiCall(
                "GetChannelSidebarCategories",
                api_channels_pb2.GetChannelSidebarCategoriesRequest(user_id=user_id, team_id=team_id),
                _parse_get_channel_sidebar_categories,
            )
        )

    def update_channel_sidebar_categories(
        self, user_id: str, team_id: str, categories: list[SidebarCategoryWithChannels]
    ) -> list[SidebarCategoryWithChannels]:
        """Updates the given sidebar categories of the user on the team (name, sorting, muted, collapsed,
        channels).
        """
        return self._call(
            ApiCall(
                "UpdateChannelSidebarCategories",
                api_channels_pb2.UpdateChannelSidebarCategoriesRequest(
                    user_id=user_id, team_id=team_id, categories=[item.to_proto() for item in categories]
                ),
                _parse_update_channel_sidebar_categories,
            )
        )

    def add_channel_member(self, channel_id: str, user_id: str) -> ChannelMember:
        """Joins a user to a channel as if they joined themselves (ChannelMemberWillBeAdded plugins may
        refuse).
        """
        return self._call(
            ApiCall(
                "AddChannelMember",
                api_channels_pb2.AddChannelMemberRequest(channel_id=channel_id, user_id=user_id),
                _parse_add_channel_member,
            )
        )

    def add_user_to_channel(self, channel_id: str, user_id: str, as_user_id: str) -> ChannelMember:
        """Adds a user to a channel as if as_user_id had added them (ChannelMemberWillBeAdded plugins may
        refuse).
        """
        return self._call(
            ApiCall(
                "AddUserToChannel",
                api_channels_pb2.AddUserToChannelRequest(channel_id=channel_id, user_id=user_id, as_user_id=as_user_id),
                _parse_add_user_to_channel,
            )
        )

    def get_channel_member(self, channel_id: str, user_id: str) -> ChannelMember:
        """A user's membership of a channel (404 when not a member)."""
        return self._call(
            ApiCall(
                "GetChannelMember",
                api_channels_pb2.GetChannelMemberRequest(channel_id=channel_id, user_id=user_id),
                _parse_get_channel_member,
            )
        )

    def get_channel_members(self, channel_id: str, page: int, per_page: int) -> list[ChannelMember]:
        """A page of a channel's memberships."""
        return self._call(
            ApiCall(
                "GetChannelMembers",
                api_channels_pb2.GetChannelMembersRequest(channel_id=channel_id, page=page, per_page=per_page),
                _parse_get_channel_members,
            )
        )

    def get_channel_members_by_ids(self, channel_id: str, user_ids: list[str]) -> list[ChannelMember]:
        """The memberships of the given users in a channel (non-members are left out)."""
        return self._call(
            ApiCall(
                "GetChannelMembersByIds",
                api_channels_pb2.GetChannelMembersByIdsRequest(channel_id=channel_id, user_ids=list(user_ids)),
                _parse_get_channel_members_by_ids,
            )
        )

    def get_channel_members_for_user(self, team_id: str, user_id: str, page: int, per_page: int) -> list[ChannelMember]:
        """A page of the user's channel memberships (team_id is ignored, as in Mattermost)."""
        return self._call(
            ApiCall(
                "GetChannelMembersForUser",
                api_channels_pb2.GetChannelMembersForUserRequest(
                    team_id=team_id, user_id=user_id, page=page, per_page=per_page
                ),
                _parse_get_channel_members_for_user,
            )
        )

    def update_channel_member_roles(self, channel_id: str, user_id: str, new_roles: str) -> ChannelMember:
        """Sets a member's roles: "channel_user", optionally with "channel_admin"."""
        return self._call(
            ApiCall(
                "UpdateChannelMemberRoles",
                api_channels_pb2.UpdateChannelMemberRolesRequest(
                    channel_id=channel_id, user_id=user_id, new_roles=new_roles
                ),
                _parse_update_channel_member_roles,
            )
        )

    def update_channel_member_notifications(
        self, channel_id: str, user_id: str, notifications: dict[str, str]
    ) -> ChannelMember:
        """Merges the given notification properties into a member's."""
        return self._call(
            ApiCall(
                "UpdateChannelMemberNotifications",
                api_channels_pb2.UpdateChannelMemberNotificationsRequest(
                    channel_id=channel_id, user_id=user_id, notifications=dict(notifications)
                ),
                _parse_update_channel_member_notifications,
            )
        )

    def patch_channel_members_notifications(
        self, members: list[ChannelMemberIdentifier], notify_props: dict[str, str]
    ) -> None:
        """Merges notify_props into each of up to 200 memberships."""
        return self._call(
            ApiCall(
                "PatchChannelMembersNotifications",
                api_channels_pb2.PatchChannelMembersNotificationsRequest(
                    members=[item.to_proto() for item in members], notify_props=dict(notify_props)
                ),
                _no_result,
            )
        )

    def delete_channel_member(self, channel_id: str, user_id: str) -> None:
        """Removes a user from a channel (as when they leave it)."""
        return self._call(
            ApiCall(
                "DeleteChannelMember",
                api_channels_pb2.DeleteChannelMemberRequest(channel_id=channel_id, user_id=user_id),
                _no_result,
            )
        )

    def add_reaction(self, reaction: Reaction | None) -> Reaction:
        """Adds reaction.user_id's reaction to a post (no membership check, as in Mattermost); adding the
        same reaction again is a no-op answering it. Runs ReactionHasBeenAdded.
        """
        return self._call(
            ApiCall(
                "AddReaction",
                api_posts_pb2.AddReactionRequest(reaction=(None if reaction is None else reaction.to_proto())),
                _parse_add_reaction,
            )
        )

    def remove_reaction(self, reaction: Reaction | None) -> None:
        """Removes a user's reaction from a post (no error when it is not there)."""
        return self._call(
            ApiCall(
                "RemoveReaction",
                api_posts_pb2.RemoveReactionRequest(reaction=(None if reaction is None else reaction.to_proto())),
                _no_result,
            )
        )

    def get_reactions(self, post_id: str) -> list[Reaction]:
        """Every reaction on a post, oldest first (404 when the post does not exist)."""
        return self._call(
            ApiCall("GetReactions", api_posts_pb2.GetReactionsRequest(post_id=post_id), _parse_get_reactions)
        )

    def send_ephemeral_post(self, user_id: str, post: Post | None) -> Post:
        """Shows a post to one user only, over the WebSocket ("ephemeral_message"); never stored. Fills
        in id, create_at and type "system_ephemeral" and returns the post as sent.
        """
        return self._call(
            ApiCall(
                "SendEphemeralPost",
                api_posts_pb2.SendEphemeralPostRequest(
                    user_id=user_id, post=(None if post is None else post.to_proto())
                ),
                _parse_send_ephemeral_post,
            )
        )

    def update_ephemeral_post(self, user_id: str, post: Post | None) -> Post:
        """Replaces an ephemeral post the user was shown ("post_edited" to that user only)."""
        return self._call(
            ApiCall(
                "UpdateEphemeralPost",
                api_posts_pb2.UpdateEphemeralPostRequest(
                    user_id=user_id, post=(None if post is None else post.to_proto())
                ),
                _parse_update_ephemeral_post,
            )
        )

    def delete_ephemeral_post(self, user_id: str, post_id: str) -> None:
        """Removes an ephemeral post from the user's view ("post_deleted" to that user only)."""
        return self._call(
            ApiCall(
                "DeleteEphemeralPost",
                api_posts_pb2.DeleteEphemeralPostRequest(user_id=user_id, post_id=post_id),
                _no_result,
            )
        )

    def delete_post(self, post_id: str) -> None:
        """Deletes a post (a root with its replies), as REST does: soft delete, "post_deleted",
        MessageHasBeenDeleted.
        """
        return self._call(ApiCall("DeletePost", api_posts_pb2.DeletePostRequest(post_id=post_id), _no_result))

    def get_post_thread(self, post_id: str) -> PostList:
        """The post's whole thread (root and replies, newest first) as a PostList."""
        return self._call(
            ApiCall("GetPostThread", api_posts_pb2.GetPostThreadRequest(post_id=post_id), _parse_get_post_thread)
        )

    def get_posts_since(self, channel_id: str, time: int) -> PostList:
        """Posts of the channel created, edited or deleted since time (epoch ms), deleted ones included."""
        return self._call(
            ApiCall(
                "GetPostsSince",
                api_posts_pb2.GetPostsSinceRequest(channel_id=channel_id, time=time),
                _parse_get_posts_since,
            )
        )

    def get_posts_after(self, channel_id: str, post_id: str, page: int, per_page: int) -> PostList:
        """A page of the channel's posts newer than post_id, newest first."""
        return self._call(
            ApiCall(
                "GetPostsAfter",
                api_posts_pb2.GetPostsAfterRequest(
                    channel_id=channel_id, post_id=post_id, page=page, per_page=per_page
                ),
                _parse_get_posts_after,
            )
        )

    def get_posts_before(self, channel_id: str, post_id: str, page: int, per_page: int) -> PostList:
        """A page of the channel's posts older than post_id, newest first."""
        return self._call(
            ApiCall(
                "GetPostsBefore",
                api_posts_pb2.GetPostsBeforeRequest(
                    channel_id=channel_id, post_id=post_id, page=page, per_page=per_page
                ),
                _parse_get_posts_before,
            )
        )

    def get_posts_for_channel(self, channel_id: str, page: int, per_page: int) -> PostList:
        """A page of the channel's posts, newest first (per_page 1-200)."""
        return self._call(
            ApiCall(
                "GetPostsForChannel",
                api_posts_pb2.GetPostsForChannelRequest(channel_id=channel_id, page=page, per_page=per_page),
                _parse_get_posts_for_channel,
            )
        )

    def update_post(self, post: Post | None) -> Post:
        """Edits a post: message, props, is_pinned and file_ids (which may only shrink) take the given
        values; runs MessageWillBeUpdated / MessageHasBeenUpdated and sends "post_edited".
        """
        return self._call(
            ApiCall(
                "UpdatePost",
                api_posts_pb2.UpdatePostRequest(post=(None if post is None else post.to_proto())),
                _parse_update_post,
            )
        )

    def search_posts_in_team(self, team_id: str, params_list: list[SearchParams]) -> list[Post]:
        """Posts of the team's channels matching any of the searches, newest first."""
        return self._call(
            ApiCall(
                "SearchPostsInTeam",
                api_posts_pb2.SearchPostsInTeamRequest(
                    team_id=team_id, params_list=[item.to_proto() for item in params_list]
                ),
                _parse_search_posts_in_team,
            )
        )

    def search_posts_in_team_for_user(
        self, team_id: str, user_id: str, search_params: SearchParameter | None
    ) -> PostSearchResults:
        """A user's search (query text with from:/in:/before:/after:/on: flags) over the team's channels
        and the direct and group messages they are a member of.
        """
        return self._call(
            ApiCall(
                "SearchPostsInTeamForUser",
                api_posts_pb2.SearchPostsInTeamForUserRequest(
                    team_id=team_id,
                    user_id=user_id,
                    search_params=(None if search_params is None else search_params.to_proto()),
                ),
                _parse_search_posts_in_team_for_user,
            )
        )

    def move_threads_to_backing_channel(self, root_ids: list[str], channel_id: str) -> None:
        """Moves root posts with their whole threads into another backing channel (type "S"), in place:
        ids, timestamps and reactions are kept. Reply ids are rejected; unknown ids move nothing.
        """
        return self._call(
            ApiCall(
                "MoveThreadsToBackingChannel",
                api_posts_pb2.MoveThreadsToBackingChannelRequest(root_ids=list(root_ids), channel_id=channel_id),
                _no_result,
            )
        )

    def add_channels_to_retention_policy(self, policy_id: str, channel_ids: list[str]) -> None:
        """Data-retention policies are an Enterprise feature this server does not run: always 501."""
        return self._call(
            ApiCall(
                "AddChannelsToRetentionPolicy",
                api_posts_pb2.AddChannelsToRetentionPolicyRequest(policy_id=policy_id, channel_ids=list(channel_ids)),
                _no_result,
            )
        )

    def remove_channels_from_retention_policy(self, policy_id: str, channel_ids: list[str]) -> None:
        """Data-retention policies are an Enterprise feature this server does not run: always 501."""
        return self._call(
            ApiCall(
                "RemoveChannelsFromRetentionPolicy",
                api_posts_pb2.RemoveChannelsFromRetentionPolicyRequest(
                    policy_id=policy_id, channel_ids=list(channel_ids)
                ),
                _no_result,
            )
        )

    def get_emoji_list(self, sort_by: str, page: int, per_page: int) -> list[Emoji]:
        """Custom emoji, sort_by "" (creation order) or "name", per_page from page * per_page."""
        return self._call(
            ApiCall(
                "GetEmojiList",
                api_files_pb2.GetEmojiListRequest(sort_by=sort_by, page=page, per_page=per_page),
                _parse_get_emoji_list,
            )
        )

    def get_emoji_by_name(self, name: str) -> Emoji:
        """A custom emoji by name (404 when there is none; 501 when custom emoji are disabled)."""
        return self._call(
            ApiCall("GetEmojiByName", api_files_pb2.GetEmojiByNameRequest(name=name), _parse_get_emoji_by_name)
        )

    def get_emoji(self, emoji_id: str) -> Emoji:
        """A custom emoji by id (404 when there is none; 501 when custom emoji are disabled)."""
        return self._call(ApiCall("GetEmoji", api_files_pb2.GetEmojiRequest(emoji_id=emoji_id), _parse_get_emoji))

    def get_emoji_image(self, emoji_id: str) -> EmojiImage:
        """A custom emoji's image bytes and format ("png", "gif", "jpeg" or "webp")."""
        return self._call(
            ApiCall("GetEmojiImage", api_files_pb2.GetEmojiImageRequest(emoji_id=emoji_id), _parse_get_emoji_image)
        )

    def copy_file_infos(self, user_id: str, file_ids: list[str]) -> list[str]:
        """Copies files' infos for user_id (not attached to any post; the bytes are shared) and returns
        the new ids in the given order.
        """
        return self._call(
            ApiCall(
                "CopyFileInfos",
                api_files_pb2.CopyFileInfosRequest(user_id=user_id, file_ids=list(file_ids)),
                _parse_copy_file_infos,
            )
        )

    def get_file_info(self, file_id: str) -> FileInfo:
        """A file's metadata by id (404 when there is none)."""
        return self._call(
            ApiCall("GetFileInfo", api_files_pb2.GetFileInfoRequest(file_id=file_id), _parse_get_file_info)
        )

    def set_file_searchable_content(self, file_id: str, content: str) -> None:
        """Stores text that file search matches for this file (e.g. extracted from a document)."""
        return self._call(
            ApiCall(
                "SetFileSearchableContent",
                api_files_pb2.SetFileSearchableContentRequest(file_id=file_id, content=content),
                _no_result,
            )
        )

    def get_file_infos(self, page: int, per_page: int, opt: GetFileInfosOptions | None = None) -> list[FileInfo]:
        """File infos filtered by users, channels and time, ordered by creation time or size, paged."""
        return self._call(
            ApiCall(
                "GetFileInfos",
                api_files_pb2.GetFileInfosRequest(
                    page=page, per_page=per_page, opt=(None if opt is None else opt.to_proto())
                ),
                _parse_get_file_infos,
            )
        )

    def get_file(self, file_id: str) -> bytes:
        """A file's whole content (413 beyond the 64 MiB message limit)."""
        return self._call(ApiCall("GetFile", api_files_pb2.GetFileRequest(file_id=file_id), _parse_get_file))

    def get_file_link(self, file_id: str) -> str:
        """A public link to a file attached to a post (501 unless FileSettings.EnablePublicLink)."""
        return self._call(
            ApiCall("GetFileLink", api_files_pb2.GetFileLinkRequest(file_id=file_id), _parse_get_file_link)
        )

    def read_file(self, path: str) -> bytes:
        """The content of a file by its path in the server's file store (413 beyond 64 MiB)."""
        return self._call(ApiCall("ReadFile", api_files_pb2.ReadFileRequest(path=path), _parse_read_file))

    def upload_file(self, data: bytes, channel_id: str, filename: str) -> FileInfo:
        """Stores data as a new file in a channel (not yet attached to a post); runs FileWillBeUploaded."""
        return self._call(
            ApiCall(
                "UploadFile",
                api_files_pb2.UploadFileRequest(data=data, channel_id=channel_id, filename=filename),
                _parse_upload_file,
            )
        )

    def create_upload_session(self, upload_session: UploadSession | None) -> UploadSession:
        """Starts a resumable upload of file_size bytes; send them with UploadData."""
        return self._call(
            ApiCall(
                "CreateUploadSession",
                api_files_pb2.CreateUploadSessionRequest(
                    upload_session=(None if upload_session is None else upload_session.to_proto())
                ),
                _parse_create_upload_session,
            )
        )

    def get_upload_session(self, upload_id: str) -> UploadSession:
        """An upload session by id, with how many bytes it has received (404 when there is none)."""
        return self._call(
            ApiCall(
                "GetUploadSession",
                api_files_pb2.GetUploadSessionRequest(upload_id=upload_id),
                _parse_get_upload_session,
            )
        )

    def create_bot(self, bot: Bot | None) -> Bot:
        """Creates a bot account; an empty owner_id makes this plugin its owner (a bot cannot own a bot)."""
        return self._call(
            ApiCall(
                "CreateBot",
                api_bots_commands_pb2.CreateBotRequest(bot=(None if bot is None else bot.to_proto())),
                _parse_create_bot,
            )
        )

    def patch_bot(self, user_id: str, bot_patch: BotPatch | None) -> Bot:
        """Changes the set fields of a bot (username, display name, description) and its user."""
        return self._call(
            ApiCall(
                "PatchBot",
                api_bots_commands_pb2.PatchBotRequest(
                    user_id=user_id, bot_patch=(None if bot_patch is None else bot_patch.to_proto())
                ),
                _parse_patch_bot,
            )
        )

    def get_bot(self, user_id: str, include_deleted: bool) -> Bot:
        """A bot by its user id (404 when there is none, or when it is deactivated and include_deleted is false)."""
        return self._call(
            ApiCall(
                "GetBot",
                api_bots_commands_pb2.GetBotRequest(user_id=user_id, include_deleted=include_deleted),
                _parse_get_bot,
            )
        )

    def get_bots(self, options: BotGetOptions | None) -> list[Bot]:
        """A page of bots ordered by username, filtered by owner, deactivation and orphaned state."""
        return self._call(
            ApiCall(
                "GetBots",
                api_bots_commands_pb2.GetBotsRequest(options=(None if options is None else options.to_proto())),
                _parse_get_bots,
            )
        )

    def update_bot_active(self, user_id: str, active: bool) -> Bot:
        """Deactivates or reactivates a bot together with its user."""
        return self._call(
            ApiCall(
                "UpdateBotActive",
                api_bots_commands_pb2.UpdateBotActiveRequest(user_id=user_id, active=active),
                _parse_update_bot_active,
            )
        )

    def permanent_delete_bot(self, user_id: str) -> None:
        """Deletes a bot and its user for good."""
        return self._call(
            ApiCall("PermanentDeleteBot", api_bots_commands_pb2.PermanentDeleteBotRequest(user_id=user_id), _no_result)
        )

    def ensure_bot_user(self, bot: Bot | None) -> str:
        """This plugin's bot with that username: created if missing, kept in sync and reactivated if it
        exists; the bot's user id. A bot owned by someone else or a non-bot user is an error.
        """
        return self._call(
            ApiCall(
                "EnsureBotUser",
                api_bots_commands_pb2.EnsureBotUserRequest(bot=(None if bot is None else bot.to_proto())),
                _parse_ensure_bot_user,
            )
        )

    def execute_slash_command(self, command_args: CommandArgs | None) -> CommandResponse:
        """Runs a slash command as if command_args.user_id typed it in command_args.channel_id."""
        return self._call(
            ApiCall(
                "ExecuteSlashCommand",
                api_bots_commands_pb2.ExecuteSlashCommandRequest(
                    command_args=(None if command_args is None else command_args.to_proto())
                ),
                _parse_execute_slash_command,
            )
        )

    def create_command(self, cmd: Command | None) -> Command:
        """Creates a custom (outgoing webhook) slash command attributed to this plugin."""
        return self._call(
            ApiCall(
                "CreateCommand",
                api_bots_commands_pb2.CreateCommandRequest(cmd=(None if cmd is None else cmd.to_proto())),
                _parse_create_command,
            )
        )

    def list_commands(self, team_id: str) -> list[Command]:
        """Every command usable on a team: plugin, built-in and custom ones."""
        return self._call(
            ApiCall("ListCommands", api_bots_commands_pb2.ListCommandsRequest(team_id=team_id), _parse_list_commands)
        )

    def list_custom_commands(self, team_id: str) -> list[Command]:
        """The custom (webhook) commands of a team."""
        return self._call(
            ApiCall(
                "ListCustomCommands",
                api_bots_commands_pb2.ListCustomCommandsRequest(team_id=team_id),
                _parse_list_custom_commands,
            )
        )

    def list_plugin_commands(self, team_id: str) -> list[Command]:
        """The commands plugins registered for a team (including all-teams ones), one per trigger."""
        return self._call(
            ApiCall(
                "ListPluginCommands",
                api_bots_commands_pb2.ListPluginCommandsRequest(team_id=team_id),
                _parse_list_plugin_commands,
            )
        )

    def list_built_in_commands(self) -> list[Command]:
        """The built-in commands this server runs (none: this server has no built-in slash commands)."""
        return self._call(
            ApiCall(
                "ListBuiltInCommands", api_bots_commands_pb2.ListBuiltInCommandsRequest(), _parse_list_built_in_commands
            )
        )

    def get_command(self, command_id: str) -> Command:
        """A custom command by id (404 when there is none or it was deleted)."""
        return self._call(
            ApiCall("GetCommand", api_bots_commands_pb2.GetCommandRequest(command_id=command_id), _parse_get_command)
        )

    def update_command(self, command_id: str, updated_cmd: Command | None) -> Command:
        """Replaces a custom command's settings, keeping its id, token and creation time."""
        return self._call(
            ApiCall(
                "UpdateCommand",
                api_bots_commands_pb2.UpdateCommandRequest(
                    command_id=command_id, updated_cmd=(None if updated_cmd is None else updated_cmd.to_proto())
                ),
                _parse_update_command,
            )
        )

    def delete_command(self, command_id: str) -> None:
        """Deletes a custom command."""
        return self._call(
            ApiCall("DeleteCommand", api_bots_commands_pb2.DeleteCommandRequest(command_id=command_id), _no_result)
        )

    def create_oauth_app(self, app: OAuthApp | None) -> OAuthApp:
        """Registers an OAuth app; the server generates its id and client secret."""
        return self._call(
            ApiCall(
                "CreateOAuthApp",
                api_bots_commands_pb2.CreateOAuthAppRequest(app=(None if app is None else app.to_proto())),
                _parse_create_oauth_app,
            )
        )

    def get_oauth_app(self, app_id: str) -> OAuthApp:
        """An OAuth app by id (404 when there is none)."""
        return self._call(
            ApiCall("GetOAuthApp", api_bots_commands_pb2.GetOAuthAppRequest(app_id=app_id), _parse_get_oauth_app)
        )

    def update_oauth_app(self, app: OAuthApp | None) -> OAuthApp:
        """Updates an OAuth app's settings; id, creator, secret and creation time stay."""
        return self._call(
            ApiCall(
                "UpdateOAuthApp",
                api_bots_commands_pb2.UpdateOAuthAppRequest(app=(None if app is None else app.to_proto())),
                _parse_update_oauth_app,
            )
        )

    def delete_oauth_app(self, app_id: str) -> None:
        """Deletes an OAuth app."""
        return self._call(
            ApiCall("DeleteOAuthApp", api_bots_commands_pb2.DeleteOAuthAppRequest(app_id=app_id), _no_result)
        )

    def get_group(self, group_id: str) -> Group:
        """A group by id, archived or not (404 when there is none)."""
        return self._call(ApiCall("GetGroup", api_groups_pb2.GetGroupRequest(group_id=group_id), _parse_get_group))

    def get_group_by_name(self, name: str) -> Group:
        """A group by its unique name (404 when there is none)."""
        return self._call(
            ApiCall("GetGroupByName", api_groups_pb2.GetGroupByNameRequest(name=name), _parse_get_group_by_name)
        )

    def get_group_member_users(self, group_id: str, page: int, per_page: int) -> list[User]:
        """A page of the group's current members as users, by username (per_page 0 means 60)."""
        return self._call(
            ApiCall(
                "GetGroupMemberUsers",
                api_groups_pb2.GetGroupMemberUsersRequest(group_id=group_id, page=page, per_page=per_page),
                _parse_get_group_member_users,
            )
        )

    def get_groups_by_source(self, group_source: str) -> list[Group]:
        """The active groups of a source ("custom", "ldap" or "plugin_<id>")."""
        return self._call(
            ApiCall(
                "GetGroupsBySource",
                api_groups_pb2.GetGroupsBySourceRequest(group_source=group_source),
                _parse_get_groups_by_source,
            )
        )

    def get_groups_for_user(self, user_id: str) -> list[Group]:
        """The active groups the user is a member of."""
        return self._call(
            ApiCall(
                "GetGroupsForUser", api_groups_pb2.GetGroupsForUserRequest(user_id=user_id), _parse_get_groups_for_user
            )
        )

    def upsert_group_member(self, group_id: str, user_id: str) -> GroupMember:
        """Adds the user to the group, or restores their removed membership."""
        return self._call(
            ApiCall(
                "UpsertGroupMember",
                api_groups_pb2.UpsertGroupMemberRequest(group_id=group_id, user_id=user_id),
                _parse_upsert_group_member,
            )
        )

    def upsert_group_members(self, group_id: str, user_ids: list[str]) -> list[GroupMember]:
        """Adds the users to the group, or restores their removed memberships."""
        return self._call(
            ApiCall(
                "UpsertGroupMembers",
                api_groups_pb2.UpsertGroupMembersRequest(group_id=group_id, user_ids=list(user_ids)),
                _parse_upsert_group_members,
            )
        )

    def get_group_by_remote_id(self, remote_id: str, group_source: str) -> Group:
        """A group by its remote id within a source (404 when there is none)."""
        return self._call(
            ApiCall(
                "GetGroupByRemoteID",
                api_groups_pb2.GetGroupByRemoteIDRequest(remote_id=remote_id, group_source=group_source),
                _parse_get_group_by_remote_id,
            )
        )

    def create_group(self, group: Group | None) -> Group:
        """Creates a group; its name must be unique (409) and so must its remote id within the source."""
        return self._call(
            ApiCall(
                "CreateGroup",
                api_groups_pb2.CreateGroupRequest(group=(None if group is None else group.to_proto())),
                _parse_create_group,
            )
        )

    def update_group(self, group: Group | None) -> Group:
        """Updates a group's name, display name, description and allow_reference; source and remote id stay."""
        return self._call(
            ApiCall(
                "UpdateGroup",
                api_groups_pb2.UpdateGroupRequest(group=(None if group is None else group.to_proto())),
                _parse_update_group,
            )
        )

    def delete_group(self, group_id: str) -> Group:
        """Archives a group (sets delete_at); its members and links stay for a restore."""
        return self._call(
            ApiCall("DeleteGroup", api_groups_pb2.DeleteGroupRequest(group_id=group_id), _parse_delete_group)
        )

    def restore_group(self, group_id: str) -> Group:
        """Restores an archived group (404 when it is not archived)."""
        return self._call(
            ApiCall("RestoreGroup", api_groups_pb2.RestoreGroupRequest(group_id=group_id), _parse_restore_group)
        )

    def delete_group_member(self, group_id: str, user_id: str) -> GroupMember:
        """Removes the user from the group (sets the membership's delete_at)."""
        return self._call(
            ApiCall(
                "DeleteGroupMember",
                api_groups_pb2.DeleteGroupMemberRequest(group_id=group_id, user_id=user_id),
                _parse_delete_group_member,
            )
        )

    def get_group_syncable(self, group_id: str, syncable_id: str, syncable_type: str) -> GroupSyncable:
        """The group's link to a team or channel, removed (delete_at set) or not; 404 when there never was one."""
        return self._call(
            ApiCall(
                "GetGroupSyncable",
                api_groups_pb2.GetGroupSyncableRequest(
                    group_id=group_id, syncable_id=syncable_id, syncable_type=syncable_type
                ),
                _parse_get_group_syncable,
            )
        )

    def get_group_syncables(self, group_id: str, syncable_type: str) -> list[GroupSyncable]:
        """The group's current links to teams, or to channels."""
        return self._call(
            ApiCall(
                "GetGroupSyncables",
                api_groups_pb2.GetGroupSyncablesRequest(group_id=group_id, syncable_type=syncable_type),
                _parse_get_group_syncables,
            )
        )

    def upsert_group_syncable(self, group_syncable: GroupSyncable | None) -> GroupSyncable:
        """Links a group to a team or channel (or restores and updates a removed link)."""
        return self._call(
            ApiCall(
                "UpsertGroupSyncable",
                api_groups_pb2.UpsertGroupSyncableRequest(
                    group_syncable=(None if group_syncable is None else group_syncable.to_proto())
                ),
                _parse_upsert_group_syncable,
            )
        )

    def update_group_syncable(self, group_syncable: GroupSyncable | None) -> GroupSyncable:
        """Sets an existing link's auto_add, scheme_admin and delete_at (0 restores a removed link)."""
        return self._call(
            ApiCall(
                "UpdateGroupSyncable",
                api_groups_pb2.UpdateGroupSyncableRequest(
                    group_syncable=(None if group_syncable is None else group_syncable.to_proto())
                ),
                _parse_update_group_syncable,
            )
        )

    def delete_group_syncable(self, group_id: str, syncable_id: str, syncable_type: str) -> GroupSyncable:
        """Removes a group's link (sets its delete_at); removing a team link removes the links to its channels."""
        return self._call(
            ApiCall(
                "DeleteGroupSyncable",
                api_groups_pb2.DeleteGroupSyncableRequest(
                    group_id=group_id, syncable_id=syncable_id, syncable_type=syncable_type
                ),
                _parse_delete_group_syncable,
            )
        )

    def get_groups(
        self,
        page: int,
        per_page: int,
        opts: GroupSearchOpts | None,
        view_restrictions: ViewUsersRestrictions | None = None,
    ) -> list[Group]:
        """A page of groups by display name, filtered and annotated as opts asks (per_page 0: all)."""
        return self._call(
            ApiCall(
                "GetGroups",
                api_groups_pb2.GetGroupsRequest(
                    page=page,
                    per_page=per_page,
                    opts=(None if opts is None else opts.to_proto()),
                    view_restrictions=(None if view_restrictions is None else view_restrictions.to_proto()),
                ),
                _parse_get_groups,
            )
        )

    def create_default_syncable_memberships(self, params: CreateDefaultMembershipParams | None) -> None:
        """Adds the members of auto-add groups to the teams and channels those groups are linked to."""
        return self._call(
            ApiCall(
                "CreateDefaultSyncableMemberships",
                api_groups_pb2.CreateDefaultSyncableMembershipsRequest(
                    params=(None if params is None else params.to_proto())
                ),
                _no_result,
            )
        )

    def delete_group_constrained_memberships(self) -> None:
        """Removes from group-constrained teams and channels the members who are in none of their groups."""
        return self._call(
            ApiCall(
                "DeleteGroupConstrainedMemberships",
                api_groups_pb2.DeleteGroupConstrainedMembershipsRequest(),
                _no_result,
            )
        )

    def create_property_field(self, field: PropertyField | None) -> PropertyField:
        """Creates a property field in its group; a field with linked_field_id takes type and options from that template field of the same group."""
        return self._call(
            ApiCall(
                "CreatePropertyField",
                api_properties_pb2.CreatePropertyFieldRequest(field=(None if field is None else field.to_proto())),
                _parse_create_property_field,
            )
        )

    def get_property_field(self, group_id: str, field_id: str) -> PropertyField:
        """A property field of the group by id, soft-deleted or not (404 when there is none)."""
        return self._call(
            ApiCall(
                "GetPropertyField",
                api_properties_pb2.GetPropertyFieldRequest(group_id=group_id, field_id=field_id),
                _parse_get_property_field,
            )
        )

    def get_property_fields(self, group_id: str, ids: list[str]) -> list[PropertyField]:
        """The group's property fields with these ids (404 unless all exist)."""
        return self._call(
            ApiCall(
                "GetPropertyFields",
                api_properties_pb2.GetPropertyFieldsRequest(group_id=group_id, ids=list(ids)),
                _parse_get_property_fields,
            )
        )

    def update_property_field(self, group_id: str, field: PropertyField | None) -> PropertyField:
        """Updates a property field; a linked field's type and options cannot change, and linked_field_id "" unlinks it."""
        return self._call(
            ApiCall(
                "UpdatePropertyField",
                api_properties_pb2.UpdatePropertyFieldRequest(
                    group_id=group_id, field=(None if field is None else field.to_proto())
                ),
                _parse_update_property_field,
            )
        )

    def delete_property_field(self, group_id: str, field_id: str) -> None:
        """Soft-deletes a property field and its values; refused (409) while linked fields depend on it."""
        return self._call(
            ApiCall(
                "DeletePropertyField",
                api_properties_pb2.DeletePropertyFieldRequest(group_id=group_id, field_id=field_id),
                _no_result,
            )
        )

    def search_property_fields(self, group_id: str, opts: PropertyFieldSearchOpts | None) -> list[PropertyField]:
        """The group's property fields matching the filters, a page at a time with a cursor (create_at, id order)."""
        return self._call(
            ApiCall(
                "SearchPropertyFields",
                api_properties_pb2.SearchPropertyFieldsRequest(
                    group_id=group_id, opts=(None if opts is None else opts.to_proto())
                ),
                _parse_search_property_fields,
            )
        )

    def count_property_fields(self, group_id: str, include_deleted: bool) -> int:
        """How many property fields the group has, soft-deleted ones included on request."""
        return self._call(
            ApiCall(
                "CountPropertyFields",
                api_properties_pb2.CountPropertyFieldsRequest(group_id=group_id, include_deleted=include_deleted),
                _parse_count_property_fields,
            )
        )

    def count_property_fields_for_target(
        self, group_id: str, target_type: str, target_id: str, include_deleted: bool
    ) -> int:
        """How many property fields the group has for one target (type and id)."""
        return self._call(
            ApiCall(
                "CountPropertyFieldsForTarget",
                api_properties_pb2.CountPropertyFieldsForTargetRequest(
                    group_id=group_id, target_type=target_type, target_id=target_id, include_deleted=include_deleted
                ),
                _parse_count_property_fields_for_target,
            )
        )

    def create_property_value(self, value: PropertyValue | None) -> PropertyValue:
        """Creates a field's value for a target (409 when the target already has a value for the field)."""
        return self._call(
            ApiCall(
                "CreatePropertyValue",
                api_properties_pb2.CreatePropertyValueRequest(value=(None if value is None else value.to_proto())),
                _parse_create_property_value,
            )
        )

    def get_property_value(self, group_id: str, value_id: str) -> PropertyValue:
        """A property value of the group by id (404 when there is none)."""
        return self._call(
            ApiCall(
                "GetPropertyValue",
                api_properties_pb2.GetPropertyValueRequest(group_id=group_id, value_id=value_id),
                _parse_get_property_value,
            )
        )

    def get_property_values(self, group_id: str, ids: list[str]) -> list[PropertyValue]:
        """The group's property values with these ids (404 unless all exist)."""
        return self._call(
            ApiCall(
                "GetPropertyValues",
                api_properties_pb2.GetPropertyValuesRequest(group_id=group_id, ids=list(ids)),
                _parse_get_property_values,
            )
        )

    def update_property_value(self, group_id: str, value: PropertyValue | None) -> PropertyValue:
        """Replaces an existing property value's JSON value."""
        return self._call(
            ApiCall(
                "UpdatePropertyValue",
                api_properties_pb2.UpdatePropertyValueRequest(
                    group_id=group_id, value=(None if value is None else value.to_proto())
                ),
                _parse_update_property_value,
            )
        )

    def upsert_property_value(self, value: PropertyValue | None) -> PropertyValue:
        """Creates the target's value for the field, or replaces it when there is one (keyed by group, target and field)."""
        return self._call(
            ApiCall(
                "UpsertPropertyValue",
                api_properties_pb2.UpsertPropertyValueRequest(value=(None if value is None else value.to_proto())),
                _parse_upsert_property_value,
            )
        )

    def delete_property_value(self, group_id: str, value_id: str) -> None:
        """Soft-deletes a property value."""
        return self._call(
            ApiCall(
                "DeletePropertyValue",
                api_properties_pb2.DeletePropertyValueRequest(group_id=group_id, value_id=value_id),
                _no_result,
            )
        )

    def search_property_values(self, group_id: str, opts: PropertyValueSearchOpts | None) -> list[PropertyValue]:
        """The group's property values matching the filters, a page at a time with a cursor (create_at, id order)."""
        return self._call(
            ApiCall(
                "SearchPropertyValues",
                api_properties_pb2.SearchPropertyValuesRequest(
                    group_id=group_id, opts=(None if opts is None else opts.to_proto())
                ),
                _parse_search_property_values,
            )
        )

    def register_property_group(self, name: str) -> PropertyGroup:
        """Registers a property group by name, or returns the one already registered under it."""
        return self._call(
            ApiCall(
                "RegisterPropertyGroup",
                api_properties_pb2.RegisterPropertyGroupRequest(name=name),
                _parse_register_property_group,
            )
        )

    def get_property_group(self, name: str) -> PropertyGroup:
        """A property group by name (404 when there is none)."""
        return self._call(
            ApiCall(
                "GetPropertyGroup", api_properties_pb2.GetPropertyGroupRequest(name=name), _parse_get_property_group
            )
        )

    def get_property_field_by_name(self, group_id: str, target_id: str, name: str) -> PropertyField:
        """The group's live property field with this name for a target id (404 when there is none)."""
        return self._call(
            ApiCall(
                "GetPropertyFieldByName",
                api_properties_pb2.GetPropertyFieldByNameRequest(group_id=group_id, target_id=target_id, name=name),
                _parse_get_property_field_by_name,
            )
        )

    def update_property_fields(self, group_id: str, fields: list[PropertyField]) -> list[PropertyField]:
        """Updates several property fields of the group at once (all or none)."""
        return self._call(
            ApiCall(
                "UpdatePropertyFields",
                api_properties_pb2.UpdatePropertyFieldsRequest(
                    group_id=group_id, fields=[item.to_proto() for item in fields]
                ),
                _parse_update_property_fields,
            )
        )

    def update_property_values(self, group_id: str, values: list[PropertyValue]) -> list[PropertyValue]:
        """Replaces several property values of the group at once (all or none)."""
        return self._call(
            ApiCall(
                "UpdatePropertyValues",
                api_properties_pb2.UpdatePropertyValuesRequest(
                    group_id=group_id, values=[item.to_proto() for item in values]
                ),
                _parse_update_property_values,
            )
        )

    def upsert_property_values(self, values: list[PropertyValue]) -> list[PropertyValue]:
        """Creates or replaces several property values at once (all or none)."""
        return self._call(
            ApiCall(
                "UpsertPropertyValues",
                api_properties_pb2.UpsertPropertyValuesRequest(values=[item.to_proto() for item in values]),
                _parse_upsert_property_values,
            )
        )

    def delete_property_values_for_target(self, group_id: str, target_type: str, target_id: str) -> None:
        """Soft-deletes every value of the group for one target."""
        return self._call(
            ApiCall(
                "DeletePropertyValuesForTarget",
                api_properties_pb2.DeletePropertyValuesForTargetRequest(
                    group_id=group_id, target_type=target_type, target_id=target_id
                ),
                _no_result,
            )
        )

    def delete_property_values_for_field(self, group_id: str, field_id: str) -> None:
        """Soft-deletes every value of one field."""
        return self._call(
            ApiCall(
                "DeletePropertyValuesForField",
                api_properties_pb2.DeletePropertyValuesForFieldRequest(group_id=group_id, field_id=field_id),
                _no_result,
            )
        )

    def upsert_property_values_with_options(
        self, values: list[PropertyValue], options: PropertyRequestOptions | None
    ) -> list[PropertyValue]:
        """UpsertPropertyValues acting as a scope, checked against owner-managed fields' owners."""
        return self._call(
            ApiCall(
                "UpsertPropertyValuesWithOptions",
                api_properties_pb2.UpsertPropertyValuesWithOptionsRequest(
                    values=[item.to_proto() for item in values],
                    options=(None if options is None else options.to_proto()),
                ),
                _parse_upsert_property_values_with_options,
            )
        )

    def upsert_property_value_with_options(
        self, value: PropertyValue | None, options: PropertyRequestOptions | None
    ) -> PropertyValue:
        """UpsertPropertyValue acting as a scope, checked against an owner-managed field's owners."""
        return self._call(
            ApiCall(
                "UpsertPropertyValueWithOptions",
                api_properties_pb2.UpsertPropertyValueWithOptionsRequest(
                    value=(None if value is None else value.to_proto()),
                    options=(None if options is None else options.to_proto()),
                ),
                _parse_upsert_property_value_with_options,
            )
        )

    def delete_property_value_with_options(
        self, group_id: str, value_id: str, options: PropertyRequestOptions | None
    ) -> None:
        """DeletePropertyValue acting as a scope, checked against an owner-managed field's owners."""
        return self._call(
            ApiCall(
                "DeletePropertyValueWithOptions",
                api_properties_pb2.DeletePropertyValueWithOptionsRequest(
                    group_id=group_id, value_id=value_id, options=(None if options is None else options.to_proto())
                ),
                _no_result,
            )
        )

    def delete_property_values_for_target_with_options(
        self, group_id: str, target_type: str, target_id: str, options: PropertyRequestOptions | None
    ) -> None:
        """DeletePropertyValuesForTarget acting as a scope (the deprovisioning entry point)."""
        return self._call(
            ApiCall(
                "DeletePropertyValuesForTargetWithOptions",
                api_properties_pb2.DeletePropertyValuesForTargetWithOptionsRequest(
                    group_id=group_id,
                    target_type=target_type,
                    target_id=target_id,
                    options=(None if options is None else options.to_proto()),
                ),
                _no_result,
            )
        )

    def delete_property_values_for_field_with_options(
        self, group_id: str, field_id: str, options: PropertyRequestOptions | None
    ) -> None:
        """DeletePropertyValuesForField acting as a scope, checked against the field's owners."""
        return self._call(
            ApiCall(
                "DeletePropertyValuesForFieldWithOptions",
                api_properties_pb2.DeletePropertyValuesForFieldWithOptionsRequest(
                    group_id=group_id, field_id=field_id, options=(None if options is None else options.to_proto())
                ),
                _no_result,
            )
        )

    def load_plugin_configuration(self) -> dict[str, Any]:
        """This plugin's settings (manifest defaults overlaid with the admin's values), as Go's
        LoadPluginConfiguration unmarshals them into its struct.
        """
        return self._call(
            ApiCall(
                "LoadPluginConfiguration",
                api_system_pb2.LoadPluginConfigurationRequest(),
                _parse_load_plugin_configuration,
            )
        )

    def get_config(self) -> dict[str, Any]:
        """The server's config (Mattermost's model.Config JSON) with secrets replaced by "********"."""
        return self._call(ApiCall("GetConfig", api_system_pb2.GetConfigRequest(), _parse_get_config))

    def get_unsanitized_config(self) -> dict[str, Any]:
        """The server's config with its secrets."""
        return self._call(
            ApiCall("GetUnsanitizedConfig", api_system_pb2.GetUnsanitizedConfigRequest(), _parse_get_unsanitized_config)
        )

    def save_config(self, config: dict[str, Any]) -> None:
        """Saves the whole config after the ConfigurationWillBeSaved hooks (any may veto); secrets left
        as "********" keep their saved value. Plugins whose settings changed get OnConfigurationChange.
        """
        return self._call(
            ApiCall("SaveConfig", api_system_pb2.SaveConfigRequest(config=dict_to_struct(config)), _no_result)
        )

    def save_plugin_config(self, config: dict[str, Any]) -> None:
        """Replaces this plugin's PluginSettings.Plugins[<id>] and saves the config as SaveConfig does."""
        return self._call(
            ApiCall(
                "SavePluginConfig", api_system_pb2.SavePluginConfigRequest(config=dict_to_struct(config)), _no_result
            )
        )

    def get_bundle_path(self) -> str:
        """The absolute path of this plugin's unpacked bundle."""
        return self._call(ApiCall("GetBundlePath", api_system_pb2.GetBundlePathRequest(), _parse_get_bundle_path))

    def get_license(self) -> dict[str, Any] | None:
        """The server's license; unset when it has none (always, on this server)."""
        return self._call(ApiCall("GetLicense", api_system_pb2.GetLicenseRequest(), _parse_get_license))

    def is_enterprise_ready(self) -> bool:
        """Whether the server is an Enterprise build (false here)."""
        return self._call(
            ApiCall("IsEnterpriseReady", api_system_pb2.IsEnterpriseReadyRequest(), _parse_is_enterprise_ready)
        )

    def get_system_install_date(self) -> int:
        """When the server first ran, in epoch milliseconds."""
        return self._call(
            ApiCall(
                "GetSystemInstallDate", api_system_pb2.GetSystemInstallDateRequest(), _parse_get_system_install_date
            )
        )

    def get_diagnostic_id(self) -> str:
        """The server's unique diagnostic id (the same as its telemetry id, as in Mattermost)."""
        return self._call(ApiCall("GetDiagnosticId", api_system_pb2.GetDiagnosticIdRequest(), _parse_get_diagnostic_id))

    def get_telemetry_id(self) -> str:
        """The server's unique telemetry id."""
        return self._call(ApiCall("GetTelemetryId", api_system_pb2.GetTelemetryIdRequest(), _parse_get_telemetry_id))

    def get_plugin_id(self) -> str:
        """This plugin's id."""
        return self._call(ApiCall("GetPluginID", api_system_pb2.GetPluginIDRequest(), _parse_get_plugin_id))

    def get_plugins(self) -> list[dict[str, Any]]:
        """Manifests of every installed plugin: the running ones first."""
        return self._call(ApiCall("GetPlugins", api_system_pb2.GetPluginsRequest(), _parse_get_plugins))

    def enable_plugin(self, id: str) -> None:
        """Enables and starts an installed plugin (404 when it is not installed)."""
        return self._call(ApiCall("EnablePlugin", api_system_pb2.EnablePluginRequest(id=id), _no_result))

    def disable_plugin(self, id: str) -> None:
        """Disables and stops a plugin; a plugin disabling itself is stopped after the call returns."""
        return self._call(ApiCall("DisablePlugin", api_system_pb2.DisablePluginRequest(id=id), _no_result))

    def remove_plugin(self, id: str) -> None:
        """Stops and deletes a plugin; a plugin removing itself is removed after the call returns."""
        return self._call(ApiCall("RemovePlugin", api_system_pb2.RemovePluginRequest(id=id), _no_result))

    def get_plugin_status(self, id: str) -> PluginStatus:
        """A plugin's status (404 when it is not installed)."""
        return self._call(
            ApiCall("GetPluginStatus", api_system_pb2.GetPluginStatusRequest(id=id), _parse_get_plugin_status)
        )

    def install_plugin(self, file: bytes, replace: bool) -> dict[str, Any]:
        """Installs a plugin bundle (.tar.gz bytes), replacing one of the same id only with replace; needs
        PluginSettings.EnableUploads (else 501). Returns the installed manifest.
        """
        return self._call(
            ApiCall(
                "InstallPlugin", api_system_pb2.InstallPluginRequest(file=file, replace=replace), _parse_install_plugin
            )
        )

    def publish_plugin_cluster_event(
        self, ev: PluginClusterEvent | None, opts: PluginClusterEventSendOptions | None
    ) -> None:
        """Sends an event to this plugin on the other cluster nodes (OnPluginClusterEvent). This server
        is a single node, so there is no other node to receive it: succeeds and delivers nothing.
        """
        return self._call(
            ApiCall(
                "PublishPluginClusterEvent",
                api_system_pb2.PublishPluginClusterEventRequest(
                    ev=(None if ev is None else ev.to_proto()), opts=(None if opts is None else opts.to_proto())
                ),
                _no_result,
            )
        )

    def register_collection_and_topic(self, collection_type: str, topic_type: str) -> None:
        """No longer supported by Mattermost: does nothing and succeeds."""
        return self._call(
            ApiCall(
                "RegisterCollectionAndTopic",
                api_system_pb2.RegisterCollectionAndTopicRequest(
                    collection_type=collection_type, topic_type=topic_type
                ),
                _no_result,
            )
        )

    def send_mail(self, to: str, subject: str, html_body: str) -> None:
        """Sends an HTML email: through EmailSettings.SMTPServer when one is configured, otherwise
        written to the mail spool (<dataDir>/mail/*.eml).
        """
        return self._call(
            ApiCall("SendMail", api_system_pb2.SendMailRequest(to=to, subject=subject, html_body=html_body), _no_result)
        )

    def send_push_notification(self, notification: dict[str, Any], user_id: str) -> None:
        """Queues a push notification for every session of the user in the push outbox
        (<dataDir>/push/*.json); no push proxy is contacted.
        """
        return self._call(
            ApiCall(
                "SendPushNotification",
                api_system_pb2.SendPushNotificationRequest(notification=dict_to_struct(notification), user_id=user_id),
                _no_result,
            )
        )

    def open_interactive_dialog(self, dialog: OpenDialog | None) -> None:
        """Opens an interactive dialog on the client of the user whose trigger id it carries (the
        open_dialog WebSocket event); 400 for a trigger id that is invalid or expired.
        """
        return self._call(
            ApiCall(
                "OpenInteractiveDialog",
                api_system_pb2.OpenInteractiveDialogRequest(dialog=(None if dialog is None else dialog.to_proto())),
                _no_result,
            )
        )

    def send_toast_message(
        self, user_id: str, connection_id: str, message: str, options: SendToastMessageOptions | None
    ) -> None:
        """Shows a toast to a user (the show_toast WebSocket event), on one connection when connection_id is set."""
        return self._call(
            ApiCall(
                "SendToastMessage",
                api_system_pb2.SendToastMessageRequest(
                    user_id=user_id,
                    connection_id=connection_id,
                    message=message,
                    options=(None if options is None else options.to_proto()),
                ),
                _no_result,
            )
        )

    def log_audit_rec(self, rec: dict[str, Any]) -> None:
        """Appends an audit record (model.AuditRecord) to the audit log, <dataDir>/logs/audit.jsonl."""
        return self._call(
            ApiCall("LogAuditRec", api_system_pb2.LogAuditRecRequest(rec=dict_to_struct(rec)), _no_result)
        )

    def log_audit_rec_with_level(self, rec: dict[str, Any], level: str) -> None:
        """Appends an audit record with the given level to the audit log."""
        return self._call(
            ApiCall(
                "LogAuditRecWithLevel",
                api_system_pb2.LogAuditRecWithLevelRequest(rec=dict_to_struct(rec), level=level),
                _no_result,
            )
        )

    def request_trial_license(
        self, requester_id: str, users: int, terms_accepted: bool, receive_emails_accepted: bool
    ) -> None:
        """Mattermost's trial license request; answers 501 here (no licensing)."""
        return self._call(
            ApiCall(
                "RequestTrialLicense",
                api_system_pb2.RequestTrialLicenseRequest(
                    requester_id=requester_id,
                    users=users,
                    terms_accepted=terms_accepted,
                    receive_emails_accepted=receive_emails_accepted,
                ),
                _no_result,
            )
        )

    def get_cloud_limits(self) -> dict[str, Any]:
        """Mattermost Cloud's workspace limits; answers 501 here (not a cloud workspace)."""
        return self._call(ApiCall("GetCloudLimits", api_system_pb2.GetCloudLimitsRequest(), _parse_get_cloud_limits))

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

    async def create_user(self, user: User | None, password: str) -> User:
        """Creates an account (Mattermost's CreateUser): username and email unique, roles assigned by the
        server (system_user; system_admin for the first account). Fires UserHasBeenCreated.
        """
        return await self._call(
            ApiCall(
                "CreateUser",
                api_users_pb2.CreateUserRequest(user=(None if user is None else user.to_proto()), password=password),
                _parse_create_user,
            )
        )

    async def delete_user(self, user_id: str) -> None:
        """Deactivates a user (a soft delete: sets delete_at, revokes their sessions), as Mattermost's
        plugin DeleteUser does. Fires UserHasBeenDeactivated.
        """
        return await self._call(ApiCall("DeleteUser", api_users_pb2.DeleteUserRequest(user_id=user_id), _no_result))

    async def get_users(self, options: UserGetOptions | None) -> list[User]:
        """A page of users matching the options, by username unless options.sort says otherwise."""
        return await self._call(
            ApiCall(
                "GetUsers",
                api_users_pb2.GetUsersRequest(options=(None if options is None else options.to_proto())),
                _parse_get_users,
            )
        )

    async def get_users_by_ids(self, user_ids: list[str]) -> list[User]:
        """The users that exist among user_ids (unknown ids are skipped)."""
        return await self._call(
            ApiCall(
                "GetUsersByIds", api_users_pb2.GetUsersByIdsRequest(user_ids=list(user_ids)), _parse_get_users_by_ids
            )
        )

    async def get_user_by_email(self, email: str) -> User:
        """A user by email, ignoring case (404 when there is none)."""
        return await self._call(
            ApiCall("GetUserByEmail", api_users_pb2.GetUserByEmailRequest(email=email), _parse_get_user_by_email)
        )

    async def get_user_by_username(self, name: str) -> User:
        """A user by username, ignoring case (404 when there is none)."""
        return await self._call(
            ApiCall("GetUserByUsername", api_users_pb2.GetUserByUsernameRequest(name=name), _parse_get_user_by_username)
        )

    async def get_users_by_usernames(self, usernames: list[str]) -> list[User]:
        """The users that exist among usernames (unknown names are skipped), by username."""
        return await self._call(
            ApiCall(
                "GetUsersByUsernames",
                api_users_pb2.GetUsersByUsernamesRequest(usernames=list(usernames)),
                _parse_get_users_by_usernames,
            )
        )

    async def get_users_in_team(self, team_id: str, page: int, per_page: int) -> list[User]:
        """A page of a team's members as users, by username."""
        return await self._call(
            ApiCall(
                "GetUsersInTeam",
                api_users_pb2.GetUsersInTeamRequest(team_id=team_id, page=page, per_page=per_page),
                _parse_get_users_in_team,
            )
        )

    async def get_users_in_channel(self, channel_id: str, sort_by: str, page: int, per_page: int) -> list[User]:
        """A page of a channel's members as users, sorted by "username" or by "status"."""
        return await self._call(
            ApiCall(
                "GetUsersInChannel",
                api_users_pb2.GetUsersInChannelRequest(
                    channel_id=channel_id, sort_by=sort_by, page=page, per_page=per_page
                ),
                _parse_get_users_in_channel,
            )
        )

    async def update_user(self, user: User | None) -> User:
        """Replaces a user's profile fields (username, email, names, position, locale, props, notify
        props, timezone); roles, auth, password and delete_at are not changed here.
        """
        return await self._call(
            ApiCall(
                "UpdateUser",
                api_users_pb2.UpdateUserRequest(user=(None if user is None else user.to_proto())),
                _parse_update_user,
            )
        )

    async def update_user_active(self, user_id: str, active: bool) -> None:
        """Deactivates (active = false: sets delete_at, revokes sessions, fires UserHasBeenDeactivated) or
        reactivates a user.
        """
        return await self._call(
            ApiCall(
                "UpdateUserActive", api_users_pb2.UpdateUserActiveRequest(user_id=user_id, active=active), _no_result
            )
        )

    async def update_user_roles(self, user_id: str, new_roles: str) -> User:
        """Replaces a user's system roles (space-separated, e.g. "system_user system_admin")."""
        return await self._call(
            ApiCall(
                "UpdateUserRoles",
                api_users_pb2.UpdateUserRolesRequest(user_id=user_id, new_roles=new_roles),
                _parse_update_user_roles,
            )
        )

    async def update_user_auth(self, user_id: str, user_auth: UserAuth | None) -> UserAuth:
        """Moves a user to an external auth service (auth_service + auth_data); their password is cleared."""
        return await self._call(
            ApiCall(
                "UpdateUserAuth",
                api_users_pb2.UpdateUserAuthRequest(
                    user_id=user_id, user_auth=(None if user_auth is None else user_auth.to_proto())
                ),
                _parse_update_user_auth,
            )
        )

    async def search_users(self, search: UserSearch | None) -> list[User]:
        """Users whose username, names, nickname or email start with each word of the term, by username."""
        return await self._call(
            ApiCall(
                "SearchUsers",
                api_users_pb2.SearchUsersRequest(search=(None if search is None else search.to_proto())),
                _parse_search_users,
            )
        )

    async def get_user_status(self, user_id: str) -> Status:
        """A user's presence ("offline" when none was ever recorded)."""
        return await self._call(
            ApiCall("GetUserStatus", api_users_pb2.GetUserStatusRequest(user_id=user_id), _parse_get_user_status)
        )

    async def get_user_statuses_by_ids(self, user_ids: list[str]) -> list[Status]:
        """The presence of the existing users among user_ids."""
        return await self._call(
            ApiCall(
                "GetUserStatusesByIds",
                api_users_pb2.GetUserStatusesByIdsRequest(user_ids=list(user_ids)),
                _parse_get_user_statuses_by_ids,
            )
        )

    async def update_user_status(self, user_id: str, status: str) -> Status:
        """Sets a user's presence to "online", "away", "dnd" or "offline" (a manual status)."""
        return await self._call(
            ApiCall(
                "UpdateUserStatus",
                api_users_pb2.UpdateUserStatusRequest(user_id=user_id, status=status),
                _parse_update_user_status,
            )
        )

    async def set_user_status_timed_dnd(self, user_id: str, endtime: int) -> Status:
        """Sets "dnd" until endtime (epoch seconds, rounded down to the minute); the previous status
        comes back after it.
        """
        return await self._call(
            ApiCall(
                "SetUserStatusTimedDND",
                api_users_pb2.SetUserStatusTimedDNDRequest(user_id=user_id, endtime=endtime),
                _parse_set_user_status_timed_dnd,
            )
        )

    async def update_user_custom_status(self, user_id: str, custom_status: CustomStatus | None) -> None:
        """Sets a user's custom status (emoji and/or text, optional expiry)."""
        return await self._call(
            ApiCall(
                "UpdateUserCustomStatus",
                api_users_pb2.UpdateUserCustomStatusRequest(
                    user_id=user_id, custom_status=(None if custom_status is None else custom_status.to_proto())
                ),
                _no_result,
            )
        )

    async def remove_user_custom_status(self, user_id: str) -> None:
        """Clears a user's custom status."""
        return await self._call(
            ApiCall("RemoveUserCustomStatus", api_users_pb2.RemoveUserCustomStatusRequest(user_id=user_id), _no_result)
        )

    async def get_profile_image(self, user_id: str) -> bytes:
        """A user's profile image (PNG, JPEG or GIF bytes); a generated PNG when none was set."""
        return await self._call(
            ApiCall("GetProfileImage", api_users_pb2.GetProfileImageRequest(user_id=user_id), _parse_get_profile_image)
        )

    async def set_profile_image(self, user_id: str, data: bytes) -> None:
        """Sets a user's profile image from PNG, JPEG or GIF bytes."""
        return await self._call(
            ApiCall("SetProfileImage", api_users_pb2.SetProfileImageRequest(user_id=user_id, data=data), _no_result)
        )

    async def get_ldap_user_attributes(self, user_id: str, attributes: list[str]) -> dict[str, str]:
        """LDAP attributes of a user: not supported (501), this server runs no LDAP."""
        return await self._call(
            ApiCall(
                "GetLDAPUserAttributes",
                api_users_pb2.GetLDAPUserAttributesRequest(user_id=user_id, attributes=list(attributes)),
                _parse_get_ldap_user_attributes,
            )
        )

    async def get_preference_for_user(self, user_id: str, category: str, name: str) -> Preference:
        """The user's preference under (category, name); 404 when it is not set."""
        return await self._call(
            ApiCall(
                "GetPreferenceForUser",
                api_user_access_pb2.GetPreferenceForUserRequest(user_id=user_id, category=category, name=name),
                _parse_get_preference_for_user,
            )
        )

    async def get_preferences_for_user(self, user_id: str) -> list[Preference]:
        """Every preference of the user, by category then name."""
        return await self._call(
            ApiCall(
                "GetPreferencesForUser",
                api_user_access_pb2.GetPreferencesForUserRequest(user_id=user_id),
                _parse_get_preferences_for_user,
            )
        )

    async def update_preferences_for_user(self, user_id: str, preferences: list[Preference]) -> None:
        """Saves the user's preferences (all or none); their other clients get preferences_changed and
        plugins PreferencesHaveChanged. Every preference's user_id must be user_id.
        """
        return await self._call(
            ApiCall(
                "UpdatePreferencesForUser",
                api_user_access_pb2.UpdatePreferencesForUserRequest(
                    user_id=user_id, preferences=[item.to_proto() for item in preferences]
                ),
                _no_result,
            )
        )

    async def delete_preferences_for_user(self, user_id: str, preferences: list[Preference]) -> None:
        """Deletes the user's preferences named by (category, name); absent ones are ignored."""
        return await self._call(
            ApiCall(
                "DeletePreferencesForUser",
                api_user_access_pb2.DeletePreferencesForUserRequest(
                    user_id=user_id, preferences=[item.to_proto() for item in preferences]
                ),
                _no_result,
            )
        )

    async def get_session(self, session_id: str) -> Session:
        """A session by its id (not its token), token included."""
        return await self._call(
            ApiCall("GetSession", api_user_access_pb2.GetSessionRequest(session_id=session_id), _parse_get_session)
        )

    async def create_session(self, session: Session | None) -> Session:
        """Opens a session for session.user_id with the given roles, expiry, device and props; the server
        chooses id, token and timestamps.
        """
        return await self._call(
            ApiCall(
                "CreateSession",
                api_user_access_pb2.CreateSessionRequest(session=(None if session is None else session.to_proto())),
                _parse_create_session,
            )
        )

    async def extend_session_expiry(self, session_id: str, new_expiry: int) -> None:
        """Sets a session's expires_at (epoch ms; 0 never expires)."""
        return await self._call(
            ApiCall(
                "ExtendSessionExpiry",
                api_user_access_pb2.ExtendSessionExpiryRequest(session_id=session_id, new_expiry=new_expiry),
                _no_result,
            )
        )

    async def revoke_session(self, session_id: str) -> None:
        """Deletes a session by id: its token stops working at once, and WebSocket connections opened
        with it end at their next heartbeat.
        """
        return await self._call(
            ApiCall("RevokeSession", api_user_access_pb2.RevokeSessionRequest(session_id=session_id), _no_result)
        )

    async def create_user_access_token(self, token: UserAccessToken | None) -> UserAccessToken:
        """Creates a personal access token for token.user_id; the answer is the only place its secret
        appears.
        """
        return await self._call(
            ApiCall(
                "CreateUserAccessToken",
                api_user_access_pb2.CreateUserAccessTokenRequest(token=(None if token is None else token.to_proto())),
                _parse_create_user_access_token,
            )
        )

    async def revoke_user_access_token(self, token_id: str) -> None:
        """Deletes a personal access token and the session it opened."""
        return await self._call(
            ApiCall(
                "RevokeUserAccessToken", api_user_access_pb2.RevokeUserAccessTokenRequest(token_id=token_id), _no_result
            )
        )

    async def has_permission_to(self, user_id: str, permission: Permission | None) -> bool:
        """Whether the user's system roles grant the permission (false for an unknown user)."""
        return await self._call(
            ApiCall(
                "HasPermissionTo",
                api_user_access_pb2.HasPermissionToRequest(
                    user_id=user_id, permission=(None if permission is None else permission.to_proto())
                ),
                _parse_has_permission_to,
            )
        )

    async def has_permission_to_team(self, user_id: str, team_id: str, permission: Permission | None) -> bool:
        """Whether the user's roles in the team, or their system roles, grant the permission."""
        return await self._call(
            ApiCall(
                "HasPermissionToTeam",
                api_user_access_pb2.HasPermissionToTeamRequest(
                    user_id=user_id, team_id=team_id, permission=(None if permission is None else permission.to_proto())
                ),
                _parse_has_permission_to_team,
            )
        )

    async def has_permission_to_channel(self, user_id: str, channel_id: str, permission: Permission | None) -> bool:
        """Whether the user's roles in the channel, then in its team, then their system roles grant the
        permission.
        """
        return await self._call(
            ApiCall(
                "HasPermissionToChannel",
                api_user_access_pb2.HasPermissionToChannelRequest(
                    user_id=user_id,
                    channel_id=channel_id,
                    permission=(None if permission is None else permission.to_proto()),
                ),
                _parse_has_permission_to_channel,
            )
        )

    async def roles_grant_permission(self, role_names: list[str], permission_id: str) -> bool:
        """Whether any of the named roles grants the permission id (unknown roles grant nothing)."""
        return await self._call(
            ApiCall(
                "RolesGrantPermission",
                api_user_access_pb2.RolesGrantPermissionRequest(
                    role_names=list(role_names), permission_id=permission_id
                ),
                _parse_roles_grant_permission,
            )
        )

    async def publish_user_typing(self, user_id: str, channel_id: str, parent_id: str) -> None:
        """Publishes Mattermost's "typing" WebSocket event for the user to the channel's other members
        (parent_id: the thread's root post, or empty).
        """
        return await self._call(
            ApiCall(
                "PublishUserTyping",
                api_user_access_pb2.PublishUserTypingRequest(
                    user_id=user_id, channel_id=channel_id, parent_id=parent_id
                ),
                _no_result,
            )
        )

    async def create_team(self, team: Team | None) -> Team:
        """Creates a team (no members; Mattermost's CreateTeam). 409 when the name is taken."""
        return await self._call(
            ApiCall(
                "CreateTeam",
                api_teams_pb2.CreateTeamRequest(team=(None if team is None else team.to_proto())),
                _parse_create_team,
            )
        )

    async def delete_team(self, team_id: str) -> None:
        """Archives a team: sets its delete_at (a soft delete, as Mattermost's plugin API does)."""
        return await self._call(ApiCall("DeleteTeam", api_teams_pb2.DeleteTeamRequest(team_id=team_id), _no_result))

    async def get_teams(self) -> list[Team]:
        """Every team, archived ones included, by display name."""
        return await self._call(ApiCall("GetTeams", api_teams_pb2.GetTeamsRequest(), _parse_get_teams))

    async def get_team(self, team_id: str) -> Team:
        """A team by id, archived or not (404 when there is none)."""
        return await self._call(ApiCall("GetTeam", api_teams_pb2.GetTeamRequest(team_id=team_id), _parse_get_team))

    async def get_team_by_name(self, name: str) -> Team:
        """A team by its name (404 when there is none)."""
        return await self._call(
            ApiCall("GetTeamByName", api_teams_pb2.GetTeamByNameRequest(name=name), _parse_get_team_by_name)
        )

    async def get_teams_unread_for_user(self, user_id: str) -> list[TeamUnread]:
        """For each team the user belongs to, their unread messages and mentions summed over its channels."""
        return await self._call(
            ApiCall(
                "GetTeamsUnreadForUser",
                api_teams_pb2.GetTeamsUnreadForUserRequest(user_id=user_id),
                _parse_get_teams_unread_for_user,
            )
        )

    async def update_team(self, team: Team | None) -> Team:
        """Updates a team's display name, description, open invite, company name, allowed domains and
        icon time; its name and type are kept.
        """
        return await self._call(
            ApiCall(
                "UpdateTeam",
                api_teams_pb2.UpdateTeamRequest(team=(None if team is None else team.to_proto())),
                _parse_update_team,
            )
        )

    async def search_teams(self, term: str) -> list[Team]:
        """Teams (not archived) whose name or display name starts with term, case-insensitively."""
        return await self._call(
            ApiCall("SearchTeams", api_teams_pb2.SearchTeamsRequest(term=term), _parse_search_teams)
        )

    async def get_teams_for_user(self, user_id: str) -> list[Team]:
        """The teams (not archived) the user currently belongs to."""
        return await self._call(
            ApiCall("GetTeamsForUser", api_teams_pb2.GetTeamsForUserRequest(user_id=user_id), _parse_get_teams_for_user)
        )

    async def create_team_member(self, team_id: str, user_id: str) -> TeamMember:
        """Adds a user to a team (or returns their membership); TeamMemberWillBeAdded may reject it."""
        return await self._call(
            ApiCall(
                "CreateTeamMember",
                api_teams_pb2.CreateTeamMemberRequest(team_id=team_id, user_id=user_id),
                _parse_create_team_member,
            )
        )

    async def create_team_members(self, team_id: str, user_ids: list[str], requestor_id: str) -> list[TeamMember]:
        """Adds users to a team in order, stopping at the first failure (the ones before stay added)."""
        return await self._call(
            ApiCall(
                "CreateTeamMembers",
                api_teams_pb2.CreateTeamMembersRequest(
                    team_id=team_id, user_ids=list(user_ids), requestor_id=requestor_id
                ),
                _parse_create_team_members,
            )
        )

    async def create_team_members_gracefully(
        self, team_id: str, user_ids: list[str], requestor_id: str
    ) -> list[TeamMemberWithError]:
        """Adds users to a team, reporting per user either the membership or why it failed."""
        return await self._call(
            ApiCall(
                "CreateTeamMembersGracefully",
                api_teams_pb2.CreateTeamMembersGracefullyRequest(
                    team_id=team_id, user_ids=list(user_ids), requestor_id=requestor_id
                ),
                _parse_create_team_members_gracefully,
            )
        )

    async def delete_team_member(self, team_id: str, user_id: str, requestor_id: str) -> None:
        """Removes a user from a team (and its channels); the membership is kept with delete_at set."""
        return await self._call(
            ApiCall(
                "DeleteTeamMember",
                api_teams_pb2.DeleteTeamMemberRequest(team_id=team_id, user_id=user_id, requestor_id=requestor_id),
                _no_result,
            )
        )

    async def get_team_members(self, team_id: str, page: int, per_page: int) -> list[TeamMember]:
        """A page of a team's current members, by user id (per_page <= 0 means 60)."""
        return await self._call(
            ApiCall(
                "GetTeamMembers",
                api_teams_pb2.GetTeamMembersRequest(team_id=team_id, page=page, per_page=per_page),
                _parse_get_team_members,
            )
        )

    async def get_team_member(self, team_id: str, user_id: str) -> TeamMember:
        """A user's membership of a team, a left one included (404 when they were never a member)."""
        return await self._call(
            ApiCall(
                "GetTeamMember",
                api_teams_pb2.GetTeamMemberRequest(team_id=team_id, user_id=user_id),
                _parse_get_team_member,
            )
        )

    async def get_team_members_for_user(self, user_id: str, page: int, per_page: int) -> list[TeamMember]:
        """A page of the user's current team memberships, by team id (per_page <= 0 means 60)."""
        return await self._call(
            ApiCall(
                "GetTeamMembersForUser",
                api_teams_pb2.GetTeamMembersForUserRequest(user_id=user_id, page=page, per_page=per_page),
                _parse_get_team_members_for_user,
            )
        )

    async def update_team_member_roles(self, team_id: str, user_id: str, new_roles: str) -> TeamMember:
        """Replaces a member's team roles (team_user, team_admin, team_guest, team_post_all,
        team_post_all_public); 400 for an unknown role or guest with user.
        """
        return await self._call(
            ApiCall(
                "UpdateTeamMemberRoles",
                api_teams_pb2.UpdateTeamMemberRolesRequest(team_id=team_id, user_id=user_id, new_roles=new_roles),
                _parse_update_team_member_roles,
            )
        )

    async def get_team_icon(self, team_id: str) -> bytes:
        """The team's icon image (404 when it has none; 501 without file storage)."""
        return await self._call(
            ApiCall("GetTeamIcon", api_teams_pb2.GetTeamIconRequest(team_id=team_id), _parse_get_team_icon)
        )

    async def set_team_icon(self, team_id: str, data: bytes) -> None:
        """Sets the team's icon from PNG, JPEG, GIF, BMP or WebP bytes and stamps last_team_icon_update."""
        return await self._call(
            ApiCall("SetTeamIcon", api_teams_pb2.SetTeamIconRequest(team_id=team_id, data=data), _no_result)
        )

    async def remove_team_icon(self, team_id: str) -> None:
        """Removes the team's icon and resets last_team_icon_update to 0."""
        return await self._call(
            ApiCall("RemoveTeamIcon", api_teams_pb2.RemoveTeamIconRequest(team_id=team_id), _no_result)
        )

    async def get_team_stats(self, team_id: str) -> TeamStats:
        """How many current members the team has, and how many of them are active accounts."""
        return await self._call(
            ApiCall("GetTeamStats", api_teams_pb2.GetTeamStatsRequest(team_id=team_id), _parse_get_team_stats)
        )

    async def create_channel(self, channel: Channel | None) -> Channel:
        """Creates a public (O) or private (P) channel on a team; the plugin's channel has no creator
        member unless creator_id names a team member.
        """
        return await self._call(
            ApiCall(
                "CreateChannel",
                api_channels_pb2.CreateChannelRequest(channel=(None if channel is None else channel.to_proto())),
                _parse_create_channel,
            )
        )

    async def delete_channel(self, channel_id: str) -> None:
        """Archives a channel (sets delete_at); ChannelWillBeArchived plugins may refuse. Direct and group
        messages cannot be archived.
        """
        return await self._call(
            ApiCall("DeleteChannel", api_channels_pb2.DeleteChannelRequest(channel_id=channel_id), _no_result)
        )

    async def restore_channel(self, channel_id: str) -> None:
        """Restores an archived channel (clears delete_at)."""
        return await self._call(
            ApiCall("RestoreChannel", api_channels_pb2.RestoreChannelRequest(channel_id=channel_id), _no_result)
        )

    async def get_channel_of_type(self, channel_id: str, channel_type: str) -> Channel:
        """A channel by id that must be of channel_type ("O", "P", "D" or "G"); 404 when there is none of
        that type.
        """
        return await self._call(
            ApiCall(
                "GetChannelOfType",
                api_channels_pb2.GetChannelOfTypeRequest(channel_id=channel_id, channel_type=channel_type),
                _parse_get_channel_of_type,
            )
        )

    async def get_public_channels_for_team(self, team_id: str, page: int, per_page: int) -> list[Channel]:
        """A page of a team's open, unarchived channels, by name."""
        return await self._call(
            ApiCall(
                "GetPublicChannelsForTeam",
                api_channels_pb2.GetPublicChannelsForTeamRequest(team_id=team_id, page=page, per_page=per_page),
                _parse_get_public_channels_for_team,
            )
        )

    async def get_channel_by_name(self, team_id: str, name: str, include_deleted: bool) -> Channel:
        """A channel by its name on a team; archived channels only with include_deleted."""
        return await self._call(
            ApiCall(
                "GetChannelByName",
                api_channels_pb2.GetChannelByNameRequest(team_id=team_id, name=name, include_deleted=include_deleted),
                _parse_get_channel_by_name,
            )
        )

    async def get_channel_by_name_for_team_name(
        self, team_name: str, channel_name: str, include_deleted: bool
    ) -> Channel:
        """A channel by its name on the team named team_name; archived channels only with include_deleted."""
        return await self._call(
            ApiCall(
                "GetChannelByNameForTeamName",
                api_channels_pb2.GetChannelByNameForTeamNameRequest(
                    team_name=team_name, channel_name=channel_name, include_deleted=include_deleted
                ),
                _parse_get_channel_by_name_for_team_name,
            )
        )

    async def get_channels_for_team_for_user(self, team_id: str, user_id: str, include_deleted: bool) -> list[Channel]:
        """The user's channels on a team plus their direct and group messages (all teams when team_id is
        empty).
        """
        return await self._call(
            ApiCall(
                "GetChannelsForTeamForUser",
                api_channels_pb2.GetChannelsForTeamForUserRequest(
                    team_id=team_id, user_id=user_id, include_deleted=include_deleted
                ),
                _parse_get_channels_for_team_for_user,
            )
        )

    async def get_channel_stats(self, channel_id: str) -> ChannelStats:
        """Member, guest, pinned post and file counts of a channel."""
        return await self._call(
            ApiCall(
                "GetChannelStats",
                api_channels_pb2.GetChannelStatsRequest(channel_id=channel_id),
                _parse_get_channel_stats,
            )
        )

    async def get_direct_channel(self, user_id_1: str, user_id_2: str) -> Channel:
        """The direct message channel between two users, created on first use."""
        return await self._call(
            ApiCall(
                "GetDirectChannel",
                api_channels_pb2.GetDirectChannelRequest(user_id_1=user_id_1, user_id_2=user_id_2),
                _parse_get_direct_channel,
            )
        )

    async def get_group_channel(self, user_ids: list[str]) -> Channel:
        """The group message channel of 3 to 8 users, created on first use."""
        return await self._call(
            ApiCall(
                "GetGroupChannel",
                api_channels_pb2.GetGroupChannelRequest(user_ids=list(user_ids)),
                _parse_get_group_channel,
            )
        )

    async def update_channel(self, channel: Channel | None) -> Channel:
        """Updates a channel's display name, name, header and purpose (by channel.id)."""
        return await self._call(
            ApiCall(
                "UpdateChannel",
                api_channels_pb2.UpdateChannelRequest(channel=(None if channel is None else channel.to_proto())),
                _parse_update_channel,
            )
        )

    async def register_channel_guard(self, channel_id: str) -> None:
        """Claims the channel for this plugin: its Will hooks on that channel then run after the others
        and fail closed, and the channel's changes fail while the plugin is not running. Idempotent.
        """
        return await self._call(
            ApiCall(
                "RegisterChannelGuard", api_channels_pb2.RegisterChannelGuardRequest(channel_id=channel_id), _no_result
            )
        )

    async def unregister_channel_guard(self, channel_id: str) -> None:
        """Releases this plugin's claim on the channel (no error when it has none); other plugins' claims
        stay.
        """
        return await self._call(
            ApiCall(
                "UnregisterChannelGuard",
                api_channels_pb2.UnregisterChannelGuardRequest(channel_id=channel_id),
                _no_result,
            )
        )

    async def search_channels(self, team_id: str, term: str) -> list[Channel]:
        """A team's open, unarchived channels whose name or display name contain term (case-insensitive),
        by display name (at most 100).
        """
        return await self._call(
            ApiCall(
                "SearchChannels",
                api_channels_pb2.SearchChannelsRequest(team_id=team_id, term=term),
                _parse_search_channels,
            )
        )

    async def create_channel_sidebar_category(
        self, user_id: str, team_id: str, new_category: SidebarCategoryWithChannels | None
    ) -> SidebarCategoryWithChannels:
        """Creates a custom sidebar category for the user on the team, moving the given channels into it."""
        return await self._call(
            ApiCall(
                "CreateChannelSidebarCategory",
                api_channels_pb2.CreateChannelSidebarCategoryRequest(
                    user_id=user_id,
                    team_id=team_id,
                    new_category=(None if new_category is None else new_category.to_proto()),
                ),
                _parse_create_channel_sidebar_category,
            )
        )

    async def get_channel_sidebar_categories(self, user_id: str, team_id: str) -> OrderedSidebarCategories:
        """The user's sidebar categories on the team, in order (the default ones are made on first use)."""
        return await self._call(
            ApiCall(
                "GetChannelSidebarCategories",
                api_channels_pb2.GetChannelSidebarCategoriesRequest(user_id=user_id, team_id=team_id),
                _parse_get_channel_sidebar_categories,
            )
        )

    async def update_channel_sidebar_categories(
        self, user_id: str, team_id: str, categories: list[SidebarCategoryWithChannels]
    ) -> list[SidebarCategoryWithChannels]:
        """Updates the given sidebar categories of the user on the team (name, sorting, muted, collapsed,
        channels).
        """
        return await self._call(
            ApiCall(
                "UpdateChannelSidebarCategories",
                api_channels_pb2.UpdateChannelSidebarCategoriesRequest(
                    user_id=user_id, team_id=team_id, categories=[item.to_proto() for item in categories]
                ),
                _parse_update_channel_sidebar_categories,
            )
        )

    async def add_channel_member(self, channel_id: str, user_id: str) -> ChannelMember:
        """Joins a user to a channel as if they joined themselves (ChannelMemberWillBeAdded plugins may
        refuse).
        """
        return await self._call(
            ApiCall(
                "AddChannelMember",
                api_channels_pb2.AddChannelMemberRequest(channel_id=channel_id, user_id=user_id),
                _parse_add_channel_member,
            )
        )

    async def add_user_to_channel(self, channel_id: str, user_id: str, as_user_id: str) -> ChannelMember:
        """Adds a user to a channel as if as_user_id had added them (ChannelMemberWillBeAdded plugins may
        refuse).
        """
        return await self._call(
            ApiCall(
                "AddUserToChannel",
                api_channels_pb2.AddUserToChannelRequest(channel_id=channel_id, user_id=user_id, as_user_id=as_user_id),
                _parse_add_user_to_channel,
            )
        )

    async def get_channel_member(self, channel_id: str, user_id: str) -> ChannelMember:
        """A user's membership of a channel (404 when not a member)."""
        return await self._call(
            ApiCall(
                "GetChannelMember",
                api_channels_pb2.GetChannelMemberRequest(channel_id=channel_id, user_id=user_id),
                _parse_get_channel_member,
            )
        )

    async def get_channel_members(self, channel_id: str, page: int, per_page: int) -> list[ChannelMember]:
        """A page of a channel's memberships."""
        return await self._call(
            ApiCall(
                "GetChannelMembers",
                api_channels_pb2.GetChannelMembersRequest(channel_id=channel_id, page=page, per_page=per_page),
                _parse_get_channel_members,
            )
        )

    async def get_channel_members_by_ids(self, channel_id: str, user_ids: list[str]) -> list[ChannelMember]:
        """The memberships of the given users in a channel (non-members are left out)."""
        return await self._call(
            ApiCall(
                "GetChannelMembersByIds",
                api_channels_pb2.GetChannelMembersByIdsRequest(channel_id=channel_id, user_ids=list(user_ids)),
                _parse_get_channel_members_by_ids,
            )
        )

    async def get_channel_members_for_user(
        self, team_id: str, user_id: str, page: int, per_page: int
    ) -> list[ChannelMember]:
        """A page of the user's channel memberships (team_id is ignored, as in Mattermost)."""
        return await self._call(
            ApiCall(
                "GetChannelMembersForUser",
                api_channels_pb2.GetChannelMembersForUserRequest(
                    team_id=team_id, user_id=user_id, page=page, per_page=per_page
                ),
                _parse_get_channel_members_for_user,
            )
        )

    async def update_channel_member_roles(self, channel_id: str, user_id: str, new_roles: str) -> ChannelMember:
        """Sets a member's roles: "channel_user", optionally with "channel_admin"."""
        return await self._call(
            ApiCall(
                "UpdateChannelMemberRoles",
                api_channels_pb2.UpdateChannelMemberRolesRequest(
                    channel_id=channel_id, user_id=user_id, new_roles=new_roles
                ),
                _parse_update_channel_member_roles,
            )
        )

    async def update_channel_member_notifications(
        self, channel_id: str, user_id: str, notifications: dict[str, str]
    ) -> ChannelMember:
        """Merges the given notification properties into a member's."""
        return await self._call(
            ApiCall(
                "UpdateChannelMemberNotifications",
                api_channels_pb2.UpdateChannelMemberNotificationsRequest(
                    channel_id=channel_id, user_id=user_id, notifications=dict(notifications)
                ),
                _parse_update_channel_member_notifications,
            )
        )

    async def patch_channel_members_notifications(
        self, members: list[ChannelMemberIdentifier], notify_props: dict[str, str]
    ) -> None:
        """Merges notify_props into each of up to 200 memberships."""
        return await self._call(
            ApiCall(
                "PatchChannelMembersNotifications",
                api_channels_pb2.PatchChannelMembersNotificationsRequest(
                    members=[item.to_proto() for item in members], notify_props=dict(notify_props)
                ),
                _no_result,
            )
        )

    async def delete_channel_member(self, channel_id: str, user_id: str) -> None:
        """Removes a user from a channel (as when they leave it)."""
        return await self._call(
            ApiCall(
                "DeleteChannelMember",
                api_channels_pb2.DeleteChannelMemberRequest(channel_id=channel_id, user_id=user_id),
                _no_result,
            )
        )

    async def add_reaction(self, reaction: Reaction | None) -> Reaction:
        """Adds reaction.user_id's reaction to a post (no membership check, as in Mattermost); adding the
        same reaction again is a no-op answering it. Runs ReactionHasBeenAdded.
        """
        return await self._call(
            ApiCall(
                "AddReaction",
                api_posts_pb2.AddReactionRequest(reaction=(None if reaction is None else reaction.to_proto())),
                _parse_add_reaction,
            )
        )

    async def remove_reaction(self, reaction: Reaction | None) -> None:
        """Removes a user's reaction from a post (no error when it is not there)."""
        return await self._call(
            ApiCall(
                "RemoveReaction",
                api_posts_pb2.RemoveReactionRequest(reaction=(None if reaction is None else reaction.to_proto())),
                _no_result,
            )
        )

    async def get_reactions(self, post_id: str) -> list[Reaction]:
        """Every reaction on a post, oldest first (404 when the post does not exist)."""
        return await self._call(
            ApiCall("GetReactions", api_posts_pb2.GetReactionsRequest(post_id=post_id), _parse_get_reactions)
        )

    async def send_ephemeral_post(self, user_id: str, post: Post | None) -> Post:
        """Shows a post to one user only, over the WebSocket ("ephemeral_message"); never stored. Fills
        in id, create_at and type "system_ephemeral" and returns the post as sent.
        """
        return await self._call(
            ApiCall(
                "SendEphemeralPost",
                api_posts_pb2.SendEphemeralPostRequest(
                    user_id=user_id, post=(None if post is None else post.to_proto())
                ),
                _parse_send_ephemeral_post,
            )
        )

    async def update_ephemeral_post(self, user_id: str, post: Post | None) -> Post:
        """Replaces an ephemeral post the user was shown ("post_edited" to that user only)."""
        return await self._call(
            ApiCall(
                "UpdateEphemeralPost",
                api_posts_pb2.UpdateEphemeralPostRequest(
                    user_id=user_id, post=(None if post is None else post.to_proto())
                ),
                _parse_update_ephemeral_post,
            )
        )

    async def delete_ephemeral_post(self, user_id: str, post_id: str) -> None:
        """Removes an ephemeral post from the user's view ("post_deleted" to that user only)."""
        return await self._call(
            ApiCall(
                "DeleteEphemeralPost",
                api_posts_pb2.DeleteEphemeralPostRequest(user_id=user_id, post_id=post_id),
                _no_result,
            )
        )

    async def delete_post(self, post_id: str) -> None:
        """Deletes a post (a root with its replies), as REST does: soft delete, "post_deleted",
        MessageHasBeenDeleted.
        """
        return await self._call(ApiCall("DeletePost", api_posts_pb2.DeletePostRequest(post_id=post_id), _no_result))

    async def get_post_thread(self, post_id: str) -> PostList:
        """The post's whole thread (root and replies, newest first) as a PostList."""
        return await self._call(
            ApiCall("GetPostThread", api_posts_pb2.GetPostThreadRequest(post_id=post_id), _parse_get_post_thread)
        )

    async def get_posts_since(self, channel_id: str, time: int) -> PostList:
        """Posts of the channel created, edited or deleted since time (epoch ms), deleted ones included."""
        return await self._call(
            ApiCall(
                "GetPostsSince",
                api_posts_pb2.GetPostsSinceRequest(channel_id=channel_id, time=time),
                _parse_get_posts_since,
            )
        )

    async def get_posts_after(self, channel_id: str, post_id: str, page: int, per_page: int) -> PostList:
        """A page of the channel's posts newer than post_id, newest first."""
        return await self._call(
            ApiCall(
                "GetPostsAfter",
                api_posts_pb2.GetPostsAfterRequest(
                    channel_id=channel_id, post_id=post_id, page=page, per_page=per_page
                ),
                _parse_get_posts_after,
            )
        )

    async def get_posts_before(self, channel_id: str, post_id: str, page: int, per_page: int) -> PostList:
        """A page of the channel's posts older than post_id, newest first."""
        return await self._call(
            ApiCall(
                "GetPostsBefore",
                api_posts_pb2.GetPostsBeforeRequest(
                    channel_id=channel_id, post_id=post_id, page=page, per_page=per_page
                ),
                _parse_get_posts_before,
            )
        )

    async def get_posts_for_channel(self, channel_id: str, page: int, per_page: int) -> PostList:
        """A page of the channel's posts, newest first (per_page 1-200)."""
        return await self._call(
            ApiCall(
                "GetPostsForChannel",
                api_posts_pb2.GetPostsForChannelRequest(channel_id=channel_id, page=page, per_page=per_page),
                _parse_get_posts_for_channel,
            )
        )

    async def update_post(self, post: Post | None) -> Post:
        """Edits a post: message, props, is_pinned and file_ids (which may only shrink) take the given
        values; runs MessageWillBeUpdated / MessageHasBeenUpdated and sends "post_edited".
        """
        return await self._call(
            ApiCall(
                "UpdatePost",
                api_posts_pb2.UpdatePostRequest(post=(None if post is None else post.to_proto())),
                _parse_update_post,
            )
        )

    async def search_posts_in_team(self, team_id: str, params_list: list[SearchParams]) -> list[Post]:
        """Posts of the team's channels matching any of the searches, newest first."""
        return await self._call(
            ApiCall(
                "SearchPostsInTeam",
                api_posts_pb2.SearchPostsInTeamRequest(
                    team_id=team_id, params_list=[item.to_proto() for item in params_list]
                ),
                _parse_search_posts_in_team,
            )
        )

    async def search_posts_in_team_for_user(
        self, team_id: str, user_id: str, search_params: SearchParameter | None
    ) -> PostSearchResults:
        """A user's search (query text with from:/in:/before:/after:/on: flags) over the team's channels
        and the direct and group messages they are a member of.
        """
        return await self._call(
            ApiCall(
                "SearchPostsInTeamForUser",
                api_posts_pb2.SearchPostsInTeamForUserRequest(
                    team_id=team_id,
                    user_id=user_id,
                    search_params=(None if search_params is None else search_params.to_proto()),
                ),
                _parse_search_posts_in_team_for_user,
            )
        )

    async def move_threads_to_backing_channel(self, root_ids: list[str], channel_id: str) -> None:
        """Moves root posts with their whole threads into another backing channel (type "S"), in place:
        ids, timestamps and reactions are kept. Reply ids are rejected; unknown ids move nothing.
        """
        return await self._call(
            ApiCall(
                "MoveThreadsToBackingChannel",
                api_posts_pb2.MoveThreadsToBackingChannelRequest(root_ids=list(root_ids), channel_id=channel_id),
                _no_result,
            )
        )

    async def add_channels_to_retention_policy(self, policy_id: str, channel_ids: list[str]) -> None:
        """Data-retention policies are an Enterprise feature this server does not run: always 501."""
        return await self._call(
            ApiCall(
                "AddChannelsToRetentionPolicy",
                api_posts_pb2.AddChannelsToRetentionPolicyRequest(policy_id=policy_id, channel_ids=list(channel_ids)),
                _no_result,
            )
        )

    async def remove_channels_from_retention_policy(self, policy_id: str, channel_ids: list[str]) -> None:
        """Data-retention policies are an Enterprise feature this server does not run: always 501."""
        return await self._call(
            ApiCall(
                "RemoveChannelsFromRetentionPolicy",
                api_posts_pb2.RemoveChannelsFromRetentionPolicyRequest(
                    policy_id=policy_id, channel_ids=list(channel_ids)
                ),
                _no_result,
            )
        )

    async def get_emoji_list(self, sort_by: str, page: int, per_page: int) -> list[Emoji]:
        """Custom emoji, sort_by "" (creation order) or "name", per_page from page * per_page."""
        return await self._call(
            ApiCall(
                "GetEmojiList",
                api_files_pb2.GetEmojiListRequest(sort_by=sort_by, page=page, per_page=per_page),
                _parse_get_emoji_list,
            )
        )

    async def get_emoji_by_name(self, name: str) -> Emoji:
        """A custom emoji by name (404 when there is none; 501 when custom emoji are disabled)."""
        return await self._call(
            ApiCall("GetEmojiByName", api_files_pb2.GetEmojiByNameRequest(name=name), _parse_get_emoji_by_name)
        )

    async def get_emoji(self, emoji_id: str) -> Emoji:
        """A custom emoji by id (404 when there is none; 501 when custom emoji are disabled)."""
        return await self._call(ApiCall("GetEmoji", api_files_pb2.GetEmojiRequest(emoji_id=emoji_id), _parse_get_emoji))

    async def get_emoji_image(self, emoji_id: str) -> EmojiImage:
        """A custom emoji's image bytes and format ("png", "gif", "jpeg" or "webp")."""
        return await self._call(
            ApiCall("GetEmojiImage", api_files_pb2.GetEmojiImageRequest(emoji_id=emoji_id), _parse_get_emoji_image)
        )

    async def copy_file_infos(self, user_id: str, file_ids: list[str]) -> list[str]:
        """Copies files' infos for user_id (not attached to any post; the bytes are shared) and returns
        the new ids in the given order.
        """
        return await self._call(
            ApiCall(
                "CopyFileInfos",
                api_files_pb2.CopyFileInfosRequest(user_id=user_id, file_ids=list(file_ids)),
                _parse_copy_file_infos,
            )
        )

    async def get_file_info(self, file_id: str) -> FileInfo:
        """A file's metadata by id (404 when there is none)."""
        return await self._call(
            ApiCall("GetFileInfo", api_files_pb2.GetFileInfoRequest(file_id=file_id), _parse_get_file_info)
        )

    async def set_file_searchable_content(self, file_id: str, content: str) -> None:
        """Stores text that file search matches for this file (e.g. extracted from a document)."""
        return await self._call(
            ApiCall(
                "SetFileSearchableContent",
                api_files_pb2.SetFileSearchableContentRequest(file_id=file_id, content=content),
                _no_result,
            )
        )

    async def get_file_infos(self, page: int, per_page: int, opt: GetFileInfosOptions | None = None) -> list[FileInfo]:
        """File infos filtered by users, channels and time, ordered by creation time or size, paged."""
        return await self._call(
            ApiCall(
                "GetFileInfos",
                api_files_pb2.GetFileInfosRequest(
                    page=page, per_page=per_page, opt=(None if opt is None else opt.to_proto())
                ),
                _parse_get_file_infos,
            )
        )

    async def get_file(self, file_id: str) -> bytes:
        """A file's whole content (413 beyond the 64 MiB message limit)."""
        return await self._call(ApiCall("GetFile", api_files_pb2.GetFileRequest(file_id=file_id), _parse_get_file))

    async def get_file_link(self, file_id: str) -> str:
        """A public link to a file attached to a post (501 unless FileSettings.EnablePublicLink)."""
        return await self._call(
            ApiCall("GetFileLink", api_files_pb2.GetFileLinkRequest(file_id=file_id), _parse_get_file_link)
        )

    async def read_file(self, path: str) -> bytes:
        """The content of a file by its path in the server's file store (413 beyond 64 MiB)."""
        return await self._call(ApiCall("ReadFile", api_files_pb2.ReadFileRequest(path=path), _parse_read_file))

    async def upload_file(self, data: bytes, channel_id: str, filename: str) -> FileInfo:
        """Stores data as a new file in a channel (not yet attached to a post); runs FileWillBeUploaded."""
        return await self._call(
            ApiCall(
                "UploadFile",
                api_files_pb2.UploadFileRequest(data=data, channel_id=channel_id, filename=filename),
                _parse_upload_file,
            )
        )

    async def create_upload_session(self, upload_session: UploadSession | None) -> UploadSession:
        """Starts a resumable upload of file_size bytes; send them with UploadData."""
        return await self._call(
            ApiCall(
                "CreateUploadSession",
                api_files_pb2.CreateUploadSessionRequest(
                    upload_session=(None if upload_session is None else upload_session.to_proto())
                ),
                _parse_create_upload_session,
            )
        )

    async def get_upload_session(self, upload_id: str) -> UploadSession:
        """An upload session by id, with how many bytes it has received (404 when there is none)."""
        return await self._call(
            ApiCall(
                "GetUploadSession",
                api_files_pb2.GetUploadSessionRequest(upload_id=upload_id),
                _parse_get_upload_session,
            )
        )

    async def create_bot(self, bot: Bot | None) -> Bot:
        """Creates a bot account; an empty owner_id makes this plugin its owner (a bot cannot own a bot)."""
        return await self._call(
            ApiCall(
                "CreateBot",
                api_bots_commands_pb2.CreateBotRequest(bot=(None if bot is None else bot.to_proto())),
                _parse_create_bot,
            )
        )

    async def patch_bot(self, user_id: str, bot_patch: BotPatch | None) -> Bot:
        """Changes the set fields of a bot (username, display name, description) and its user."""
        return await self._call(
            ApiCall(
                "PatchBot",
                api_bots_commands_pb2.PatchBotRequest(
                    user_id=user_id, bot_patch=(None if bot_patch is None else bot_patch.to_proto())
                ),
                _parse_patch_bot,
            )
        )

    async def get_bot(self, user_id: str, include_deleted: bool) -> Bot:
        """A bot by its user id (404 when there is none, or when it is deactivated and include_deleted is false)."""
        return await self._call(
            ApiCall(
                "GetBot",
                api_bots_commands_pb2.GetBotRequest(user_id=user_id, include_deleted=include_deleted),
                _parse_get_bot,
            )
        )

    async def get_bots(self, options: BotGetOptions | None) -> list[Bot]:
        """A page of bots ordered by username, filtered by owner, deactivation and orphaned state."""
        return await self._call(
            ApiCall(
                "GetBots",
                api_bots_commands_pb2.GetBotsRequest(options=(None if options is None else options.to_proto())),
                _parse_get_bots,
            )
        )

    async def update_bot_active(self, user_id: str, active: bool) -> Bot:
        """Deactivates or reactivates a bot together with its user."""
        return await self._call(
            ApiCall(
                "UpdateBotActive",
                api_bots_commands_pb2.UpdateBotActiveRequest(user_id=user_id, active=active),
                _parse_update_bot_active,
            )
        )

    async def permanent_delete_bot(self, user_id: str) -> None:
        """Deletes a bot and its user for good."""
        return await self._call(
            ApiCall("PermanentDeleteBot", api_bots_commands_pb2.PermanentDeleteBotRequest(user_id=user_id), _no_result)
        )

    async def ensure_bot_user(self, bot: Bot | None) -> str:
        """This plugin's bot with that username: created if missing, kept in sync and reactivated if it
        exists; the bot's user id. A bot owned by someone else or a non-bot user is an error.
        """
        return await self._call(
            ApiCall(
                "EnsureBotUser",
                api_bots_commands_pb2.EnsureBotUserRequest(bot=(None if bot is None else bot.to_proto())),
                _parse_ensure_bot_user,
            )
        )

    async def execute_slash_command(self, command_args: CommandArgs | None) -> CommandResponse:
        """Runs a slash command as if command_args.user_id typed it in command_args.channel_id."""
        return await self._call(
            ApiCall(
                "ExecuteSlashCommand",
                api_bots_commands_pb2.ExecuteSlashCommandRequest(
                    command_args=(None if command_args is None else command_args.to_proto())
                ),
                _parse_execute_slash_command,
            )
        )

    async def create_command(self, cmd: Command | None) -> Command:
        """Creates a custom (outgoing webhook) slash command attributed to this plugin."""
        return await self._call(
            ApiCall(
                "CreateCommand",
                api_bots_commands_pb2.CreateCommandRequest(cmd=(None if cmd is None else cmd.to_proto())),
                _parse_create_command,
            )
        )

    async def list_commands(self, team_id: str) -> list[Command]:
        """Every command usable on a team: plugin, built-in and custom ones."""
        return await self._call(
            ApiCall("ListCommands", api_bots_commands_pb2.ListCommandsRequest(team_id=team_id), _parse_list_commands)
        )

    async def list_custom_commands(self, team_id: str) -> list[Command]:
        """The custom (webhook) commands of a team."""
        return await self._call(
            ApiCall(
                "ListCustomCommands",
                api_bots_commands_pb2.ListCustomCommandsRequest(team_id=team_id),
                _parse_list_custom_commands,
            )
        )

    async def list_plugin_commands(self, team_id: str) -> list[Command]:
        """The commands plugins registered for a team (including all-teams ones), one per trigger."""
        return await self._call(
            ApiCall(
                "ListPluginCommands",
                api_bots_commands_pb2.ListPluginCommandsRequest(team_id=team_id),
                _parse_list_plugin_commands,
            )
        )

    async def list_built_in_commands(self) -> list[Command]:
        """The built-in commands this server runs (none: this server has no built-in slash commands)."""
        return await self._call(
            ApiCall(
                "ListBuiltInCommands", api_bots_commands_pb2.ListBuiltInCommandsRequest(), _parse_list_built_in_commands
            )
        )

    async def get_command(self, command_id: str) -> Command:
        """A custom command by id (404 when there is none or it was deleted)."""
        return await self._call(
            ApiCall("GetCommand", api_bots_commands_pb2.GetCommandRequest(command_id=command_id), _parse_get_command)
        )

    async def update_command(self, command_id: str, updated_cmd: Command | None) -> Command:
        """Replaces a custom command's settings, keeping its id, token and creation time."""
        return await self._call(
            ApiCall(
                "UpdateCommand",
                api_bots_commands_pb2.UpdateCommandRequest(
                    command_id=command_id, updated_cmd=(None if updated_cmd is None else updated_cmd.to_proto())
                ),
                _parse_update_command,
            )
        )

    async def delete_command(self, command_id: str) -> None:
        """Deletes a custom command."""
        return await self._call(
            ApiCall("DeleteCommand", api_bots_commands_pb2.DeleteCommandRequest(command_id=command_id), _no_result)
        )

    async def create_oauth_app(self, app: OAuthApp | None) -> OAuthApp:
        """Registers an OAuth app; the server generates its id and client secret."""
        return await self._call(
            ApiCall(
                "CreateOAuthApp",
                api_bots_commands_pb2.CreateOAuthAppRequest(app=(None if app is None else app.to_proto())),
                _parse_create_oauth_app,
            )
        )

    async def get_oauth_app(self, app_id: str) -> OAuthApp:
        """An OAuth app by id (404 when there is none)."""
        return await self._call(
            ApiCall("GetOAuthApp", api_bots_commands_pb2.GetOAuthAppRequest(app_id=app_id), _parse_get_oauth_app)
        )

    async def update_oauth_app(self, app: OAuthApp | None) -> OAuthApp:
        """Updates an OAuth app's settings; id, creator, secret and creation time stay."""
        return await self._call(
            ApiCall(
                "UpdateOAuthApp",
                api_bots_commands_pb2.UpdateOAuthAppRequest(app=(None if app is None else app.to_proto())),
                _parse_update_oauth_app,
            )
        )

    async def delete_oauth_app(self, app_id: str) -> None:
        """Deletes an OAuth app."""
        return await self._call(
            ApiCall("DeleteOAuthApp", api_bots_commands_pb2.DeleteOAuthAppRequest(app_id=app_id), _no_result)
        )

    async def get_group(self, group_id: str) -> Group:
        """A group by id, archived or not (404 when there is none)."""
        return await self._call(
            ApiCall("GetGroup", api_groups_pb2.GetGroupRequest(group_id=group_id), _parse_get_group)
        )

    async def get_group_by_name(self, name: str) -> Group:
        """A group by its unique name (404 when there is none)."""
        return await self._call(
            ApiCall("GetGroupByName", api_groups_pb2.GetGroupByNameRequest(name=name), _parse_get_group_by_name)
        )

    async def get_group_member_users(self, group_id: str, page: int, per_page: int) -> list[User]:
        """A page of the group's current members as users, by username (per_page 0 means 60)."""
        return await self._call(
            ApiCall(
                "GetGroupMemberUsers",
                api_groups_pb2.GetGroupMemberUsersRequest(group_id=group_id, page=page, per_page=per_page),
                _parse_get_group_member_users,
            )
        )

    async def get_groups_by_source(self, group_source: str) -> list[Group]:
        """The active groups of a source ("custom", "ldap" or "plugin_<id>")."""
        return await self._call(
            ApiCall(
                "GetGroupsBySource",
                api_groups_pb2.GetGroupsBySourceRequest(group_source=group_source),
                _parse_get_groups_by_source,
            )
        )

    async def get_groups_for_user(self, user_id: str) -> list[Group]:
        """The active groups the user is a member of."""
        return await self._call(
            ApiCall(
                "GetGroupsForUser", api_groups_pb2.GetGroupsForUserRequest(user_id=user_id), _parse_get_groups_for_user
            )
        )

    async def upsert_group_member(self, group_id: str, user_id: str) -> GroupMember:
        """Adds the user to the group, or restores their removed membership."""
        return await self._call(
            ApiCall(
                "UpsertGroupMember",
                api_groups_pb2.UpsertGroupMemberRequest(group_id=group_id, user_id=user_id),
                _parse_upsert_group_member,
            )
        )

    async def upsert_group_members(self, group_id: str, user_ids: list[str]) -> list[GroupMember]:
        """Adds the users to the group, or restores their removed memberships."""
        return await self._call(
            ApiCall(
                "UpsertGroupMembers",
                api_groups_pb2.UpsertGroupMembersRequest(group_id=group_id, user_ids=list(user_ids)),
                _parse_upsert_group_members,
            )
        )

    async def get_group_by_remote_id(self, remote_id: str, group_source: str) -> Group:
        """A group by its remote id within a source (404 when there is none)."""
        return await self._call(
            ApiCall(
                "GetGroupByRemoteID",
                api_groups_pb2.GetGroupByRemoteIDRequest(remote_id=remote_id, group_source=group_source),
                _parse_get_group_by_remote_id,
            )
        )

    async def create_group(self, group: Group | None) -> Group:
        """Creates a group; its name must be unique (409) and so must its remote id within the source."""
        return await self._call(
            ApiCall(
                "CreateGroup",
                api_groups_pb2.CreateGroupRequest(group=(None if group is None else group.to_proto())),
                _parse_create_group,
            )
        )

    async def update_group(self, group: Group | None) -> Group:
        """Updates a group's name, display name, description and allow_reference; source and remote id stay."""
        return await self._call(
            ApiCall(
                "UpdateGroup",
                api_groups_pb2.UpdateGroupRequest(group=(None if group is None else group.to_proto())),
                _parse_update_group,
            )
        )

    async def delete_group(self, group_id: str) -> Group:
        """Archives a group (sets delete_at); its members and links stay for a restore."""
        return await self._call(
            ApiCall("DeleteGroup", api_groups_pb2.DeleteGroupRequest(group_id=group_id), _parse_delete_group)
        )

    async def restore_group(self, group_id: str) -> Group:
        """Restores an archived group (404 when it is not archived)."""
        return await self._call(
            ApiCall("RestoreGroup", api_groups_pb2.RestoreGroupRequest(group_id=group_id), _parse_restore_group)
        )

    async def delete_group_member(self, group_id: str, user_id: str) -> GroupMember:
        """Removes the user from the group (sets the membership's delete_at)."""
        return await self._call(
            ApiCall(
                "DeleteGroupMember",
                api_groups_pb2.DeleteGroupMemberRequest(group_id=group_id, user_id=user_id),
                _parse_delete_group_member,
            )
        )

    async def get_group_syncable(self, group_id: str, syncable_id: str, syncable_type: str) -> GroupSyncable:
        """The group's link to a team or channel, removed (delete_at set) or not; 404 when there never was one."""
        return await self._call(
            ApiCall(
                "GetGroupSyncable",
                api_groups_pb2.GetGroupSyncableRequest(
                    group_id=group_id, syncable_id=syncable_id, syncable_type=syncable_type
                ),
                _parse_get_group_syncable,
            )
        )

    async def get_group_syncables(self, group_id: str, syncable_type: str) -> list[GroupSyncable]:
        """The group's current links to teams, or to channels."""
        return await self._call(
            ApiCall(
                "GetGroupSyncables",
                api_groups_pb2.GetGroupSyncablesRequest(group_id=group_id, syncable_type=syncable_type),
                _parse_get_group_syncables,
            )
        )

    async def upsert_group_syncable(self, group_syncable: GroupSyncable | None) -> GroupSyncable:
        """Links a group to a team or channel (or restores and updates a removed link)."""
        return await self._call(
            ApiCall(
                "UpsertGroupSyncable",
                api_groups_pb2.UpsertGroupSyncableRequest(
                    group_syncable=(None if group_syncable is None else group_syncable.to_proto())
                ),
                _parse_upsert_group_syncable,
            )
        )

    async def update_group_syncable(self, group_syncable: GroupSyncable | None) -> GroupSyncable:
        """Sets an existing link's auto_add, scheme_admin and delete_at (0 restores a removed link)."""
        return await self._call(
            ApiCall(
                "UpdateGroupSyncable",
                api_groups_pb2.UpdateGroupSyncableRequest(
                    group_syncable=(None if group_syncable is None else group_syncable.to_proto())
                ),
                _parse_update_group_syncable,
            )
        )

    async def delete_group_syncable(self, group_id: str, syncable_id: str, syncable_type: str) -> GroupSyncable:
        """Removes a group's link (sets its delete_at); removing a team link removes the links to its channels."""
        return await self._call(
            ApiCall(
                "DeleteGroupSyncable",
                api_groups_pb2.DeleteGroupSyncableRequest(
                    group_id=group_id, syncable_id=syncable_id, syncable_type=syncable_type
                ),
                _parse_delete_group_syncable,
            )
        )

    async def get_groups(
        self,
        page: int,
        per_page: int,
        opts: GroupSearchOpts | None,
        view_restrictions: ViewUsersRestrictions | None = None,
    ) -> list[Group]:
        """A page of groups by display name, filtered and annotated as opts asks (per_page 0: all)."""
        return await self._call(
            ApiCall(
                "GetGroups",
                api_groups_pb2.GetGroupsRequest(
                    page=page,
                    per_page=per_page,
                    opts=(None if opts is None else opts.to_proto()),
                    view_restrictions=(None if view_restrictions is None else view_restrictions.to_proto()),
                ),
                _parse_get_groups,
            )
        )

    async def create_default_syncable_memberships(self, params: CreateDefaultMembershipParams | None) -> None:
        """Adds the members of auto-add groups to the teams and channels those groups are linked to."""
        return await self._call(
            ApiCall(
                "CreateDefaultSyncableMemberships",
                api_groups_pb2.CreateDefaultSyncableMembershipsRequest(
                    params=(None if params is None else params.to_proto())
                ),
                _no_result,
            )
        )

    async def delete_group_constrained_memberships(self) -> None:
        """Removes from group-constrained teams and channels the members who are in none of their groups."""
        return await self._call(
            ApiCall(
                "DeleteGroupConstrainedMemberships",
                api_groups_pb2.DeleteGroupConstrainedMembershipsRequest(),
                _no_result,
            )
        )

    async def create_property_field(self, field: PropertyField | None) -> PropertyField:
        """Creates a property field in its group; a field with linked_field_id takes type and options from that template field of the same group."""
        return await self._call(
            ApiCall(
                "CreatePropertyField",
                api_properties_pb2.CreatePropertyFieldRequest(field=(None if field is None else field.to_proto())),
                _parse_create_property_field,
            )
        )

    async def get_property_field(self, group_id: str, field_id: str) -> PropertyField:
        """A property field of the group by id, soft-deleted or not (404 when there is none)."""
        return await self._call(
            ApiCall(
                "GetPropertyField",
                api_properties_pb2.GetPropertyFieldRequest(group_id=group_id, field_id=field_id),
                _parse_get_property_field,
            )
        )

    async def get_property_fields(self, group_id: str, ids: list[str]) -> list[PropertyField]:
        """The group's property fields with these ids (404 unless all exist)."""
        return await self._call(
            ApiCall(
                "GetPropertyFields",
                api_properties_pb2.GetPropertyFieldsRequest(group_id=group_id, ids=list(ids)),
                _parse_get_property_fields,
            )
        )

    async def update_property_field(self, group_id: str, field: PropertyField | None) -> PropertyField:
        """Updates a property field; a linked field's type and options cannot change, and linked_field_id "" unlinks it."""
        return await self._call(
            ApiCall(
                "UpdatePropertyField",
                api_properties_pb2.UpdatePropertyFieldRequest(
                    group_id=group_id, field=(None if field is None else field.to_proto())
                ),
                _parse_update_property_field,
            )
        )

    async def delete_property_field(self, group_id: str, field_id: str) -> None:
        """Soft-deletes a property field and its values; refused (409) while linked fields depend on it."""
        return await self._call(
            ApiCall(
                "DeletePropertyField",
                api_properties_pb2.DeletePropertyFieldRequest(group_id=group_id, field_id=field_id),
                _no_result,
            )
        )

    async def search_property_fields(self, group_id: str, opts: PropertyFieldSearchOpts | None) -> list[PropertyField]:
        """The group's property fields matching the filters, a page at a time with a cursor (create_at, id order)."""
        return await self._call(
            ApiCall(
                "SearchPropertyFields",
                api_properties_pb2.SearchPropertyFieldsRequest(
                    group_id=group_id, opts=(None if opts is None else opts.to_proto())
                ),
                _parse_search_property_fields,
            )
        )

    async def count_property_fields(self, group_id: str, include_deleted: bool) -> int:
        """How many property fields the group has, soft-deleted ones included on request."""
        return await self._call(
            ApiCall(
                "CountPropertyFields",
                api_properties_pb2.CountPropertyFieldsRequest(group_id=group_id, include_deleted=include_deleted),
                _parse_count_property_fields,
            )
        )

    async def count_property_fields_for_target(
        self, group_id: str, target_type: str, target_id: str, include_deleted: bool
    ) -> int:
        """How many property fields the group has for one target (type and id)."""
        return await self._call(
            ApiCall(
                "CountPropertyFieldsForTarget",
                api_properties_pb2.CountPropertyFieldsForTargetRequest(
                    group_id=group_id, target_type=target_type, target_id=target_id, include_deleted=include_deleted
                ),
                _parse_count_property_fields_for_target,
            )
        )

    async def create_property_value(self, value: PropertyValue | None) -> PropertyValue:
        """Creates a field's value for a target (409 when the target already has a value for the field)."""
        return await self._call(
            ApiCall(
                "CreatePropertyValue",
                api_properties_pb2.CreatePropertyValueRequest(value=(None if value is None else value.to_proto())),
                _parse_create_property_value,
            )
        )

    async def get_property_value(self, group_id: str, value_id: str) -> PropertyValue:
        """A property value of the group by id (404 when there is none)."""
        return await self._call(
            ApiCall(
                "GetPropertyValue",
                api_properties_pb2.GetPropertyValueRequest(group_id=group_id, value_id=value_id),
                _parse_get_property_value,
            )
        )

    async def get_property_values(self, group_id: str, ids: list[str]) -> list[PropertyValue]:
        """The group's property values with these ids (404 unless all exist)."""
        return await self._call(
            ApiCall(
                "GetPropertyValues",
                api_properties_pb2.GetPropertyValuesRequest(group_id=group_id, ids=list(ids)),
                _parse_get_property_values,
            )
        )

    async def update_property_value(self, group_id: str, value: PropertyValue | None) -> PropertyValue:
        """Replaces an existing property value's JSON value."""
        return await self._call(
            ApiCall(
                "UpdatePropertyValue",
                api_properties_pb2.UpdatePropertyValueRequest(
                    group_id=group_id, value=(None if value is None else value.to_proto())
                ),
                _parse_update_property_value,
            )
        )

    async def upsert_property_value(self, value: PropertyValue | None) -> PropertyValue:
        """Creates the target's value for the field, or replaces it when there is one (keyed by group, target and field)."""
        return await self._call(
            ApiCall(
                "UpsertPropertyValue",
                api_properties_pb2.UpsertPropertyValueRequest(value=(None if value is None else value.to_proto())),
                _parse_upsert_property_value,
            )
        )

    async def delete_property_value(self, group_id: str, value_id: str) -> None:
        """Soft-deletes a property value."""
        return await self._call(
            ApiCall(
                "DeletePropertyValue",
                api_properties_pb2.DeletePropertyValueRequest(group_id=group_id, value_id=value_id),
                _no_result,
            )
        )

    async def search_property_values(self, group_id: str, opts: PropertyValueSearchOpts | None) -> list[PropertyValue]:
        """The group's property values matching the filters, a page at a time with a cursor (create_at, id order)."""
        return await self._call(
            ApiCall(
                "SearchPropertyValues",
                api_properties_pb2.SearchPropertyValuesRequest(
                    group_id=group_id, opts=(None if opts is None else opts.to_proto())
                ),
                _parse_search_property_values,
            )
        )

    async def register_property_group(self, name: str) -> PropertyGroup:
        """Registers a property group by name, or returns the one already registered under it."""
        return await self._call(
            ApiCall(
                "RegisterPropertyGroup",
                api_properties_pb2.RegisterPropertyGroupRequest(name=name),
                _parse_register_property_group,
            )
        )

    async def get_property_group(self, name: str) -> PropertyGroup:
        """A property group by name (404 when there is none)."""
        return await self._call(
            ApiCall(
                "GetPropertyGroup", api_properties_pb2.GetPropertyGroupRequest(name=name), _parse_get_property_group
            )
        )

    async def get_property_field_by_name(self, group_id: str, target_id: str, name: str) -> PropertyField:
        """The group's live property field with this name for a target id (404 when there is none)."""
        return await self._call(
            ApiCall(
                "GetPropertyFieldByName",
                api_properties_pb2.GetPropertyFieldByNameRequest(group_id=group_id, target_id=target_id, name=name),
                _parse_get_property_field_by_name,
            )
        )

    async def update_property_fields(self, group_id: str, fields: list[PropertyField]) -> list[PropertyField]:
        """Updates several property fields of the group at once (all or none)."""
        return await self._call(
            ApiCall(
                "UpdatePropertyFields",
                api_properties_pb2.UpdatePropertyFieldsRequest(
                    group_id=group_id, fields=[item.to_proto() for item in fields]
                ),
                _parse_update_property_fields,
            )
        )

    async def update_property_values(self, group_id: str, values: list[PropertyValue]) -> list[PropertyValue]:
        """Replaces several property values of the group at once (all or none)."""
        return await self._call(
            ApiCall(
                "UpdatePropertyValues",
                api_properties_pb2.UpdatePropertyValuesRequest(
                    group_id=group_id, values=[item.to_proto() for item in values]
                ),
                _parse_update_property_values,
            )
        )

    async def upsert_property_values(self, values: list[PropertyValue]) -> list[PropertyValue]:
        """Creates or replaces several property values at once (all or none)."""
        return await self._call(
            ApiCall(
                "UpsertPropertyValues",
                api_properties_pb2.UpsertPropertyValuesRequest(values=[item.to_proto() for item in values]),
                _parse_upsert_property_values,
            )
        )

    async def delete_property_values_for_target(self, group_id: str, target_type: str, target_id: str) -> None:
        """Soft-deletes every value of the group for one target."""
        return await self._call(
            ApiCall(
                "DeletePropertyValuesForTarget",
                api_properties_pb2.DeletePropertyValuesForTargetRequest(
                    group_id=group_id, target_type=target_type, target_id=target_id
                ),
                _no_result,
            )
        )

    async def delete_property_values_for_field(self, group_id: str, field_id: str) -> None:
        """Soft-deletes every value of one field."""
        return await self._call(
            ApiCall(
                "DeletePropertyValuesForField",
                api_properties_pb2.DeletePropertyValuesForFieldRequest(group_id=group_id, field_id=field_id),
                _no_result,
            )
        )

    async def upsert_property_values_with_options(
        self, values: list[PropertyValue], options: PropertyRequestOptions | None
    ) -> list[PropertyValue]:
        """UpsertPropertyValues acting as a scope, checked against owner-managed fields' owners."""
        return await self._call(
            ApiCall(
                "UpsertPropertyValuesWithOptions",
                api_properties_pb2.UpsertPropertyValuesWithOptionsRequest(
                    values=[item.to_proto() for item in values],
                    options=(None if options is None else options.to_proto()),
                ),
                _parse_upsert_property_values_with_options,
            )
        )

    async def upsert_property_value_with_options(
        self, value: PropertyValue | None, options: PropertyRequestOptions | None
    ) -> PropertyValue:
        """UpsertPropertyValue acting as a scope, checked against an owner-managed field's owners."""
        return await self._call(
            ApiCall(
                "UpsertPropertyValueWithOptions",
                api_properties_pb2.UpsertPropertyValueWithOptionsRequest(
                    value=(None if value is None else value.to_proto()),
                    options=(None if options is None else options.to_proto()),
                ),
                _parse_upsert_property_value_with_options,
            )
        )

    async def delete_property_value_with_options(
        self, group_id: str, value_id: str, options: PropertyRequestOptions | None
    ) -> None:
        """DeletePropertyValue acting as a scope, checked against an owner-managed field's owners."""
        return await self._call(
            ApiCall(
                "DeletePropertyValueWithOptions",
                api_properties_pb2.DeletePropertyValueWithOptionsRequest(
                    group_id=group_id, value_id=value_id, options=(None if options is None else options.to_proto())
                ),
                _no_result,
            )
        )

    async def delete_property_values_for_target_with_options(
        self, group_id: str, target_type: str, target_id: str, options: PropertyRequestOptions | None
    ) -> None:
        """DeletePropertyValuesForTarget acting as a scope (the deprovisioning entry point)."""
        return await self._call(
            ApiCall(
                "DeletePropertyValuesForTargetWithOptions",
                api_properties_pb2.DeletePropertyValuesForTargetWithOptionsRequest(
                    group_id=group_id,
                    target_type=target_type,
                    target_id=target_id,
                    options=(None if options is None else options.to_proto()),
                ),
                _no_result,
            )
        )

    async def delete_property_values_for_field_with_options(
        self, group_id: str, field_id: str, options: PropertyRequestOptions | None
    ) -> None:
        """DeletePropertyValuesForField acting as a scope, checked against the field's owners."""
        return await self._call(
            ApiCall(
                "DeletePropertyValuesForFieldWithOptions",
                api_properties_pb2.DeletePropertyValuesForFieldWithOptionsRequest(
                    group_id=group_id, field_id=field_id, options=(None if options is None else options.to_proto())
                ),
                _no_result,
            )
        )

    async def load_plugin_configuration(self) -> dict[str, Any]:
        """This plugin's settings (manifest defaults overlaid with the admin's values), as Go's
        LoadPluginConfiguration unmarshals them into its struct.
        """
        return await self._call(
            ApiCall(
                "LoadPluginConfiguration",
                api_system_pb2.LoadPluginConfigurationRequest(),
                _parse_load_plugin_configuration,
            )
        )

    async def get_config(self) -> dict[str, Any]:
        """The server's config (Mattermost's model.Config JSON) with secrets replaced by "********"."""
        return await self._call(ApiCall("GetConfig", api_system_pb2.GetConfigRequest(), _parse_get_config))

    async def get_unsanitized_config(self) -> dict[str, Any]:
        """The server's config with its secrets."""
        return await self._call(
            ApiCall("GetUnsanitizedConfig", api_system_pb2.GetUnsanitizedConfigRequest(), _parse_get_unsanitized_config)
        )

    async def save_config(self, config: dict[str, Any]) -> None:
        """Saves the whole config after the ConfigurationWillBeSaved hooks (any may veto); secrets left
        as "********" keep their saved value. Plugins whose settings changed get OnConfigurationChange.
        """
        return await self._call(
            ApiCall("SaveConfig", api_system_pb2.SaveConfigRequest(config=dict_to_struct(config)), _no_result)
        )

    async def save_plugin_config(self, config: dict[str, Any]) -> None:
        """Replaces this plugin's PluginSettings.Plugins[<id>] and saves the config as SaveConfig does."""
        return await self._call(
            ApiCall(
                "SavePluginConfig", api_system_pb2.SavePluginConfigRequest(config=dict_to_struct(config)), _no_result
            )
        )

    async def get_bundle_path(self) -> str:
        """The absolute path of this plugin's unpacked bundle."""
        return await self._call(ApiCall("GetBundlePath", api_system_pb2.GetBundlePathRequest(), _parse_get_bundle_path))

    async def get_license(self) -> dict[str, Any] | None:
        """The server's license; unset when it has none (always, on this server)."""
        return await self._call(ApiCall("GetLicense", api_system_pb2.GetLicenseRequest(), _parse_get_license))

    async def is_enterprise_ready(self) -> bool:
        """Whether the server is an Enterprise build (false here)."""
        return await self._call(
            ApiCall("IsEnterpriseReady", api_system_pb2.IsEnterpriseReadyRequest(), _parse_is_enterprise_ready)
        )

    async def get_system_install_date(self) -> int:
        """When the server first ran, in epoch milliseconds."""
        return await self._call(
            ApiCall(
                "GetSystemInstallDate", api_system_pb2.GetSystemInstallDateRequest(), _parse_get_system_install_date
            )
        )

    async def get_diagnostic_id(self) -> str:
        """The server's unique diagnostic id (the same as its telemetry id, as in Mattermost)."""
        return await self._call(
            ApiCall("GetDiagnosticId", api_system_pb2.GetDiagnosticIdRequest(), _parse_get_diagnostic_id)
        )

    async def get_telemetry_id(self) -> str:
        """The server's unique telemetry id."""
        return await self._call(
            ApiCall("GetTelemetryId", api_system_pb2.GetTelemetryIdRequest(), _parse_get_telemetry_id)
        )

    async def get_plugin_id(self) -> str:
        """This plugin's id."""
        return await self._call(ApiCall("GetPluginID", api_system_pb2.GetPluginIDRequest(), _parse_get_plugin_id))

    async def get_plugins(self) -> list[dict[str, Any]]:
        """Manifests of every installed plugin: the running ones first."""
        return await self._call(ApiCall("GetPlugins", api_system_pb2.GetPluginsRequest(), _parse_get_plugins))

    async def enable_plugin(self, id: str) -> None:
        """Enables and starts an installed plugin (404 when it is not installed)."""
        return await self._call(ApiCall("EnablePlugin", api_system_pb2.EnablePluginRequest(id=id), _no_result))

    async def disable_plugin(self, id: str) -> None:
        """Disables and stops a plugin; a plugin disabling itself is stopped after the call returns."""
        return await self._call(ApiCall("DisablePlugin", api_system_pb2.DisablePluginRequest(id=id), _no_result))

    async def remove_plugin(self, id: str) -> None:
        """Stops and deletes a plugin; a plugin removing itself is removed after the call returns."""
        return await self._call(ApiCall("RemovePlugin", api_system_pb2.RemovePluginRequest(id=id), _no_result))

    async def get_plugin_status(self, id: str) -> PluginStatus:
        """A plugin's status (404 when it is not installed)."""
        return await self._call(
            ApiCall("GetPluginStatus", api_system_pb2.GetPluginStatusRequest(id=id), _parse_get_plugin_status)
        )

    async def install_plugin(self, file: bytes, replace: bool) -> dict[str, Any]:
        """Installs a plugin bundle (.tar.gz bytes), replacing one of the same id only with replace; needs
        PluginSettings.EnableUploads (else 501). Returns the installed manifest.
        """
        return await self._call(
            ApiCall(
                "InstallPlugin", api_system_pb2.InstallPluginRequest(file=file, replace=replace), _parse_install_plugin
            )
        )

    async def publish_plugin_cluster_event(
        self, ev: PluginClusterEvent | None, opts: PluginClusterEventSendOptions | None
    ) -> None:
        """Sends an event to this plugin on the other cluster nodes (OnPluginClusterEvent). This server
        is a single node, so there is no other node to receive it: succeeds and delivers nothing.
        """
        return await self._call(
            ApiCall(
                "PublishPluginClusterEvent",
                api_system_pb2.PublishPluginClusterEventRequest(
                    ev=(None if ev is None else ev.to_proto()), opts=(None if opts is None else opts.to_proto())
                ),
                _no_result,
            )
        )

    async def register_collection_and_topic(self, collection_type: str, topic_type: str) -> None:
        """No longer supported by Mattermost: does nothing and succeeds."""
        return await self._call(
            ApiCall(
                "RegisterCollectionAndTopic",
                api_system_pb2.RegisterCollectionAndTopicRequest(
                    collection_type=collection_type, topic_type=topic_type
                ),
                _no_result,
            )
        )

    async def send_mail(self, to: str, subject: str, html_body: str) -> None:
        """Sends an HTML email: through EmailSettings.SMTPServer when one is configured, otherwise
        written to the mail spool (<dataDir>/mail/*.eml).
        """
        return await self._call(
            ApiCall("SendMail", api_system_pb2.SendMailRequest(to=to, subject=subject, html_body=html_body), _no_result)
        )

    async def send_push_notification(self, notification: dict[str, Any], user_id: str) -> None:
        """Queues a push notification for every session of the user in the push outbox
        (<dataDir>/push/*.json); no push proxy is contacted.
        """
        return await self._call(
            ApiCall(
                "SendPushNotification",
                api_system_pb2.SendPushNotificationRequest(notification=dict_to_struct(notification), user_id=user_id),
                _no_result,
            )
        )

    async def open_interactive_dialog(self, dialog: OpenDialog | None) -> None:
        """Opens an interactive dialog on the client of the user whose trigger id it carries (the
        open_dialog WebSocket event); 400 for a trigger id that is invalid or expired.
        """
        return await self._call(
            ApiCall(
                "OpenInteractiveDialog",
                api_system_pb2.OpenInteractiveDialogRequest(dialog=(None if dialog is None else dialog.to_proto())),
                _no_result,
            )
        )

    async def send_toast_message(
        self, user_id: str, connection_id: str, message: str, options: SendToastMessageOptions | None
    ) -> None:
        """Shows a toast to a user (the show_toast WebSocket event), on one connection when connection_id is set."""
        return await self._call(
            ApiCall(
                "SendToastMessage",
                api_system_pb2.SendToastMessageRequest(
                    user_id=user_id,
                    connection_id=connection_id,
                    message=message,
                    options=(None if options is None else options.to_proto()),
                ),
                _no_result,
            )
        )

    async def log_audit_rec(self, rec: dict[str, Any]) -> None:
        """Appends an audit record (model.AuditRecord) to the audit log, <dataDir>/logs/audit.jsonl."""
        return await self._call(
            ApiCall("LogAuditRec", api_system_pb2.LogAuditRecRequest(rec=dict_to_struct(rec)), _no_result)
        )

    async def log_audit_rec_with_level(self, rec: dict[str, Any], level: str) -> None:
        """Appends an audit record with the given level to the audit log."""
        return await self._call(
            ApiCall(
                "LogAuditRecWithLevel",
                api_system_pb2.LogAuditRecWithLevelRequest(rec=dict_to_struct(rec), level=level),
                _no_result,
            )
        )

    async def request_trial_license(
        self, requester_id: str, users: int, terms_accepted: bool, receive_emails_accepted: bool
    ) -> None:
        """Mattermost's trial license request; answers 501 here (no licensing)."""
        return await self._call(
            ApiCall(
                "RequestTrialLicense",
                api_system_pb2.RequestTrialLicenseRequest(
                    requester_id=requester_id,
                    users=users,
                    terms_accepted=terms_accepted,
                    receive_emails_accepted=receive_emails_accepted,
                ),
                _no_result,
            )
        )

    async def get_cloud_limits(self) -> dict[str, Any]:
        """Mattermost Cloud's workspace limits; answers 501 here (not a cloud workspace)."""
        return await self._call(
            ApiCall("GetCloudLimits", api_system_pb2.GetCloudLimitsRequest(), _parse_get_cloud_limits)
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
