"""Both clients cover every PluginAPI RPC on the wire: adding an RPC without its client methods fails here."""

import inspect
import re

from mattermost_plugin import AsyncPluginAPIClient, PluginAPIClient
from mattermost_plugin._gen.polyplug.v1 import api_pb2

# Names that do not follow plain CamelCase -> snake_case (Mattermost writes "WebSocket" and "OAuth" as one word).
SPECIAL = {
    "PublishWebSocketEvent": "publish_websocket_event",
    "PluginHTTP": "plugin_http",
    "CreateOAuthApp": "create_oauth_app",
    "GetOAuthApp": "get_oauth_app",
    "UpdateOAuthApp": "update_oauth_app",
    "DeleteOAuthApp": "delete_oauth_app",
}


def method_name(rpc: str) -> str:
    if rpc in SPECIAL:
        return SPECIAL[rpc]
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", "_", rpc).lower()


def test_every_rpc_has_a_sync_and_an_async_method() -> None:
    rpcs = api_pb2.DESCRIPTOR.services_by_name["PluginAPI"].methods_by_name
    missing = []
    for rpc in rpcs:
        name = method_name(rpc)
        sync = getattr(PluginAPIClient, name, None)
        async_ = getattr(AsyncPluginAPIClient, name, None)
        if sync is None or async_ is None or not inspect.iscoroutinefunction(async_):
            missing.append(f"{rpc} -> {name}")
    assert not missing, f"client methods missing for: {missing}"


def test_the_name_mapping() -> None:
    assert method_name("KVSetWithOptions") == "kv_set_with_options"
    assert method_name("GetServerVersion") == "get_server_version"
    assert method_name("LogDebug") == "log_debug"
    assert method_name("CreateOAuthApp") == "create_oauth_app"
