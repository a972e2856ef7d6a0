"""PublishWebSocketEvent from both clients: the event, payload and broadcast reach the host intact."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest_asyncio

from mattermost_plugin import AsyncPluginAPIClient, PluginAPIClient
from mattermost_plugin._internal.structs import struct_to_dict

from fake_host import FakeHost


@pytest_asyncio.fixture
async def host() -> AsyncIterator[FakeHost]:
    fake = await FakeHost().start()
    yield fake
    await fake.stop()


async def test_sync_client_publishes_with_a_channel_broadcast(host: FakeHost) -> None:
    def scenario() -> None:
        with PluginAPIClient(host.target, host.secret) as api:
            api.publish_websocket_event("refresh", {"count": 2, "ids": ["a"]}, channel_id="c1", omit_users=["u1"])

    await asyncio.to_thread(scenario)
    [event] = host.events
    assert event.event == "refresh"
    assert struct_to_dict(event.payload) == {"count": 2, "ids": ["a"]}
    broadcast = event.broadcast
    assert (broadcast.channel_id, broadcast.user_id, dict(broadcast.omit_users)) == ("c1", "", {"u1": True})


async def test_async_client_publishes_to_everyone_by_default(host: FakeHost) -> None:
    async with AsyncPluginAPIClient(host.target, host.secret) as api:
        await api.publish_websocket_event("ping", {})
    [event] = host.events
    broadcast = event.broadcast
    assert (event.event, broadcast.user_id, broadcast.channel_id, broadcast.team_id) == ("ping", "", "", "")
