"""The public surface: what plugin authors import, including the seed SDK's import paths."""

from __future__ import annotations

import importlib

import pytest

import mattermost_plugin

PUBLIC = {
    "DISMISS_POST_ERROR", "AlreadyExistsError", "AsyncPluginAPIClient", "Bot", "Channel", "ChannelMember",
    "ChannelType", "Command", "CommandArgs", "CommandResponse", "FileData", "FileInfo", "FileReader", "FileWriter",
    "HTTPRequest", "HTTPResponseWriter", "HookName", "HookRegistrationError", "HookTimeoutError", "NotFoundError",
    "NotImplementedAPIError", "OnInstallEvent", "PermissionDeniedError", "Plugin", "PluginAPIClient",
    "PluginAPIError", "PluginHTTPResponse", "PluginClusterEvent", "PluginContext", "Post", "Preference", "Reaction",
    "RuntimeConfig",
    "Team", "TeamMember", "TeamType", "UnavailableError", "User", "ValidationError", "WebSocketRequest",
    "__version__", "hook", "run_plugin",
}  # fmt: skip
TESTING = {
    "FakeAPI", "HTTPResult", "HookError", "HookInvoker", "LogEntry", "PluginHarness", "PublishedEvent", "UploadResult",
}  # fmt: skip


def test_all_is_exactly_the_public_surface() -> None:
    assert set(mattermost_plugin.__all__) == PUBLIC
    assert len(mattermost_plugin.__all__) == len(PUBLIC)
    for name in mattermost_plugin.__all__:
        assert getattr(mattermost_plugin, name) is not None


def test_the_test_kit_surface() -> None:
    import mattermost_plugin.testing as testing

    assert set(testing.__all__) == TESTING
    for name in testing.__all__:
        assert getattr(testing, name).__module__.startswith("mattermost_plugin.testing")


@pytest.mark.parametrize(
    "module",
    [
        "client",
        "exceptions",
        "files",
        "hooks",
        "http",
        "plugin",
        "runtime_config",
        "server",
        "wrappers",
        "_internal.wrappers",
        "testing",
        "testing.pytest_plugin",
    ],
)
def test_every_module_all_names_exist(module: str) -> None:
    mod = importlib.import_module(f"mattermost_plugin.{module}")
    assert mod.__all__, module
    for name in mod.__all__:
        assert hasattr(mod, name), f"{module}.{name}"


def test_seed_import_paths_still_work() -> None:
    from mattermost_plugin import HookName, Plugin, hook  # noqa: F401
    from mattermost_plugin._internal.wrappers import Bot, ChannelType, Post
    from mattermost_plugin.exceptions import NotFoundError  # noqa: F401
    from mattermost_plugin.server import run_plugin

    assert run_plugin is mattermost_plugin.run_plugin
    assert Post is mattermost_plugin.Post and Bot is mattermost_plugin.Bot
    assert ChannelType.DIRECT.value == "D"


def test_no_public_name_comes_from_generated_code() -> None:
    for name in mattermost_plugin.__all__:
        module = getattr(getattr(mattermost_plugin, name), "__module__", "") or ""
        assert "_gen" not in module, name


def test_the_public_wrappers_module_has_every_entity_wrapper() -> None:
    # Hand-written and generated alike: a plugin imports Emoji or PropertyField from one place.
    from mattermost_plugin import wrappers
    from mattermost_plugin._internal import wrappers as internal

    assert set(internal.__all__) <= set(wrappers.__all__)
    assert {"Emoji", "Group", "PropertyField", "Session", "Team", "User"} <= set(wrappers.__all__)
