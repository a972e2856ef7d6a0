"""``HooksServicer``: the plugin side of ``polyplug.v1.PluginHooks``, all 46 hooks.

One mixin per hook family (the families of ``proto/polyplug/v1/hooks.proto``), each on the shared
:class:`HookDispatcher`. Each RPC converts the request into typed wrappers, runs the plugin's
handler and converts its result back with the rules of ``hook_results.py``. The test kit's
``HookInvoker`` calls these same methods, so tests and production share every conversion.
"""

from __future__ import annotations

from ..._gen.polyplug.v1 import hooks_pb2, hooks_pb2_grpc
from .base import HookDispatcher
from .files import FileHooks
from .http import HTTPHooks
from .lifecycle import LifecycleHooks
from .members import MemberHooks
from .posts import PostHooks
from .system import SystemHooks
from .users import UserHooks

__all__ = ["WIRE_HOOKS", "HookDispatcher", "HooksServicer"]


class HooksServicer(
    LifecycleHooks,
    PostHooks,
    MemberHooks,
    UserHooks,
    FileHooks,
    SystemHooks,
    HTTPHooks,
    hooks_pb2_grpc.PluginHooksServicer,
):
    """Dispatches hook RPCs to one plugin instance."""


# Hooks this SDK serves: those on the wire that HooksServicer implements (all of them; a test
# checks it). A hook declared by a plugin but missing here would be warned about at start.
WIRE_HOOKS = frozenset(
    name
    for name in hooks_pb2.DESCRIPTOR.services_by_name["PluginHooks"].methods_by_name
    if name != "Implemented"
    and any(name in vars(cls) for cls in HooksServicer.__mro__ if issubclass(cls, HookDispatcher))
)
