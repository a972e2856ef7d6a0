"""The KV store methods of both clients, against FakeAPI (which answers with the host's semantics:
Mattermost's plugin_store.go). The same behaviour through the real host, on SQLite and PostgreSQL,
is packages/server/test/kv-plugin-api-e2e.test.ts."""

from __future__ import annotations

import pytest

from mattermost_plugin import ValidationError
from mattermost_plugin._gen.polyplug.v1 import api_pb2
from mattermost_plugin._internal import api_calls
from mattermost_plugin.testing import FakeAPI


def test_none_travels_as_an_unset_field_and_empty_bytes_as_a_value() -> None:
    request = api_calls.kv_compare_and_set("k", None, b"").request
    assert isinstance(request, api_pb2.KVCompareAndSetRequest)
    assert not request.HasField("old_value") and request.HasField("new_value")
    options = api_calls.kv_set_with_options("k", None, atomic=True, old_value=b"", expire_in_seconds=0).request
    assert isinstance(options, api_pb2.KVSetWithOptionsRequest)
    assert not options.HasField("value") and options.options.HasField("old_value")
    with pytest.raises(TypeError, match="kv_compare_and_set old_value must be bytes, not str"):
        api_calls.kv_compare_and_set("k", "text", b"")  # type: ignore[arg-type]


def test_compare_and_set_tells_must_not_exist_from_empty() -> None:
    api = FakeAPI()
    assert api.kv_compare_and_set("k", None, b"1") is True, "insert if absent"
    assert api.kv_compare_and_set("k", None, b"2") is False, "already there"
    assert api.kv_compare_and_set("k", b"", b"2") is False, "b'' is a value, not absence"
    assert api.kv_compare_and_set("k", b"1", b"") is True
    assert api.kv_get("k") == b""
    assert api.kv_compare_and_set("k", None, b"3") is False, "an empty value still exists"
    assert api.kv_compare_and_set("k", b"", b"3") is True
    assert api.kv_compare_and_set("k", b"3", None) is True, "a nil new value deletes"
    assert api.kv_get("k") is None


def test_set_none_deletes_and_set_empty_stores() -> None:
    assert not api_calls.kv_set("k", None).request.HasField("value")  # type: ignore[attr-defined]
    api = FakeAPI()
    api.kv_set("k", b"")
    assert api.kv_get("k") == b""
    api.kv_set("k", None)
    assert api.kv_get("k") is None


def test_compare_and_delete() -> None:
    api = FakeAPI()
    api.kv_set("k", b"v")
    assert api.kv_compare_and_delete("k", b"other") is False
    assert api.kv_compare_and_delete("k", None) is False, "nil never matches a stored value"
    assert api.kv_compare_and_delete("k", b"v") is True
    assert api.kv_compare_and_delete("k", b"v") is False, "already gone"
    api.kv_set("e", b"")
    assert api.kv_compare_and_delete("e", b"") is True


def test_set_with_options_like_mattermost() -> None:
    api = FakeAPI()
    assert api.kv_set_with_options("k", b"1") is True
    assert api.kv_set_with_options("k", None) is True and api.kv_get("k") is None, "non-atomic nil deletes"
    with pytest.raises(ValidationError) as info:
        api.kv_set_with_options("k", b"x", old_value=b"y")
    assert info.value.error_id == "model.plugin_kvset_options.is_valid.old_value.app_error"
    assert api.kv_set_with_options("k", b"1", atomic=True) is True
    assert api.kv_set_with_options("k", b"2", atomic=True, old_value=b"nope") is False
    assert api.kv_set_with_options("k", b"2", atomic=True, old_value=b"1", expire_in_seconds=60) is True
    assert api.kv_get("k") == b"2" and "k" in api.kv_expire_at


def test_expiry_follows_the_clock() -> None:
    api = FakeAPI(clock=lambda: 1_000.0)
    api.kv_set_with_expiry("soon", b"x", 10)
    api.kv_set_with_expiry("never", b"y", 0)
    api.kv_set_with_expiry("gone", b"z", -1)
    assert api.kv_get("soon") == b"x" and api.kv_get("gone") is None
    api.advance_clock(10)
    assert api.kv_get("soon") is None and api.kv_get("never") == b"y"
    assert api.kv == {"never": b"y"} and api.kv_expire_at == {}
    assert api.kv_compare_and_set("soon", None, b"again") is True, "an expired key counts as absent"
    api.kv_set_with_expiry("soon", None, 5)
    assert api.kv_get("soon") is None, "a nil value deletes"


def test_list_pages_in_key_order_and_delete_all() -> None:
    api = FakeAPI()
    for key in ["k3", "k1", "k4", "k2", "k0"]:
        api.kv_set(key, b"")
    assert api.kv_list() == ["k0", "k1", "k2", "k3", "k4"]
    assert api.kv_list(0, 2) == ["k0", "k1"] and api.kv_list(page=2, per_page=2) == ["k4"]
    assert api.kv_list(3, 2) == []
    assert api.kv_list(5, 0) == ["k0", "k1", "k2", "k3", "k4"], "per_page <= 0: ten from the start"
    api.kv_delete_all()
    assert api.kv_list() == [] and api.kv == {}


def test_keys_are_validated_as_the_host_does() -> None:
    api = FakeAPI()
    api.kv_set("k" * 150, b"ok")
    for call in (lambda: api.kv_set("", b"x"), lambda: api.kv_compare_and_set("k" * 151, None, b"x")):
        with pytest.raises(ValidationError) as info:
            call()
        assert info.value.error_id == "model.plugin_key_value.is_valid.key.app_error"


async def test_the_async_client_has_the_same_kv_methods() -> None:
    api = FakeAPI()
    aio = api.async_client()
    assert await aio.kv_compare_and_set("n", None, b"1") is True
    assert await aio.kv_set_with_options("n", b"2", atomic=True, old_value=b"1") is True
    await aio.kv_set_with_expiry("t", b"", 1)
    assert await aio.kv_list(per_page=1) == ["n"]
    assert await aio.kv_compare_and_delete("n", b"2") is True
    await aio.kv_delete_all()
    assert api.kv == {}
