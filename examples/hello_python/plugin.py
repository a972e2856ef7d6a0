"""Hello, Python: the example Polyplug plugin (copy it to start your own).

- /hello [name] answers "Hello, <name>!" (your username when no name is given), visible only to you;
- posts containing the BadWord setting (any case) are rejected;
- GET /plugins/com.polyplug.hello-python/hits counts its calls in the KV store and answers JSON.

Handlers are plain functions: each runs in a worker thread, so calling self.api is fine.
"""

import json
import threading

from mattermost_plugin import (
    AlreadyExistsError,
    Command,
    CommandArgs,
    CommandResponse,
    HookName,
    HTTPRequest,
    HTTPResponseWriter,
    Plugin,
    PluginContext,
    Post,
    hook,
)
from mattermost_plugin.server import run_plugin


class HelloPythonPlugin(Plugin):
    def __init__(self) -> None:
        super().__init__()
        self.bad_word = "badword"
        self.hits_lock = threading.Lock()  # handlers run concurrently, in several threads

    @hook(HookName.OnConfigurationChange)
    def load_configuration(self) -> None:
        settings = self.api.get_plugin_config()
        self.bad_word = str(settings.get("BadWord", "badword")).strip().lower()

    @hook(HookName.OnActivate)
    def activate(self) -> None:
        try:
            self.register_hello("hello")
        except AlreadyExistsError:
            # Another plugin (say, hello_ts beside us in examples/) owns /hello: take our own name.
            self.logger.warning("/hello belongs to another plugin; registering /hello-python instead")
            self.register_hello("hello-python")
        self.logger.info("Hello, Python! Server version %s", self.api.get_server_version())

    def register_hello(self, trigger: str) -> None:
        self.api.register_command(
            Command(
                trigger=trigger,
                auto_complete=True,
                auto_complete_desc="Say hello",
                auto_complete_hint="[name]",
                display_name="Hello",
            )
        )

    @hook(HookName.MessageWillBePosted)
    def filter_bad_word(self, context: PluginContext, post: Post) -> tuple[Post | None, str]:
        if self.bad_word and self.bad_word in post.message.lower():
            return None, "Message blocked: contains a forbidden word"
        return post, ""

    @hook(HookName.ExecuteCommand)
    def hello(self, context: PluginContext, args: CommandArgs) -> CommandResponse:
        _, _, name = args.command.strip().partition(" ")
        if not name:
            name = self.api.get_user(args.user_id).username
        return CommandResponse(response_type="ephemeral", text=f"Hello, {name.strip()}!")

    @hook(HookName.ServeHTTP)
    def serve_http(self, context: PluginContext, w: HTTPResponseWriter, r: HTTPRequest) -> None:
        if r.path != "/hits":
            w.write_header(404)
            w.write("Not Found")
            return
        with self.hits_lock:
            hits = int(self.api.kv_get("hits") or b"0") + 1
            self.api.kv_set("hits", str(hits).encode())
        w.set_header("Content-Type", "application/json")
        w.write(json.dumps({"hits": hits}))


if __name__ == "__main__":
    run_plugin(HelloPythonPlugin)
