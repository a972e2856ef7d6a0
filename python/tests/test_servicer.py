"""The PluginHooks servicer in-process on a real grpc.aio server: result shapes, errors, deadlines,
async handlers and ServeHTTP details (the subprocess tests cover the process around it)."""

from __future__ import annotations

import asyncio
import logging
import shutil
import tempfile
import threading
from collections.abc import AsyncIterator

import grpc
import grpc.aio
import pytest
import pytest_asyncio

from mattermost_plugin import CommandResponse, HookName, Plugin, Post, hook
from mattermost_plugin._gen.polyplug.v1 import command_pb2, hooks_pb2_grpc, http_pb2, post_pb2
from mattermost_plugin._internal import hook_messages as hooks_pb2
from mattermost_plugin._internal.auth import SecretCheck
from mattermost_plugin._internal.hook_runner import HookRunner
from mattermost_plugin._internal.plugin_server import add_hooks_service
from mattermost_plugin._internal.serve_http import serve_http
from mattermost_plugin._internal.servicer import HooksServicer
from mattermost_plugin._internal.structs import dict_to_struct, struct_to_dict
from mattermost_plugin.http import MAX_CHUNK_SIZE

SECRET = "s3cret"
MD = (("authorization", f"Bearer {SECRET}"),)
release = threading.Event()


class Behaviours(Plugin):
    def __init__(self) -> None:
        super().__init__()
        self.order: list[str] = []
        self.will_be_posted: object = None

    @hook
    def OnConfigurationChange(self) -> None:
        self.order.append("config")

    @hook
    async def OnActivate(self) -> str:
        self.order.append("activate")
        return "not today"

    @hook
    def OnDeactivate(self) -> None:
        raise RuntimeError("deactivate failed")

    @hook
    def MessageWillBePosted(self, context, post):
        return self.will_be_posted(post) if callable(self.will_be_posted) else self.will_be_posted

    @hook
    def MessageHasBeenPosted(self, context, post) -> None:
        release.wait(30)  # blocks a worker thread past the hook deadline

    @hook
    async def ExecuteCommand(self, context, args):
        return {"response_type": "ephemeral", "text": f"ran {args.command}"} if args.command else 42

    @hook
    async def ServeHTTP(self, context, w, r) -> None:
        if r.path == "/boom":
            raise ValueError("boom")
        if r.path == "/big":
            w.write(b"b" * (MAX_CHUNK_SIZE * 2 + 5))
            return
        first = await r.aiter_body().__anext__()
        w.write(b"early:" + first)
        w.flush()
        w.write(b"|" + await r.aread())


@pytest_asyncio.fixture
async def env() -> AsyncIterator[tuple[Behaviours, hooks_pb2_grpc.PluginHooksStub]]:
    release.clear()
    plugin = Behaviours()
    runner = HookRunner(timeout=0.3, max_workers=4)
    server = grpc.aio.server()
    add_hooks_service(server, HooksServicer(plugin, runner, logging.getLogger("t")), SecretCheck(SECRET))
    sock_dir = tempfile.mkdtemp(prefix="pp-t-")
    server.add_insecure_port(f"unix:{sock_dir}/p.sock")
    await server.start()
    channel = grpc.aio.insecure_channel(f"unix:{sock_dir}/p.sock")
    yield plugin, hooks_pb2_grpc.PluginHooksStub(channel)
    release.set()
    await channel.close()
    await server.stop(0)
    runner.shutdown()
    shutil.rmtree(sock_dir, ignore_errors=True)


Env = tuple[Behaviours, hooks_pb2_grpc.PluginHooksStub]


async def test_on_activate_runs_configuration_first_and_a_returned_string_is_an_error(env: Env) -> None:
    plugin, stub = env
    response = await stub.OnActivate(hooks_pb2.OnActivateRequest(), metadata=MD, timeout=10)
    assert plugin.order == ["config", "activate"]
    assert response.error.message == "not today" and response.error.where == "OnActivate"


async def test_handler_exceptions_are_app_errors_on_an_ok_status(env: Env) -> None:
    _, stub = env
    response = await stub.OnDeactivate(hooks_pb2.OnDeactivateRequest(), metadata=MD, timeout=10)
    assert (response.error.id, response.error.status_code) == ("plugin.hook.error", 500)
    assert "deactivate failed" in response.error.message


async def test_a_hook_past_its_deadline_answers_504_and_others_keep_running(env: Env) -> None:
    _, stub = env
    slow = await stub.MessageHasBeenPosted(hooks_pb2.MessageHasBeenPostedRequest(), metadata=MD, timeout=10)
    assert (slow.error.id, slow.error.status_code) == ("plugin.hook.timeout", 504)
    quick = await stub.Implemented(hooks_pb2.ImplementedRequest(), metadata=MD, timeout=10)
    assert "MessageHasBeenPosted" in quick.hooks


@pytest.mark.parametrize(
    ("result", "post_message", "reason"),
    [
        (None, None, ""),
        ("", None, ""),
        ("nope", None, "nope"),
        (lambda p: p, "orig", ""),
        (lambda p: Post(message="changed"), "changed", ""),
        (lambda p: (p, ""), "orig", ""),
        (lambda p: (None, "blocked"), None, "blocked"),
        (lambda p: (p, "blocked"), None, "blocked"),
        ((None, None), None, ""),
    ],
)
async def test_message_will_be_posted_result_shapes(env: Env, result, post_message, reason) -> None:
    plugin, stub = env
    plugin.will_be_posted = result
    request = hooks_pb2.MessageWillBePostedRequest(post=post_pb2.Post(message="orig"))
    response = await stub.MessageWillBePosted(request, metadata=MD, timeout=10)
    assert not response.HasField("error"), response.error
    assert response.rejection_reason == reason
    assert (response.post.message if response.HasField("post") else None) == post_message


def _edit(post: Post, **props: object) -> Post:
    post.props.update(props)
    return post


@pytest.mark.parametrize(
    ("result", "answered"),
    [
        (lambda p: p, None),  # the same post, untouched: "allowed unchanged", no post on the wire
        (lambda p: (p, ""), None),
        (lambda p: Post.from_proto(p.to_proto()), None),  # an equal copy is just as unchanged
        (lambda p: _edit(p, n=1), None),  # 1 is what the host sent (JSON numbers are doubles)
        (lambda p: _edit(p, n=True), {"n": True}),  # == 1 in Python, not on the wire: replaced
        (lambda p: _edit(p, extra="x"), {"n": 1, "extra": "x"}),  # edited in place: replaced
        (lambda p: Post(message="orig"), {}),  # the props were dropped: replaced
    ],
)
async def test_an_unchanged_post_is_answered_as_allowed_unchanged(result, answered) -> None:
    plugin = Behaviours()
    plugin.will_be_posted = result
    runner = HookRunner(timeout=5)
    servicer = HooksServicer(plugin, runner, logging.getLogger("t"), elide_unchanged_posts=True)
    sent = post_pb2.Post(message="orig", props=dict_to_struct({"n": 1}))
    try:
        response = await servicer.MessageWillBePosted(hooks_pb2.MessageWillBePostedRequest(post=sent), None)
    finally:
        runner.shutdown()
    assert not response.HasField("error") and response.rejection_reason == ""
    assert (struct_to_dict(response.post.props) if response.HasField("post") else None) == answered


async def test_message_will_be_posted_rejects_unknown_shapes_loudly(env: Env) -> None:
    plugin, stub = env
    plugin.will_be_posted = 42
    response = await stub.MessageWillBePosted(hooks_pb2.MessageWillBePostedRequest(), metadata=MD, timeout=10)
    assert response.error.id == "plugin.hook.bad_result" and "MessageWillBePosted must return" in response.error.message


async def test_execute_command_accepts_a_dict_and_reports_bad_results(env: Env) -> None:
    _, stub = env
    request = hooks_pb2.ExecuteCommandRequest(args=command_pb2.CommandArgs(command="/x"))
    response = await stub.ExecuteCommand(request, metadata=MD, timeout=10)
    assert CommandResponse.from_proto(response.response) == CommandResponse(response_type="ephemeral", text="ran /x")
    bad = await stub.ExecuteCommand(hooks_pb2.ExecuteCommandRequest(), metadata=MD, timeout=10)
    assert bad.error.id == "plugin.hook.bad_result"


async def test_calls_without_the_secret_are_unauthenticated(env: Env) -> None:
    _, stub = env
    with pytest.raises(grpc.aio.AioRpcError) as info:
        await stub.Implemented(hooks_pb2.ImplementedRequest(), timeout=10)
    assert info.value.code() == grpc.StatusCode.UNAUTHENTICATED
    call = stub.ServeHTTP(iter([http_pb2.ServeHTTPRequest()]), metadata=(("authorization", "Bearer x"),), timeout=10)
    with pytest.raises(grpc.aio.AioRpcError) as info:
        await call.read()
    assert info.value.code() == grpc.StatusCode.UNAUTHENTICATED


async def _collect(call) -> list[http_pb2.ServeHTTPResponse]:
    messages = []
    while (message := await asyncio.wait_for(call.read(), 30)) is not grpc.aio.EOF:
        messages.append(message)
    return messages


def _req(path: str, body: bytes = b"", complete: bool = True) -> http_pb2.ServeHTTPRequest:
    init = http_pb2.HTTPRequestInit(method="POST", path=path, url=path)
    return http_pb2.ServeHTTPRequest(init=init, body_chunk=body, body_complete=complete)


async def test_async_serve_http_answers_before_the_body_ends(env: Env) -> None:
    _, stub = env
    call = stub.ServeHTTP(metadata=MD, timeout=30)
    await call.write(_req("/stream", b"one", complete=False))
    head = await asyncio.wait_for(call.read(), 30)
    seen = head.body_chunk
    while not head.flush:
        head = await asyncio.wait_for(call.read(), 30)
        seen += head.body_chunk
    assert seen == b"early:one"
    await call.write(http_pb2.ServeHTTPRequest(body_chunk=b"two", body_complete=True))
    await call.done_writing()
    rest = await _collect(call)
    assert b"".join(m.body_chunk for m in rest) == b"|two" and rest[-1].body_complete


async def test_serve_http_chunks_big_writes_and_turns_errors_into_500(env: Env) -> None:
    _, stub = env
    big = await _collect(stub.ServeHTTP(iter([_req("/big")]), metadata=MD, timeout=30))
    sizes = [len(m.body_chunk) for m in big if m.body_chunk]
    assert sizes == [MAX_CHUNK_SIZE, MAX_CHUNK_SIZE, 5]
    boom = await _collect(stub.ServeHTTP(iter([_req("/boom")]), metadata=MD, timeout=30))
    assert boom[0].init.status_code == 500 and boom[-1].body_complete


async def test_serve_http_without_init_is_a_500(env: Env) -> None:
    _, stub = env
    messages = await _collect(stub.ServeHTTP(iter([http_pb2.ServeHTTPRequest(body_chunk=b"x")]), metadata=MD))
    assert messages[0].init.status_code == 500


async def test_serve_http_without_a_handler_is_a_404() -> None:
    class Empty(Plugin):
        pass

    async def requests():
        yield _req("/x")

    runner = HookRunner(timeout=1)
    messages = [m async for m in serve_http(HookName.ServeHTTP, Empty(), runner, logging.getLogger("t"), requests())]
    runner.shutdown()
    assert messages[0].init.status_code == 404 and messages[-1].body_complete


async def test_a_disconnected_client_unblocks_a_sync_handler_waiting_for_the_body() -> None:
    reading, done = threading.Event(), threading.Event()
    seen: list[BaseException] = []

    class Waiter(Plugin):
        @hook
        def ServeHTTP(self, context, w, r) -> None:
            reading.set()
            try:
                r.read()
            except ConnectionResetError as exc:
                seen.append(exc)
            done.set()

    never = asyncio.Event()

    async def requests():
        yield _req("/wait", b"partial", complete=False)
        await never.wait()  # the body never ends: the client is stuck, then disconnects

    runner = HookRunner(timeout=1)
    stream = serve_http(HookName.ServeHTTP, Waiter(), runner, logging.getLogger("t"), requests())
    pending = asyncio.create_task(anext(stream))
    assert await asyncio.to_thread(reading.wait, 30)
    pending.cancel()  # what grpc does when the HTTP client goes away
    assert await asyncio.to_thread(done.wait, 30)
    runner.shutdown()
    assert len(seen) == 1
