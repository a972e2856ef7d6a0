"""Slash commands: ``Command`` (registration), ``CommandArgs`` (one run), ``CommandResponse``."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ..._gen.polyplug.v1 import command_pb2
from ._convert import from_message, to_message, wraps


@wraps(command_pb2.Command)
@dataclass
class Command:
    """A slash command to register, e.g. ``Command(trigger="hello", auto_complete=True)``."""

    id: str = ""
    token: str = ""
    create_at: int = 0
    update_at: int = 0
    delete_at: int = 0
    creator_id: str = ""
    team_id: str = ""
    trigger: str = ""
    method: str = ""
    username: str = ""
    icon_url: str = ""
    auto_complete: bool = False
    auto_complete_desc: str = ""
    auto_complete_hint: str = ""
    display_name: str = ""
    description: str = ""
    url: str = ""
    plugin_id: str = ""

    @classmethod
    def from_proto(cls, message: command_pb2.Command) -> Command:
        """The wrapper for a wire ``Command``."""
        return from_message(cls, message)

    def to_proto(self) -> command_pb2.Command:
        """The wire ``Command`` for this wrapper."""
        return to_message(self, command_pb2.Command)


@wraps(command_pb2.CommandArgs)
@dataclass
class CommandArgs:
    """One execution of a command; ``command`` is the full text typed, e.g. ``"/hello world"``."""

    user_id: str = ""
    channel_id: str = ""
    team_id: str = ""
    root_id: str = ""
    parent_id: str = ""
    trigger_id: str = ""
    command: str = ""
    site_url: str = ""
    user_mentions: dict[str, str] = field(default_factory=dict)
    channel_mentions: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_proto(cls, message: command_pb2.CommandArgs) -> CommandArgs:
        """The wrapper for a wire ``CommandArgs``."""
        return from_message(cls, message)

    def to_proto(self) -> command_pb2.CommandArgs:
        """The wire ``CommandArgs`` for this wrapper."""
        return to_message(self, command_pb2.CommandArgs)


@wraps(command_pb2.CommandResponse)
@dataclass
class CommandResponse:
    """What a command answers. ``response_type`` is ``"ephemeral"`` (only the caller sees it) or
    ``"in_channel"``."""

    response_type: str = ""
    text: str = ""
    username: str = ""
    channel_id: str = ""
    icon_url: str = ""
    type: str = ""
    props: dict[str, Any] = field(default_factory=dict)
    goto_location: str = ""
    trigger_id: str = ""
    skip_slack_parsing: bool = False
    extra_responses: list[CommandResponse] = field(default_factory=list)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> CommandResponse:
        """A response from Mattermost's JSON shape, e.g. ``{"response_type": "ephemeral", "text": "hi"}``.

        Handlers may return such a dict; an unknown key is an error rather than silently dropped.
        """
        known = {f.name for f in dataclasses.fields(cls)}
        unknown = sorted(set(data) - known)
        if unknown:
            raise ValueError(f"unknown CommandResponse field(s) {unknown}; known fields: {sorted(known)}")
        values = dict(data)
        values["extra_responses"] = [
            item if isinstance(item, CommandResponse) else cls.from_dict(item)
            for item in values.get("extra_responses", [])
        ]
        return cls(**values)

    @classmethod
    def from_proto(cls, message: command_pb2.CommandResponse) -> CommandResponse:
        """The wrapper for a wire ``CommandResponse``."""
        return from_message(cls, message)

    def to_proto(self) -> command_pb2.CommandResponse:
        """The wire ``CommandResponse`` for this wrapper."""
        return to_message(self, command_pb2.CommandResponse)
