"""Hook names and the ``@hook`` decorator that marks a method as a hook handler.

All of Mattermost's 46 live hooks can be declared, and the SDK serves every one of them (the SDK
README lists each handler's arguments and return shapes). The decorator only tags the function (it
does not wrap it), so a handler keeps its signature and stays ``async`` if it was.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from enum import Enum
from typing import Any, TypeVar, overload

from .exceptions import HookRegistrationError

__all__ = ["DISMISS_POST_ERROR", "HookName", "get_hook_name", "hook", "is_hook_handler"]

# A MessageWillBePosted rejection reason that makes Mattermost drop the post without telling
# the author (Mattermost's plugin.DismissPostError).
DISMISS_POST_ERROR = "plugin.message_will_be_posted.dismiss_post"

_HOOK_ATTR = "__mattermost_hook_name__"
_F = TypeVar("_F", bound=Callable[..., Any])


class HookName(str, Enum):
    """Mattermost's hook names, exactly as Mattermost (and the wire) spells them."""

    OnActivate = "OnActivate"
    OnDeactivate = "OnDeactivate"
    ServeHTTP = "ServeHTTP"
    OnConfigurationChange = "OnConfigurationChange"
    ExecuteCommand = "ExecuteCommand"
    MessageWillBePosted = "MessageWillBePosted"
    MessageWillBeUpdated = "MessageWillBeUpdated"
    MessageHasBeenPosted = "MessageHasBeenPosted"
    MessageHasBeenUpdated = "MessageHasBeenUpdated"
    UserHasJoinedChannel = "UserHasJoinedChannel"
    UserHasLeftChannel = "UserHasLeftChannel"
    UserHasJoinedTeam = "UserHasJoinedTeam"
    UserHasLeftTeam = "UserHasLeftTeam"
    ChannelHasBeenCreated = "ChannelHasBeenCreated"
    FileWillBeUploaded = "FileWillBeUploaded"
    UserWillLogIn = "UserWillLogIn"
    UserHasLoggedIn = "UserHasLoggedIn"
    UserHasBeenCreated = "UserHasBeenCreated"
    ReactionHasBeenAdded = "ReactionHasBeenAdded"
    ReactionHasBeenRemoved = "ReactionHasBeenRemoved"
    OnPluginClusterEvent = "OnPluginClusterEvent"
    OnWebSocketConnect = "OnWebSocketConnect"
    OnWebSocketDisconnect = "OnWebSocketDisconnect"
    WebSocketMessageHasBeenPosted = "WebSocketMessageHasBeenPosted"
    RunDataRetention = "RunDataRetention"
    OnInstall = "OnInstall"
    OnSendDailyTelemetry = "OnSendDailyTelemetry"
    OnCloudLimitsUpdated = "OnCloudLimitsUpdated"
    ConfigurationWillBeSaved = "ConfigurationWillBeSaved"
    NotificationWillBePushed = "NotificationWillBePushed"
    UserHasBeenDeactivated = "UserHasBeenDeactivated"
    MessageHasBeenDeleted = "MessageHasBeenDeleted"
    MessagesWillBeConsumed = "MessagesWillBeConsumed"
    ServeMetrics = "ServeMetrics"
    OnSharedChannelsSyncMsg = "OnSharedChannelsSyncMsg"
    OnSharedChannelsPing = "OnSharedChannelsPing"
    PreferencesHaveChanged = "PreferencesHaveChanged"
    OnSharedChannelsAttachmentSyncMsg = "OnSharedChannelsAttachmentSyncMsg"
    OnSharedChannelsProfileImageSyncMsg = "OnSharedChannelsProfileImageSyncMsg"
    GenerateSupportData = "GenerateSupportData"
    OnSAMLLogin = "OnSAMLLogin"
    EmailNotificationWillBeSent = "EmailNotificationWillBeSent"
    FileWillBeDownloaded = "FileWillBeDownloaded"
    ChannelMemberWillBeAdded = "ChannelMemberWillBeAdded"
    TeamMemberWillBeAdded = "TeamMemberWillBeAdded"
    ChannelWillBeArchived = "ChannelWillBeArchived"


def _resolve(name: HookName | str, where: str) -> HookName:
    try:
        return HookName(name)
    except ValueError:
        pass
    text = str(name)
    folded = {h.value.lower(): h.value for h in HookName}
    guess = folded.get(text.replace("_", "").lower())
    if guess is None:
        close = difflib.get_close_matches(text, [h.value for h in HookName], n=1)
        guess = close[0] if close else None
    hint = f" Did you mean {guess!r}?" if guess else ""
    raise HookRegistrationError(
        f"{text!r} ({where}) is not a Mattermost hook name.{hint} Use a HookName member, "
        f"e.g. @hook(HookName.MessageWillBePosted), or name the method exactly like the hook."
    )


@overload
def hook(name: _F, /) -> _F: ...
@overload
def hook(name: HookName | str | None = None, /) -> Callable[[_F], _F]: ...
def hook(name: Any = None, /) -> Any:
    """Marks a method as the handler of a hook.

    Works as ``@hook(HookName.X)`` (preferred), ``@hook("X")``, or bare ``@hook`` / ``@hook()``,
    which take the hook name from the method name (``def MessageWillBePosted(...)``). An unknown
    name raises :class:`HookRegistrationError` at class definition time, with a suggestion.
    """
    if callable(name) and not isinstance(name, (str, HookName)):
        func = name
        setattr(func, _HOOK_ATTR, _resolve(func.__name__, f"method {func.__qualname__}"))
        return func
    explicit = None if name is None else _resolve(name, "given to @hook")

    def decorate(func: _F) -> _F:
        resolved = explicit or _resolve(func.__name__, f"method {func.__qualname__}")
        setattr(func, _HOOK_ATTR, resolved)
        return func

    return decorate


def get_hook_name(func: Any) -> HookName | None:
    """The hook a function was marked for with ``@hook``, or None."""
    value = getattr(func, _HOOK_ATTR, None)
    return value if isinstance(value, HookName) else None


def is_hook_handler(func: Any) -> bool:
    """Whether ``func`` was marked with ``@hook``."""
    return get_hook_name(func) is not None
