"""``PluginServer``: the plugin's gRPC server with every service the host expects.

PluginHooks and plugin.GRPCController, both behind the secret check (``auth.py``), and
grpc.health.v1 ("plugin" and "" SERVING, what go-plugin probes), open; listening on
``<PLUGIN_UNIX_SOCKET_DIR>/plugin.sock`` or, without that directory, on 127.0.0.1 with a free
port. Never on a non-loopback interface.
"""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Callable

import grpc.aio
from grpc_health.v1 import health_pb2, health_pb2_grpc
from grpc_health.v1.health import aio as health_aio

from .._gen.plugin import grpc_controller_pb2, grpc_controller_pb2_grpc
from .._gen.polyplug.v1 import hooks_pb2, hooks_pb2_grpc
from ..client import MAX_MESSAGE_BYTES
from ..runtime_config import RuntimeConfig
from .auth import SecretCheck
from .controller import Controller
from .servicer import HooksServicer

SOCKET_NAME = "plugin.sock"
_OPTIONS = [
    ("grpc.max_send_message_length", MAX_MESSAGE_BYTES),
    ("grpc.max_receive_message_length", MAX_MESSAGE_BYTES),
]


def add_hooks_service(server: grpc.aio.Server, hooks: HooksServicer, secret: SecretCheck) -> None:
    """Serves ``hooks`` as polyplug.v1.PluginHooks on ``server``, every RPC behind ``secret``."""
    service = hooks_pb2.DESCRIPTOR.services_by_name["PluginHooks"]
    hooks_pb2_grpc.add_PluginHooksServicer_to_server(secret.guard(hooks, service), server)


class PluginServer:
    """Owns the gRPC server; :meth:`start` returns the handshake's network and address."""

    def __init__(
        self,
        hooks: HooksServicer,
        config: RuntimeConfig,
        request_stop: Callable[[str], None],
        logger: logging.Logger,
    ) -> None:
        self._config, self._logger = config, logger
        self._server = grpc.aio.server(options=_OPTIONS)
        self._health = health_aio.HealthServicer()
        secret = SecretCheck(config.api_secret)
        add_hooks_service(self._server, hooks, secret)
        controller_service = grpc_controller_pb2.DESCRIPTOR.services_by_name["GRPCController"]
        controller = secret.guard(Controller(request_stop), controller_service)
        grpc_controller_pb2_grpc.add_GRPCControllerServicer_to_server(controller, self._server)
        health_pb2_grpc.add_HealthServicer_to_server(self._health, self._server)  # open: see auth.py
        self._socket_path: str | None = None

    def _bind(self) -> tuple[str, str]:
        if self._config.socket_dir:
            path = os.path.join(os.path.abspath(self._config.socket_dir), SOCKET_NAME)
            with contextlib.suppress(FileNotFoundError):
                os.unlink(path)  # a stale socket from an earlier run would make the bind fail
            try:
                self._server.add_insecure_port(f"unix:{path}")
                self._socket_path = path
                return "unix", path
            except RuntimeError as exc:
                self._logger.warning("cannot listen on %s (%s); falling back to 127.0.0.1", path, exc)
        port = self._server.add_insecure_port("127.0.0.1:0")
        return "tcp", f"127.0.0.1:{port}"

    async def start(self) -> tuple[str, str]:
        """Binds, starts serving and marks the plugin healthy. Call before printing the handshake."""
        network, address = self._bind()
        await self._server.start()
        for service in ("plugin", ""):
            await self._health.set(service, health_pb2.HealthCheckResponse.SERVING)
        return network, address

    async def stop(self, grace: float) -> None:
        """Stops accepting calls, lets running ones finish for up to ``grace`` seconds."""
        await self._health.enter_graceful_shutdown()
        await self._server.stop(grace)
        if self._socket_path:
            with contextlib.suppress(OSError):
                os.unlink(self._socket_path)
