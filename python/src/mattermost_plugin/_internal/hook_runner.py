"""``HookRunner``: runs one handler call with the right concurrency model and deadline.

``async def`` handlers run on the event loop, in the task of the RPC that called them; plain
``def`` handlers run in a bounded thread pool, so a slow or blocking handler (requests, LLM calls,
the sync API client) never stalls other hook calls. The deadline is the host's
``MATTERMOST_PLUGIN_HOOK_TIMEOUT``: past it the call answers with an error while the handler is
abandoned (a thread cannot be killed; it finishes in the background and keeps its pool slot until
then, which is why the pool is sized generously).

This is the hot path of every hook call, so it does the least asyncio allows: a ``def`` handler
costs one loop future, completed by the worker thread with one ``call_soon_threadsafe``, and one
timer that fails that future at the deadline; an ``async def`` handler is awaited in place under
``asyncio.timeout`` (no Task of its own).
"""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import inspect
import sys
from collections.abc import Awaitable, Callable
from typing import Any

from ..exceptions import HookTimeoutError
from .worker_pool import WorkerPool

DEFAULT_MAX_WORKERS = 16


class HookRunner:
    """Calls handlers; one per plugin process, shared by all hook calls."""

    def __init__(self, *, timeout: float, max_workers: int = DEFAULT_MAX_WORKERS) -> None:
        self.timeout = timeout
        self._pool = WorkerPool(max_workers, name="plugin-hook")

    async def call(self, hook_name: str, handler: Callable[..., Any], *args: Any, deadline: bool = True) -> Any:
        """Runs ``handler(*args)`` within the hook timeout (without one when ``deadline`` is False).

        Raises whatever the handler raised, or :class:`HookTimeoutError`. A ``TimeoutError`` the
        handler raises itself (its own HTTP call timed out…) is passed on as it is.
        """
        loop = asyncio.get_running_loop()
        timeout = self.timeout if deadline else None
        if inspect.iscoroutinefunction(handler):
            return await _bounded(handler(*args), hook_name, timeout)
        future = loop.create_future()
        # copy_context: contextvars set around the call (e.g. by logging helpers) reach the thread.
        self._pool.submit(_run_and_settle, loop, future, contextvars.copy_context(), handler, args)
        if timeout is None:
            result = await future
        else:
            ends_at = loop.time() + timeout
            timer = loop.call_at(ends_at, _expire, future, hook_name, timeout)
            try:
                result = await future
            finally:
                timer.cancel()
        if inspect.isawaitable(result):  # a sync wrapper that returned a coroutine: the rest of the time
            remaining = None if timeout is None else max(ends_at - loop.time(), 0.0)
            result = await _bounded(result, hook_name, remaining, timeout)
        return result

    def shutdown(self) -> None:
        """Stops accepting work; running threads are not waited for (they may be stuck). Calls
        still queued are cancelled."""
        for _, (loop, future, *_rest) in self._pool.shutdown():
            with contextlib.suppress(RuntimeError):  # the loop is already closed: nobody waits
                loop.call_soon_threadsafe(future.cancel)


def _run_and_settle(
    loop: asyncio.AbstractEventLoop,
    future: asyncio.Future[Any],
    context: contextvars.Context,
    handler: Callable[..., Any],
    args: tuple[Any, ...],
) -> None:
    """In a worker thread: runs the handler and hands its outcome to the loop, in one wake-up."""
    if future.done():  # the call timed out or was cancelled while queued: do not start it
        return
    try:
        result = context.run(handler, *args)
    except BaseException as exc:  # every outcome goes back to the awaiting call
        loop.call_soon_threadsafe(_set_exception, future, exc)
    else:
        loop.call_soon_threadsafe(_set_result, future, result)


def _set_result(future: asyncio.Future[Any], result: Any) -> None:
    if not future.done():  # past the deadline, or cancelled: the late result is dropped
        future.set_result(result)


def _set_exception(future: asyncio.Future[Any], exc: BaseException) -> None:
    if not future.done():
        future.set_exception(exc)


def _expire(future: asyncio.Future[Any], hook_name: str, timeout: float) -> None:
    if not future.done():
        future.set_exception(HookTimeoutError(hook_name, timeout))


if sys.version_info >= (3, 11):

    async def _bounded(
        awaitable: Awaitable[Any], hook_name: str, timeout: float | None, reported: float | None = None
    ) -> Any:
        """Awaits ``awaitable`` in the current task, cancelled at ``timeout``."""
        if timeout is None:
            return await awaitable
        scope = asyncio.timeout(timeout)
        try:
            async with scope:
                result = await awaitable
        except TimeoutError:
            if scope.expired():
                raise HookTimeoutError(hook_name, reported or timeout) from None
            raise
        if scope.expired():  # the handler swallowed the cancellation and finished late anyway
            raise HookTimeoutError(hook_name, reported or timeout)
        return result

else:  # pragma: no cover - Python 3.10 has no asyncio.timeout: the handler gets a Task of its own

    async def _bounded(
        awaitable: Awaitable[Any], hook_name: str, timeout: float | None, reported: float | None = None
    ) -> Any:
        """Awaits ``awaitable`` as a Task, abandoned (cancelled) at ``timeout``."""
        if timeout is None:
            return await awaitable
        # Not wait_for: a TimeoutError raised by the handler itself must not pass for our deadline.
        task = asyncio.ensure_future(awaitable)
        try:
            done, _ = await asyncio.wait({task}, timeout=timeout)
        except asyncio.CancelledError:
            task.cancel()
            raise
        if not done:
            task.cancel()
            raise HookTimeoutError(hook_name, reported or timeout)
        return task.result()
