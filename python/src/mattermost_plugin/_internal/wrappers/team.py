"""``Team`` and ``TeamType``, as Mattermost's model.Team."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from ..._gen.polyplug.v1 import team_pb2
from ._convert import from_message, to_message, wraps


class TeamType(str, Enum):
    """Who may join a team: anyone (``OPEN``) or only invited users (``INVITE``)."""

    OPEN = "O"
    INVITE = "I"


@wraps(team_pb2.Team)
@dataclass
class Team:
    """A team; ``type`` is one of the :class:`TeamType` letters."""

    id: str = ""
    create_at: int = 0
    update_at: int = 0
    delete_at: int = 0
    display_name: str = ""
    name: str = ""
    description: str = ""
    email: str = ""
    type: str = ""
    company_name: str = ""
    allowed_domains: str = ""
    invite_id: str = ""
    allow_open_invite: bool = False
    last_team_icon_update: int = 0
    scheme_id: str = ""
    group_constrained: bool = False
    policy_id: str = ""

    @classmethod
    def from_proto(cls, message: team_pb2.Team) -> Team:
        """The wrapper for a wire ``Team``."""
        return from_message(cls, message)

    def to_proto(self) -> team_pb2.Team:
        """The wire ``Team`` for this wrapper."""
        return to_message(self, team_pb2.Team)
