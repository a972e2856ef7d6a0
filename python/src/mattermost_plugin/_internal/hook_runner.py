"""``HookRunner``: runs one handler call with the right concurrency model and deadline.

``async def`` handlers run on the event loop, in the task of the RPC that called them; plain
``def`` handlers run in a bounded thread pool, so a slow or blocking handler (requests, LLM calls,
the sync API client) never stalls other hook calls. The deadline is the host's
``MATTERMOST_PLUGIN_HOOK_TIMEOUT``: past it the call answers with an error while the handler is
abandoned (a thread cannot be killed; it finishes in the background and keeps its pool slot until
then, which is why the pool is sized generously).

This is the hot path of every hook call, so it does the least asyncio allows: a ``def`` handler
costs one loop future, completed from the worker thread through :class:`_Completions` (one loop
wake-up for all the calls that finish while the loop is busy), and one timer that fails that
future at the deadline; an ``async def`` handler is first stepped in place, and only if it
actually waits for something is the rest awaited under ``asyncio.timeout`` (no Task of its own).
"""

from __future__ import annotations

import asyncio
import collections
import contextlib
import contextvars
import inspect
import sys
import threading
import types
from collections.abc import Awaitable, Callable, Coroutine, Generator
from typing import Any, cast

from ..exceptions import HookTimeoutError
from .worker_pool import WorkerPool

DEFAULT_MAX_WORKERS = 16


class HookRunner:
    """Calls handlers; one per plugin process, shared by all hook calls."""

    def __init__(self, *, timeout: float, max_workers: int = DEFAULT_MAX_WORKERS) -> None:
        self.timeout = timeout
        self._pool = WorkerPool(max_workers, name="plugin-hook")
        self._completions: _Completions | None = None

    async def call(self, hook_name: str, handler: Callable[..., Any], *args: Any, deadline: bool = True) -> Any:
        """Runs ``handler(*args)`` within the hook timeout (without one when ``deadline`` is False).

        Raises whatever the handler raised, or :class:`HookTimeoutError`. A ``TimeoutError`` the
        handler raises itself (its own HTTP call timed out…) is passed on as it is.
        """
        loop = asyncio.get_running_loop()
        timeout = self.timeout if deadline else None
        if inspect.iscoroutinefunction(handler):
            coro = handler(*args)
            if timeout is None or type(coro) is not types.CoroutineType:
                return await _bounded(coro, hook_name, timeout)
            # Most handlers (filters, validators) finish without awaiting anything. Run the first
            # step right here: if it finishes, no deadline was needed (a handler that does not
            # yield cannot be cancelled anyway, and asyncio.timeout would only have cost a timer:
            # ~4 us of CPU per call, a fifth of the SDK's own time for such a call). If it waits,
            # the rest runs under the same deadline, counted from the start of the call.
            started = loop.time()
            try:
                waiting_on = coro.send(None)
            except StopIteration as finished:
                return finished.value
            rest = cast("Awaitable[Any]", _resume(coro, waiting_on))  # types.coroutine made it awaitable
            return await _bounded(rest, hook_name, timeout, ends_at=started + timeout)
        completions = self._completions
        if completions is None or completions.loop is not loop:
            completions = self._completions = _Completions(loop)
        future = loop.create_future()
        # copy_context: contextvars set around the call (e.g. by logging helpers) reach the thread.
        self._pool.submit(_run_and_settle, completions, future, contextvars.copy_context(), handler, args)
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
        for _, (completions, future, *_rest) in self._pool.shutdown():
            with contextlib.suppress(RuntimeError):  # the loop is already closed: nobody waits
                completions.loop.call_soon_threadsafe(future.cancel)


@types.coroutine
def _resume(coro: Coroutine[Any, Any, Any], waiting_on: Any) -> Generator[Any, Any, Any]:
    """The rest of ``coro`` after its first step yielded ``waiting_on``: ``yield from coro`` by
    hand (PEP 380), since the first step was already taken."""
    while True:
        try:
            sent = yield waiting_on
        except GeneratorExit:
            coro.close()
            raise
        except BaseException as exc:  # a cancellation (the deadline's or the caller's) goes in as it came
            try:
                waiting_on = coro.throw(exc)
            except StopIteration as finished:
                return finished.value
        else:
            try:
                waiting_on = coro.send(sent)
            except StopIteration as finished:
                return finished.value


def _run_and_settle(
    completions: _Completions,
    future: asyncio.Future[Any],
    context: contextvars.Context,
    handler: Callable[..., Any],
    args: tuple[Any, ...],
) -> None:
    """In a worker thread: runs the handler and hands its outcome to the loop."""
    if future.done():  # the call timed out or was cancelled while queued: do not start it
        return
    try:
        result = context.run(handler, *args)
    except BaseException as exc:  # every outcome goes back to the awaiting call
        completions.put(future, False, exc)
    else:
        completions.put(future, True, result)


class _Completions:
    """Hands ``def`` handlers' outcomes from worker threads to one loop, in batches.

    ``call_soon_threadsafe`` per call costs a self-pipe write, a loop wake-up with two reads and a
    Handle each; with several calls in flight most of them finish while the loop is busy, so only
    the first outcome of a batch wakes the loop and the callback settles all that arrived until it
    runs (16 calls in flight through a bare worker hop: ~10 -> ~3 us of CPU per call)."""

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self.loop = loop
        self._lock = threading.Lock()
        self._outcomes: collections.deque[tuple[asyncio.Future[Any], bool, Any]] = collections.deque()
        self._scheduled = False

    def put(self, future: asyncio.Future[Any], ok: bool, value: Any) -> None:
        """Any thread: settles ``future`` with ``value`` (a result if ``ok``, else an exception)."""
        with self._lock:
            self._outcomes.append((future, ok, value))
            if self._scheduled:
                return
            self._scheduled = True
        try:
            self.loop.call_soon_threadsafe(self._settle)
        except BaseException:  # the loop is closed: nobody waits; a later put may try again
            with self._lock:
                self._scheduled = False
            raise

    def _settle(self) -> None:
        with self._lock:
            outcomes, self._outcomes = self._outcomes, collections.deque()
            self._scheduled = False
        for future, ok, value in outcomes:
            if future.done():  # past the deadline, or cancelled: the late outcome is dropped
                continue
            if ok:
                future.set_result(value)
            else:
                future.set_exception(value)


def _expire(future: asyncio.Future[Any], hook_name: str, timeout: float) -> None:
    if not future.done():
        future.set_exception(HookTimeoutError(hook_name, timeout))


if sys.version_info >= (3, 11):

    async def _bounded(
        awaitable: Awaitable[Any],
        hook_name: str,
        timeout: float | None,
        reported: float | None = None,
        *,
        ends_at: float | None = None,
    ) -> Any:
        """Awaits ``awaitable`` in the current task, cancelled at ``timeout`` (or at loop time ``ends_at``)."""
        if timeout is None:
            return await awaitable
        scope = asyncio.timeout(timeout) if ends_at is None else asyncio.timeout_at(ends_at)
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
        awaitable: Awaitable[Any],
        hook_name: str,
        timeout: float | None,
        reported: float | None = None,
        *,
        ends_at: float | None = None,
    ) -> Any:
        """Awaits ``awaitable`` as a Task, abandoned (cancelled) at ``timeout`` (or at ``ends_at``)."""
        if timeout is None:
            return await awaitable
        if ends_at is not None:
            reported = reported or timeout
            timeout = max(ends_at - asyncio.get_running_loop().time(), 0.0)
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
