"""RuntimeConfig reads the environment of docs/protocol.md §2."""

from __future__ import annotations

import logging

import pytest

from mattermost_plugin import RuntimeConfig

ENV = {
    "MATTERMOST_PLUGIN_ID": "com.example.p",
    "MATTERMOST_PLUGIN_PATH": "/plugins/p",
    "MATTERMOST_PLUGIN_API_TARGET": "unix:///tmp/x/api.sock",
    "MATTERMOST_PLUGIN_API_SECRET": "ab" * 32,
    "MATTERMOST_PLUGIN_HOOK_TIMEOUT": "12.5",
    "MATTERMOST_PLUGIN_LOG_LEVEL": "WARN",
    "PLUGIN_UNIX_SOCKET_DIR": "/tmp/x",
}


def test_from_env_reads_every_variable() -> None:
    config = RuntimeConfig.from_env(ENV)
    assert config == RuntimeConfig(
        plugin_id="com.example.p", plugin_path="/plugins/p", api_target="unix:///tmp/x/api.sock",
        api_secret="ab" * 32, hook_timeout=12.5, log_level="WARN", socket_dir="/tmp/x",
    )  # fmt: skip
    assert config.logging_level == logging.WARNING


def test_from_env_uses_os_environ_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MATTERMOST_PLUGIN_ID", "from-os")
    assert RuntimeConfig.from_env().plugin_id == "from-os"


@pytest.mark.parametrize("raw", ["", "soon", "0", "-3", "nan"])
def test_bad_hook_timeouts_fall_back_to_30s(raw: str) -> None:
    assert RuntimeConfig.from_env({"MATTERMOST_PLUGIN_HOOK_TIMEOUT": raw}).hook_timeout == 30.0


def test_defaults() -> None:
    config = RuntimeConfig.from_env({})
    assert (config.log_level, config.logging_level, config.socket_dir) == ("INFO", logging.INFO, "")
