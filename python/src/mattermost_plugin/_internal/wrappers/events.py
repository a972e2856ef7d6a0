"""Small hook arguments that are flat fields on the wire but one object in Mattermost's Go API:
``PluginClusterEvent``, ``WebSocketRequest`` and ``OnInstallEvent``."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..._gen.polyplug.v1 import api_system_pb2
from ._convert import from_message, to_message, wraps


@wraps(api_system_pb2.PluginClusterEvent)
@dataclass
class PluginClusterEvent:
    """An event one plugin instance sent to the others of the cluster (model.PluginClusterEvent).

    The OnPluginClusterEvent hook receives one; PublishPluginClusterEvent sends one.
    """

    id: str = ""
    data: bytes = b""

    @classmethod
    def from_proto(cls, message: api_system_pb2.PluginClusterEvent) -> PluginClusterEvent:
        """The wrapper for a wire ``PluginClusterEvent``."""
        return from_message(cls, message)

    def to_proto(self) -> api_system_pb2.PluginClusterEvent:
        """The wire ``PluginClusterEvent`` for this wrapper."""
        return to_message(self, api_system_pb2.PluginClusterEvent)


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
