"""pytest fixtures for plugin authors, registered through the ``pytest11`` entry point, so they are
available in any project that has the SDK installed:

- ``fake_api``: a fresh :class:`~mattermost_plugin.testing.FakeAPI`;
- ``plugin_harness``: a factory, ``plugin_harness(MyPlugin, plugin_config={...})``, returning a
  :class:`~mattermost_plugin.testing.PluginHarness` over ``fake_api``, closed after the test.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest

from ..plugin import Plugin
from ._fake_api import FakeAPI
from ._harness import PluginHarness

__all__ = ["fake_api", "plugin_harness"]


@pytest.fixture
def fake_api() -> FakeAPI:
    """An empty in-memory Plugin API."""
    return FakeAPI()


@pytest.fixture
def plugin_harness(fake_api: FakeAPI) -> Iterator[Callable[..., PluginHarness]]:
    """Builds harnesses over ``fake_api``; every one is closed when the test ends."""
    made: list[PluginHarness] = []

    def make(plugin: type[Plugin] | Plugin, **options: Any) -> PluginHarness:
        options.setdefault("api", fake_api)
        harness = PluginHarness(plugin, **options)
        made.append(harness)
        return harness

    yield make
    for harness in made:
        harness.close()
