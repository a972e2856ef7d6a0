"""The Python bench plugin: each handler does the least its figure allows, so what is timed is
the plugin system, not the plugin.

- MessageWillBePosted returns the post unchanged (what a filter that lets a post through does);
- ServeHTTP ``POST /upload`` reads the body as it arrives (64 KiB chunks) and answers its length;
- ServeHTTP ``GET /download?bytes=N`` writes N bytes in 64 KiB chunks;
- ServeHTTP ``GET /api?method=M&n=N&warmup=W[&user_id=U]`` runs N sequential ``self.api`` calls
  from this (worker-thread) handler, timing each with perf_counter, and answers
  ``{"latencies_us": [...]}``: the Plugin API round trip as a plugin sees it.

Handlers are plain functions, the style the SDK documents first: they run in its worker threads.
"""

import json
import time
from collections.abc import Callable
from urllib.parse import parse_qs

from mattermost_plugin import HookName, HTTPRequest, HTTPResponseWriter, Plugin, PluginContext, Post, hook
from mattermost_plugin.server import run_plugin

CHUNK = 64 * 1024
KV_VALUE = b"v" * 64


class BenchPlugin(Plugin):
    @hook(HookName.MessageWillBePosted)
    def will_be_posted(self, context: PluginContext, post: Post) -> tuple[Post | None, str]:
        return post, ""

    @hook(HookName.ServeHTTP)
    def serve_http(self, context: PluginContext, w: HTTPResponseWriter, r: HTTPRequest) -> None:
        query = {key: values[0] for key, values in parse_qs(r.raw_query).items()}
        if r.path == "/upload":
            received = sum(len(chunk) for chunk in r.iter_body())
            w.set_header("Content-Type", "application/json")
            w.write(json.dumps({"bytes": received}))
        elif r.path == "/download":
            remaining = int(query.get("bytes", "0"))
            chunk = bytes(CHUNK)
            w.set_header("Content-Type", "application/octet-stream")
            w.set_header("Content-Length", str(remaining))
            while remaining > 0:
                w.write(chunk if remaining >= CHUNK else chunk[:remaining])
                remaining -= CHUNK
        elif r.path == "/api":
            call = self._api_call(query)
            for _ in range(int(query.get("warmup", "0"))):
                call()
            latencies = []
            for _ in range(int(query.get("n", "0"))):
                t0 = time.perf_counter()
                call()
                latencies.append((time.perf_counter() - t0) * 1e6)
            w.set_header("Content-Type", "application/json")
            w.write(json.dumps({"latencies_us": latencies}))
        else:
            w.write_header(404)

    def _api_call(self, query: dict[str, str]) -> Callable[[], object]:
        method = query.get("method", "")
        if method == "GetServerVersion":
            return self.api.get_server_version
        if method == "GetUser":
            user_id = query["user_id"]
            return lambda: self.api.get_user(user_id)
        if method == "KVSet":
            return lambda: self.api.kv_set("bench", KV_VALUE)
        raise ValueError(f"unknown method {method!r}")


if __name__ == "__main__":
    run_plugin(BenchPlugin)
