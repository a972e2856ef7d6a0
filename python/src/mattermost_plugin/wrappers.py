"""The entity types plugin code works with (``Post``, ``User``, ``Channel``…); see the package docs."""

from ._internal.wrappers import (
    Bot,
    Channel,
    ChannelType,
    Command,
    CommandArgs,
    CommandResponse,
    PluginContext,
    Post,
    Team,
    TeamType,
    User,
)

__all__ = [
    "Bot",
    "Channel",
    "ChannelType",
    "Command",
    "CommandArgs",
    "CommandResponse",
    "PluginContext",
    "Post",
    "Team",
    "TeamType",
    "User",
]
