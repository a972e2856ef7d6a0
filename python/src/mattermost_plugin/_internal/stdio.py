"""The process's standard streams, as go-plugin uses them.

stdout carries exactly one line, the handshake; anything else there before it fails the start,
and after it would be mixed into the host's parsing. So the handshake gets a private duplicate of
stdout and file descriptor 1 itself is pointed at stderr: a stray ``print()`` in plugin code, or
output from a C extension or a child process, lands in the log instead of corrupting the protocol.
stdin is the host's lifeline: it reaches end of file when the host dies.
"""

from __future__ import annotations

import os
import stat
import sys
import threading
from collections.abc import Callable


class HandshakeChannel:
    """Owns the real stdout; :meth:`reserve` must run before anything could write to it."""

    def __init__(self) -> None:
        self._fd: int | None = None

    def reserve(self) -> None:
        """Keeps the real stdout for the handshake and sends everything else to stderr."""
        sys.stdout.flush()
        self._fd = os.dup(1)
        os.dup2(2, 1)
        sys.stdout = sys.stderr

    def write_handshake(self, line: str) -> None:
        """Writes the handshake line and flushes. The descriptor stays open (a closed stdout could
        look like a dead plugin to the host) but is never written again."""
        if self._fd is None:
            raise RuntimeError("reserve() first")
        data = (line + "\n").encode()
        while data:
            data = data[os.write(self._fd, data) :]


def handshake_line(network: str, address: str) -> str:
    """``CORE|APP|NETWORK|ADDRESS|PROTOCOL|CERT`` for protocol 1 over gRPC, without AutoMTLS."""
    return f"1|1|{network}|{address}|grpc|"


def watch_stdin(on_eof: Callable[[], None]) -> bool:
    """Calls ``on_eof`` (from a daemon thread) when stdin reaches end of file.

    Only a pipe or socket is watched: that is what the host gives. A terminal or /dev/null (a
    plugin started by hand for debugging) would otherwise mean "exit now" or steal keystrokes.
    Returns whether stdin is watched.
    """
    try:
        mode = os.fstat(0).st_mode
    except OSError:
        return False
    if not (stat.S_ISFIFO(mode) or stat.S_ISSOCK(mode)):
        return False

    def drain() -> None:
        try:
            while os.read(0, 4096):
                pass
        except OSError:
            pass
        on_eof()

    threading.Thread(target=drain, name="plugin-stdin-watch", daemon=True).start()
    return True
