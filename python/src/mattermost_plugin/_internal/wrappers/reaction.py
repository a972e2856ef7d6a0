"""``Reaction``: an emoji reaction on a post, as Mattermost's model.Reaction."""

from __future__ import annotations

from dataclasses import dataclass

from ..._gen.polyplug.v1 import reaction_pb2
from ._convert import from_message, to_message, wraps


@wraps(reaction_pb2.Reaction)
@dataclass
class Reaction:
    """``emoji_name`` without colons, e.g. ``"thumbsup"``."""

    user_id: str = ""
    post_id: str = ""
    emoji_name: str = ""
    create_at: int = 0
    update_at: int = 0
    delete_at: int = 0
    remote_id: str = ""
    channel_id: str = ""

    @classmethod
    def from_proto(cls, message: reaction_pb2.Reaction) -> Reaction:
        """The wrapper for a wire ``Reaction``."""
        return from_message(cls, message)

    def to_proto(self) -> reaction_pb2.Reaction:
        """The wire ``Reaction`` for this wrapper."""
        return to_message(self, reaction_pb2.Reaction)
