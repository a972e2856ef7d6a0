"""The smallest useful Python plugin, for the cold-start figure: spawn -> OnActivate returned."""

from mattermost_plugin import HookName, Plugin, hook
from mattermost_plugin.server import run_plugin


class MinimalPlugin(Plugin):
    @hook(HookName.OnActivate)
    def activate(self) -> None:
        return None


if __name__ == "__main__":
    run_plugin(MinimalPlugin)
