"""Typed dataclasses for the wire's entities, with ``from_proto``/``to_proto``.

Plugin code sees only these, never protobuf messages: hook handlers receive them and the API
clients take and return them. The public home is :mod:`mattermost_plugin.wrappers`; this path is
kept because plugins written for the seed SDK import ``mattermost_plugin._internal.wrappers``.
"""

from .bot import Bot
from .channel import Channel, ChannelType
from .command import Command, CommandArgs, CommandResponse
from .events import OnInstallEvent, PluginClusterEvent, WebSocketRequest
from .file_info import FileData, FileInfo
from .member import ChannelMember, TeamMember
from .plugin_context import PluginContext
from .post import Post
from .preference import Preference
from .reaction import Reaction
from .team import Team, TeamType
from .user import User

# isort: split
# The generated wrappers come last: they refer to the hand-written ones above (`from . import Post`).
from . import generated
from .generated import *  # noqa: F403 (entity wrappers generated from the proto)

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
__all__ += generated.__all__
