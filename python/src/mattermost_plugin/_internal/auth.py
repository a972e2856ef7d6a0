"""Refuses calls that do not carry the host's secret (docs/protocol.md §3).

The plugin listens on a local socket; without this check any local process could call its hooks,
e.g. ServeHTTP with a forged ``Mattermost-User-Id``. Only the health service stays open: it reveals
nothing and generic go-plugin tooling probes it without credentials.

The check is not a gRPC interceptor: grpc.aio runs a server's interceptors as a chain of coroutines
in front of every call's method lookup, which cost more than the rest of a hook call's dispatch.
Instead :meth:`SecretCheck.guard` wraps each method of a service once, at registration, so a call
costs one metadata lookup. It wraps every method the service descriptor lists, so an RPC added to
the proto is guarded without more code (``test_auth.py`` calls each one without the secret).
"""

from __future__ import annotations

import hmac
import logging
import types
from collections.abc import AsyncIterator, Callable
from contextlib import aclosing
from typing import Any, NoReturn, TypeAlias

import grpc
import grpc.aio
from google.protobuf.descriptor import MethodDescriptor, ServiceDescriptor

AUTH_METADATA_KEY = "authorization"
_log = logging.getLogger("mattermost_plugin.auth")
_Context: TypeAlias = "grpc.aio.ServicerContext[Any, Any]"


def bearer(secret: str) -> str:
    """The ``authorization`` metadata value for ``secret``."""
    return f"Bearer {secret}"


class SecretCheck:
    """Answers UNAUTHENTICATED unless ``authorization: Bearer <secret>`` is present."""

    def __init__(self, secret: str) -> None:
        if not secret:
            raise ValueError("an empty secret would let any local process call the plugin")
        self._expected = bearer(secret).encode()

    def authorized(self, context: _Context) -> bool:
        """Whether the call's metadata carries the secret."""
        for key, value in context.invocation_metadata() or ():
            if key == AUTH_METADATA_KEY:
                given = value.encode() if isinstance(value, str) else bytes(value)
                return hmac.compare_digest(given, self._expected)
        return False

    def guard(self, servicer: object, service: ServiceDescriptor) -> Any:
        """A stand-in for ``servicer`` to register instead of it: each RPC of ``service`` checks the
        secret first and only then runs ``servicer``'s method."""
        guarded = types.SimpleNamespace()
        for method in service.methods:
            setattr(guarded, method.name, self.guard_method(method, getattr(servicer, method.name)))
        return guarded

    def guard_method(self, method: MethodDescriptor, behaviour: Callable[..., Any]) -> Callable[..., Any]:
        """``behaviour`` (the servicer's implementation of ``method``) behind the check."""
        path = f"/{method.containing_service.full_name}/{method.name}"

        if method.server_streaming:  # grpc.aio tells response streams by the function kind: keep it

            async def guarded_stream(request: Any, context: _Context) -> AsyncIterator[Any]:
                if not self.authorized(context):
                    await _refuse(context, path)
                async with aclosing(behaviour(request, context)) as responses:
                    async for response in responses:
                        yield response

            return guarded_stream

        async def guarded(request: Any, context: _Context) -> Any:
            if not self.authorized(context):
                await _refuse(context, path)
            return await behaviour(request, context)

        return guarded


async def _refuse(context: _Context, path: str) -> NoReturn:
    _log.warning("refused %s: no valid bearer secret (not the host that started this plugin?)", path)
    await context.abort(
        grpc.StatusCode.UNAUTHENTICATED,
        f"{path}: missing or wrong '{AUTH_METADATA_KEY}: Bearer <secret>' metadata "
        "(only the host that started this plugin may call it)",
    )
