"""``PluginHarness``: a plugin wired as the runtime wires it, but to a :class:`FakeAPI`."""

from __future__ import annotations

import logging
from typing import Any

from ..plugin import Plugin
from ..runtime_config import DEFAULT_HOOK_TIMEOUT, RuntimeConfig
from ._fake_api import FakeAPI
from ._invoker import HookInvoker

__all__ = ["PluginHarness"]


class PluginHarness:
    """Constructs the plugin class with no arguments (as ``run_plugin`` does), attaches ``api``
    (a :class:`FakeAPI`), ``async_api`` (over the same state), ``config`` and ``logger``, and
    drives it with a :class:`HookInvoker` (``harness.hooks``).

    ``plugin_config`` is what ``self.api.get_plugin_config()`` answers (the plugin's settings).
    """

    def __init__(
        self,
        plugin: type[Plugin] | Plugin,
        *,
        plugin_config: dict[str, Any] | None = None,
        api: FakeAPI | None = None,
        plugin_id: str = "com.example.plugin",
        timeout: float = DEFAULT_HOOK_TIMEOUT,
    ) -> None:
        self.api = api if api is not None else FakeAPI()
        if plugin_config is not None:
            self.api.plugin_config.update(plugin_config)
        self.plugin: Plugin = plugin() if isinstance(plugin, type) else plugin
        self.config = RuntimeConfig(plugin_id=plugin_id, hook_timeout=timeout, log_level="DEBUG")
        logger = logging.getLogger(type(self.plugin).__name__)
        self.plugin._attach(api=self.api, async_api=self.api.async_client(), config=self.config, logger=logger)
        self.hooks = HookInvoker(self.plugin, timeout=timeout)

    def activate(self) -> PluginHarness:
        """Runs OnConfigurationChange and OnActivate as at start-up (HookError if it fails)."""
        self.hooks.on_activate()
        return self

    def close(self) -> None:
        """Stops the invoker (the plugin is not deactivated; call ``hooks.on_deactivate()`` for that)."""
        self.hooks.close()

    def __enter__(self) -> PluginHarness:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
