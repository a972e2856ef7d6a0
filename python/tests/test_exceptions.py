"""Errors: AppError and gRPC status mapping to the exception catalogue."""

from __future__ import annotations

import grpc
import pytest

from mattermost_plugin import (
    AlreadyExistsError,
    NotFoundError,
    NotImplementedAPIError,
    PermissionDeniedError,
    PluginAPIError,
    UnavailableError,
    ValidationError,
)
from mattermost_plugin._gen.polyplug.v1.app_error_pb2 import AppError
from mattermost_plugin._internal.error_mapping import app_error_from_exception, from_rpc_error
from mattermost_plugin._internal.structs import dict_to_struct
from mattermost_plugin.exceptions import from_app_error


def test_str_shows_message_id_and_status() -> None:
    error = NotFoundError("user not found", error_id="app.user.missing", status_code=404)
    assert str(error) == "user not found [app.user.missing] (HTTP 404)"
    assert str(PluginAPIError("plain")) == "plain"


@pytest.mark.parametrize(
    ("status", "cls"),
    [
        (400, ValidationError), (401, PermissionDeniedError), (403, PermissionDeniedError), (404, NotFoundError),
        (409, AlreadyExistsError), (429, UnavailableError), (501, NotImplementedAPIError), (503, UnavailableError),
        (500, PluginAPIError), (418, PluginAPIError),
    ],
)  # fmt: skip
def test_app_error_maps_by_status(status: int, cls: type[PluginAPIError]) -> None:
    app_error = AppError(
        id="x.y", message="msg", detailed_error="d", status_code=status, where="W", params=dict_to_struct({"n": 1})
    )
    error = from_app_error(app_error)
    assert type(error) is cls
    assert (error.error_id, error.status_code, error.detailed_error, error.where, error.params) == (
        "x.y", status, "d", "W", {"n": 1},
    )  # fmt: skip


class _FakeRpcError(grpc.RpcError, grpc.Call):  # type: ignore[misc]
    def __init__(self, code: grpc.StatusCode) -> None:
        self._code = code

    def code(self) -> grpc.StatusCode:
        return self._code

    def details(self) -> str:
        return "boom"

    # grpc.Call's other abstract methods are irrelevant here.
    initial_metadata = trailing_metadata = is_active = time_remaining = cancel = add_callback = None  # type: ignore


@pytest.mark.parametrize(
    ("code", "cls"),
    [
        (grpc.StatusCode.UNAVAILABLE, UnavailableError), (grpc.StatusCode.DEADLINE_EXCEEDED, UnavailableError),
        (grpc.StatusCode.UNAUTHENTICATED, PermissionDeniedError), (grpc.StatusCode.NOT_FOUND, NotFoundError),
        (grpc.StatusCode.UNIMPLEMENTED, NotImplementedAPIError), (grpc.StatusCode.INTERNAL, PluginAPIError),
    ],
)  # fmt: skip
def test_rpc_errors_map_by_code(code: grpc.StatusCode, cls: type[PluginAPIError]) -> None:
    error = from_rpc_error(_FakeRpcError(code), "GetUser")
    assert type(error) is cls and error.where == "GetUser" and "boom" in str(error)


def test_handler_exceptions_become_app_errors() -> None:
    generic = app_error_from_exception(ValueError("bad input"), "ExecuteCommand")
    assert (generic.id, generic.status_code, generic.where) == ("plugin.hook.error", 500, "ExecuteCommand")
    assert "bad input" in generic.message
    api = app_error_from_exception(NotFoundError("gone", error_id="app.x", status_code=404), "ExecuteCommand")
    assert (api.id, api.status_code) == ("app.x", 404)
