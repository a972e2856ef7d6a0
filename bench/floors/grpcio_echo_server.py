"""The grpcio (grpc.aio) echo server: the floor of hook dispatch to a Python plugin.

Serves ``/polyplug.bench.Echo/Echo`` on a unix socket, answering the request bytes unchanged (no
decoding: the cheapest possible handler), with the same server kind (grpc.aio) and message limits
as the Python SDK. Prints ``READY unix:///path`` once serving, and serves until SIGTERM.

Two flags add, one at a time, what the SDK's server does on top of that (used by
bench/tools/python-dispatch-breakdown.ts to split the figure's gap, never by the suite's floor):
``--typed`` decodes the request as a MessageWillBePostedRequest and answers a
MessageWillBePostedResponse with the same post (protobuf in Python, a real async handler);
``--secret S`` adds the SDK's own secret check (``SecretCheck.guard``, as the SDK registers its
services), expecting ``Bearer S``.

Usage: python bench/floors/grpcio_echo_server.py <socket-path> [--typed] [--secret S]
"""

import argparse
import asyncio
import signal
from typing import Any

import grpc
import grpc.aio

MAX_MESSAGE_BYTES = 64 * 1024 * 1024


async def echo(request: bytes, context: Any) -> bytes:
    return request


def typed_handler(secret: str) -> Any:
    from mattermost_plugin._internal import hook_messages as pb

    async def will_be_posted(request: Any, context: Any) -> Any:
        return pb.MessageWillBePostedResponse(post=request.post)

    behaviour = will_be_posted
    if secret:
        from mattermost_plugin._gen.polyplug.v1 import hooks_pb2
        from mattermost_plugin._internal.auth import SecretCheck

        method = hooks_pb2.DESCRIPTOR.services_by_name["PluginHooks"].methods_by_name["MessageWillBePosted"]
        behaviour = SecretCheck(secret).guard_method(method, will_be_posted)
    return grpc.unary_unary_rpc_method_handler(
        behaviour,
        request_deserializer=pb.MessageWillBePostedRequest.FromString,
        response_serializer=pb.MessageWillBePostedResponse.SerializeToString,
    )


async def main(socket_path: str, typed: bool, secret: str) -> None:
    if secret and not typed:
        raise SystemExit("--secret needs --typed")
    server = grpc.aio.server(
        options=[
            ("grpc.max_send_message_length", MAX_MESSAGE_BYTES),
            ("grpc.max_receive_message_length", MAX_MESSAGE_BYTES),
        ],
    )
    method = typed_handler(secret) if typed else grpc.unary_unary_rpc_method_handler(echo)
    server.add_generic_rpc_handlers((grpc.method_handlers_generic_handler("polyplug.bench.Echo", {"Echo": method}),))
    server.add_insecure_port(f"unix:{socket_path}")
    await server.start()
    print(f"READY unix://{socket_path}", flush=True)
    stop = asyncio.Event()
    asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stop.set)
    await stop.wait()
    await server.stop(0.5)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("socket_path")
    parser.add_argument("--typed", action="store_true")
    parser.add_argument("--secret", default="")
    args = parser.parse_args()
    asyncio.run(main(args.socket_path, args.typed, args.secret))
