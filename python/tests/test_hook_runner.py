"""HookRunner: where handlers run and how the hook deadline applies."""

from __future__ import annotations

import asyncio
import contextvars
import sys
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


async def test_an_async_handler_that_ignores_the_deadline_is_still_reported_late(runner: HookRunner) -> None:
    async def stubborn() -> str:
        try:
            await asyncio.sleep(30)
        except asyncio.CancelledError:
            await asyncio.sleep(0.1)  # swallows the cancellation and answers anyway
        return "too late"

    with pytest.raises(HookTimeoutError):
        await runner.call("Stubborn", stubborn)
    if sys.version_info >= (3, 11):  # the deadline's cancellation does not leak into the caller's task
        assert asyncio.current_task().cancelling() == 0  # type: ignore[union-attr]


async def test_an_outside_cancellation_is_not_a_timeout(runner: HookRunner) -> None:
    started = asyncio.Event()

    async def waits() -> None:
        started.set()
        await asyncio.sleep(30)

    call = asyncio.ensure_future(runner.call("H", waits))
    await started.wait()
    call.cancel()
    with pytest.raises(asyncio.CancelledError):
        await call


async def test_contextvars_reach_the_worker_thread_and_a_returned_coroutine_is_awaited(runner: HookRunner) -> None:
    var: contextvars.ContextVar[str] = contextvars.ContextVar("var")
    var.set("from the caller")

    async def later() -> str:
        return "awaited"

    assert await runner.call("H", var.get) == "from the caller"
    assert await runner.call("H", lambda: later()) == "awaited"


async def test_the_pool_is_bounded_and_a_call_that_waited_past_its_deadline_never_runs() -> None:
    runner = HookRunner(timeout=0.3, max_workers=2)
    release, ran, running, most = threading.Event(), [], [0], [0]
    lock = threading.Lock()

    def blocking(name: str) -> None:
        with lock:
            running[0] += 1
            most[0] = max(most[0], running[0])
        ran.append(name)
        release.wait(30)
        with lock:
            running[0] -= 1

    try:
        results = await asyncio.gather(*(runner.call("B", blocking, n) for n in "abc"), return_exceptions=True)
        assert all(isinstance(r, HookTimeoutError) for r in results)
        release.set()
        assert await runner.call("Quick", lambda: "free again") == "free again"
        assert most[0] == 2 and sorted(ran) == ["a", "b"]  # "c" waited for a thread past its deadline
    finally:
        release.set()
        runner.shutdown()


async def test_shutdown_cancels_queued_calls_and_refuses_new_ones() -> None:
    runner = HookRunner(timeout=5, max_workers=1)
    release = threading.Event()
    try:
        busy = asyncio.ensure_future(runner.call("Busy", release.wait, 30, deadline=False))
        queued = asyncio.ensure_future(runner.call("Queued", lambda: "never", deadline=False))
        await asyncio.sleep(0.05)
        runner.shutdown()
        with pytest.raises(asyncio.CancelledError):
            await asyncio.wait_for(queued, 5)
        with pytest.raises(RuntimeError, match="shut down"):
            await runner.call("New", lambda: None)
    finally:
        release.set()
    assert await asyncio.wait_for(busy, 5) is True  # a running call finishes in its own time
