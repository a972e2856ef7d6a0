"""Generated from proto/ by scripts/gen_python_api.py (run by scripts/gen.sh). Do not edit."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..._gen.polyplug.v1 import api_pb2
from ._convert import from_message, to_message, wraps

__all__ = ["PluginKVSetOptions", "WebsocketBroadcast"]


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
