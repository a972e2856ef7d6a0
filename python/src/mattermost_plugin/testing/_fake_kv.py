"""``FakeKVStore``: FakeAPI's key-value store, with Mattermost's semantics (plugin_store.go).

A mixin of :class:`~mattermost_plugin.testing.FakeAPI`, which owns the state it reads: ``kv``,
``kv_expire_at``, ``clock`` and the offset ``advance_clock`` adds. ``None`` is Go's nil throughout
(absent as an old value, "delete" as a new one), distinct from an empty value.
"""

from __future__ import annotations

from collections.abc import Callable

from .._gen.polyplug.v1 import api_pb2 as pb
from .._gen.polyplug.v1.app_error_pb2 import AppError
from ._fake_errors import app_error as _error

KV_KEY_MAX_RUNES = 150  # Mattermost's KeyValueKeyMaxRunes
KV_LIST_DEFAULT_PER_PAGE = 10


class FakeKVStore:
    """The KV RPCs of the fake host, one ``_rpc_<Name>`` handler each."""

    kv: dict[str, bytes]
    kv_expire_at: dict[str, float]
    clock: Callable[[], float]
    _clock_offset: float

    # Expired keys are dropped before every KV call, so ``kv`` only ever shows live keys.

    def _kv_now_ms(self) -> float:
        return (self.clock() + self._clock_offset) * 1000

    def _kv_purge_expired(self) -> None:
        now = self._kv_now_ms()
        for key in [k for k, at in self.kv_expire_at.items() if at <= now]:
            self.kv.pop(key, None)
            del self.kv_expire_at[key]

    def _kv_invalid_key(self, key: str, where: str) -> AppError | None:
        if 1 <= len(key) <= KV_KEY_MAX_RUNES:
            return None
        message = f"Invalid key: it must be 1 to {KV_KEY_MAX_RUNES} characters."
        return _error("model.plugin_key_value.is_valid.key.app_error", 400, message, where)

    def _kv_write(self, key: str, value: bytes | None, expire_in_seconds: int) -> None:
        if value is None:
            self.kv.pop(key, None)
            self.kv_expire_at.pop(key, None)
            return
        self.kv[key] = value
        if expire_in_seconds != 0:
            self.kv_expire_at[key] = self._kv_now_ms() + expire_in_seconds * 1000
        else:
            self.kv_expire_at.pop(key, None)

    def _kv_set_with_options(
        self, key: str, value: bytes | None, atomic: bool, old: bytes | None, expire_in_seconds: int
    ) -> bool:
        self._kv_purge_expired()
        if not atomic:
            self._kv_write(key, value, expire_in_seconds)
            return True
        current = self.kv.get(key)
        if value is None:  # compare-and-delete; an absent key (old None) cannot be deleted
            if old is None or current != old:
                return False
            self._kv_write(key, None, 0)
            return True
        if current != old:  # old None: the key must be absent
            return False
        self._kv_write(key, value, expire_in_seconds)
        return True

    def _rpc_KVSet(self, request: pb.KVSetRequest) -> pb.KVSetResponse:
        error = self._kv_invalid_key(request.key, "KVSet")
        if error is not None:
            return pb.KVSetResponse(error=error)
        value = bytes(request.value) if request.HasField("value") else None  # None deletes, as Go's nil
        self._kv_set_with_options(request.key, value, False, None, 0)
        return pb.KVSetResponse()

    def _rpc_KVGet(self, request: pb.KVGetRequest) -> pb.KVGetResponse:
        error = self._kv_invalid_key(request.key, "KVGet")
        if error is not None:
            return pb.KVGetResponse(error=error)
        self._kv_purge_expired()
        value = self.kv.get(request.key)
        return pb.KVGetResponse() if value is None else pb.KVGetResponse(value=value)

    def _rpc_KVDelete(self, request: pb.KVDeleteRequest) -> pb.KVDeleteResponse:
        error = self._kv_invalid_key(request.key, "KVDelete")
        if error is not None:
            return pb.KVDeleteResponse(error=error)
        self._kv_set_with_options(request.key, None, False, None, 0)
        return pb.KVDeleteResponse()

    def _rpc_KVSetWithExpiry(self, request: pb.KVSetWithExpiryRequest) -> pb.KVSetWithExpiryResponse:
        error = self._kv_invalid_key(request.key, "KVSetWithExpiry")
        if error is not None:
            return pb.KVSetWithExpiryResponse(error=error)
        value = request.value if request.HasField("value") else None
        self._kv_set_with_options(request.key, value, False, None, request.expire_in_seconds)
        return pb.KVSetWithExpiryResponse()

    def _rpc_KVCompareAndSet(self, request: pb.KVCompareAndSetRequest) -> pb.KVCompareAndSetResponse:
        error = self._kv_invalid_key(request.key, "KVCompareAndSet")
        if error is not None:
            return pb.KVCompareAndSetResponse(error=error)
        old = request.old_value if request.HasField("old_value") else None
        new = request.new_value if request.HasField("new_value") else None
        return pb.KVCompareAndSetResponse(success=self._kv_set_with_options(request.key, new, True, old, 0))

    def _rpc_KVCompareAndDelete(self, request: pb.KVCompareAndDeleteRequest) -> pb.KVCompareAndDeleteResponse:
        error = self._kv_invalid_key(request.key, "KVCompareAndDelete")
        if error is not None:
            return pb.KVCompareAndDeleteResponse(error=error)
        old = request.old_value if request.HasField("old_value") else None
        return pb.KVCompareAndDeleteResponse(success=self._kv_set_with_options(request.key, None, True, old, 0))

    def _rpc_KVSetWithOptions(self, request: pb.KVSetWithOptionsRequest) -> pb.KVSetWithOptionsResponse:
        options = request.options
        old = options.old_value if options.HasField("old_value") else None
        if not options.atomic and old is not None:
            message = "old_value is only allowed with atomic set: pass atomic = true."
            error = _error("model.plugin_kvset_options.is_valid.old_value.app_error", 400, message, "KVSetWithOptions")
            return pb.KVSetWithOptionsResponse(error=error)
        invalid = self._kv_invalid_key(request.key, "KVSetWithOptions")
        if invalid is not None:
            return pb.KVSetWithOptionsResponse(error=invalid)
        value = request.value if request.HasField("value") else None
        written = self._kv_set_with_options(request.key, value, options.atomic, old, options.expire_in_seconds)
        return pb.KVSetWithOptionsResponse(success=written)

    def _rpc_KVDeleteAll(self, request: pb.KVDeleteAllRequest) -> pb.KVDeleteAllResponse:
        self.kv.clear()
        self.kv_expire_at.clear()
        return pb.KVDeleteAllResponse()

    def _rpc_KVList(self, request: pb.KVListRequest) -> pb.KVListResponse:
        self._kv_purge_expired()
        limit = request.per_page if request.per_page > 0 else KV_LIST_DEFAULT_PER_PAGE
        offset = max(0, request.page * request.per_page)  # as Mattermost: from the raw per_page
        return pb.KVListResponse(keys=sorted(self.kv)[offset : offset + limit])
