"""``Channel`` and ``ChannelType``, as Mattermost's model.Channel."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from ..._gen.polyplug.v1 import channel_pb2
from ._convert import from_message, to_message, wraps


class ChannelType(str, Enum):
    """The one-letter channel kinds. ``channel.type == ChannelType.DIRECT`` and ``.value`` both work."""

    OPEN = "O"
    PRIVATE = "P"
    DIRECT = "D"
    GROUP = "G"


@wraps(channel_pb2.Channel)
@dataclass
class Channel:
    """A channel; ``type`` is one of the :class:`ChannelType` letters."""

    id: str = ""
    create_at: int = 0
    update_at: int = 0
    delete_at: int = 0
    team_id: str = ""
    type: str = ""
    display_name: str = ""
    name: str = ""
    header: str = ""
    purpose: str = ""
    last_post_at: int = 0
    total_msg_count: int = 0
    extra_update_at: int = 0
    creator_id: str = ""
    scheme_id: str = ""
    props: dict[str, Any] = field(default_factory=dict)
    group_constrained: bool = False
    shared: bool = False
    total_msg_count_root: int = 0
    policy_id: str = ""
    last_root_post_at: int = 0

    @classmethod
    def from_proto(cls, message: channel_pb2.Channel) -> Channel:
        """The wrapper for a wire ``Channel``."""
        return from_message(cls, message)

    def to_proto(self) -> channel_pb2.Channel:
        """The wire ``Channel`` for this wrapper."""
        return to_message(self, channel_pb2.Channel)
