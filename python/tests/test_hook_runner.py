"""HookRunner: where handlers run and how the hook deadline applies."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import AsyncIterator

import pytest
import pytest_asyncio

from mattermost_plugin import HookTimeoutError
from mattermost_plugin._internal.hook_runner import HookRunner


@pytest_asyncio.fixture
async def runner() -> AsyncIterator[HookRunner]:
    r = HookRunner(timeout=0.3, max_workers=2)
    yield r
    r.shutdown()


async def test_sync_handlers_run_in_worker_threads_and_async_ones_on_the_loop(runner: HookRunner) -> None:
    loop_thread = threading.get_ident()

    def sync_handler(x: int) -> tuple[int, int]:
        return x + 1, threading.get_ident()

    async def async_handler(x: int) -> tuple[int, int]:
        return x + 2, threading.get_ident()

    value, thread = await runner.call("H", sync_handler, 1)
    assert value == 2
    assert thread != loop_thread
    assert await runner.call("H", async_handler, 1) == (3, loop_thread)


async def test_the_deadline_applies_to_sync_and_async_handlers(runner: HookRunner) -> None:
    release = threading.Event()
    with pytest.raises(HookTimeoutError, match=r"did not finish within 0\.3 s"):
        await runner.call("Slow", release.wait, 30)
    release.set()
    with pytest.raises(HookTimeoutError):
        await runner.call("Slow", asyncio.sleep, 30)
    assert await runner.call("NoDeadline", asyncio.sleep, 0.5, "done", deadline=False) == "done"


async def test_a_timeout_error_from_the_handler_is_not_our_deadline(runner: HookRunner) -> None:
    def handler() -> None:
        raise TimeoutError("the handler's own HTTP call timed out")

    with pytest.raises(TimeoutError, match="own HTTP call") as info:
        await runner.call("H", handler)
    assert not isinstance(info.value, HookTimeoutError)
