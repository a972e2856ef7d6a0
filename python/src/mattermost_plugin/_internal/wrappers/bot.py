"""``Bot``: a bot account description, as Mattermost's model.Bot."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Bot:
    """A bot account. Not on the wire yet (no bot API in protocol v1); kept so that seed plugins
    importing it from ``mattermost_plugin._internal.wrappers`` still load."""

    username: str = ""
    display_name: str = ""
    description: str = ""
    user_id: str = ""
    owner_id: str = ""
