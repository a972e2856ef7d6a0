"""Plugin base: construction without arguments, attachments after construction."""

from __future__ import annotations

import logging

import pytest

from mattermost_plugin import Plugin, PluginAPIClient, RuntimeConfig


class NoArgs(Plugin):
    def __init__(self) -> None:
        super().__init__()
        self.ready = True


class NoSuper(Plugin):
    def __init__(self) -> None:  # forgets super().__init__(): must still work
        self.ready = True


@pytest.mark.parametrize("cls", [NoArgs, NoSuper])
def test_runtime_attaches_after_construction(cls: type[Plugin]) -> None:
    plugin = cls()
    with pytest.raises(RuntimeError, match="not attached yet"):
        _ = plugin.api
    api = PluginAPIClient("unix:///nonexistent.sock", "s")
    config = RuntimeConfig(plugin_id="p", hook_timeout=5)
    plugin._attach(api=api, async_api=None, config=config, logger=logging.getLogger("x"))
    assert plugin.api is api and plugin.config is config and plugin.logger.name == "x"
    api.close()


def test_defaults_without_a_runtime() -> None:
    plugin = NoArgs()
    assert plugin.logger.name == "NoArgs"
    assert isinstance(plugin.config, RuntimeConfig)
    with pytest.raises(RuntimeError):
        _ = plugin.async_api


def test_keywords_for_unit_tests() -> None:
    config = RuntimeConfig(plugin_id="x")
    assert Plugin(config=config).config is config
