"""``HooksServicer``: the plugin side of ``polyplug.v1.PluginHooks``.

Each RPC converts the request to wrappers, runs the plugin's handler through the
:class:`HookRunner` (deadline, thread pool) and converts the result back. Every failure, including
a timeout or a wrongly shaped return value, becomes an ``AppError`` in an OK response: a non-OK
gRPC status would tell the host the plugin itself is broken (docs/protocol.md §4).
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import aclosing
from typing import Any, TypeAlias

import grpc.aio

from .._gen.polyplug.v1 import hooks_pb2, hooks_pb2_grpc, http_pb2
from .._gen.polyplug.v1.app_error_pb2 import AppError
from ..exceptions import HookTimeoutError
from ..hooks import HookName
from ..plugin import Plugin
from . import hook_messages as pb
from . import hook_results
from .error_mapping import HOOK_ERROR_ID, HOOK_TIMEOUT_ID, app_error_from_exception, make_app_error
from .hook_runner import HookRunner
from .serve_http import serve_http
from .wrappers import CommandArgs, PluginContext, Post

_Context: TypeAlias = "grpc.aio.ServicerContext[Any, Any]"


class HooksServicer(hooks_pb2_grpc.PluginHooksServicer):
    """Dispatches hook RPCs to one plugin instance; tracks activation for the shutdown path."""

    def __init__(self, plugin: Plugin, runner: HookRunner, logger: logging.Logger) -> None:
        self._plugin, self._runner, self._logger = plugin, runner, logger
        self.activated = False
        self.deactivated = False

    async def _invoke(self, hook: HookName, *args: Any) -> tuple[Any, AppError | None]:
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

    async def _lifecycle(self, hook: HookName) -> AppError | None:
        result, error = await self._invoke(hook)
        message = hook_results.lifecycle_error_message(result) if error is None else None
        if message:
            self._logger.error("%s returned an error: %s", hook.value, message)
            error = make_app_error(message, error_id=HOOK_ERROR_ID, status_code=500, where=hook.value)
        return error

    async def Implemented(self, request: pb.ImplementedRequest, context: _Context) -> pb.ImplementedResponse:
        return pb.ImplementedResponse(hooks=self._plugin.implemented_hooks())

    async def OnActivate(self, request: pb.OnActivateRequest, context: _Context) -> pb.OnActivateResponse:
        # As Mattermost's Go plugins: the configuration is loaded before activation.
        error = await self._lifecycle(HookName.OnConfigurationChange)
        if error is None:
            error = await self._lifecycle(HookName.OnActivate)
        self.activated = error is None
        return pb.OnActivateResponse(error=error)

    async def OnDeactivate(self, request: pb.OnDeactivateRequest, context: _Context) -> pb.OnDeactivateResponse:
        return pb.OnDeactivateResponse(error=await self.deactivate())

    async def deactivate(self) -> AppError | None:
        """Runs OnDeactivate once (the RPC, or the runtime when stopping without it)."""
        self.deactivated = True
        return await self._lifecycle(HookName.OnDeactivate)

    async def OnConfigurationChange(
        self, request: pb.OnConfigurationChangeRequest, context: _Context
    ) -> pb.OnConfigurationChangeResponse:
        return pb.OnConfigurationChangeResponse(error=await self._lifecycle(HookName.OnConfigurationChange))

    async def ExecuteCommand(self, request: pb.ExecuteCommandRequest, context: _Context) -> pb.ExecuteCommandResponse:
        hook = HookName.ExecuteCommand
        args = (PluginContext.from_proto(request.context), CommandArgs.from_proto(request.args))
        result, error = await self._invoke(hook, *args)
        if error is not None:
            return pb.ExecuteCommandResponse(error=error)
        try:
            return pb.ExecuteCommandResponse(response=hook_results.command_response(result))
        except hook_results.BadHookResult as exc:
            self._logger.error("%s", exc)
            return pb.ExecuteCommandResponse(error=hook_results.bad_result_error(exc, hook.value))

    async def MessageWillBePosted(
        self, request: pb.MessageWillBePostedRequest, context: _Context
    ) -> pb.MessageWillBePostedResponse:
        hook = HookName.MessageWillBePosted
        args = (PluginContext.from_proto(request.context), Post.from_proto(request.post))
        result, error = await self._invoke(hook, *args)
        if error is not None:
            return pb.MessageWillBePostedResponse(error=error)
        try:
            return hook_results.will_be_posted(result)
        except hook_results.BadHookResult as exc:
            self._logger.error("%s", exc)
            return pb.MessageWillBePostedResponse(error=hook_results.bad_result_error(exc, hook.value))

    async def MessageHasBeenPosted(
        self, request: pb.MessageHasBeenPostedRequest, context: _Context
    ) -> pb.MessageHasBeenPostedResponse:
        args = (PluginContext.from_proto(request.context), Post.from_proto(request.post))
        _, error = await self._invoke(HookName.MessageHasBeenPosted, *args)
        return pb.MessageHasBeenPostedResponse(error=error)

    async def ServeHTTP(
        self, request_iterator: AsyncIterator[http_pb2.ServeHTTPRequest], context: _Context
    ) -> AsyncIterator[http_pb2.ServeHTTPResponse]:
        # aclosing: when the host cancels the stream, the bridge's cleanup runs now, not at GC time.
        async with aclosing(serve_http(self._plugin, self._runner, self._logger, request_iterator)) as stream:
            async for message in stream:
                yield message


# Hooks this SDK serves: those on the wire that HooksServicer implements. Others may be declared
# but are warned about at start; the generated base class answers them UNIMPLEMENTED.
WIRE_HOOKS = frozenset(
    name
    for name in hooks_pb2.DESCRIPTOR.services_by_name["PluginHooks"].methods_by_name
    if name != "Implemented" and name in HooksServicer.__dict__
)
