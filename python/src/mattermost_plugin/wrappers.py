"""The entity types plugin code works with (``Post``, ``User``, ``Channel``…); see the package docs."""

from ._internal.wrappers import (
    Bot,
    Channel,
    ChannelMember,
    ChannelType,
    Command,
    CommandArgs,
    CommandResponse,
    FileData,
    FileInfo,
    OnInstallEvent,
    PluginClusterEvent,
    PluginContext,
    Post,
    Preference,
    Reaction,
    Team,
    TeamMember,
    TeamType,
    User,
    WebSocketRequest,
)

__all__ = [
    "Bot",
    "Channel",
    "ChannelMember",
    "ChannelType",
    "Command",
    "CommandArgs",
    "CommandResponse",
    "FileData",
    "FileInfo",
    "OnInstallEvent",
    "PluginClusterEvent",
    "PluginContext",
    "Post",
    "Preference",
    "Reaction",
    "Team",
    "TeamMember",
    "TeamType",
    "User",
    "WebSocketRequest",
]

# Every other entity of the Plugin API (Emoji, Group, PropertyField, Session…): dataclasses
# generated from the proto by scripts/gen_python_api.py.
from ._internal.wrappers import generated as _generated
from ._internal.wrappers.generated import *  # noqa: F403

__all__ += _generated.__all__
