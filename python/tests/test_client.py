"""Both API clients against a real (fake) host over a unix socket.

The fake host runs on the test's event loop, so sync client calls go through asyncio.to_thread.
"""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import AsyncIterator

import pytest
import pytest_asyncio

from mattermost_plugin import (
    AsyncPluginAPIClient,
    Command,
    NotFoundError,
    NotImplementedAPIError,
    PermissionDeniedError,
    PluginAPIClient,
    Post,
    UnavailableError,
)

from fake_host import SERVER_VERSION, FakeHost


@pytest_asyncio.fixture
async def host() -> AsyncIterator[FakeHost]:
    fake = await FakeHost(plugin_config={"BadWord": "x", "Max": 5, "Nested": {"on": True}}).start()
    yield fake
    await fake.stop()


def test_sync_and_async_clients_have_the_same_methods() -> None:
    def public(cls: type) -> dict[str, inspect.Signature]:
        return {n: inspect.signature(f) for n, f in vars(cls).items() if not n.startswith("_") and callable(f)}

    sync, async_ = public(PluginAPIClient), public(AsyncPluginAPIClient)
    assert sync.keys() == async_.keys()
    for name, signature in sync.items():
        assert list(signature.parameters) == list(async_[name].parameters), name
        assert inspect.iscoroutinefunction(getattr(AsyncPluginAPIClient, name)), name


async def test_sync_client_round_trips(host: FakeHost) -> None:
    def scenario() -> None:
        with PluginAPIClient(host.target, host.secret) as api:
            api.wait_ready(10)
            assert api.get_server_version() == SERVER_VERSION
            assert api.get_plugin_config() == {"BadWord": "x", "Max": 5, "Nested": {"on": True}}
            assert api.get_user("user1").username == "alice"
            with pytest.raises(NotFoundError) as info:
                api.get_user("nobody")
            assert info.value.status_code == 404 and info.value.error_id == "app.user.missing.app_error"
            with pytest.raises(NotImplementedAPIError):
                api.get_channel("c")
            created = api.create_post(channel_id="c1", message="kw", props={"a": [1]})
            assert (created.id, created.message, created.props) == ("post1", "kw", {"a": [1]})
            again = api.create_post(Post(channel_id="c1", message="obj"), root_id="r")
            assert (again.message, again.root_id) == ("obj", "r")
            assert api.get_post("post2").message == "obj"
            api.register_command(Command(trigger="t", auto_complete=True))
            api.unregister_command("team", "t")
            api.log_warn("careful", count=2, who={"id": "u"})

    await asyncio.to_thread(scenario)
    assert host.logs == [("Warn", "careful", {"count": 2, "who": {"id": "u"}})]
    assert host.commands == []


async def test_kv_distinguishes_absent_from_empty(host: FakeHost) -> None:
    def scenario() -> None:
        with PluginAPIClient(host.target, host.secret) as api:
            assert api.kv_get("k") is None
            api.kv_set("k", b"")
            assert api.kv_get("k") == b""
            api.kv_set("k", b"\x00v")
            assert api.kv_get("k") == b"\x00v"
            api.kv_delete("k")
            assert api.kv_get("k") is None
            with pytest.raises(TypeError, match="encode it first"):
                api.kv_set("k", "text")  # type: ignore[arg-type]

    await asyncio.to_thread(scenario)


async def test_async_client_round_trips(host: FakeHost) -> None:
    async with AsyncPluginAPIClient(host.target, host.secret) as api:
        await api.wait_ready(10)
        assert await api.get_server_version() == SERVER_VERSION
        assert (await api.get_user("user1")).username == "alice"
        await api.kv_set("k", b"v")
        assert await api.kv_get("k") == b"v"
        assert (await api.create_post(channel_id="c", message="m")).id == "post1"
        with pytest.raises(NotFoundError):
            await api.get_post("missing")
        await api.log_info("hello")
    assert host.logs == [("Info", "hello", {})]


async def test_a_wrong_secret_is_a_permission_error_not_a_raw_rpc_error(host: FakeHost) -> None:
    async with AsyncPluginAPIClient(host.target, "wrong") as api:
        with pytest.raises(PermissionDeniedError) as info:
            await api.get_server_version()
    assert info.value.status_code == 401
    assert info.value.__cause__ is not None  # the gRPC error is kept as the cause


async def test_an_unreachable_host_is_unavailable() -> None:
    async with AsyncPluginAPIClient("unix:///nonexistent/api.sock", "s", timeout=5) as api:
        with pytest.raises(UnavailableError):
            await api.get_server_version()
        with pytest.raises(UnavailableError):
            await api.wait_ready(0.2)
