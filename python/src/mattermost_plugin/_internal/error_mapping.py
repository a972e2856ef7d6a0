"""Error conversions at the gRPC boundary, in both directions.

Outbound (API calls): a ``grpc.RpcError`` becomes a :class:`PluginAPIError` subclass, raised
``from`` the original so the cause is kept. Inbound (hook calls): a handler's exception becomes an
``AppError`` in the response, never a gRPC status, because the host reads a non-OK status as
"the plugin is broken or unreachable" and would fail open.
"""

from __future__ import annotations

import grpc

from .._gen.polyplug.v1.app_error_pb2 import AppError
from ..exceptions import (
    AlreadyExistsError,
    NotFoundError,
    NotImplementedAPIError,
    PermissionDeniedError,
    PluginAPIError,
    UnavailableError,
    ValidationError,
)

# Stable ids of the AppErrors the SDK itself produces (the host shows them in its logs).
HOOK_ERROR_ID = "plugin.hook.error"
HOOK_TIMEOUT_ID = "plugin.hook.timeout"
HOOK_BAD_RESULT_ID = "plugin.hook.bad_result"
HOOK_NOT_IMPLEMENTED_ID = "plugin.hook.not_implemented"

_BY_CODE: dict[grpc.StatusCode, tuple[type[PluginAPIError], int]] = {
    grpc.StatusCode.NOT_FOUND: (NotFoundError, 404),
    grpc.StatusCode.UNAUTHENTICATED: (PermissionDeniedError, 401),
    grpc.StatusCode.PERMISSION_DENIED: (PermissionDeniedError, 403),
    grpc.StatusCode.INVALID_ARGUMENT: (ValidationError, 400),
    grpc.StatusCode.FAILED_PRECONDITION: (ValidationError, 400),
    grpc.StatusCode.OUT_OF_RANGE: (ValidationError, 400),
    grpc.StatusCode.ALREADY_EXISTS: (AlreadyExistsError, 409),
    grpc.StatusCode.UNAVAILABLE: (UnavailableError, 503),
    grpc.StatusCode.DEADLINE_EXCEEDED: (UnavailableError, 504),
    grpc.StatusCode.RESOURCE_EXHAUSTED: (UnavailableError, 429),
    grpc.StatusCode.CANCELLED: (UnavailableError, 499),
    grpc.StatusCode.UNIMPLEMENTED: (NotImplementedAPIError, 501),
}


def from_rpc_error(exc: grpc.RpcError, where: str) -> PluginAPIError:
    """The SDK exception for a failed gRPC call to the host's PluginAPI method ``where``."""
    # Both grpc.Call (sync) and grpc.aio.AioRpcError have code()/details(); they share no base class.
    code_of, details_of = getattr(exc, "code", None), getattr(exc, "details", None)
    code = code_of() if callable(code_of) else None
    details = (details_of() if callable(details_of) else None) or str(exc)
    cls, status = _BY_CODE.get(code, (PluginAPIError, 500)) if code is not None else (UnavailableError, 503)
    name = code.name if code is not None else "UNKNOWN"
    return cls(
        f"PluginAPI.{where} failed: {details}",
        error_id=f"plugin.api.grpc.{name.lower()}",
        status_code=status,
        detailed_error=f"gRPC status {name}: {details}",
        where=where,
    )


def make_app_error(message: str, *, error_id: str, status_code: int, where: str, detailed_error: str = "") -> AppError:
    """An AppError for a hook response."""
    return AppError(id=error_id, message=message, status_code=status_code, where=where, detailed_error=detailed_error)


def app_error_from_exception(exc: BaseException, hook_name: str) -> AppError:
    """The AppError reporting a handler's exception. A :class:`PluginAPIError` raised inside a
    handler keeps its id and status (e.g. a 404 from the API stays a 404)."""
    if isinstance(exc, PluginAPIError):
        return make_app_error(
            exc.message,
            error_id=exc.error_id or HOOK_ERROR_ID,
            status_code=exc.status_code or 500,
            where=hook_name,
            detailed_error=exc.detailed_error or repr(exc),
        )
    return make_app_error(
        f"{hook_name} failed: {exc}" if str(exc) else f"{hook_name} failed: {type(exc).__name__}",
        error_id=HOOK_ERROR_ID,
        status_code=500,
        where=hook_name,
        detailed_error=repr(exc),
    )
