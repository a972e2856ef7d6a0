"""Small hook arguments that are flat fields on the wire but one object in Mattermost's Go API:
``PluginClusterEvent``, ``WebSocketRequest`` and ``OnInstallEvent``."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class PluginClusterEvent:
    """An event one plugin instance sent to the others of the cluster (model.PluginClusterEvent)."""

    id: str = ""
    data: bytes = b""


@dataclass
class WebSocketRequest:
    """A message a client sent on its WebSocket for this plugin (model.WebSocketRequest)."""

    seq: int = 0
    action: str = ""
    data: dict[str, Any] = field(default_factory=dict)


@dataclass
class OnInstallEvent:
    """Who installed the plugin (model.OnInstallEvent)."""

    user_id: str = ""
