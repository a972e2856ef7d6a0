"""Starts a plugin script as a real child process, as the host does (docs/protocol.md §2), and
connects to its hooks with the host's secret."""

from __future__ import annotations

import asyncio
import os
import re
import shutil
import signal
import sys
import tempfile
from pathlib import Path

import grpc.aio
from grpc_health.v1 import health_pb2_grpc

from mattermost_plugin._gen.plugin import grpc_controller_pb2_grpc
from mattermost_plugin._gen.polyplug.v1 import hooks_pb2_grpc

from fake_host import FakeHost

HANDSHAKE = re.compile(r"^1\|1\|(unix\|/[^|]+|tcp\|127\.0\.0\.1:[0-9]+)\|grpc\|$")
WAIT = 30.0  # generous: only bounds a hang, never asserts speed


class PluginProcess:
    def __init__(self, proc: asyncio.subprocess.Process, handshake: str, host: FakeHost, socket_dir: str) -> None:
        self.proc, self.handshake, self.host, self.socket_dir = proc, handshake, host, socket_dir
        match = HANDSHAKE.match(handshake)
        assert match, f"bad handshake line {handshake!r}"
        self.network, self.address = match.group(1).split("|")
        target = f"unix:{self.address}" if self.network == "unix" else self.address
        self.channel = grpc.aio.insecure_channel(target)
        self.hooks = hooks_pb2_grpc.PluginHooksStub(self.channel)
        self.health = health_pb2_grpc.HealthStub(self.channel)
        self.controller = grpc_controller_pb2_grpc.GRPCControllerStub(self.channel)
        self.stderr: list[str] = []
        self._stderr_task = asyncio.create_task(self._collect_stderr())

    @property
    def metadata(self) -> tuple[tuple[str, str], ...]:
        return (("authorization", f"Bearer {self.host.secret}"),)

    @classmethod
    async def start(cls, script: Path, host: FakeHost, **extra_env: str) -> PluginProcess:
        socket_dir = tempfile.mkdtemp(prefix="pp-plugin-")
        os.chmod(socket_dir, 0o700)
        env = {
            **os.environ,
            "MATTERMOST_PLUGIN": "Securely message teams, anywhere.",
            "PLUGIN_PROTOCOL_VERSIONS": "1",
            "PLUGIN_MIN_PORT": "10000",
            "PLUGIN_MAX_PORT": "25000",
            "PLUGIN_UNIX_SOCKET_DIR": socket_dir,
            "MATTERMOST_PLUGIN_ID": "com.polyplug.test",
            "MATTERMOST_PLUGIN_PATH": str(script.parent),
            "MATTERMOST_PLUGIN_API_TARGET": host.target,
            "MATTERMOST_PLUGIN_API_SECRET": host.secret,
            "MATTERMOST_PLUGIN_HOOK_TIMEOUT": "30",
            "MATTERMOST_PLUGIN_LOG_LEVEL": "DEBUG",
            **extra_env,
        }
        proc = await asyncio.create_subprocess_exec(
            sys.executable, "-u", str(script), cwd=str(script.parent), env=env,
            stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
            start_new_session=True,
        )  # fmt: skip
        assert proc.stdout is not None
        line = await asyncio.wait_for(proc.stdout.readline(), WAIT)
        if not line:
            err = await proc.stderr.read() if proc.stderr else b""
            await proc.wait()
            shutil.rmtree(socket_dir, ignore_errors=True)
            raise AssertionError(f"plugin exited before its handshake: {err.decode(errors='replace')}")
        return cls(proc, line.decode().rstrip("\n"), host, socket_dir)

    async def _collect_stderr(self) -> None:
        assert self.proc.stderr is not None
        async for line in self.proc.stderr:
            self.stderr.append(line.decode(errors="replace").rstrip())

    async def wait_exit(self) -> int:
        code = await asyncio.wait_for(self.proc.wait(), WAIT)
        await asyncio.wait_for(self._stderr_task, WAIT)
        return code

    async def rest_of_stdout(self) -> bytes:
        assert self.proc.stdout is not None
        return await asyncio.wait_for(self.proc.stdout.read(), WAIT)

    async def close(self) -> None:
        await self.channel.close()
        if self.proc.returncode is None:
            os.killpg(self.proc.pid, signal.SIGKILL)
            await self.proc.wait()
        self._stderr_task.cancel()
        shutil.rmtree(self.socket_dir, ignore_errors=True)
