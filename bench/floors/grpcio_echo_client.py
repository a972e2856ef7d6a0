"""The grpcio echo client: the floor of Plugin API calls from a Python plugin.

A plain synchronous grpcio client (the SDK's ``self.api`` is one too) calling the echo method of a
grpc-js server with each given payload: ``warmup`` untimed calls, then ``n`` calls timed one by one
with ``perf_counter``. Prints one JSON line: ``{"<name>": [latency_us, ...], ...}``.

Usage: python bench/floors/grpcio_echo_client.py <target> <n> <warmup> <name>=<hex payload> ...
"""

import json
import sys
import time
from typing import Any

import grpc

ECHO_PATH = "/polyplug.bench.Echo/Echo"


def main(target: str, n: int, warmup: int, payloads: dict[str, bytes]) -> None:
    result: dict[str, list[float]] = {}
    with grpc.insecure_channel(target) as channel:
        echo: Any = channel.unary_unary(ECHO_PATH)  # raw bytes both ways: no (de)serializers
        for name, payload in payloads.items():
            for _ in range(warmup):
                echo(payload)
            latencies = []
            for _ in range(n):
                t0 = time.perf_counter()
                echo(payload)
                latencies.append((time.perf_counter() - t0) * 1e6)
            result[name] = latencies
    print(json.dumps(result))


if __name__ == "__main__":
    target, n, warmup, *pairs = sys.argv[1:]
    main(target, int(n), int(warmup), {k: bytes.fromhex(v) for k, v in (p.split("=", 1) for p in pairs)})
