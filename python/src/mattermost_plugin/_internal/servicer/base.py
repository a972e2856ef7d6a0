"""``HookDispatcher``: what every hook RPC shares — find the handler, run it through the
:class:`HookRunner` (deadline, thread pool), and turn failures into an ``AppError``.

Every failure, including a timeout or a wrongly shaped return value, becomes an ``AppError`` in an
OK response: a non-OK gRPC status would tell the host the plugin itself is broken
(docs/protocol.md §4). The family mixins (``lifecycle.py``, ``posts.py``…) only say how a request
becomes handler arguments and how a result becomes a response.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, Protocol, TypeAlias, TypeVar

import grpc.aio

from ..._gen.polyplug.v1.app_error_pb2 import AppError
from ..._gen.polyplug.v1.plugin_context_pb2 import PluginContext as PluginContextMessage
from ...exceptions import HookTimeoutError
from ...hooks import HookName
from ...plugin import Plugin
from .. import hook_results
from ..error_mapping import HOOK_TIMEOUT_ID, app_error_from_exception, make_app_error
from ..hook_runner import HookRunner
from ..wrappers import PluginContext

Context: TypeAlias = "grpc.aio.ServicerContext[Any, Any]"


# A response message class: every one has ``error`` (docs/protocol.md §4).
_R = TypeVar("_R")
_ResponseType: TypeAlias = Callable[..., _R]


class _HasContext(Protocol):
    @property
    def context(self) -> PluginContextMessage: ...


def context_of(request: _HasContext) -> PluginContext:
    """The handler's ``PluginContext`` for a request that carries one."""
    return PluginContext.from_proto(request.context)


class HookDispatcher:
    """Runs one plugin's handlers; shared by the hook-family mixins of :class:`HooksServicer`."""

    def __init__(
        self, plugin: Plugin, runner: HookRunner, logger: logging.Logger, *, elide_unchanged_posts: bool = False
    ) -> None:
        """``elide_unchanged_posts``: answer MessageWillBePosted "allowed unchanged" (no post) when the
        handler returns the post it got, unmodified: the same outcome for the host, which then
        neither decodes nor converts it. The plugin process sets it; the test kit does not, so
        its ``message_will_be_posted`` returns the post the handler returned."""
        self._plugin, self._runner, self._logger = plugin, runner, logger
        self._elide_unchanged_posts = elide_unchanged_posts

    async def _invoke(self, hook: HookName, *args: Any) -> tuple[Any, AppError | None]:
        """``(result, None)``, or ``(None, error)`` when the handler raised or ran out of time.
        A hook the plugin does not handle gives ``(None, None)``: each hook's "no answer"."""
        handler = self._plugin.get_hook_handler(hook)
        if handler is None:
            return None, None
        try:
            return await self._runner.call(hook.value, handler, *args), None
        except HookTimeoutError as exc:
            self._logger.error("%s; answering with an error (the handler may still be running)", exc)
            return None, make_app_error(str(exc), error_id=HOOK_TIMEOUT_ID, status_code=504, where=hook.value)
        except Exception as exc:
            self._logger.exception("hook %s raised", hook.value)
            return None, app_error_from_exception(exc, hook.value)

    async def _notify(self, hook: HookName, response: _ResponseType[_R], *args: Any) -> _R:
        """Hooks whose result is ignored (``...HasBeen...``): only an exception is reported."""
        _, error = await self._invoke(hook, *args)
        return response(error=error)

    async def _errors_only(self, hook: HookName, response: _ResponseType[_R], *args: Any) -> _R:
        """Hooks that return only an error in Go: raising, or returning a str/exception, fails."""
        return response(error=await self._error_of(hook, *args))

    async def _error_of(self, hook: HookName, *args: Any) -> AppError | None:
        result, error = await self._invoke(hook, *args)
        message = hook_results.returned_error(result) if error is None else None
        if message:
            self._logger.error("%s returned an error: %s", hook.value, message)
            error = hook_results.handler_error(message, hook.value)
        return error

    async def _respond(self, hook: HookName, response: _ResponseType[_R], build: Callable[[Any], _R], *args: Any) -> _R:
        """Hooks with a result: ``build`` turns it into the response, or raises BadHookResult."""
        result, error = await self._invoke(hook, *args)
        if error is not None:
            return response(error=error)
        try:
            return build(result)
        except hook_results.BadHookResult as exc:
            self._logger.error("%s", exc)
            return response(error=hook_results.bad_result_error(exc, hook.value))

    def _error_message(self, hook: HookName, message: str | None) -> AppError | None:
        """The AppError for an error a handler returned next to its value (``(value, err)``)."""
        if not message:
            return None
        self._logger.error("%s returned an error: %s", hook.value, message)
        return hook_results.handler_error(message, hook.value)
