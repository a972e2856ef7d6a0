"""Refuses calls that do not carry the host's secret (docs/protocol.md §3).

The plugin listens on a local socket; without this check any local process could call its hooks,
e.g. ServeHTTP with a forged ``Mattermost-User-Id``. Only the health service stays open: it reveals
nothing and generic go-plugin tooling probes it without credentials.
"""

from __future__ import annotations

import hmac
import logging
from collections.abc import Awaitable, Callable
from typing import Any, TypeAlias

import grpc
import grpc.aio

AUTH_METADATA_KEY = "authorization"
_OPEN_PREFIXES = ("/grpc.health.v1.Health/",)
_log = logging.getLogger("mattermost_plugin.auth")
_Handler: TypeAlias = "grpc.RpcMethodHandler[Any, Any]"


def bearer(secret: str) -> str:
    """The ``authorization`` metadata value for ``secret``."""
    return f"Bearer {secret}"


class SecretCheckInterceptor(grpc.aio.ServerInterceptor):
    """Answers UNAUTHENTICATED unless ``authorization: Bearer <secret>`` is present."""

    def __init__(self, secret: str) -> None:
        if not secret:
            raise ValueError("an empty secret would let any local process call the plugin")
        self._expected = bearer(secret).encode()

    def _authorized(self, metadata: Any) -> bool:
        for key, value in metadata or ():
            if key == AUTH_METADATA_KEY:
                given = value.encode() if isinstance(value, str) else bytes(value)
                return hmac.compare_digest(given, self._expected)
        return False

    async def intercept_service(
        self,
        continuation: Callable[[grpc.HandlerCallDetails], Awaitable[_Handler | None]],
        handler_call_details: grpc.HandlerCallDetails,
    ) -> _Handler | None:
        handler = await continuation(handler_call_details)
        if (
            handler is None
            or handler_call_details.method.startswith(_OPEN_PREFIXES)
            or self._authorized(handler_call_details.invocation_metadata)
        ):
            return handler
        _log.warning(
            "refused %s: no valid bearer secret (not the host that started this plugin?)", handler_call_details.method
        )
        return _deny(handler, handler_call_details.method)


def _deny(handler: _Handler, method: str) -> _Handler:
    async def abort(_request: Any, context: grpc.aio.ServicerContext[Any, Any]) -> None:
        await context.abort(
            grpc.StatusCode.UNAUTHENTICATED,
            f"{method}: missing or wrong '{AUTH_METADATA_KEY}: Bearer <secret>' metadata "
            "(only the host that started this plugin may call it)",
        )

    factory = {
        (False, False): grpc.unary_unary_rpc_method_handler,
        (False, True): grpc.unary_stream_rpc_method_handler,
        (True, False): grpc.stream_unary_rpc_method_handler,
        (True, True): grpc.stream_stream_rpc_method_handler,
    }[(handler.request_streaming, handler.response_streaming)]
    return factory(
        abort, request_deserializer=handler.request_deserializer, response_serializer=handler.response_serializer
    )
