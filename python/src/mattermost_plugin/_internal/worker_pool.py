"""``WorkerPool``: the bounded set of threads that run ``def`` handlers.

What ``ThreadPoolExecutor`` does for hook calls, without what they do not use: no
``concurrent.futures.Future`` per call (its condition variable, locks and callbacks are most of
``submit``'s cost), since the caller hands the outcome back itself (``hook_runner.py``). Threads are
started on demand up to ``max_workers`` and are daemons: a handler stuck past its deadline never
keeps the process from exiting.
"""

from __future__ import annotations

import contextlib
import queue
import threading
from collections.abc import Callable
from typing import Any, TypeAlias

_Call: TypeAlias = "tuple[Callable[..., None], tuple[Any, ...]] | None"


class WorkerPool:
    """Runs calls on at most ``max_workers`` threads, in submission order."""

    def __init__(self, max_workers: int, *, name: str) -> None:
        if max_workers < 1:
            raise ValueError("max_workers must be at least 1")
        self._max_workers, self._name = max_workers, name
        self._calls: queue.SimpleQueue[_Call] = queue.SimpleQueue()
        self._lock = threading.Lock()
        self._threads = 0
        self._idle = 0  # threads waiting for a call, minus calls queued for them
        self._closed = False

    def submit(self, fn: Callable[..., None], *args: Any) -> None:
        """Queues ``fn(*args)``; what it raises is its own business (it must report its outcome)."""
        with self._lock:
            if self._closed:
                raise RuntimeError("cannot run a handler after the plugin's worker pool was shut down")
            if self._idle > 0:
                self._idle -= 1
            elif self._threads < self._max_workers:
                self._threads += 1
                threading.Thread(target=self._work, name=f"{self._name}_{self._threads}", daemon=True).start()
            self._calls.put((fn, args))

    def _work(self) -> None:
        while (call := self._calls.get()) is not None:
            fn, args = call
            with contextlib.suppress(BaseException):  # fn reports its own outcome; the thread lives on
                fn(*args)
            del call, fn, args  # do not keep the last call's arguments alive while idle
            with self._lock:
                self._idle += 1

    def shutdown(self) -> list[tuple[Callable[..., None], tuple[Any, ...]]]:
        """Refuses new calls and lets idle threads exit; running calls are not waited for (they may
        be stuck). Returns the calls still queued, which will not run: their owners are told."""
        with self._lock:
            self._closed = True
            threads = self._threads
        dropped = []
        while True:
            try:
                call = self._calls.get_nowait()
            except queue.Empty:
                break
            if call is not None:
                dropped.append(call)
        for _ in range(threads):
            self._calls.put(None)
        return dropped
