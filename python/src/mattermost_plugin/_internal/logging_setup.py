"""Logging for plugin processes: stderr only, in a format the host reads the level from."""

from __future__ import annotations

import logging
import sys

# The host stores each stderr line in the plugin's log and takes the level from a leading
# "[LEVEL]" (docs/protocol.md §7); it adds its own timestamp.
LOG_FORMAT = "[%(levelname)s] %(name)s: %(message)s"


def configure_logging(level: int) -> None:
    """Sends the root logger to stderr at ``level``, replacing any handlers set before."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    root = logging.getLogger()
    for existing in list(root.handlers):
        root.removeHandler(existing)
    root.addHandler(handler)
    root.setLevel(level)
    # gRPC's and asyncio's own chatter is rarely useful to plugin authors.
    logging.getLogger("grpc").setLevel(max(level, logging.WARNING))
    logging.getLogger("asyncio").setLevel(max(level, logging.INFO))
