"""``Post``: a message in a channel, as Mattermost's model.Post."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..._gen.polyplug.v1 import post_pb2
from ._convert import from_message, to_message, wraps


@wraps(post_pb2.Post)
@dataclass
class Post:
    """A post. Mutable on purpose: MessageWillBePosted handlers edit it and return it.

    ``props`` and ``metadata`` are plain dicts and travel whole in both directions, so a plugin
    that edits ``message`` keeps the post's attachments and other props.
    """

    id: str = ""
    create_at: int = 0
    update_at: int = 0
    edit_at: int = 0
    delete_at: int = 0
    is_pinned: bool = False
    user_id: str = ""
    channel_id: str = ""
    root_id: str = ""
    original_id: str = ""
    message: str = ""
    type: str = ""
    props: dict[str, Any] = field(default_factory=dict)
    hashtags: str = ""
    file_ids: list[str] = field(default_factory=list)
    pending_post_id: str = ""
    reply_count: int = 0
    last_reply_at: int = 0
    metadata: dict[str, Any] = field(default_factory=dict)
    remote_id: str = ""

    @classmethod
    def from_proto(cls, message: post_pb2.Post) -> Post:
        """The wrapper for a wire ``Post``."""
        return from_message(cls, message)

    def to_proto(self) -> post_pb2.Post:
        """The wire ``Post`` for this wrapper."""
        return to_message(self, post_pb2.Post)
