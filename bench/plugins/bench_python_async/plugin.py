"""bench_python's MessageWillBePosted as an ``async def`` handler: the SDK runs it on its event
loop instead of its worker-thread pool, so the hook-dispatch figure can show what the thread hop
costs (the handler itself does nothing either way)."""

from mattermost_plugin import HookName, Plugin, PluginContext, Post, hook
from mattermost_plugin.server import run_plugin


class AsyncBenchPlugin(Plugin):
    @hook(HookName.MessageWillBePosted)
    async def will_be_posted(self, context: PluginContext, post: Post) -> tuple[Post | None, str]:
        return post, ""


if __name__ == "__main__":
    run_plugin(AsyncBenchPlugin)
