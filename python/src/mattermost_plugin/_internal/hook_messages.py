"""Every PluginHooks request/response message in one namespace.

The contract splits hook messages across files by family (hooks_posts.proto, hooks_members.proto,
...); callers should not have to know which file a message lives in.
"""

from mattermost_plugin._gen.polyplug.v1.hooks_files_pb2 import *  # noqa: F403
from mattermost_plugin._gen.polyplug.v1.hooks_lifecycle_pb2 import *  # noqa: F403
from mattermost_plugin._gen.polyplug.v1.hooks_members_pb2 import *  # noqa: F403
from mattermost_plugin._gen.polyplug.v1.hooks_posts_pb2 import *  # noqa: F403
from mattermost_plugin._gen.polyplug.v1.hooks_system_pb2 import *  # noqa: F403
from mattermost_plugin._gen.polyplug.v1.hooks_users_pb2 import *  # noqa: F403
