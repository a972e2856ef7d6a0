"""The plugin authors' test kit: FakeAPI's state and errors, HookInvoker's HTTP streaming, the
harness wiring and the pytest fixtures."""

from __future__ import annotations

import importlib.metadata

import pytest
from google.protobuf import message_factory

from mattermost_plugin import (
    Command,
    NotFoundError,
    NotImplementedAPIError,
    Plugin,
    Post,
    User,
    ValidationError,
    hook,
)
from mattermost_plugin._gen.polyplug.v1 import api_pb2
from mattermost_plugin.testing import FakeAPI, HookError, HookInvoker, LogEntry, PluginHarness


def test_kv_keeps_absent_and_empty_apart() -> None:
    api = FakeAPI()
    assert api.kv_get("k") is None
    api.kv_set("k", b"")
    assert api.kv_get("k") == b"" and api.kv == {"k": b""}
    api.kv_set("k", b"\x00\xff")
    assert api.kv_get("k") == b"\x00\xff"
    api.kv_delete("k")
    api.kv_delete("k")  # absent: no error, as the host
    assert api.kv_get("k") is None
    with pytest.raises(TypeError, match="bytes"):
        api.kv_set("k", "text")  # type: ignore[arg-type]


def test_users_channels_posts_and_their_not_found_errors() -> None:
    api = FakeAPI()
    alice = api.add_user("alice", email="a@example.com")
    assert api.get_user(alice.id) == alice and len(alice.id) == 26
    with pytest.raises(NotFoundError) as info:
        api.get_user("nobody")
    assert (info.value.error_id, info.value.status_code) == ("app.user.missing_account.const", 404)
    town = api.add_channel("town-square", display_name="Town Square")
    assert api.get_channel(town.id).type == "O"
    with pytest.raises(NotFoundError, match="add_channel"):
        api.create_post(channel_id="missing", message="x")
    created = api.create_post(Post(channel_id=town.id, user_id=alice.id, message="hi", props={"a": [1]}))
    assert created.id and api.get_post(created.id) == created == api.posts[created.id]
    assert created.props == {"a": [1]}
    with pytest.raises(NotFoundError):
        api.get_post("nope")


def test_commands_bots_config_and_logs() -> None:
    api = FakeAPI(plugin_config={"BadWord": "x", "Max": 5}, server_version="9.0.0")
    api.register_command(Command(trigger="hello", auto_complete=True))
    api.register_command(Command(trigger="hello", description="again"))
    api.register_command(Command(trigger="bye"))
    assert [(c.trigger, c.description) for c in api.commands] == [("hello", "again"), ("bye", "")]
    api.unregister_command("", "bye")
    assert [c.trigger for c in api.commands] == ["hello"]
    bot = api.add_bot("helper", "Helper", "Helps")
    assert api.get_user(bot.user_id).is_bot and api.bots[bot.user_id].display_name == "Helper"
    assert api.get_plugin_config() == {"BadWord": "x", "Max": 5} and api.get_server_version() == "9.0.0"
    api.log_info("started", hooks=3, ok=True, nested={"a": [1]})
    api.log_error("failed", reason=ValueError("x"))
    assert api.logs == [
        LogEntry("info", "started", {"hooks": 3, "ok": True, "nested": {"a": [1]}}),
        LogEntry("error", "failed", {"reason": "x"}),
    ]
    assert api.log_messages("error") == ["failed"]
    assert api.calls[:3] == ["RegisterCommand", "RegisterCommand", "RegisterCommand"]


# The RPCs FakeAPI models with state; the rest answer 501 until stubbed (next tests).
MODELLED = {
    "GetServerVersion", "GetPluginConfig", "GetUser", "GetChannel", "CreatePost", "GetPost", "KVSet", "KVGet",
    "KVDelete", "KVSetWithExpiry", "KVCompareAndSet", "KVCompareAndDelete", "KVSetWithOptions", "KVDeleteAll",
    "KVList", "RegisterCommand", "UnregisterCommand", "LogDebug", "LogInfo", "LogWarn", "LogError",
    "PublishWebSocketEvent", "PluginHTTP",
}  # fmt: skip


def test_the_fake_models_the_core_rpcs() -> None:
    missing = [name for name in MODELLED if not hasattr(FakeAPI, f"_rpc_{name}")]
    assert not missing, f"FakeAPI lost its _rpc_<Name> handlers for {missing}"


def test_an_unmodelled_rpc_answers_501_until_stubbed_then_the_stub() -> None:
    api = FakeAPI()
    rpcs = api_pb2.DESCRIPTOR.services_by_name["PluginAPI"].methods_by_name
    unmodelled = sorted(name for name in rpcs if not hasattr(FakeAPI, f"_rpc_{name}"))
    for name in unmodelled:
        response = api.answer(name, message_factory.GetMessageClass(rpcs[name].input_type)())
        assert response.error.status_code == 501 and f"fake.stub({name!r}" in response.error.message, name


def test_a_stub_answers_with_the_client_methods_value() -> None:
    api = FakeAPI()
    api.stub("GetUser", User(id="u9", username="stubbed"))
    assert api.get_user("anyone").username == "stubbed"
    seen = []
    api.stub("GetServerVersion", lambda request: seen.append(request) or "1.2.3")
    assert api.get_server_version() == "1.2.3" and len(seen) == 1
    api.stub("KVList", ["a", "b"])
    assert api.kv_list() == ["a", "b"]


def test_published_websocket_events_are_captured() -> None:
    api = FakeAPI()
    request = api_pb2.PublishWebSocketEventRequest(event="refresh")
    request.payload.update({"n": 1})
    request.broadcast.channel_id = "c1"
    request.broadcast.omit_users["u2"] = True
    assert not api.answer("PublishWebSocketEvent", request).HasField("error")
    [event] = api.events
    assert (event.event, event.payload) == ("refresh", {"n": 1})
    assert event.broadcast == {"omit_users": {"u2": True}, "user_id": "", "channel_id": "c1", "team_id": ""}
    publish = getattr(api, "publish_websocket_event", None)  # the client method, where it exists
    if publish is not None:
        publish("ping", {"at": 2}, user_id="u1")
        assert (api.events[-1].event, api.events[-1].payload, api.events[-1].broadcast["user_id"]) == (
            "ping",
            {"at": 2},
            "u1",
        )


def test_an_rpc_the_fake_does_not_know_answers_501_like_the_host() -> None:
    class Partial(FakeAPI):
        _rpc_GetChannel = None

    with pytest.raises(NotImplementedAPIError) as info:
        Partial().get_channel("c")
    assert info.value.status_code == 501


async def test_the_async_client_shares_the_state() -> None:
    api = FakeAPI()
    aio = api.async_client()
    await aio.kv_set("k", b"v")
    assert api.kv_get("k") == b"v" and await aio.kv_get("missing") is None
    with pytest.raises(NotFoundError):
        await aio.get_user("nobody")
    await aio.log_warn("careful", n=1)
    assert api.logs == [LogEntry("warn", "careful", {"n": 1})]


class Web(Plugin):
    @hook
    def OnActivate(self) -> None:
        self.api.kv_set("activated", b"yes")

    @hook
    async def ExecuteCommand(self, context, args):
        await self.async_api.kv_set("ran", args.command.encode())
        return {"response_type": "ephemeral", "text": self.config.plugin_id}

    @hook
    def ServeHTTP(self, context, w, r) -> None:
        if r.path == "/fail":
            raise RuntimeError("no")
        sizes = [len(chunk) for chunk in r.iter_body()]
        w.set_header("X-Sizes", ",".join(map(str, sizes)))
        w.set_header("X-User", r.get_header("Mattermost-User-Id") or "-")
        w.write("part1")
        w.flush()
        w.write(b"part2")

    @hook
    def MessageHasBeenPosted(self, context, post) -> None:
        raise ValueError("cannot")


def test_serve_http_streams_the_body_in_the_given_chunks_and_collects_the_answer(plugin_harness) -> None:
    harness: PluginHarness = plugin_harness(Web)
    body = [b"a" * 10, b"b" * (70 * 1024)]  # the second chunk exceeds 64 KiB: split as the host does
    result = harness.hooks.serve_http("POST", "/up", body=body, headers={"Mattermost-User-Id": "forged"}, user_id="u1")
    assert result.status_code == 200
    assert result.header("x-sizes") == f"10,{64 * 1024},{6 * 1024}"
    assert result.header("X-User") == "u1"  # the forged header never reaches the plugin
    assert (result.body, result.chunks, result.flushes) == (b"part1part2", [b"part1", b"part2"], 1)
    assert harness.hooks.serve_http("GET", "/up").header("X-User") == "-"
    assert harness.hooks.serve_http("GET", "/fail").status_code == 500


def test_the_harness_wires_the_plugin_as_the_runtime_does(plugin_harness, fake_api: FakeAPI) -> None:
    harness = plugin_harness(Web, plugin_id="com.example.web").activate()
    assert fake_api.kv["activated"] == b"yes" and harness.api is fake_api
    assert harness.hooks.execute_command(command="/go").text == "com.example.web"
    assert fake_api.kv["ran"] == b"/go"
    with pytest.raises(HookError) as info:
        harness.hooks.message_has_been_posted(Post(message="x"))
    assert (info.value.hook, info.value.error_id, info.value.status_code) == (
        "MessageHasBeenPosted",
        "plugin.hook.error",
        500,
    )
    assert "cannot" in str(info.value)


def test_a_harness_is_a_context_manager_with_its_own_fake() -> None:
    with PluginHarness(Web, plugin_config={"X": 1}) as harness:
        assert harness.api.get_plugin_config() == {"X": 1}
        harness.activate()


def test_invoking_a_hook_from_inside_a_handler_is_refused() -> None:
    class Reentrant(Plugin):
        invoker: HookInvoker | None = None

        @hook
        async def OnActivate(self) -> None:
            assert self.invoker is not None
            self.invoker.on_deactivate()

    plugin = Reentrant()
    with HookInvoker(plugin) as invoker:
        plugin.invoker = invoker
        with pytest.raises(HookError, match="deadlock"):
            invoker.on_activate()


def test_the_fixtures_are_registered_for_every_pytest_run() -> None:
    plugins = {ep.name: ep.value for ep in importlib.metadata.entry_points(group="pytest11")}
    assert plugins["mattermost_plugin"] == "mattermost_plugin.testing.pytest_plugin"


def test_validation_errors_surface_as_in_production() -> None:
    class Invalid(FakeAPI):
        def _rpc_KVSet(self, request):  # a host that refuses the key, to check error mapping
            error = api_pb2.KVSetResponse().error
            error.id, error.status_code, error.message = "app.plugin.kv.invalid_key", 400, "bad key"
            return api_pb2.KVSetResponse(error=error)

    with pytest.raises(ValidationError, match="bad key"):
        Invalid().kv_set("", b"")


def test_the_readme_example_runs(plugin_harness, fake_api: FakeAPI) -> None:
    import pathlib
    import re

    readme = (pathlib.Path(__file__).parents[1] / "README.md").read_text()
    section = readme[readme.index("## Testing your plugin") :]
    block = re.search(r"```python\n(.*?)```", section, re.S)
    assert block is not None
    namespace: dict[str, object] = {}
    exec(compile(block.group(1), "README.md", "exec"), namespace)
    namespace["test_rejects_spam"](plugin_harness, fake_api)  # type: ignore[operator]


def test_the_fake_routes_plugin_http_to_registered_plugins() -> None:
    from mattermost_plugin import NotFoundError, PluginHTTPResponse

    api = FakeAPI()
    seen: list[tuple[str, str, dict[str, list[str]], bytes]] = []

    def other(method: str, path: str, headers: dict[str, list[str]], body: bytes) -> PluginHTTPResponse:
        seen.append((method, path, headers, body))
        return PluginHTTPResponse(status_code=202, headers={"X-Answer": ["yes"]}, body=b"ok")

    api.on_plugin_http("com.example.other", other)
    forged = {"Mattermost-Plugin-ID": "forged"}
    answer = api.plugin_http("post", "/com.example.other/hook?x=1", headers=forged, body=b"hi")
    assert (answer.status_code, answer.get_header("x-answer"), answer.body) == (202, "yes", b"ok")
    [(method, path, headers, body)] = seen
    assert (method, path, body) == ("POST", "/hook", b"hi")
    assert headers["Mattermost-Plugin-ID"] == [api.plugin_id]
    with pytest.raises(NotFoundError, match="no plugin serves"):
        api.plugin_http("GET", "/com.example.missing/x")
