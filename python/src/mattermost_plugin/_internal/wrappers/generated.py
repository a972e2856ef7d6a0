"""Generated from proto/ by scripts/gen_python_api.py (run by scripts/gen.sh). Do not edit."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..._gen.polyplug.v1 import (
    api_files_pb2,
    api_groups_pb2,
    api_pb2,
    api_system_pb2,
    bot_pb2,
    channel_sidebar_pb2,
    channel_stats_pb2,
    custom_status_pb2,
    emoji_pb2,
    group_member_pb2,
    group_pb2,
    group_syncable_pb2,
    member_pb2,
    oauth_app_pb2,
    permission_pb2,
    plugin_status_pb2,
    post_list_pb2,
    post_search_results_pb2,
    property_field_pb2,
    property_group_pb2,
    property_value_pb2,
    search_params_pb2,
    session_pb2,
    status_pb2,
    team_member_with_error_pb2,
    team_stats_pb2,
    team_unread_pb2,
    upload_session_pb2,
    user_access_token_pb2,
    user_auth_pb2,
    user_get_options_pb2,
    user_search_pb2,
)
from . import Post, TeamMember
from ._convert import from_message, to_message, wraps

__all__ = [
    "BotGetOptions",
    "BotPatch",
    "ChannelMemberIdentifier",
    "ChannelStats",
    "CreateDefaultMembershipParams",
    "CustomStatus",
    "Emoji",
    "EmojiImage",
    "GetFileInfosOptions",
    "Group",
    "GroupMember",
    "GroupSearchOpts",
    "GroupSyncable",
    "OAuthApp",
    "OpenDialog",
    "OrderedSidebarCategories",
    "Permission",
    "PluginClusterEventSendOptions",
    "PluginKVSetOptions",
    "PluginStatus",
    "PostList",
    "PostSearchMatch",
    "PostSearchResults",
    "PropertyField",
    "PropertyFieldSearchCursor",
    "PropertyFieldSearchOpts",
    "PropertyGroup",
    "PropertyRequestOptions",
    "PropertyValue",
    "PropertyValueSearchCursor",
    "PropertyValueSearchOpts",
    "SearchParameter",
    "SearchParams",
    "SendToastMessageOptions",
    "Session",
    "SidebarCategoryWithChannels",
    "Status",
    "TeamMemberWithError",
    "TeamStats",
    "TeamUnread",
    "UploadSession",
    "UserAccessToken",
    "UserAuth",
    "UserGetOptions",
    "UserSearch",
    "ViewUsersRestrictions",
    "WebsocketBroadcast",
]


@wraps(bot_pb2.BotGetOptions)
@dataclass
class BotGetOptions:
    """BotGetOptions filters and pages a bot listing (Mattermost's model.BotGetOptions).
    only_orphaned keeps bots whose owner is a deactivated user.
    """

    owner_id: str = ""
    include_deleted: bool = False
    only_orphaned: bool = False
    page: int = 0
    per_page: int = 0

    @classmethod
    def from_proto(cls, message: bot_pb2.BotGetOptions) -> BotGetOptions:
        return from_message(cls, message)

    def to_proto(self) -> bot_pb2.BotGetOptions:
        return to_message(self, bot_pb2.BotGetOptions)


@wraps(bot_pb2.BotPatch)
@dataclass
class BotPatch:
    """BotPatch is a partial update of a bot (Mattermost's model.BotPatch): unset fields stay as they are."""

    username: str | None = None
    display_name: str | None = None
    description: str | None = None

    @classmethod
    def from_proto(cls, message: bot_pb2.BotPatch) -> BotPatch:
        return from_message(cls, message)

    def to_proto(self) -> bot_pb2.BotPatch:
        return to_message(self, bot_pb2.BotPatch)


@wraps(member_pb2.ChannelMemberIdentifier)
@dataclass
class ChannelMemberIdentifier:
    """ChannelMemberIdentifier as Mattermost's model.ChannelMemberIdentifier."""

    channel_id: str = ""
    user_id: str = ""

    @classmethod
    def from_proto(cls, message: member_pb2.ChannelMemberIdentifier) -> ChannelMemberIdentifier:
        return from_message(cls, message)

    def to_proto(self) -> member_pb2.ChannelMemberIdentifier:
        return to_message(self, member_pb2.ChannelMemberIdentifier)


@wraps(channel_stats_pb2.ChannelStats)
@dataclass
class ChannelStats:
    """ChannelStats as Mattermost's model.ChannelStats."""

    channel_id: str = ""
    member_count: int = 0
    guest_count: int = 0
    pinnedpost_count: int = 0
    has_new_pinned_posts: bool = False
    files_count: int = 0

    @classmethod
    def from_proto(cls, message: channel_stats_pb2.ChannelStats) -> ChannelStats:
        return from_message(cls, message)

    def to_proto(self) -> channel_stats_pb2.ChannelStats:
        return to_message(self, channel_stats_pb2.ChannelStats)


@wraps(api_groups_pb2.CreateDefaultMembershipParams)
@dataclass
class CreateDefaultMembershipParams:
    """CreateDefaultMembershipParams as Mattermost's model.CreateDefaultMembershipParams."""

    since: int = 0
    re_add_removed_members: bool = False
    scoped_user_id: str | None = None
    scoped_team_id: str | None = None
    scoped_channel_id: str | None = None

    @classmethod
    def from_proto(cls, message: api_groups_pb2.CreateDefaultMembershipParams) -> CreateDefaultMembershipParams:
        return from_message(cls, message)

    def to_proto(self) -> api_groups_pb2.CreateDefaultMembershipParams:
        return to_message(self, api_groups_pb2.CreateDefaultMembershipParams)


@wraps(custom_status_pb2.CustomStatus)
@dataclass
class CustomStatus:
    """CustomStatus as Mattermost's model.CustomStatus (kept in the user's props under "customStatus")."""

    emoji: str = ""
    text: str = ""
    duration: str = ""
    expires_at: str = ""

    @classmethod
    def from_proto(cls, message: custom_status_pb2.CustomStatus) -> CustomStatus:
        return from_message(cls, message)

    def to_proto(self) -> custom_status_pb2.CustomStatus:
        return to_message(self, custom_status_pb2.CustomStatus)


@wraps(emoji_pb2.Emoji)
@dataclass
class Emoji:
    """Emoji is a custom emoji, as Mattermost's model.Emoji (its image is fetched separately)."""

    id: str = ""
    create_at: int = 0
    update_at: int = 0
    delete_at: int = 0
    creator_id: str = ""
    name: str = ""
    description: str = ""

    @classmethod
    def from_proto(cls, message: emoji_pb2.Emoji) -> Emoji:
        return from_message(cls, message)

    def to_proto(self) -> emoji_pb2.Emoji:
        return to_message(self, emoji_pb2.Emoji)


@wraps(emoji_pb2.EmojiImage)
@dataclass
class EmojiImage:
    """EmojiImage is a custom emoji's image and its format ("png", "gif", "jpeg" or "webp")."""

    image: bytes = b""
    format: str = ""

    @classmethod
    def from_proto(cls, message: emoji_pb2.EmojiImage) -> EmojiImage:
        return from_message(cls, message)

    def to_proto(self) -> emoji_pb2.EmojiImage:
        return to_message(self, emoji_pb2.EmojiImage)


@wraps(api_files_pb2.GetFileInfosOptions)
@dataclass
class GetFileInfosOptions:
    """Filters and order for GetFileInfos, as Mattermost's model.GetFileInfosOptions. sort_by is
    "CreateAt" (the default) or "Size".
    """

    user_ids: list[str] = field(default_factory=list)
    channel_ids: list[str] = field(default_factory=list)
    since: int = 0
    include_deleted: bool = False
    sort_by: str = ""
    sort_descending: bool = False

    @classmethod
    def from_proto(cls, message: api_files_pb2.GetFileInfosOptions) -> GetFileInfosOptions:
        return from_message(cls, message)

    def to_proto(self) -> api_files_pb2.GetFileInfosOptions:
        return to_message(self, api_files_pb2.GetFileInfosOptions)


@wraps(group_pb2.Group)
@dataclass
class Group:
    """Group as Mattermost's model.Group: a named set of users. source is "custom", "ldap" or
    "plugin_<plugin id>"; remote_id is unique per source (required for ldap and plugin sources).
    member_count, member_ids and the channel counts are filled only when GetGroups asks for them.
    """

    id: str = ""
    name: str | None = None
    display_name: str = ""
    description: str = ""
    source: str = ""
    remote_id: str | None = None
    create_at: int = 0
    update_at: int = 0
    delete_at: int = 0
    has_syncables: bool = False
    member_count: int | None = None
    allow_reference: bool = False
    channel_member_count: int | None = None
    channel_member_timezones_count: int | None = None
    member_ids: list[str] = field(default_factory=list)

    @classmethod
    def from_proto(cls, message: group_pb2.Group) -> Group:
        return from_message(cls, message)

    def to_proto(self) -> group_pb2.Group:
        return to_message(self, group_pb2.Group)


@wraps(group_member_pb2.GroupMember)
@dataclass
class GroupMember:
    """GroupMember as Mattermost's model.GroupMember; delete_at is non-zero once the user was removed."""

    group_id: str = ""
    user_id: str = ""
    create_at: int = 0
    delete_at: int = 0

    @classmethod
    def from_proto(cls, message: group_member_pb2.GroupMember) -> GroupMember:
        return from_message(cls, message)

    def to_proto(self) -> group_member_pb2.GroupMember:
        return to_message(self, group_member_pb2.GroupMember)


@wraps(api_groups_pb2.GroupSearchOpts)
@dataclass
class GroupSearchOpts:
    """GroupSearchOpts as Mattermost's model.GroupSearchOpts (its Go fields in snake_case)."""

    q: str = ""
    not_associated_to_team: str = ""
    not_associated_to_channel: str = ""
    include_member_count: bool = False
    filter_allow_reference: bool = False
    since: int = 0
    source: str = ""
    filter_parent_team_permitted: bool = False
    filter_has_member: str = ""
    include_channel_member_count: str = ""
    include_timezones: bool = False
    include_member_ids: bool = False
    include_archived: bool = False
    filter_archived: bool = False

    @classmethod
    def from_proto(cls, message: api_groups_pb2.GroupSearchOpts) -> GroupSearchOpts:
        return from_message(cls, message)

    def to_proto(self) -> api_groups_pb2.GroupSearchOpts:
        return to_message(self, api_groups_pb2.GroupSearchOpts)


@wraps(group_syncable_pb2.GroupSyncable)
@dataclass
class GroupSyncable:
    """GroupSyncable as Mattermost's model.GroupSyncable: a group linked to a team or channel (type
    "Team" or "Channel", syncable_id its id). auto_add puts the group's members into it;
    scheme_admin makes them its admins. delete_at is non-zero once the link was removed.
    """

    group_id: str = ""
    syncable_id: str = ""
    auto_add: bool = False
    scheme_admin: bool = False
    create_at: int = 0
    delete_at: int = 0
    update_at: int = 0
    type: str = ""

    @classmethod
    def from_proto(cls, message: group_syncable_pb2.GroupSyncable) -> GroupSyncable:
        return from_message(cls, message)

    def to_proto(self) -> group_syncable_pb2.GroupSyncable:
        return to_message(self, group_syncable_pb2.GroupSyncable)


@wraps(oauth_app_pb2.OAuthApp)
@dataclass
class OAuthApp:
    """OAuthApp is an OAuth 2.0 client registered on the server (Mattermost's model.OAuthApp). The
    server generates id and client_secret.
    """

    id: str = ""
    creator_id: str = ""
    create_at: int = 0
    update_at: int = 0
    client_secret: str = ""
    name: str = ""
    description: str = ""
    icon_url: str = ""
    callback_urls: list[str] = field(default_factory=list)
    homepage: str = ""
    is_trusted: bool = False
    mattermost_app_id: str = ""

    @classmethod
    def from_proto(cls, message: oauth_app_pb2.OAuthApp) -> OAuthApp:
        return from_message(cls, message)

    def to_proto(self) -> oauth_app_pb2.OAuthApp:
        return to_message(self, oauth_app_pb2.OAuthApp)


@wraps(api_system_pb2.OpenDialog)
@dataclass
class OpenDialog:
    """Mattermost's model.OpenDialogRequest: dialog is model.Dialog JSON (callback_id, title,
    introduction_text, icon_url, elements, submit_label, notify_on_cancel, state).
    """

    trigger_id: str = ""
    url: str = ""
    dialog: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_proto(cls, message: api_system_pb2.OpenDialog) -> OpenDialog:
        return from_message(cls, message)

    def to_proto(self) -> api_system_pb2.OpenDialog:
        return to_message(self, api_system_pb2.OpenDialog)


@wraps(channel_sidebar_pb2.OrderedSidebarCategories)
@dataclass
class OrderedSidebarCategories:
    """OrderedSidebarCategories as Mattermost's model.OrderedSidebarCategories: the categories and
    their ids in sidebar order.
    """

    categories: list[SidebarCategoryWithChannels] = field(default_factory=list)
    order: list[str] = field(default_factory=list)

    @classmethod
    def from_proto(cls, message: channel_sidebar_pb2.OrderedSidebarCategories) -> OrderedSidebarCategories:
        return from_message(cls, message)

    def to_proto(self) -> channel_sidebar_pb2.OrderedSidebarCategories:
        return to_message(self, channel_sidebar_pb2.OrderedSidebarCategories)


@wraps(permission_pb2.Permission)
@dataclass
class Permission:
    """Permission as Mattermost's model.Permission; only id is read by the permission checks (e.g.
    "manage_system", "create_post").
    """

    id: str = ""
    name: str = ""
    description: str = ""
    scope: str = ""

    @classmethod
    def from_proto(cls, message: permission_pb2.Permission) -> Permission:
        return from_message(cls, message)

    def to_proto(self) -> permission_pb2.Permission:
        return to_message(self, permission_pb2.Permission)


@wraps(api_system_pb2.PluginClusterEventSendOptions)
@dataclass
class PluginClusterEventSendOptions:
    """Mattermost's model.PluginClusterEventSendOptions: send_type "reliable" or "best_effort";
    target_id a node id, empty for every other node.
    """

    send_type: str = ""
    target_id: str = ""

    @classmethod
    def from_proto(cls, message: api_system_pb2.PluginClusterEventSendOptions) -> PluginClusterEventSendOptions:
        return from_message(cls, message)

    def to_proto(self) -> api_system_pb2.PluginClusterEventSendOptions:
        return to_message(self, api_system_pb2.PluginClusterEventSendOptions)


@wraps(api_pb2.PluginKVSetOptions)
@dataclass
class PluginKVSetOptions:
    """Mattermost's model.PluginKVSetOptions. old_value is only allowed with atomic (else 400)."""

    atomic: bool = False
    old_value: bytes | None = None
    expire_in_seconds: int = 0

    @classmethod
    def from_proto(cls, message: api_pb2.PluginKVSetOptions) -> PluginKVSetOptions:
        return from_message(cls, message)

    def to_proto(self) -> api_pb2.PluginKVSetOptions:
        return to_message(self, api_pb2.PluginKVSetOptions)


@wraps(plugin_status_pb2.PluginStatus)
@dataclass
class PluginStatus:
    """PluginStatus as Mattermost's model.PluginStatus. state is Mattermost's model.PluginState number
    (0 not running, 1 starting, 2 running, 3 failed to start, 4 failed to stay running, 5 stopping).
    """

    plugin_id: str = ""
    cluster_id: str = ""
    plugin_path: str = ""
    state: int = 0
    error: str = ""
    name: str = ""
    description: str = ""
    version: str = ""

    @classmethod
    def from_proto(cls, message: plugin_status_pb2.PluginStatus) -> PluginStatus:
        return from_message(cls, message)

    def to_proto(self) -> plugin_status_pb2.PluginStatus:
        return to_message(self, plugin_status_pb2.PluginStatus)


@wraps(post_list_pb2.PostList)
@dataclass
class PostList:
    """A page of posts as Mattermost's model.PostList: order holds the post ids newest first, posts
    the posts by id; next_post_id / prev_post_id are the posts just newer / older than the page
    ("" at either end, or where the read does not compute them).
    """

    order: list[str] = field(default_factory=list)
    posts: dict[str, Post] = field(default_factory=dict)
    next_post_id: str = ""
    prev_post_id: str = ""
    has_next: bool = False
    first_inaccessible_post_time: int = 0

    @classmethod
    def from_proto(cls, message: post_list_pb2.PostList) -> PostList:
        return from_message(cls, message)

    def to_proto(self) -> post_list_pb2.PostList:
        return to_message(self, post_list_pb2.PostList)


@wraps(post_search_results_pb2.PostSearchMatch)
@dataclass
class PostSearchMatch:
    """The search terms that matched one post (a value of PostSearchResults.matches)."""

    terms: list[str] = field(default_factory=list)

    @classmethod
    def from_proto(cls, message: post_search_results_pb2.PostSearchMatch) -> PostSearchMatch:
        return from_message(cls, message)

    def to_proto(self) -> post_search_results_pb2.PostSearchMatch:
        return to_message(self, post_search_results_pb2.PostSearchMatch)


@wraps(post_search_results_pb2.PostSearchResults)
@dataclass
class PostSearchResults:
    """Mattermost's model.PostSearchResults: a PostList of the hits, newest first, and per post id the
    terms that matched it.
    """

    order: list[str] = field(default_factory=list)
    posts: dict[str, Post] = field(default_factory=dict)
    next_post_id: str = ""
    prev_post_id: str = ""
    has_next: bool = False
    first_inaccessible_post_time: int = 0
    matches: dict[str, PostSearchMatch] = field(default_factory=dict)

    @classmethod
    def from_proto(cls, message: post_search_results_pb2.PostSearchResults) -> PostSearchResults:
        return from_message(cls, message)

    def to_proto(self) -> post_search_results_pb2.PostSearchResults:
        return to_message(self, post_search_results_pb2.PostSearchResults)


@wraps(property_field_pb2.PropertyField)
@dataclass
class PropertyField:
    """PropertyField is a custom property definition in a property group, as Mattermost's
    model.PropertyField. type is "text", "select", "multiselect", "date", "user" or "multiuser";
    attrs is free JSON: attrs.options holds a select field's options ([{id, name, ...}]) and
    attrs.owners the owners of an owner-managed field ([{id, type, scopes}], type "plugin",
    "service", "role" or "user"). object_type "template" marks a template that other fields may
    link to through linked_field_id: a linked field takes its type and options from the template.
    delete_at != 0 means soft-deleted.
    """

    id: str = ""
    group_id: str = ""
    name: str = ""
    type: str = ""
    attrs: dict[str, Any] = field(default_factory=dict)
    target_id: str = ""
    target_type: str = ""
    create_at: int = 0
    update_at: int = 0
    delete_at: int = 0
    object_type: str = ""
    linked_field_id: str | None = None
    created_by: str = ""
    updated_by: str = ""

    @classmethod
    def from_proto(cls, message: property_field_pb2.PropertyField) -> PropertyField:
        return from_message(cls, message)

    def to_proto(self) -> property_field_pb2.PropertyField:
        return to_message(self, property_field_pb2.PropertyField)


@wraps(property_field_pb2.PropertyFieldSearchCursor)
@dataclass
class PropertyFieldSearchCursor:
    """PropertyFieldSearchCursor resumes a field search after the last field of the previous page
    (its id and create_at); empty (both unset) starts at the beginning.
    """

    property_field_id: str = ""
    create_at: int = 0

    @classmethod
    def from_proto(cls, message: property_field_pb2.PropertyFieldSearchCursor) -> PropertyFieldSearchCursor:
        return from_message(cls, message)

    def to_proto(self) -> property_field_pb2.PropertyFieldSearchCursor:
        return to_message(self, property_field_pb2.PropertyFieldSearchCursor)


@wraps(property_field_pb2.PropertyFieldSearchOpts)
@dataclass
class PropertyFieldSearchOpts:
    """PropertyFieldSearchOpts filters SearchPropertyFields (Mattermost's PropertyFieldSearchOpts);
    empty filters match everything. Results are ordered by create_at then id; per_page must be > 0.
    """

    target_type: str = ""
    target_id: str = ""
    target_ids: list[str] = field(default_factory=list)
    object_type: str = ""
    linked_field_id: str = ""
    include_deleted: bool = False
    cursor: PropertyFieldSearchCursor | None = None
    per_page: int = 0

    @classmethod
    def from_proto(cls, message: property_field_pb2.PropertyFieldSearchOpts) -> PropertyFieldSearchOpts:
        return from_message(cls, message)

    def to_proto(self) -> property_field_pb2.PropertyFieldSearchOpts:
        return to_message(self, property_field_pb2.PropertyFieldSearchOpts)


@wraps(property_group_pb2.PropertyGroup)
@dataclass
class PropertyGroup:
    """PropertyGroup is a named namespace of property fields, as Mattermost's model.PropertyGroup."""

    id: str = ""
    name: str = ""
    version: int = 0

    @classmethod
    def from_proto(cls, message: property_group_pb2.PropertyGroup) -> PropertyGroup:
        return from_message(cls, message)

    def to_proto(self) -> property_group_pb2.PropertyGroup:
        return to_message(self, property_group_pb2.PropertyGroup)


@wraps(property_value_pb2.PropertyRequestOptions)
@dataclass
class PropertyRequestOptions:
    """PropertyRequestOptions declares how the calling plugin acts (Mattermost's
    PropertyRequestOptions): acting_as_scope is the owner-defined scope (e.g. "entra") matched
    against the scopes of the plugin's entry in an owner-managed field's owners list.
    """

    acting_as_scope: str = ""

    @classmethod
    def from_proto(cls, message: property_value_pb2.PropertyRequestOptions) -> PropertyRequestOptions:
        return from_message(cls, message)

    def to_proto(self) -> property_value_pb2.PropertyRequestOptions:
        return to_message(self, property_value_pb2.PropertyRequestOptions)


@wraps(property_value_pb2.PropertyValue)
@dataclass
class PropertyValue:
    """PropertyValue is one field's value for one target (a user, a channel, a post…), as Mattermost's
    model.PropertyValue. value is JSON text, as Mattermost's json.RawMessage: '"text"' for a text
    field, '["opt1", "opt2"]' for a multiselect one (in Python: json.dumps(x) / json.loads(v.value)).
    delete_at != 0 means soft-deleted.
    """

    id: str = ""
    target_id: str = ""
    target_type: str = ""
    group_id: str = ""
    field_id: str = ""
    value: str = ""
    create_at: int = 0
    update_at: int = 0
    delete_at: int = 0
    created_by: str = ""
    updated_by: str = ""

    @classmethod
    def from_proto(cls, message: property_value_pb2.PropertyValue) -> PropertyValue:
        return from_message(cls, message)

    def to_proto(self) -> property_value_pb2.PropertyValue:
        return to_message(self, property_value_pb2.PropertyValue)


@wraps(property_value_pb2.PropertyValueSearchCursor)
@dataclass
class PropertyValueSearchCursor:
    """PropertyValueSearchCursor resumes a value search after the last value of the previous page
    (its id and create_at); empty (both unset) starts at the beginning.
    """

    property_value_id: str = ""
    create_at: int = 0

    @classmethod
    def from_proto(cls, message: property_value_pb2.PropertyValueSearchCursor) -> PropertyValueSearchCursor:
        return from_message(cls, message)

    def to_proto(self) -> property_value_pb2.PropertyValueSearchCursor:
        return to_message(self, property_value_pb2.PropertyValueSearchCursor)


@wraps(property_value_pb2.PropertyValueSearchOpts)
@dataclass
class PropertyValueSearchOpts:
    """PropertyValueSearchOpts filters SearchPropertyValues (Mattermost's PropertyValueSearchOpts);
    empty filters match everything. Results are ordered by create_at then id; per_page must be > 0.
    """

    target_type: str = ""
    target_ids: list[str] = field(default_factory=list)
    field_id: str = ""
    include_deleted: bool = False
    cursor: PropertyValueSearchCursor | None = None
    per_page: int = 0

    @classmethod
    def from_proto(cls, message: property_value_pb2.PropertyValueSearchOpts) -> PropertyValueSearchOpts:
        return from_message(cls, message)

    def to_proto(self) -> property_value_pb2.PropertyValueSearchOpts:
        return to_message(self, property_value_pb2.PropertyValueSearchOpts)


@wraps(search_params_pb2.SearchParameter)
@dataclass
class SearchParameter:
    """A user's search as Mattermost's model.SearchParameter: terms is the query text as typed
    (words, "phrases", -excluded, from:, in:, before:, after:, on:, ext:); unset fields take
    Mattermost's defaults (AND search, page 0, 100 per page, no archived channels).
    """

    terms: str | None = None
    is_or_search: bool | None = None
    time_zone_offset: int | None = None
    page: int | None = None
    per_page: int | None = None
    include_deleted_channels: bool | None = None

    @classmethod
    def from_proto(cls, message: search_params_pb2.SearchParameter) -> SearchParameter:
        return from_message(cls, message)

    def to_proto(self) -> search_params_pb2.SearchParameter:
        return to_message(self, search_params_pb2.SearchParameter)


@wraps(search_params_pb2.SearchParams)
@dataclass
class SearchParams:
    """One search as Mattermost's model.SearchParams (what ParseSearchParams makes of a query). terms
    are words (a trailing * matches any ending) and "quoted phrases"; in_channels are channel names
    (or ids), from_users usernames (or ids); dates are YYYY-MM-DD in the searcher's time zone
    (timezone_offset seconds east of UTC).
    """

    terms: str = ""
    excluded_terms: str = ""
    ishashtag: bool = False
    in_channels: list[str] = field(default_factory=list)
    excluded_channels: list[str] = field(default_factory=list)
    from_users: list[str] = field(default_factory=list)
    excluded_users: list[str] = field(default_factory=list)
    after_date: str = ""
    excluded_after_date: str = ""
    before_date: str = ""
    excluded_before_date: str = ""
    extensions: list[str] = field(default_factory=list)
    excluded_extensions: list[str] = field(default_factory=list)
    on_date: str = ""
    excluded_date: str = ""
    or_terms: bool = False
    include_deleted_channels: bool = False
    timezone_offset: int = 0
    search_without_userid: bool = False
    modifier: str = ""

    @classmethod
    def from_proto(cls, message: search_params_pb2.SearchParams) -> SearchParams:
        return from_message(cls, message)

    def to_proto(self) -> search_params_pb2.SearchParams:
        return to_message(self, search_params_pb2.SearchParams)


@wraps(api_system_pb2.SendToastMessageOptions)
@dataclass
class SendToastMessageOptions:
    """Mattermost's model.SendToastMessageOptions. position: "top-left", "top-center", "top-right",
    "bottom-left", "bottom-center" or "bottom-right" (empty: the client's default).
    """

    connection_id: str = ""
    position: str = ""

    @classmethod
    def from_proto(cls, message: api_system_pb2.SendToastMessageOptions) -> SendToastMessageOptions:
        return from_message(cls, message)

    def to_proto(self) -> api_system_pb2.SendToastMessageOptions:
        return to_message(self, api_system_pb2.SendToastMessageOptions)


@wraps(session_pb2.Session)
@dataclass
class Session:
    """Session as Mattermost's model.Session (JSON field names kept). The token is the bearer secret;
    the Plugin API returns it like Mattermost's does, so a plugin must not leak it.
    """

    id: str = ""
    token: str = ""
    create_at: int = 0
    expires_at: int = 0
    last_activity_at: int = 0
    user_id: str = ""
    device_id: str = ""
    roles: str = ""
    is_oauth: bool = False
    expired_notify: bool = False
    props: dict[str, str] = field(default_factory=dict)
    local: bool = False

    @classmethod
    def from_proto(cls, message: session_pb2.Session) -> Session:
        return from_message(cls, message)

    def to_proto(self) -> session_pb2.Session:
        return to_message(self, session_pb2.Session)


@wraps(channel_sidebar_pb2.SidebarCategoryWithChannels)
@dataclass
class SidebarCategoryWithChannels:
    """SidebarCategoryWithChannels as Mattermost's model.SidebarCategoryWithChannels: one of a user's
    sidebar categories on a team, with its channels in display order. type is "favorites",
    "channels", "direct_messages" (one each per user and team, made on first use) or "custom";
    sorting is "" (default), "manual", "recent" or "alpha".
    """

    id: str = ""
    user_id: str = ""
    team_id: str = ""
    sort_order: int = 0
    sorting: str = ""
    type: str = ""
    display_name: str = ""
    muted: bool = False
    collapsed: bool = False
    channel_ids: list[str] = field(default_factory=list)

    @classmethod
    def from_proto(cls, message: channel_sidebar_pb2.SidebarCategoryWithChannels) -> SidebarCategoryWithChannels:
        return from_message(cls, message)

    def to_proto(self) -> channel_sidebar_pb2.SidebarCategoryWithChannels:
        return to_message(self, channel_sidebar_pb2.SidebarCategoryWithChannels)


@wraps(status_pb2.Status)
@dataclass
class Status:
    """Status as Mattermost's model.Status: a user's presence ("online", "away", "dnd", "offline")."""

    user_id: str = ""
    status: str = ""
    manual: bool = False
    last_activity_at: int = 0
    active_channel: str = ""
    dnd_end_time: int = 0
    prev_status: str = ""

    @classmethod
    def from_proto(cls, message: status_pb2.Status) -> Status:
        return from_message(cls, message)

    def to_proto(self) -> status_pb2.Status:
        return to_message(self, status_pb2.Status)


@wraps(team_member_with_error_pb2.TeamMemberWithError)
@dataclass
class TeamMemberWithError:
    """TeamMemberWithError as Mattermost's model.TeamMemberWithError: one user's outcome in a graceful
    bulk add. Exactly one of member and error is set; error is the AppError's JSON (id, message,
    detailed_error, status_code, where), an empty object when the user was added.
    """

    user_id: str = ""
    member: TeamMember | None = None
    error: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_proto(cls, message: team_member_with_error_pb2.TeamMemberWithError) -> TeamMemberWithError:
        return from_message(cls, message)

    def to_proto(self) -> team_member_with_error_pb2.TeamMemberWithError:
        return to_message(self, team_member_with_error_pb2.TeamMemberWithError)


@wraps(team_stats_pb2.TeamStats)
@dataclass
class TeamStats:
    """TeamStats as Mattermost's model.TeamStats: current members, and those of them whose account is
    active (not deactivated).
    """

    team_id: str = ""
    total_member_count: int = 0
    active_member_count: int = 0

    @classmethod
    def from_proto(cls, message: team_stats_pb2.TeamStats) -> TeamStats:
        return from_message(cls, message)

    def to_proto(self) -> team_stats_pb2.TeamStats:
        return to_message(self, team_stats_pb2.TeamStats)


@wraps(team_unread_pb2.TeamUnread)
@dataclass
class TeamUnread:
    """TeamUnread as Mattermost's model.TeamUnread: a user's unread messages and mentions in one team,
    summed over the team's channels they belong to. The thread counts are only filled with collapsed
    threads, which the Plugin API never asks for (always 0 here, as in Mattermost).
    """

    team_id: str = ""
    msg_count: int = 0
    mention_count: int = 0
    mention_count_root: int = 0
    msg_count_root: int = 0
    thread_count: int = 0
    thread_mention_count: int = 0
    thread_urgent_mention_count: int = 0

    @classmethod
    def from_proto(cls, message: team_unread_pb2.TeamUnread) -> TeamUnread:
        return from_message(cls, message)

    def to_proto(self) -> team_unread_pb2.TeamUnread:
        return to_message(self, team_unread_pb2.TeamUnread)


@wraps(upload_session_pb2.UploadSession)
@dataclass
class UploadSession:
    """UploadSession tracks a resumable upload, as Mattermost's model.UploadSession: bytes are appended
    with UploadData until file_offset reaches file_size, then the file is created.
    """

    id: str = ""
    type: str = ""
    create_at: int = 0
    user_id: str = ""
    channel_id: str = ""
    filename: str = ""
    file_size: int = 0
    file_offset: int = 0
    remote_id: str = ""
    req_file_id: str = ""

    @classmethod
    def from_proto(cls, message: upload_session_pb2.UploadSession) -> UploadSession:
        return from_message(cls, message)

    def to_proto(self) -> upload_session_pb2.UploadSession:
        return to_message(self, upload_session_pb2.UploadSession)


@wraps(user_access_token_pb2.UserAccessToken)
@dataclass
class UserAccessToken:
    """UserAccessToken as Mattermost's model.UserAccessToken: a personal access token. The token
    secret is only ever filled in the answer that created it.
    """

    id: str = ""
    token: str = ""
    user_id: str = ""
    description: str = ""
    is_active: bool = False
    expires_at: int = 0

    @classmethod
    def from_proto(cls, message: user_access_token_pb2.UserAccessToken) -> UserAccessToken:
        return from_message(cls, message)

    def to_proto(self) -> user_access_token_pb2.UserAccessToken:
        return to_message(self, user_access_token_pb2.UserAccessToken)


@wraps(user_auth_pb2.UserAuth)
@dataclass
class UserAuth:
    """UserAuth as Mattermost's model.UserAuth: how an account authenticates. Its write-only password
    is not part of the contract (Mattermost ignores it here too).
    """

    auth_data: str | None = None
    auth_service: str = ""

    @classmethod
    def from_proto(cls, message: user_auth_pb2.UserAuth) -> UserAuth:
        return from_message(cls, message)

    def to_proto(self) -> user_auth_pb2.UserAuth:
        return to_message(self, user_auth_pb2.UserAuth)


@wraps(user_get_options_pb2.UserGetOptions)
@dataclass
class UserGetOptions:
    """UserGetOptions as Mattermost's model.UserGetOptions (field names in snake_case): which users
    GetUsers lists. Unset filters do not restrict; neither active nor inactive lists both.
    """

    in_team_id: str = ""
    not_in_team_id: str = ""
    in_channel_id: str = ""
    not_in_channel_id: str = ""
    in_group_id: str = ""
    not_in_group_id: str = ""
    group_constrained: bool = False
    without_team: bool = False
    inactive: bool = False
    active: bool = False
    role: str = ""
    roles: list[str] = field(default_factory=list)
    channel_roles: list[str] = field(default_factory=list)
    team_roles: list[str] = field(default_factory=list)
    sort: str = ""
    page: int = 0
    per_page: int = 0
    updated_after: int = 0

    @classmethod
    def from_proto(cls, message: user_get_options_pb2.UserGetOptions) -> UserGetOptions:
        return from_message(cls, message)

    def to_proto(self) -> user_get_options_pb2.UserGetOptions:
        return to_message(self, user_get_options_pb2.UserGetOptions)


@wraps(user_search_pb2.UserSearch)
@dataclass
class UserSearch:
    """UserSearch as Mattermost's model.UserSearch: SearchUsers' term and filters."""

    term: str = ""
    team_id: str = ""
    not_in_team_id: str = ""
    in_channel_id: str = ""
    not_in_channel_id: str = ""
    in_group_id: str = ""
    group_constrained: bool = False
    allow_inactive: bool = False
    without_team: bool = False
    limit: int = 0
    role: str = ""
    roles: list[str] = field(default_factory=list)
    channel_roles: list[str] = field(default_factory=list)
    team_roles: list[str] = field(default_factory=list)
    not_in_group_id: str = ""

    @classmethod
    def from_proto(cls, message: user_search_pb2.UserSearch) -> UserSearch:
        return from_message(cls, message)

    def to_proto(self) -> user_search_pb2.UserSearch:
        return to_message(self, user_search_pb2.UserSearch)


@wraps(api_groups_pb2.ViewUsersRestrictions)
@dataclass
class ViewUsersRestrictions:
    """ViewUsersRestrictions as Mattermost's model.ViewUsersRestrictions: member counts include only
    users on one of these teams or in one of these channels.
    """

    teams: list[str] = field(default_factory=list)
    channels: list[str] = field(default_factory=list)

    @classmethod
    def from_proto(cls, message: api_groups_pb2.ViewUsersRestrictions) -> ViewUsersRestrictions:
        return from_message(cls, message)

    def to_proto(self) -> api_groups_pb2.ViewUsersRestrictions:
        return to_message(self, api_groups_pb2.ViewUsersRestrictions)


@wraps(api_pb2.WebsocketBroadcast)
@dataclass
class WebsocketBroadcast:
    """Who receives a published event (Mattermost's model.WebsocketBroadcast). Empty fields do not
    restrict; the host still only delivers to users allowed to see the channel or team.
    """

    omit_users: dict[str, bool] = field(default_factory=dict)
    user_id: str = ""
    channel_id: str = ""
    team_id: str = ""

    @classmethod
    def from_proto(cls, message: api_pb2.WebsocketBroadcast) -> WebsocketBroadcast:
        return from_message(cls, message)

    def to_proto(self) -> api_pb2.WebsocketBroadcast:
        return to_message(self, api_pb2.WebsocketBroadcast)
