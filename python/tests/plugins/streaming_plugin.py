"""Test plugin: a ServeHTTP handler that answers before the request body has ended."""

from mattermost_plugin import HookName, HTTPRequest, HTTPResponseWriter, Plugin, PluginContext, hook
from mattermost_plugin.server import run_plugin


class StreamingPlugin(Plugin):
    @hook(HookName.ServeHTTP)
    def serve(self, context: PluginContext, w: HTTPResponseWriter, r: HTTPRequest) -> None:
        chunks = r.iter_body()
        first = next(chunks)
        w.set_header("Content-Type", "text/plain")
        w.write(b"got:" + first)
        w.flush()  # the client sees this while it still holds the rest of the body
        w.write(b"|rest:" + b"".join(chunks))


if __name__ == "__main__":
    run_plugin(StreamingPlugin)
