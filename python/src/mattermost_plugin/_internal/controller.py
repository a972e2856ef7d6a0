"""go-plugin's ``plugin.GRPCController``: the host's polite "please exit"."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import grpc.aio

from .._gen.plugin import grpc_controller_pb2, grpc_controller_pb2_grpc


class Controller(grpc_controller_pb2_grpc.GRPCControllerServicer):
    """Shutdown answers at once and asks the runtime to stop; the runtime then stops gracefully
    (OnDeactivate if still due, in-flight calls finish) and the process exits 0."""

    def __init__(self, request_stop: Callable[[str], None]) -> None:
        self._request_stop = request_stop

    async def Shutdown(
        self, request: grpc_controller_pb2.Empty, context: grpc.aio.ServicerContext[Any, Any]
    ) -> grpc_controller_pb2.Empty:
        self._request_stop("GRPCController.Shutdown")
        return grpc_controller_pb2.Empty()
