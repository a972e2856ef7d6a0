"""Field-by-field conversion between wrapper dataclasses and their protobuf messages.

Wrappers declare one dataclass field per proto field, with the proto's (= Mattermost's JSON) name.
Conversion walks the message descriptor, so a field added to the proto and to the dataclass is
carried both ways without more code, and a test checks that no proto field lacks a wrapper field.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any, TypeVar

from google.protobuf.message import Message

from ..structs import dict_to_struct, struct_to_dict

_T = TypeVar("_T")
_M = TypeVar("_M", bound=Message)

_STRUCT = "google.protobuf.Struct"
# proto full name -> wrapper class, for nested messages (CommandResponse.extra_responses).
_WRAPPERS: dict[str, type[Any]] = {}


def wraps(proto_type: type[Message]) -> Callable[[type[_T]], type[_T]]:
    """Class decorator: registers a dataclass as the wrapper of ``proto_type``."""

    def register(cls: type[_T]) -> type[_T]:
        _WRAPPERS[proto_type.DESCRIPTOR.full_name] = cls
        return cls

    return register


def _is_map(field: Any) -> bool:
    return field.message_type is not None and bool(field.message_type.GetOptions().map_entry)


def fields_from_message(message: Message) -> dict[str, Any]:
    """Keyword arguments for a wrapper's constructor, read from ``message``."""
    values: dict[str, Any] = {}
    for field in message.DESCRIPTOR.fields:
        raw = getattr(message, field.name)
        kind = field.message_type.full_name if field.message_type is not None else None
        if _is_map(field):
            values[field.name] = dict(raw)
        elif kind == _STRUCT:
            values[field.name] = struct_to_dict(raw)
        elif kind is not None and field.is_repeated:
            values[field.name] = [_wrap(item) for item in raw]
        elif kind is not None:
            values[field.name] = _wrap(raw) if message.HasField(field.name) else None
        elif field.is_repeated:
            values[field.name] = list(raw)
        else:
            values[field.name] = raw
    return values


def fill_message(wrapper: Any, message: _M) -> _M:
    """Copies every field of ``wrapper`` into ``message`` (empty values stay unset) and returns it."""
    for field in message.DESCRIPTOR.fields:
        value = getattr(wrapper, field.name)
        if value is None:
            continue
        kind = field.message_type.full_name if field.message_type is not None else None
        target: Any = getattr(message, field.name) if kind is not None or field.is_repeated else None
        if _is_map(field):
            target.update({str(k): str(v) for k, v in value.items()})
        elif kind == _STRUCT:
            if value:
                target.CopyFrom(dict_to_struct(value))
        elif kind is not None and field.is_repeated:
            target.extend(item.to_proto() for item in value)
        elif kind is not None:
            target.CopyFrom(value.to_proto())
        elif field.is_repeated:
            target.extend(value)
        else:
            setattr(message, field.name, value)
    return message


def _wrap(message: Message) -> Any:
    cls = _WRAPPERS.get(message.DESCRIPTOR.full_name)
    if cls is None:  # pragma: no cover - every nested message type has a wrapper
        raise TypeError(f"no wrapper registered for {message.DESCRIPTOR.full_name}")
    return cls.from_proto(message)


def field_names(cls: type[Any]) -> set[str]:
    """The dataclass field names of a wrapper (used by tests to check nothing is missing)."""
    return {f.name for f in dataclasses.fields(cls)}
