"""``ChannelMember`` and ``TeamMember``: memberships, as Mattermost's model.ChannelMember/TeamMember."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..._gen.polyplug.v1 import member_pb2
from ._convert import from_message, to_message, wraps


@wraps(member_pb2.ChannelMember)
@dataclass
class ChannelMember:
    """A user's membership of a channel. ``ChannelMemberWillBeAdded`` handlers may edit and return it."""

    channel_id: str = ""
    user_id: str = ""
    roles: str = ""
    last_viewed_at: int = 0
    msg_count: int = 0
    mention_count: int = 0
    mention_count_root: int = 0
    urgent_mention_count: int = 0
    msg_count_root: int = 0
    notify_props: dict[str, str] = field(default_factory=dict)
    last_update_at: int = 0
    scheme_guest: bool = False
    scheme_user: bool = False
    scheme_admin: bool = False
    explicit_roles: str = ""

    @classmethod
    def from_proto(cls, message: member_pb2.ChannelMember) -> ChannelMember:
        """The wrapper for a wire ``ChannelMember``."""
        return from_message(cls, message)

    def to_proto(self) -> member_pb2.ChannelMember:
        """The wire ``ChannelMember`` for this wrapper."""
        return to_message(self, member_pb2.ChannelMember)


@wraps(member_pb2.TeamMember)
@dataclass
class TeamMember:
    """A user's membership of a team. ``TeamMemberWillBeAdded`` handlers may edit and return it."""

    team_id: str = ""
    user_id: str = ""
    roles: str = ""
    delete_at: int = 0
    scheme_guest: bool = False
    scheme_user: bool = False
    scheme_admin: bool = False
    explicit_roles: str = ""
    create_at: int = 0

    @classmethod
    def from_proto(cls, message: member_pb2.TeamMember) -> TeamMember:
        """The wrapper for a wire ``TeamMember``."""
        return from_message(cls, message)

    def to_proto(self) -> member_pb2.TeamMember:
        """The wire ``TeamMember`` for this wrapper."""
        return to_message(self, member_pb2.TeamMember)
