"""Conversions between ``google.protobuf.Struct`` and plain JSON-like dicts.

Mattermost props, metadata and plugin settings are free-form JSON; on the wire they are Structs.
Plugin authors should only ever see dicts, and must get back exactly what they put in.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from google.protobuf import struct_pb2

# JSON numbers are doubles; integral ones in this range come back as int, so settings like
# ``{"MaxItems": 5}`` read as 5, not 5.0 (what a JSON decoder would give in Python).
_MAX_SAFE_INT = 2**53


def struct_to_dict(struct: struct_pb2.Struct) -> dict[str, Any]:
    """A Struct as a plain dict (nested Structs and ListValues become dicts and lists)."""
    return {key: value_to_python(value) for key, value in struct.fields.items()}


def value_to_python(value: struct_pb2.Value) -> Any:
    """One ``google.protobuf.Value`` as the Python value ``json.loads`` would have produced."""
    kind = value.WhichOneof("kind")
    if kind == "struct_value":
        return struct_to_dict(value.struct_value)
    if kind == "list_value":
        return [value_to_python(item) for item in value.list_value.values]
    if kind == "number_value":
        number = value.number_value
        if number.is_integer() and abs(number) <= _MAX_SAFE_INT:
            return int(number)
        return number
    if kind == "string_value":
        return value.string_value
    if kind == "bool_value":
        return value.bool_value
    return None


def dict_to_struct(data: Mapping[str, Any] | None) -> struct_pb2.Struct:
    """A dict as a Struct. Values that are not JSON types are sent as their ``str()``."""
    struct = struct_pb2.Struct()
    for key, value in (data or {}).items():
        struct.fields[str(key)].CopyFrom(python_to_value(value))
    return struct


def python_to_value(value: Any) -> struct_pb2.Value:
    """One Python value as a ``google.protobuf.Value`` (see :func:`dict_to_struct`)."""
    out = struct_pb2.Value()
    if value is None:
        out.null_value = struct_pb2.NULL_VALUE
    elif isinstance(value, bool):
        out.bool_value = value
    elif isinstance(value, (int, float)):
        out.number_value = float(value)
    elif isinstance(value, str):
        out.string_value = value
    elif isinstance(value, Mapping):
        out.struct_value.CopyFrom(dict_to_struct(value))
    elif isinstance(value, (list, tuple)):
        out.list_value.values.extend(python_to_value(item) for item in value)
    else:
        out.string_value = str(value)
    return out
