"""``run_plugin``: the entry point of a plugin process (``run_plugin(MyPlugin)`` under ``__main__``)."""

from __future__ import annotations

import asyncio
import logging
import os
import sys
from typing import NoReturn

from ._internal.hook_runner import DEFAULT_MAX_WORKERS
from ._internal.logging_setup import configure_logging
from ._internal.runtime import serve
from ._internal.stdio import HandshakeChannel
from .plugin import Plugin
from .runtime_config import MAGIC_COOKIE_KEY, MAGIC_COOKIE_VALUE, RuntimeConfig

__all__ = ["run_plugin"]

_NOT_BY_HAND = """\
This is a Polyplug (Mattermost-compatible) server plugin; it is started by the server, not by hand.
Install it as a plugin bundle and the server will run it with the environment it needs
(MATTERMOST_PLUGIN, MATTERMOST_PLUGIN_API_TARGET, MATTERMOST_PLUGIN_API_SECRET, ...).
To test its handlers, call them from unit tests with the mattermost_plugin wrappers.
"""


def run_plugin(plugin_class: type[Plugin], *, max_workers: int = DEFAULT_MAX_WORKERS) -> NoReturn:
    """Serves ``plugin_class`` to the host that started this process, until told to stop.

    Constructs the class with no arguments, attaches ``api``, ``async_api``, ``logger`` and
    ``config``, starts the gRPC server, prints the go-plugin handshake line (the only output ever
    written to stdout; logs go to stderr) and runs until GRPCController.Shutdown, SIGTERM/SIGINT
    or end of file on stdin (the host died). ``max_workers`` bounds the threads that run sync
    handlers. Exits the process: 0 after a clean stop, 1 when it cannot start.
    """
    config = RuntimeConfig.from_env()
    configure_logging(config.logging_level)
    if os.environ.get(MAGIC_COOKIE_KEY) != MAGIC_COOKIE_VALUE:
        sys.stderr.write(_NOT_BY_HAND)
        sys.exit(1)
    missing = [
        name
        for name, value in (
            ("MATTERMOST_PLUGIN_API_TARGET", config.api_target),
            ("MATTERMOST_PLUGIN_API_SECRET", config.api_secret),
        )
        if not value
    ]
    if missing:
        sys.stderr.write(f"[ERROR] {', '.join(missing)} not set: the host must provide them (docs/protocol.md §2)\n")
        sys.exit(1)
    handshake = HandshakeChannel()
    handshake.reserve()
    log = logging.getLogger("mattermost_plugin")
    try:
        # Outside the event loop, so an __init__ may do anything a plain script can (even asyncio.run).
        plugin = plugin_class()
    except Exception:
        log.exception("could not construct %s(); a plugin class must take no arguments", plugin_class.__name__)
        _exit(1)
    try:
        code = asyncio.run(serve(plugin, config, handshake, max_workers))
    except Exception:
        log.exception("the plugin runtime failed")
        code = 1
    _exit(code)


def _exit(code: int) -> NoReturn:
    # os._exit, not sys.exit: a sync handler stuck past its deadline keeps a worker thread alive,
    # and the interpreter would wait for it forever at exit.
    logging.shutdown()
    sys.stderr.flush()
    os._exit(code)
