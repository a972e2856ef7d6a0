"""examples/hello_python run as a real process against a fake host, as the server would run it.

One process serves the whole module (tests run in file order and build on each other's state:
activation before commands, hit 1 before hit 2).
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from pathlib import Path

import grpc
import pytest
import pytest_asyncio
from grpc_health.v1 import health_pb2

from mattermost_plugin._gen.polyplug.v1 import command_pb2, http_pb2, post_pb2
from mattermost_plugin._internal import hook_messages as hooks_pb2
from mattermost_plugin._internal.structs import dict_to_struct

from fake_host import SERVER_VERSION, FakeHost
from plugin_process import PluginProcess

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "hello_python" / "plugin.py"
pytestmark = pytest.mark.asyncio(loop_scope="module")


@pytest_asyncio.fixture(loop_scope="module", scope="module")
async def plugin() -> AsyncIterator[PluginProcess]:
    host = await FakeHost(plugin_config={"BadWord": "BadWord"}).start()
    process = await PluginProcess.start(EXAMPLE, host)
    yield process
    await process.close()
    await host.stop()


async def test_handshake_is_the_first_stdout_line(plugin: PluginProcess) -> None:
    assert plugin.handshake == f"1|1|unix|{plugin.address}|grpc|"
    assert plugin.address.startswith(plugin.socket_dir)


async def test_health_reports_plugin_serving(plugin: PluginProcess) -> None:
    response = await plugin.health.Check(health_pb2.HealthCheckRequest(service="plugin"), timeout=10)
    assert response.status == health_pb2.HealthCheckResponse.SERVING


@pytest.mark.parametrize("metadata", [(), (("authorization", "Bearer wrong"),), (("authorization", "secret"),)])
async def test_hook_calls_without_the_secret_are_refused(plugin: PluginProcess, metadata: tuple) -> None:
    with pytest.raises(grpc.aio.AioRpcError) as info:
        await plugin.hooks.Implemented(hooks_pb2.ImplementedRequest(), metadata=metadata, timeout=10)
    assert info.value.code() == grpc.StatusCode.UNAUTHENTICATED


async def test_implemented_lists_the_example_hooks(plugin: PluginProcess) -> None:
    response = await plugin.hooks.Implemented(hooks_pb2.ImplementedRequest(), metadata=plugin.metadata, timeout=10)
    assert list(response.hooks) == [
        "ExecuteCommand", "MessageWillBePosted", "OnActivate", "OnConfigurationChange", "ServeHTTP",
    ]  # fmt: skip


async def test_on_activate_registers_hello_and_reads_the_config(plugin: PluginProcess) -> None:
    response = await plugin.hooks.OnActivate(hooks_pb2.OnActivateRequest(), metadata=plugin.metadata, timeout=10)
    assert not response.HasField("error"), response.error
    assert [c.command.trigger for c in plugin.host.commands] == ["hello"]
    assert plugin.host.commands[0].command.auto_complete
    assert plugin.host.calls.index("GetPluginConfig") < plugin.host.calls.index("RegisterCommand")
    assert "GetServerVersion" in plugin.host.calls


async def _will_be_posted(plugin: PluginProcess, post: post_pb2.Post) -> hooks_pb2.MessageWillBePostedResponse:
    request = hooks_pb2.MessageWillBePostedRequest(post=post)
    return await plugin.hooks.MessageWillBePosted(request, metadata=plugin.metadata, timeout=10)


async def test_a_clean_post_is_allowed_unchanged(plugin: PluginProcess) -> None:
    # The handler returns the post it got: the plugin answers "allowed unchanged" (no post), so
    # the host keeps its own post, props included, without decoding a copy.
    props = {"attachments": [{"text": "kept", "fields": [{"short": True}]}], "count": 3}
    post = post_pb2.Post(id="p1", channel_id="c1", message="hello there", props=dict_to_struct(props))
    response = await _will_be_posted(plugin, post)
    assert not response.HasField("error") and response.rejection_reason == ""
    assert not response.HasField("post")


async def test_a_post_with_the_bad_word_is_rejected(plugin: PluginProcess) -> None:
    response = await _will_be_posted(plugin, post_pb2.Post(message="BADWORD here"))
    assert response.rejection_reason == "Message blocked: contains a forbidden word"
    assert not response.HasField("post")


@pytest.mark.parametrize(("command", "text"), [("/hello", "Hello, alice!"), ("/hello world", "Hello, world!")])
async def test_hello_command(plugin: PluginProcess, command: str, text: str) -> None:
    request = hooks_pb2.ExecuteCommandRequest(args=command_pb2.CommandArgs(user_id="user1", command=command))
    response = await plugin.hooks.ExecuteCommand(request, metadata=plugin.metadata, timeout=10)
    assert not response.HasField("error"), response.error
    assert (response.response.response_type, response.response.text) == ("ephemeral", text)


async def _get(plugin: PluginProcess, path: str) -> tuple[int, dict[str, list[str]], bytes]:
    init = http_pb2.HTTPRequestInit(method="GET", url=path, path=path, content_length=0)
    call = plugin.hooks.ServeHTTP(iter([http_pb2.ServeHTTPRequest(init=init, body_complete=True)]),
                                  metadata=plugin.metadata, timeout=10)  # fmt: skip
    status, headers, body = 0, {}, b""
    async for message in call:
        if message.HasField("init"):
            status = message.init.status_code
            headers = {h.key.lower(): list(h.values) for h in message.init.headers}
        body += message.body_chunk
    return status, headers, body


async def test_hits_counts_in_kv(plugin: PluginProcess) -> None:
    for expected in (1, 2):
        status, headers, body = await _get(plugin, "/hits")
        assert status == 200
        assert headers["content-type"] == ["application/json"]
        assert json.loads(body) == {"hits": expected}
    assert plugin.host.kv["hits"] == b"2"


async def test_other_paths_are_404(plugin: PluginProcess) -> None:
    status, _, _ = await _get(plugin, "/nope")
    assert status == 404


async def test_the_plugin_logged_to_stderr_only(plugin: PluginProcess) -> None:
    response = await plugin.hooks.Implemented(hooks_pb2.ImplementedRequest(), metadata=plugin.metadata, timeout=10)
    assert response.hooks  # the process is still alive and serving
    assert any(SERVER_VERSION in line and line.startswith("[INFO]") for line in plugin.stderr), plugin.stderr
