"""Test kit for plugin authors: run a plugin's handlers without a server.

    from mattermost_plugin.testing import PluginHarness

    def test_bad_words_are_rejected():
        with PluginHarness(MyPlugin, plugin_config={"BadWord": "kumquat"}) as harness:
            harness.activate()
            post, reason = harness.hooks.message_will_be_posted(Post(message="a kumquat"))
            assert post is None and reason

- :class:`FakeAPI`: the Plugin API in memory (KV, users, channels, posts, commands, bots, config,
  captured logs and WebSocket events), a real API client whose transport is replaced;
- :class:`HookInvoker`: calls hooks through the SDK's own servicer, with the host's requests,
  including ServeHTTP with a streamed body and the streamed FileWillBeUploaded;
- :class:`PluginHarness`: both, wired to a plugin as ``run_plugin`` wires it;
- pytest fixtures ``fake_api`` and ``plugin_harness``, registered automatically (``pytest11``).
"""

from ._fake_api import FakeAPI, LogEntry, PublishedEvent
from ._harness import PluginHarness
from ._invoker import HookInvoker
from ._results import HookError, HTTPResult, UploadResult

__all__ = [
    "FakeAPI",
    "HTTPResult",
    "HookError",
    "HookInvoker",
    "LogEntry",
    "PluginHarness",
    "PublishedEvent",
    "UploadResult",
]
