"""Tests for the hello_python example, written with the SDK's test kit (copy them with the plugin).

`plugin_harness` and `fake_api` are pytest fixtures the SDK registers: no server, no process; the
hooks run through the SDK's real servicer, exactly as the host calls them. Run: `pytest`.
"""

from __future__ import annotations

import pytest
from plugin import HelloPythonPlugin

from mattermost_plugin import Post, User
from mattermost_plugin.testing import FakeAPI, PluginHarness


@pytest.fixture
def alice(fake_api: FakeAPI) -> User:
    return fake_api.add_user("alice")


@pytest.fixture
def hello(plugin_harness) -> PluginHarness:
    return plugin_harness(HelloPythonPlugin, plugin_config={"BadWord": "Kumquat"}).activate()


def test_activation_registers_the_hello_command(hello: PluginHarness, fake_api: FakeAPI) -> None:
    [command] = fake_api.commands
    assert (command.trigger, command.auto_complete, command.auto_complete_hint) == ("hello", True, "[name]")
    assert fake_api.calls.index("GetPluginConfig") < fake_api.calls.index("RegisterCommand")


def test_a_clean_post_goes_through_whole(hello: PluginHarness) -> None:
    props = {"attachments": [{"text": "kept"}], "count": 3}
    post, reason = hello.hooks.message_will_be_posted(Post(message="apples are fine", props=props))
    assert reason == ""
    assert post is not None
    assert (post.message, post.props) == ("apples are fine", props)


@pytest.mark.parametrize("message", ["KUMQUAT", "I hate kumquats", "a kUmQuAt"])
def test_the_configured_bad_word_is_rejected_in_any_case(hello: PluginHarness, message: str) -> None:
    assert hello.hooks.message_will_be_posted(Post(message=message)) == (
        None,
        "Message blocked: contains a forbidden word",
    )


def test_the_manifest_default_applies_without_settings(plugin_harness) -> None:
    default = plugin_harness(HelloPythonPlugin).activate()
    assert default.hooks.message_will_be_posted(Post(message="badword"))[1] != ""


def test_hello_greets_the_caller_by_username(hello: PluginHarness, alice: User) -> None:
    response = hello.hooks.execute_command(command="/hello", user_id=alice.id)
    assert (response.response_type, response.text) == ("ephemeral", "Hello, alice!")


def test_hello_greets_a_given_name(hello: PluginHarness, alice: User) -> None:
    assert hello.hooks.execute_command(command="/hello world", user_id=alice.id).text == "Hello, world!"


def test_hits_are_counted_in_kv(hello: PluginHarness, fake_api: FakeAPI) -> None:
    for expected in (1, 2):
        response = hello.hooks.serve_http("GET", "/hits")
        assert response.status_code == 200
        assert response.header("Content-Type") == "application/json"
        assert response.json() == {"hits": expected}
    assert fake_api.kv["hits"] == b"2"


def test_other_paths_are_not_found(hello: PluginHarness) -> None:
    assert hello.hooks.serve_http("POST", "/nope", body=[b"streamed ", b"body"]).status_code == 404
