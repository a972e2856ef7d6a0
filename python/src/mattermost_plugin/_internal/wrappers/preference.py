"""``Preference``: one user preference, as Mattermost's model.Preference."""

from __future__ import annotations

from dataclasses import dataclass

from ..._gen.polyplug.v1 import preference_pb2
from ._convert import from_message, to_message, wraps


@wraps(preference_pb2.Preference)
@dataclass
class Preference:
    """A ``(category, name) -> value`` setting of one user."""

    user_id: str = ""
    category: str = ""
    name: str = ""
    value: str = ""

    @classmethod
    def from_proto(cls, message: preference_pb2.Preference) -> Preference:
        """The wrapper for a wire ``Preference``."""
        return from_message(cls, message)

    def to_proto(self) -> preference_pb2.Preference:
        """The wire ``Preference`` for this wrapper."""
        return to_message(self, preference_pb2.Preference)
