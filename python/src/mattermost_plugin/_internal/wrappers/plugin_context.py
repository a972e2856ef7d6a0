"""``PluginContext``: who and what caused a hook call (Mattermost's plugin.Context)."""

from __future__ import annotations

from dataclasses import dataclass

from ..._gen.polyplug.v1 import plugin_context_pb2
from ._convert import from_message, to_message, wraps


@wraps(plugin_context_pb2.PluginContext)
@dataclass
class PluginContext:
    """The first argument of request hooks; useful mostly for logging and localisation."""

    session_id: str = ""
    request_id: str = ""
    ip_address: str = ""
    accept_language: str = ""
    user_agent: str = ""

    @classmethod
    def from_proto(cls, message: plugin_context_pb2.PluginContext) -> PluginContext:
        """The wrapper for a wire ``PluginContext``."""
        return from_message(cls, message)

    def to_proto(self) -> plugin_context_pb2.PluginContext:
        """The wire ``PluginContext`` for this wrapper."""
        return to_message(self, plugin_context_pb2.PluginContext)
