"""How a plugin process starts and stops (docs/protocol.md §2, §6), with real child processes."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import grpc
import pytest
import pytest_asyncio

from mattermost_plugin._gen.plugin import grpc_controller_pb2
from mattermost_plugin._internal import hook_messages as hooks_pb2

from fake_host import FakeHost
from plugin_process import WAIT, PluginProcess

PLUGINS = Path(__file__).parent / "plugins"
LIFECYCLE = PLUGINS / "lifecycle_plugin.py"


@pytest_asyncio.fixture
async def host() -> AsyncIterator[FakeHost]:
    fake = await FakeHost().start()
    yield fake
    await fake.stop()


@pytest_asyncio.fixture
async def plugin(host: FakeHost) -> AsyncIterator[PluginProcess]:
    process = await PluginProcess.start(LIFECYCLE, host)
    yield process
    await process.close()


async def _activate(plugin: PluginProcess) -> None:
    response = await plugin.hooks.OnActivate(hooks_pb2.OnActivateRequest(), metadata=plugin.metadata, timeout=10)
    assert not response.HasField("error"), response.error


def _messages(host: FakeHost) -> list[str]:
    return [message for _, message, _ in host.logs]


async def test_runtime_config_reaches_the_plugin(plugin: PluginProcess) -> None:
    await _activate(plugin)
    assert plugin.host.logs[0] == ("Info", "activated", {"plugin_id": "com.polyplug.test", "timeout": 30})


async def test_shutdown_exits_0_after_on_deactivate_and_stdout_holds_only_the_handshake(plugin: PluginProcess) -> None:
    await _activate(plugin)
    await plugin.controller.Shutdown(grpc_controller_pb2.Empty(), metadata=plugin.metadata, timeout=10)
    assert await plugin.wait_exit() == 0
    assert _messages(plugin.host) == ["activated", "deactivated"]
    assert await plugin.rest_of_stdout() == b""
    assert any("stray print()" in line for line in plugin.stderr)
    assert not os.path.exists(plugin.address)


async def test_on_deactivate_runs_once_when_the_host_already_called_it(plugin: PluginProcess) -> None:
    await _activate(plugin)
    await plugin.hooks.OnDeactivate(hooks_pb2.OnDeactivateRequest(), metadata=plugin.metadata, timeout=10)
    await plugin.controller.Shutdown(grpc_controller_pb2.Empty(), metadata=plugin.metadata, timeout=10)
    assert await plugin.wait_exit() == 0
    assert _messages(plugin.host) == ["activated", "deactivated"]


async def test_sigterm_deactivates_and_exits_0(plugin: PluginProcess) -> None:
    await _activate(plugin)
    plugin.proc.send_signal(signal.SIGTERM)
    assert await plugin.wait_exit() == 0
    assert _messages(plugin.host) == ["activated", "deactivated"]


async def test_closing_stdin_makes_the_plugin_exit(plugin: PluginProcess) -> None:
    assert plugin.proc.stdin is not None
    plugin.proc.stdin.close()
    assert await plugin.wait_exit() == 0
    assert any("stdin" in line for line in plugin.stderr), plugin.stderr


async def test_started_by_hand_it_explains_and_exits_1(host: FakeHost) -> None:
    env = {k: v for k, v in os.environ.items() if k != "MATTERMOST_PLUGIN"}
    proc = await asyncio.create_subprocess_exec(
        sys.executable, str(LIFECYCLE), env=env, stdin=asyncio.subprocess.DEVNULL,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip
    stdout, stderr = await asyncio.wait_for(proc.communicate(), WAIT)
    assert proc.returncode == 1
    assert stdout == b""
    assert b"started by the server, not by hand" in stderr


async def test_without_a_socket_dir_it_listens_on_loopback_tcp(host: FakeHost) -> None:
    process = await PluginProcess.start(LIFECYCLE, host, PLUGIN_UNIX_SOCKET_DIR="")
    try:
        assert process.network == "tcp"
        assert process.handshake.startswith("1|1|tcp|127.0.0.1:")
        await _activate(process)
    finally:
        await process.close()


async def test_a_failing_constructor_exits_1_without_a_handshake(host: FakeHost) -> None:
    with pytest.raises(AssertionError, match="exited before its handshake") as info:
        await PluginProcess.start(PLUGINS / "broken_init_plugin.py", host)
    assert "could not construct BrokenInitPlugin()" in str(info.value)
    assert "missing model file" in str(info.value)


async def test_shutdown_needs_the_secret(plugin: PluginProcess) -> None:
    with pytest.raises(grpc.aio.AioRpcError) as info:
        await plugin.controller.Shutdown(grpc_controller_pb2.Empty(), timeout=10)
    assert info.value.code() == grpc.StatusCode.UNAUTHENTICATED
    assert plugin.proc.returncode is None
