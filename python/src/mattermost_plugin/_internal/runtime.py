"""The life of a plugin process once the environment is checked and the plugin constructed:
attach, serve, handshake, wait for a reason to stop, stop in order. ``run_plugin`` wraps this."""

from __future__ import annotations

import asyncio
import logging
import signal

from ..client import AsyncPluginAPIClient, PluginAPIClient
from ..exceptions import UnavailableError
from ..plugin import Plugin
from ..runtime_config import RuntimeConfig
from .hook_runner import HookRunner
from .plugin_server import PluginServer
from .servicer import WIRE_HOOKS, HooksServicer
from .stdio import HandshakeChannel, handshake_line, watch_stdin

STOP_GRACE_SECONDS = 2.0  # the host sends SIGKILL 2 s after SIGTERM (docs/protocol.md §6)
API_READY_TIMEOUT = 5.0
STDIN_EOF = "stdin reached end of file (the host is gone)"
_log = logging.getLogger("mattermost_plugin")


async def serve(plugin: Plugin, config: RuntimeConfig, handshake: HandshakeChannel, max_workers: int) -> int:
    """Runs the plugin until it is told to stop; returns the exit code."""
    loop = asyncio.get_running_loop()
    stop = asyncio.Event()
    reasons: list[str] = []

    def request_stop(reason: str) -> None:  # any thread
        def set_stop() -> None:
            reasons.append(reason)
            stop.set()

        loop.call_soon_threadsafe(set_stop)

    plugin_class = type(plugin)
    api = PluginAPIClient(config.api_target, config.api_secret)
    async_api = AsyncPluginAPIClient(config.api_target, config.api_secret)
    try:
        await async_api.wait_ready(API_READY_TIMEOUT)
    except UnavailableError as exc:
        _log.warning("%s; API calls will fail until it is", exc)
    plugin._attach(api=api, async_api=async_api, config=config, logger=logging.getLogger(plugin_class.__name__))
    for name in sorted(set(plugin.implemented_hooks()) - WIRE_HOOKS):
        _log.warning("hook %s is declared but protocol v1 does not carry it yet; it will not be called", name)

    runner = HookRunner(timeout=config.hook_timeout, max_workers=max_workers)
    logger = logging.getLogger(f"mattermost_plugin.{plugin_class.__name__}")
    hooks = HooksServicer(plugin, runner, logger, elide_unchanged_posts=True)
    server = PluginServer(hooks, config, request_stop, _log)
    try:
        network, address = await server.start()
    except Exception:
        _log.exception("could not start the plugin's gRPC server")
        return 1
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, request_stop, signal.Signals(signum).name)
    watch_stdin(lambda: request_stop(STDIN_EOF))
    handshake.write_handshake(handshake_line(network, address))
    _log.debug("serving %s on %s %s", plugin_class.__name__, network, address)

    await stop.wait()
    _log.info("stopping: %s", reasons[0])
    # A host that is gone cannot be told anything; otherwise give the plugin its OnDeactivate.
    if hooks.activated and not hooks.deactivated and reasons[0] != STDIN_EOF:
        await hooks.deactivate()
    await server.stop(STOP_GRACE_SECONDS)
    runner.shutdown()
    api.close()
    await async_api.close()
    return 0
