"""``LoopThread``: a private event loop in a daemon thread, so synchronous test code can drive the
async servicer from anywhere, even from inside another running loop (an async test)."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Coroutine
from typing import Any, TypeVar

_T = TypeVar("_T")


class LoopThread:
    """Runs coroutines on its own loop; :meth:`close` stops the loop and joins the thread."""

    def __init__(self, name: str = "plugin-test-loop") -> None:
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name=name, daemon=True)
        self._thread.start()

    def run(self, coroutine: Coroutine[Any, Any, _T]) -> _T:
        """Runs ``coroutine`` on the loop and returns its result (or raises its exception)."""
        if threading.current_thread() is self._thread:
            coroutine.close()
            raise RuntimeError("a hook handler cannot invoke hooks through the test kit (it would deadlock)")
        return asyncio.run_coroutine_threadsafe(coroutine, self._loop).result()

    def close(self) -> None:
        """Stops the loop; idempotent."""
        if self._loop.is_closed():
            return
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join()
        self._loop.close()
