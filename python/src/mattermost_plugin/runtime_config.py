"""``RuntimeConfig``: what the host tells the plugin process through its environment.

The variables are specified in ``docs/protocol.md`` §2. Reading them in one place means the rest of
the SDK (and plugin code, via ``self.config``) never touches ``os.environ`` directly.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from dataclasses import dataclass

__all__ = ["DEFAULT_HOOK_TIMEOUT", "MAGIC_COOKIE_KEY", "MAGIC_COOKIE_VALUE", "RuntimeConfig"]

# go-plugin's handshake cookie: present only when the host started us (see run_plugin).
MAGIC_COOKIE_KEY = "MATTERMOST_PLUGIN"
MAGIC_COOKIE_VALUE = "Securely message teams, anywhere."
DEFAULT_HOOK_TIMEOUT = 30.0

_LEVELS = {
    "TRACE": logging.DEBUG,
    "DEBUG": logging.DEBUG,
    "INFO": logging.INFO,
    "WARN": logging.WARNING,
    "WARNING": logging.WARNING,
    "ERROR": logging.ERROR,
}


@dataclass(frozen=True)
class RuntimeConfig:
    """The plugin's runtime settings. Its *plugin settings* are ``api.get_plugin_config()``."""

    plugin_id: str = ""
    plugin_path: str = ""
    api_target: str = ""
    api_secret: str = ""
    hook_timeout: float = DEFAULT_HOOK_TIMEOUT
    log_level: str = "INFO"
    socket_dir: str = ""

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> RuntimeConfig:
        """Reads the ``MATTERMOST_PLUGIN_*`` and ``PLUGIN_UNIX_SOCKET_DIR`` variables.

        A missing or unparsable hook timeout falls back to 30 s rather than failing the start: the
        host enforces its own deadline anyway, ours only frees the plugin's resources in time.
        """
        env = os.environ if environ is None else environ
        return cls(
            plugin_id=env.get("MATTERMOST_PLUGIN_ID", ""),
            plugin_path=env.get("MATTERMOST_PLUGIN_PATH", ""),
            api_target=env.get("MATTERMOST_PLUGIN_API_TARGET", ""),
            api_secret=env.get("MATTERMOST_PLUGIN_API_SECRET", ""),
            hook_timeout=_parse_timeout(env.get("MATTERMOST_PLUGIN_HOOK_TIMEOUT", "")),
            log_level=(env.get("MATTERMOST_PLUGIN_LOG_LEVEL", "") or "INFO").strip().upper(),
            socket_dir=env.get("PLUGIN_UNIX_SOCKET_DIR", ""),
        )

    @property
    def logging_level(self) -> int:
        """``log_level`` as a :mod:`logging` level (``WARN`` is ``logging.WARNING``)."""
        return _LEVELS.get(self.log_level, logging.INFO)


def _parse_timeout(raw: str) -> float:
    try:
        value = float(raw)
    except ValueError:
        return DEFAULT_HOOK_TIMEOUT
    return value if value > 0 else DEFAULT_HOOK_TIMEOUT
