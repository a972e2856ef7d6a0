"""``HookRunner``: runs one handler call with the right concurrency model and deadline.

``async def`` handlers run on the event loop; plain ``def`` handlers run in a bounded thread pool,
so a slow or blocking handler (requests, LLM calls, the sync API client) never stalls other hook
calls. The deadline is the host's ``MATTERMOST_PLUGIN_HOOK_TIMEOUT``: past it the call answers with
an error while the handler is abandoned (a thread cannot be killed; it finishes in the background
and keeps its pool slot until then, which is why the pool is sized generously).
"""

from __future__ import annotations

import asyncio
import contextvars
import functools
import inspect
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from ..exceptions import HookTimeoutError

DEFAULT_MAX_WORKERS = 16


class HookRunner:
    """Calls handlers; one per plugin process, shared by all hook calls."""

    def __init__(self, *, timeout: float, max_workers: int = DEFAULT_MAX_WORKERS) -> None:
        self.timeout = timeout
        self._executor = ThreadPoolExecutor(max_workers=max_workers, thread_name_prefix="plugin-hook")

    async def call(self, hook_name: str, handler: Callable[..., Any], *args: Any, deadline: bool = True) -> Any:
        """Runs ``handler(*args)`` within the hook timeout (without one when ``deadline`` is False).

        Raises whatever the handler raised, or :class:`HookTimeoutError`.
        """
        if not deadline:
            return await self._run(handler, args)
        # Not wait_for: a TimeoutError raised by the handler itself must not pass for our deadline.
        task = asyncio.ensure_future(self._run(handler, args))
        try:
            done, _ = await asyncio.wait({task}, timeout=self.timeout)
        except asyncio.CancelledError:
            task.cancel()
            raise
        if not done:
            task.cancel()
            raise HookTimeoutError(hook_name, self.timeout)
        return task.result()

    async def _run(self, handler: Callable[..., Any], args: tuple[Any, ...]) -> Any:
        if inspect.iscoroutinefunction(handler):
            return await handler(*args)
        loop = asyncio.get_running_loop()
        # copy_context: contextvars set around the call (e.g. by logging helpers) reach the thread.
        call = functools.partial(contextvars.copy_context().run, handler, *args)
        result = await loop.run_in_executor(self._executor, call)
        if inspect.isawaitable(result):  # a sync wrapper that returned a coroutine
            result = await result
        return result

    def shutdown(self) -> None:
        """Stops accepting work; running threads are not waited for (they may be stuck)."""
        self._executor.shutdown(wait=False, cancel_futures=True)
