"""Test plugin: reports its lifecycle to the (fake) host and misbehaves on stdout on purpose."""

from mattermost_plugin import HookName, Plugin, hook
from mattermost_plugin.server import run_plugin


class LifecyclePlugin(Plugin):
    def __init__(self) -> None:  # no parameters, as seed plugins write it
        super().__init__()
        self.activations = 0

    @hook(HookName.OnActivate)
    def activate(self) -> None:
        self.activations += 1
        print("a stray print() must not reach stdout")
        self.api.log_info("activated", plugin_id=self.config.plugin_id, timeout=self.config.hook_timeout)

    @hook
    def OnDeactivate(self) -> None:
        self.api.log_info("deactivated")


if __name__ == "__main__":
    run_plugin(LifecyclePlugin)
