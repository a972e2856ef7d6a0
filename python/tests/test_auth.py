"""The secret check guards every RPC of PluginHooks and GRPCController, and only those.

The RPCs are enumerated from the service descriptors, so a hook added to the proto is covered
here without editing this file.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
from collections.abc import AsyncIterator
from typing import Any

import grpc
import grpc.aio
import pytest
import pytest_asyncio
from grpc_health.v1 import health_pb2, health_pb2_grpc

from mattermost_plugin import Plugin, hook
from mattermost_plugin._gen.plugin import grpc_controller_pb2
from mattermost_plugin._gen.polyplug.v1 import hooks_pb2
from mattermost_plugin._internal.hook_runner import HookRunner
from mattermost_plugin._internal.plugin_server import PluginServer
from mattermost_plugin._internal.servicer import HooksServicer
from mattermost_plugin.runtime_config import RuntimeConfig

SECRET = "the-host-secret"
GUARDED = [
    method
    for service in (
        hooks_pb2.DESCRIPTOR.services_by_name["PluginHooks"],
        grpc_controller_pb2.DESCRIPTOR.services_by_name["GRPCController"],
    )
    for method in service.methods
]
BAD_METADATA = {
    "none": (),
    "wrong secret": (("authorization", "Bearer nope"),),
    "no Bearer": (("authorization", SECRET),),
    "other key": (("x-secret", f"Bearer {SECRET}"),),
}


class Spy(Plugin):
    def __init__(self) -> None:
        super().__init__()
        self.calls: list[str] = []

    @hook
    def MessageWillBePosted(self, context: Any, post: Any) -> None:
        self.calls.append("MessageWillBePosted")

    @hook
    def ServeHTTP(self, context: Any, w: Any, r: Any) -> None:
        self.calls.append("ServeHTTP")

    @hook
    def FileWillBeUploaded(self, context: Any, info: Any, file: Any, output: Any) -> None:
        self.calls.append("FileWillBeUploaded")


class Env:
    def __init__(self, plugin: Spy, channel: grpc.aio.Channel, stops: list[str]) -> None:
        self.plugin, self.channel, self.stops = plugin, channel, stops

    async def call(self, method: Any, metadata: tuple[tuple[str, str], ...]) -> grpc.StatusCode:
        """Calls ``method`` with an empty message (raw bytes) and returns the final status."""
        path = f"/{method.containing_service.full_name}/{method.name}"
        try:
            if method.client_streaming or method.server_streaming:
                call = self.channel.stream_stream(path)(iter([b""]), metadata=metadata, timeout=10)
                async for _ in call:
                    pass
            else:
                await self.channel.unary_unary(path)(b"", metadata=metadata, timeout=10)
        except grpc.aio.AioRpcError as exc:
            return exc.code()
        return grpc.StatusCode.OK


@pytest_asyncio.fixture
async def env() -> AsyncIterator[Env]:
    plugin, stops = Spy(), []
    sock_dir = tempfile.mkdtemp(prefix="pp-auth-")
    runner = HookRunner(timeout=5)
    config = RuntimeConfig(api_secret=SECRET, socket_dir=sock_dir)
    server = PluginServer(
        HooksServicer(plugin, runner, logging.getLogger("t")), config, stops.append, logging.getLogger("t")
    )
    _, address = await server.start()
    channel = grpc.aio.insecure_channel(f"unix:{address}")
    yield Env(plugin, channel, stops)
    await channel.close()
    await server.stop(0)
    runner.shutdown()
    shutil.rmtree(sock_dir, ignore_errors=True)


def test_the_list_covers_the_hooks_and_shutdown() -> None:
    names = {m.name for m in GUARDED}
    assert {"Implemented", "MessageWillBePosted", "ServeHTTP", "FileWillBeUploaded", "Shutdown"} <= names
    assert len(names) > 40


@pytest.mark.parametrize("metadata", BAD_METADATA.values(), ids=BAD_METADATA.keys())
async def test_every_guarded_rpc_refuses_a_missing_or_wrong_secret(env: Env, metadata: Any) -> None:
    statuses = {m.name: await env.call(m, metadata) for m in GUARDED}
    assert {name for name, code in statuses.items() if code != grpc.StatusCode.UNAUTHENTICATED} == set()
    assert env.plugin.calls == [] and env.stops == []  # no handler ran, the plugin did not stop


async def test_with_the_secret_every_rpc_gets_through(env: Env) -> None:
    metadata = (("authorization", f"Bearer {SECRET}"),)
    statuses = {m.name: await env.call(m, metadata) for m in GUARDED}
    assert {name for name, code in statuses.items() if code != grpc.StatusCode.OK} == set()
    assert sorted(env.plugin.calls) == ["FileWillBeUploaded", "MessageWillBePosted"]  # ServeHTTP: no init
    assert env.stops == ["GRPCController.Shutdown"]


async def test_health_stays_open(env: Env) -> None:
    health = health_pb2_grpc.HealthStub(env.channel)
    for service in ("plugin", ""):
        response = await health.Check(health_pb2.HealthCheckRequest(service=service), timeout=10)
        assert response.status == health_pb2.HealthCheckResponse.SERVING
