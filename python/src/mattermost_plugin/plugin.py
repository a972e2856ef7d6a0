"""``Plugin``: the base class of every Python plugin.

A subclass declares hook handlers with ``@hook``; ``__init_subclass__`` collects them once, at
class definition time, so a wrong or duplicate hook fails on import rather than in production.
The runtime constructs the subclass with no arguments and only then attaches ``api``, ``logger``
and ``config``: a subclass may define ``__init__(self)`` and is not required to forward anything.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ClassVar

from .exceptions import HookRegistrationError
from .hooks import HookName, get_hook_name
from .runtime_config import RuntimeConfig

if TYPE_CHECKING:
    from .client import AsyncPluginAPIClient, PluginAPIClient

__all__ = ["Plugin"]


class Plugin:
    """Subclass this, mark methods with ``@hook``, and pass the class to ``run_plugin``.

    ``self.api`` and ``self.config`` are available from ``OnConfigurationChange``/``OnActivate``
    on (not in ``__init__``, which runs before the runtime has connected to the host).
    """

    # hook -> attribute name; attribute lookup at call time honours overrides in subclasses.
    _hook_registry: ClassVar[dict[HookName, str]] = {}
    # Class-level defaults, so a subclass __init__ that skips super().__init__() still works.
    _api: PluginAPIClient | None = None
    _async_api: AsyncPluginAPIClient | None = None
    _config: RuntimeConfig | None = None
    _logger: logging.Logger | None = None

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        registry = dict(cls._hook_registry)
        own: dict[HookName, str] = {}
        for attr, value in vars(cls).items():
            name = get_hook_name(value)
            if name is None:
                continue
            if name in own:
                raise HookRegistrationError(
                    f"{cls.__qualname__} has two handlers for {name.value}: {own[name]!r} and {attr!r}; "
                    "keep one (a hook has exactly one handler per plugin)."
                )
            own[name] = attr
        registry.update(own)
        cls._hook_registry = registry

    def __init__(
        self,
        *,
        api: PluginAPIClient | None = None,
        config: RuntimeConfig | None = None,
        logger: logging.Logger | None = None,
    ) -> None:
        """The runtime calls this with no arguments; the keywords exist for unit tests with fakes."""
        if api is not None:
            self._api = api
        if config is not None:
            self._config = config
        if logger is not None:
            self._logger = logger

    @property
    def api(self) -> PluginAPIClient:
        """The host's Plugin API (synchronous; safe in sync handlers, which run in worker threads)."""
        if self._api is None:
            raise RuntimeError(
                "self.api is not attached yet: the runtime attaches it after __init__, before "
                "OnConfigurationChange/OnActivate. Use it from a hook handler, not from __init__."
            )
        return self._api

    @property
    def async_api(self) -> AsyncPluginAPIClient:
        """The host's Plugin API for ``async def`` handlers (the sync one would block the event loop)."""
        if self._async_api is None:
            raise RuntimeError("self.async_api is attached by the runtime before OnActivate; use it from a hook.")
        return self._async_api

    @property
    def logger(self) -> logging.Logger:
        """A stdlib logger named after the plugin class; it writes to stderr, which the host logs."""
        if self._logger is None:
            self._logger = logging.getLogger(type(self).__name__)
        return self._logger

    @property
    def config(self) -> RuntimeConfig:
        """The runtime settings the host passed in the environment (plugin id, timeouts…)."""
        if self._config is None:
            self._config = RuntimeConfig.from_env()
        return self._config

    def _attach(
        self,
        *,
        api: PluginAPIClient,
        async_api: AsyncPluginAPIClient | None,
        config: RuntimeConfig,
        logger: logging.Logger,
    ) -> None:
        """Called by the runtime after construction and before any hook runs."""
        self._api, self._async_api, self._config, self._logger = api, async_api, config, logger

    @classmethod
    def implemented_hooks(cls) -> list[str]:
        """The names of the hooks this plugin handles, sorted (what ``Implemented`` answers)."""
        return sorted(name.value for name in cls._hook_registry)

    @classmethod
    def has_hook(cls, name: HookName | str) -> bool:
        """Whether this plugin handles the hook ``name``."""
        return any(name == hook_name for hook_name in cls._hook_registry)

    def get_hook_handler(self, name: HookName | str) -> Callable[..., Any] | None:
        """The bound handler of hook ``name``, or None when the plugin does not handle it."""
        for hook_name, attr in self._hook_registry.items():
            if hook_name == name:
                handler: Callable[..., Any] = getattr(self, attr)
                return handler
        return None
