"""The SDK's error catalogue: API errors by HTTP-like status, and hook registration/timeout errors.

Every failure of a :class:`~mattermost_plugin.PluginAPIClient` call surfaces as a
:class:`PluginAPIError` subclass, whether the host answered with an embedded ``AppError`` or the
transport failed. Plugin code can therefore write ``except NotFoundError`` without knowing gRPC, and
no raw ``grpc.RpcError`` ever leaks out (the cause is kept as ``__cause__``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ._gen.polyplug.v1.app_error_pb2 import AppError

__all__ = [
    "AlreadyExistsError",
    "HookRegistrationError",
    "HookTimeoutError",
    "NotFoundError",
    "NotImplementedAPIError",
    "PermissionDeniedError",
    "PluginAPIError",
    "UnavailableError",
    "ValidationError",
    "error_class_for_status",
    "from_app_error",
]


class PluginAPIError(Exception):
    """A PluginAPI call failed; carries the host's Mattermost-style AppError fields."""

    def __init__(
        self,
        message: str,
        *,
        error_id: str = "",
        status_code: int = 0,
        detailed_error: str = "",
        where: str = "",
        params: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.error_id = error_id
        self.status_code = status_code
        self.detailed_error = detailed_error
        self.where = where
        self.params: dict[str, Any] = dict(params or {})

    def __str__(self) -> str:
        text = self.message
        if self.error_id:
            text += f" [{self.error_id}]"
        if self.status_code:
            text += f" (HTTP {self.status_code})"
        return text

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.message!r}, error_id={self.error_id!r}, status_code={self.status_code})"


class NotFoundError(PluginAPIError):
    """The entity does not exist (HTTP 404)."""


class PermissionDeniedError(PluginAPIError):
    """The call was refused: not authenticated (401) or not allowed (403)."""


class ValidationError(PluginAPIError):
    """The request was invalid (HTTP 400); the message says which field."""


class AlreadyExistsError(PluginAPIError):
    """The entity already exists (HTTP 409)."""


class UnavailableError(PluginAPIError):
    """The host is unreachable, overloaded (503/429) or did not answer in time; retrying may help."""


class NotImplementedAPIError(PluginAPIError):
    """The host does not support this API method (HTTP 501); the message gives the reason."""


class HookRegistrationError(Exception):
    """A hook handler was declared wrongly: unknown hook name, or two handlers for one hook."""


class HookTimeoutError(Exception):
    """A hook handler ran past the host's deadline (``MATTERMOST_PLUGIN_HOOK_TIMEOUT``)."""

    def __init__(self, hook_name: str, timeout: float) -> None:
        super().__init__(f"hook {hook_name} did not finish within {timeout:g} s")
        self.hook_name = hook_name
        self.timeout = timeout


_BY_STATUS: dict[int, type[PluginAPIError]] = {
    400: ValidationError,
    401: PermissionDeniedError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: AlreadyExistsError,
    429: UnavailableError,
    501: NotImplementedAPIError,
    503: UnavailableError,
}


def error_class_for_status(status_code: int) -> type[PluginAPIError]:
    """The exception class for an AppError status; unknown statuses map to :class:`PluginAPIError`."""
    return _BY_STATUS.get(status_code, PluginAPIError)


def from_app_error(error: AppError) -> PluginAPIError:
    """The exception for an ``AppError`` the host embedded in a response (class by status)."""
    from ._internal.structs import struct_to_dict

    cls = error_class_for_status(error.status_code)
    return cls(
        error.message or error.id or "the host returned an error",
        error_id=error.id,
        status_code=error.status_code,
        detailed_error=error.detailed_error,
        where=error.where,
        params=struct_to_dict(error.params),
    )
