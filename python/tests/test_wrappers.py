"""Wrappers carry every proto field both ways; Post props and metadata survive whole."""

from __future__ import annotations

import pytest

from mattermost_plugin import (
    Bot,
    Channel,
    ChannelMember,
    ChannelType,
    Command,
    CommandArgs,
    CommandResponse,
    FileData,
    FileInfo,
    PluginContext,
    Post,
    Preference,
    Reaction,
    Team,
    TeamMember,
    TeamType,
    User,
)
from mattermost_plugin._gen.polyplug.v1 import command_pb2, post_pb2
from mattermost_plugin._internal.structs import dict_to_struct, struct_to_dict
from mattermost_plugin._internal.wrappers._convert import field_names

WIRE_WRAPPERS = [
    Post, User, Channel, Team, Command, CommandArgs, CommandResponse, PluginContext,
    ChannelMember, TeamMember, FileInfo, FileData, Reaction, Preference,
]  # fmt: skip

PROPS = {
    "attachments": [{"title": "t", "fields": [{"short": True, "value": None}], "color": "#ff0000"}],
    "from_webhook": "true",
    "count": 3,
    "ratio": 0.5,
    "nested": {"deep": {"list": [1, "two", False]}},
}
METADATA = {"embeds": [{"type": "opengraph", "url": "https://example.com"}], "files": [], "priority": {"x": 1}}


@pytest.mark.parametrize("cls", WIRE_WRAPPERS)
def test_every_proto_field_has_a_wrapper_field(cls: type) -> None:
    proto_fields = {f.name for f in cls().to_proto().DESCRIPTOR.fields}
    assert proto_fields == field_names(cls)


@pytest.mark.parametrize("cls", WIRE_WRAPPERS)
def test_defaults_round_trip(cls: type) -> None:
    assert cls.from_proto(cls().to_proto()) == cls()


def test_post_round_trip_keeps_everything() -> None:
    post = Post(
        id="p", create_at=1_700_000_000_123, update_at=2, edit_at=3, delete_at=4, is_pinned=True, user_id="u",
        channel_id="c", root_id="r", original_id="o", message="hi", type="custom_x", props=PROPS, hashtags="#a",
        file_ids=["f1", "f2"], pending_post_id="pp", reply_count=5, last_reply_at=6, metadata=METADATA, remote_id="rm",
    )  # fmt: skip
    wire = post.to_proto()
    assert struct_to_dict(wire.props) == PROPS and struct_to_dict(wire.metadata) == METADATA
    assert Post.from_proto(post_pb2.Post.FromString(wire.SerializeToString())) == post


def test_post_from_the_wire_keeps_props() -> None:
    wire = post_pb2.Post(message="m", props=dict_to_struct(PROPS), metadata=dict_to_struct(METADATA))
    post = Post.from_proto(wire)
    assert post.props == PROPS and post.metadata == METADATA
    post.message = "edited"
    assert struct_to_dict(post.to_proto().props) == PROPS


def test_keyword_construction_and_mutability() -> None:
    post = Post(channel_id="c", message="m")
    post.props["k"] = "v"
    assert Post().props == {}  # no shared mutable default
    assert Command(trigger="hello", auto_complete=True).to_proto().trigger == "hello"


def test_user_maps_and_command_args_mentions() -> None:
    user = User(id="u", username="alice", props={"a": "b"}, timezone={"useAutomaticTimezone": "true"})
    assert User.from_proto(user.to_proto()) == user
    args = CommandArgs(command="/hello @bob", user_mentions={"bob": "u2"})
    assert CommandArgs.from_proto(args.to_proto()) == args


def test_command_response_nested_and_from_dict() -> None:
    response = CommandResponse.from_dict(
        {"response_type": "in_channel", "text": "t", "props": {"a": 1}, "extra_responses": [{"text": "more"}]}
    )
    assert response.extra_responses == [CommandResponse(text="more")]
    wire = response.to_proto()
    assert isinstance(wire, command_pb2.CommandResponse) and wire.extra_responses[0].text == "more"
    assert CommandResponse.from_proto(wire) == response
    with pytest.raises(ValueError, match="unknown CommandResponse field"):
        CommandResponse.from_dict({"respone_type": "ephemeral"})


def test_enums_compare_with_wire_letters() -> None:
    channel = Channel.from_proto(Channel(type="D").to_proto())
    assert channel.type == ChannelType.DIRECT.value == ChannelType.DIRECT
    assert [t.value for t in ChannelType] == ["O", "P", "D", "G"]
    assert Team(type=TeamType.INVITE.value).to_proto().type == "I"


def test_bot_is_a_plain_dataclass() -> None:
    bot = Bot(username="b", display_name="B", description="d")
    assert (bot.user_id, bot.owner_id) == ("", "")


def test_struct_numbers_come_back_as_json_would() -> None:
    assert struct_to_dict(dict_to_struct({"i": 5, "f": 1.5, "big": 2**60, "n": None})) == {
        "i": 5, "f": 1.5, "big": float(2**60), "n": None,
    }  # fmt: skip
    assert struct_to_dict(dict_to_struct({"obj": object})) == {"obj": str(object)}


def test_none_values_stay_unset_on_the_wire() -> None:
    post = Post(message=None, file_ids=None, props=None, metadata={}, create_at=None)  # type: ignore[arg-type]
    assert post.to_proto() == post_pb2.Post()
    response = CommandResponse(text="t", props=None, extra_responses=None)  # type: ignore[arg-type]
    assert response.to_proto() == command_pb2.CommandResponse(text="t")


def test_a_wrong_type_is_refused_when_converting() -> None:
    with pytest.raises(TypeError):
        Post(create_at="yesterday").to_proto()  # type: ignore[arg-type]
