"""Test plugin whose constructor fails: the process must exit 1 before any handshake."""

from mattermost_plugin import Plugin
from mattermost_plugin.server import run_plugin


class BrokenInitPlugin(Plugin):
    def __init__(self) -> None:
        super().__init__()
        raise RuntimeError("missing model file")


if __name__ == "__main__":
    run_plugin(BrokenInitPlugin)
