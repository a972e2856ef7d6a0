"""``Bot``: a bot account, as Mattermost's model.Bot."""

from __future__ import annotations

from dataclasses import dataclass

from ..._gen.polyplug.v1 import bot_pb2
from ._convert import from_message, to_message, wraps


@wraps(bot_pb2.Bot)
@dataclass
class Bot:
    """A bot account: a user with ``is_bot``, owned by a user or by the plugin that created it.

    Written by hand (not generated) to keep the field order seed plugins rely on:
    ``Bot("name", "Display", "description")`` still means username, display name, description.
    """

    username: str = ""
    display_name: str = ""
    description: str = ""
    user_id: str = ""
    owner_id: str = ""
    last_icon_update: int = 0
    create_at: int = 0
    update_at: int = 0
    delete_at: int = 0

    @classmethod
    def from_proto(cls, message: bot_pb2.Bot) -> Bot:
        """The wrapper for a wire ``Bot``."""
        return from_message(cls, message)

    def to_proto(self) -> bot_pb2.Bot:
        """The wire ``Bot`` for this wrapper."""
        return to_message(self, bot_pb2.Bot)
