"""FileWillBeUploaded streamed both ways (sync and async handlers, replacement, rejection, errors),
the in-memory FileReader/FileWriter, and ServeMetrics."""

from __future__ import annotations

import asyncio
import logging
import shutil
import tempfile

import grpc.aio
import pytest

from mattermost_plugin import FileInfo, FileReader, FileWriter, Plugin, hook
from mattermost_plugin._gen.polyplug.v1 import hooks_pb2_grpc
from mattermost_plugin._internal import hook_messages as pb
from mattermost_plugin._internal.auth import SecretCheck
from mattermost_plugin._internal.hook_runner import HookRunner
from mattermost_plugin._internal.plugin_server import add_hooks_service
from mattermost_plugin._internal.servicer import HooksServicer
from mattermost_plugin.http import MAX_CHUNK_SIZE
from mattermost_plugin.testing import HookError, HookInvoker

KIB = 1024


class Uppercase(Plugin):
    """Sync: rewrites the upload chunk by chunk (never holding it whole) and renames it."""

    @hook
    def FileWillBeUploaded(self, context, info: FileInfo, file: FileReader, output: FileWriter):
        if info.name.endswith(".exe"):
            return None, "executables are not allowed"
        if info.name == "boom.txt":
            raise OSError("scanner offline")
        for chunk in file:
            output.write(chunk.upper())
        info.name = f"upper-{info.name}"
        info.size = output.bytes_written
        return info, ""


class Inspector(Plugin):
    """Async: reads the whole upload, keeps it unchanged, records what it saw."""

    seen: bytes = b""

    @hook
    async def FileWillBeUploaded(self, context, info, file, output):
        self.seen = await file.aread()
        if info.name == "sync-read.txt":
            file.read()  # a sync read on the event loop is refused with a hint
        return None


def test_a_sync_handler_streams_a_replacement_in_chunks_of_at_most_64_kib() -> None:
    content = [b"a" * (100 * KIB), b"b" * (50 * KIB), b"c"]  # the host's chunks; the first is split
    with HookInvoker(Uppercase()) as hooks:
        result = hooks.file_will_be_uploaded(FileInfo(id="f1", name="notes.txt", size=150 * KIB + 1), content)
    assert result.output == b"".join(content).upper()
    assert max(len(chunk) for chunk in result.output_chunks) <= MAX_CHUNK_SIZE
    assert len(result.output_chunks) >= 3
    assert result.file_info == FileInfo(id="f1", name="upper-notes.txt", size=150 * KIB + 1)
    assert result.rejection_reason == ""


def test_rejections_and_errors() -> None:
    with HookInvoker(Uppercase()) as hooks:
        rejected = hooks.file_will_be_uploaded(FileInfo(name="setup.exe"), b"MZ")
        assert (rejected.rejection_reason, rejected.file_info, rejected.output) == (
            "executables are not allowed",
            None,
            b"",
        )
        with pytest.raises(HookError, match="scanner offline") as info:
            hooks.file_will_be_uploaded(FileInfo(name="boom.txt"), b"x")
        assert info.value.error_id == "plugin.hook.error"


def test_an_async_handler_reads_the_upload_and_keeps_it() -> None:
    plugin = Inspector()
    with HookInvoker(plugin) as hooks:
        result = hooks.file_will_be_uploaded(FileInfo(name="a.bin"), b"\x00\x01" * 70_000)
        assert (result.file_info, result.rejection_reason, result.output) == (None, "", b"")
        assert plugin.seen == b"\x00\x01" * 70_000
        with pytest.raises(HookError, match="await"):
            hooks.file_will_be_uploaded(FileInfo(name="sync-read.txt"), b"x")


def test_without_a_handler_the_upload_is_kept() -> None:
    with HookInvoker(Plugin()) as hooks:
        assert hooks.file_will_be_uploaded(FileInfo(name="a"), b"data").output == b""


def test_reader_and_writer_work_in_memory() -> None:
    reader = FileReader(b"0123456789")
    assert (reader.read(3), reader.read(4), reader.read(), reader.read()) == (b"012", b"3456", b"789", b"")
    big = FileReader(b"x" * (MAX_CHUNK_SIZE + 1))
    assert big.read(1) == b"x" and [len(c) for c in big] == [MAX_CHUNK_SIZE - 1, 1]
    writer = FileWriter()
    assert writer.write("héllo") == 6 and writer.write(b"!") == 1
    assert (writer.getvalue(), writer.bytes_written) == ("héllo!".encode(), 7)


async def test_reader_async_methods() -> None:
    reader = FileReader(b"abcdef")
    assert await reader.aread(2) == b"ab"
    assert [chunk async for chunk in reader.aiter_chunks()] == [b"cdef"]


async def test_over_grpc_output_flows_before_the_upload_has_ended() -> None:
    class Echo(Plugin):
        @hook
        def FileWillBeUploaded(self, context, info, file, output):
            for chunk in file:
                output.write(b"<" + chunk + b">")
            return FileInfo(name=info.name, size=output.bytes_written), ""

    runner = HookRunner(timeout=5)
    server = grpc.aio.server()
    add_hooks_service(server, HooksServicer(Echo(), runner, logging.getLogger("t")), SecretCheck("s"))
    sock_dir = tempfile.mkdtemp(prefix="pp-t-")
    server.add_insecure_port(f"unix:{sock_dir}/p.sock")
    await server.start()
    channel = grpc.aio.insecure_channel(f"unix:{sock_dir}/p.sock")
    try:
        call = hooks_pb2_grpc.PluginHooksStub(channel).FileWillBeUploaded(metadata=(("authorization", "Bearer s"),))
        await call.write(pb.FileWillBeUploadedRequest(file_info=FileInfo(name="n").to_proto(), body_chunk=b"one"))
        first = await asyncio.wait_for(call.read(), 30)
        assert first.body_chunk == b"<one>" and not first.done  # answered while the upload is still open
        await call.write(pb.FileWillBeUploadedRequest(body_chunk=b"two", body_complete=True))
        await call.done_writing()
        rest = []
        while (message := await asyncio.wait_for(call.read(), 30)) is not grpc.aio.EOF:
            rest.append(message)
        assert [m.body_chunk for m in rest if m.body_chunk] == [b"<two>"]
        assert rest[-1].done and rest[-1].file_info.size == 10 and not rest[-1].HasField("error")
    finally:
        await channel.close()
        await server.stop(0)
        runner.shutdown()
        shutil.rmtree(sock_dir, ignore_errors=True)


def test_serve_metrics_is_served_like_serve_http() -> None:
    class Metrics(Plugin):
        @hook
        def ServeMetrics(self, context, w, r) -> None:
            w.set_header("Content-Type", "text/plain; version=0.0.4")
            w.write(f'plugin_requests_total{{path="{r.path}"}} 3\n')

    with HookInvoker(Metrics()) as hooks:
        result = hooks.serve_metrics()
        assert result.status_code == 200 and result.header("content-type").startswith("text/plain")
        assert result.text == 'plugin_requests_total{path="/metrics"} 3\n'
        assert hooks.serve_http("GET", "/").status_code == 404  # ServeHTTP is a different hook
