"""Polyplug's Python plugin SDK, source-compatible with the seed ``mattermost_plugin`` SDK.

    from mattermost_plugin import Plugin, hook, HookName
    from mattermost_plugin.server import run_plugin

    class HelloPlugin(Plugin):
        @hook(HookName.MessageWillBePosted)
        def filter(self, context, post):
            return post, ""

    if __name__ == "__main__":
        run_plugin(HelloPlugin)

Everything a plugin author needs is importable from here; modules starting with ``_`` are private.
"""

from ._internal.plugin_http import PluginHTTPResponse
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
from .client import AsyncPluginAPIClient, PluginAPIClient
from .exceptions import (
    AlreadyExistsError,
    HookRegistrationError,
    HookTimeoutError,
    NotFoundError,
    NotImplementedAPIError,
    PermissionDeniedError,
    PluginAPIError,
    UnavailableError,
    ValidationError,
)
from .files import FileReader, FileWriter
from .hooks import DISMISS_POST_ERROR, HookName, hook
from .http import HTTPRequest, HTTPResponseWriter
from .plugin import Plugin
from .runtime_config import RuntimeConfig
from .server import run_plugin

__version__ = "0.1.0"

__all__ = [
    "DISMISS_POST_ERROR",
    "AlreadyExistsError",
    "AsyncPluginAPIClient",
    "Bot",
    "Channel",
    "ChannelMember",
    "ChannelType",
    "Command",
    "CommandArgs",
    "CommandResponse",
    "FileData",
    "FileInfo",
    "FileReader",
    "FileWriter",
    "HTTPRequest",
    "HTTPResponseWriter",
    "HookName",
    "HookRegistrationError",
    "HookTimeoutError",
    "NotFoundError",
    "NotImplementedAPIError",
    "OnInstallEvent",
    "PermissionDeniedError",
    "Plugin",
    "PluginAPIClient",
    "PluginAPIError",
    "PluginClusterEvent",
    "PluginContext",
    "PluginHTTPResponse",
    "Post",
    "Preference",
    "Reaction",
    "RuntimeConfig",
    "Team",
    "TeamMember",
    "TeamType",
    "UnavailableError",
    "User",
    "ValidationError",
    "WebSocketRequest",
    "__version__",
    "hook",
    "run_plugin",
]
