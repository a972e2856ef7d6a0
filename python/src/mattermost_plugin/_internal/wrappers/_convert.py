"""Field-by-field conversion between wrapper dataclasses and their protobuf messages.

Wrappers declare one dataclass field per proto field, with the proto's (= Mattermost's JSON) name.
The conversion functions are generated from the message descriptor the first time a type is
converted (as ``dataclasses`` generates ``__init__``): one straight-line function per direction
and type, so a field added to the proto and to the dataclass is carried both ways without more
code, at the cost of hand-written code (every hook call converts its post and context; walking
the descriptor per call was most of the SDK's own time). A test checks that no proto field lacks a
wrapper field.
"""

from __future__ import annotations

import dataclasses
import keyword
import math
from collections.abc import Callable
from typing import Any, TypeVar

from google.protobuf.descriptor import FieldDescriptor
from google.protobuf.message import Message
from google.protobuf.unknown_fields import UnknownFieldSet

from ..structs import dict_to_struct, struct_to_dict

_T = TypeVar("_T")
_M = TypeVar("_M", bound=Message)

_STRUCT = "google.protobuf.Struct"
# proto full name -> wrapper class, for nested messages (CommandResponse.extra_responses).
_WRAPPERS: dict[str, type[Any]] = {}
_FROM: dict[type[Any], Callable[[Any], Any]] = {}
_TO: dict[type[Message], Callable[[Any], Any]] = {}
_SAME: dict[type[Message], Callable[[Any, Any], bool]] = {}


def wraps(proto_type: type[Message]) -> Callable[[type[_T]], type[_T]]:
    """Class decorator: registers a dataclass as the wrapper of ``proto_type``."""

    def register(cls: type[_T]) -> type[_T]:
        _WRAPPERS[proto_type.DESCRIPTOR.full_name] = cls
        return cls

    return register


def from_message(cls: type[_T], message: Message) -> _T:
    """The ``cls`` wrapper of ``message``: every field, nested messages wrapped, Structs as dicts."""
    convert = _FROM.get(cls)
    if convert is None:
        convert = _FROM[cls] = _compile_from(cls, message.DESCRIPTOR)
    result: _T = convert(message)
    return result


def to_message(wrapper: Any, proto_type: type[_M]) -> _M:
    """A new ``proto_type`` with every field of ``wrapper``; ``None`` and empty Structs stay unset."""
    convert = _TO.get(proto_type)
    if convert is None:
        convert = _TO[proto_type] = _compile_to(proto_type)
    message: _M = convert(wrapper)
    return message


def same_as_message(wrapper: Any, message: Message) -> bool:
    """Whether ``to_message(wrapper, type(message))`` would equal ``message``, found without building
    it: a MessageWillBePosted handler that lets a post through returns it unmodified, and building
    the post only to compare it was a quarter of the SDK's own CPU time for such a call.

    Strict, so that True is always right: only values of the plain types ``from_message`` makes
    (str, int, float, bool, None, dict, list) can be the same (``True`` where the message has ``1``,
    a tuple for a list, a str subclass… count as changed), and what a rebuilt message would not keep
    (unknown fields, an empty Struct that is present, -0.0) as a change. False only means "build
    it and compare the messages"."""
    same = _SAME.get(type(message))
    if same is None:
        same = _SAME[type(message)] = _compile_same(type(message))
    return same(wrapper, message)


# Descriptors are typed Any: upb's and the pure-Python ones are different classes.
def _kind(field: Any) -> str:
    if field.message_type is None:
        return "repeated" if field.is_repeated else "scalar"
    if field.message_type.GetOptions().map_entry:
        return "map"
    if field.message_type.full_name == _STRUCT:
        return "struct"
    return "messages" if field.is_repeated else "message"


def _fields(descriptor: Any) -> list[tuple[Any, str]]:
    """``(field, name)`` pairs; a name must be usable in generated code (and as a dataclass field)."""
    for field in descriptor.fields:
        if keyword.iskeyword(field.name) or not field.name.isidentifier():  # pragma: no cover - none today
            raise TypeError(f"{descriptor.full_name}.{field.name} cannot be a wrapper field; rename it in the proto")
    return [(field, field.name) for field in descriptor.fields]


def _wrapper_of(field: Any) -> type[Any]:
    cls: type[Any] | None = _WRAPPERS.get(field.message_type.full_name)
    if cls is None:  # pragma: no cover - every nested message type has a wrapper
        raise TypeError(f"no wrapper registered for {field.message_type.full_name}")
    return cls


def _is_optional(field: Any) -> bool:
    """Whether a scalar field was declared ``optional`` (it then tracks presence)."""
    oneof = field.containing_oneof
    return oneof is not None and len(oneof.fields) == 1 and oneof.name == f"_{field.name}"


def _map_values_wrapper(field: Any) -> type[Any] | None:
    """The wrapper of a map field's values when they are messages (``map<string, Post>``), else None."""
    values = field.message_type.fields_by_name["value"]
    if values.message_type is None or values.message_type.full_name == _STRUCT:
        return None
    return _wrapper_of(values)


def _compile_from(cls: type[Any], descriptor: Any) -> Callable[[Any], Any]:
    namespace: dict[str, Any] = {"cls": cls, "struct_to_dict": struct_to_dict}
    arguments = []
    for field, name in _fields(descriptor):
        kind, value = _kind(field), f"m.{name}"
        if kind == "scalar" and _is_optional(field):  # proto3 `optional`: unset is None, not the default
            value = f"({value} if m.HasField({name!r}) else None)"
        elif kind == "repeated":
            value = f"list({value})"
        elif kind == "map":
            values_wrapper = _map_values_wrapper(field)
            if values_wrapper is None:
                value = f"dict({value})"
            else:
                namespace[f"wrap_{name}"] = values_wrapper.from_proto
                value = f"{{k: wrap_{name}(v) for k, v in {value}.items()}}"
        elif kind == "struct":  # an unset Struct is {}: skip making Python objects for it
            value = f"(struct_to_dict({value}) if m.HasField({name!r}) else {{}})"
        elif kind in ("message", "messages"):
            namespace[f"wrap_{name}"] = _wrapper_of(field).from_proto
            value = (
                f"[wrap_{name}(item) for item in {value}]"
                if kind == "messages"
                else f"(wrap_{name}({value}) if m.HasField({name!r}) else None)"
            )
        arguments.append(f"{name}={value}")
    return _define("from_proto", "m", f"cls({', '.join(arguments)})", namespace)


def _compile_to(proto_type: type[Message]) -> Callable[[Any], Any]:
    namespace: dict[str, Any] = {"proto_type": proto_type, "dict_to_struct": dict_to_struct}
    arguments = []
    for field, name in _fields(proto_type.DESCRIPTOR):
        kind, value = _kind(field), f"w.{name}"
        # The constructor leaves a field unset when given None, as the wire's "no value".
        if kind == "map" and _map_values_wrapper(field) is not None:
            value = f"(None if {value} is None else {{str(k): v.to_proto() for k, v in {value}.items()}})"
        elif kind == "map":
            value = f"(None if {value} is None else {{str(k): str(v) for k, v in {value}.items()}})"
        elif kind == "struct":
            value = f"(dict_to_struct({value}) if {value} else None)"
        elif kind == "messages":
            value = f"(None if {value} is None else [item.to_proto() for item in {value}])"
        elif kind == "message":
            value = f"(None if {value} is None else {value}.to_proto())"
        arguments.append(f"{name}={value}")
    return _define("to_proto", "w", f"proto_type({', '.join(arguments)})", namespace)


# The Python type a scalar field's value has, for the types a strict comparison is exact for
# (floats are not: -0.0 == 0.0 but they differ on the wire).
_SCALAR_TYPES = {
    FieldDescriptor.TYPE_STRING: str,
    FieldDescriptor.TYPE_BYTES: bytes,
    FieldDescriptor.TYPE_BOOL: bool,
    **dict.fromkeys(
        (
            FieldDescriptor.TYPE_INT32,
            FieldDescriptor.TYPE_INT64,
            FieldDescriptor.TYPE_UINT32,
            FieldDescriptor.TYPE_UINT64,
            FieldDescriptor.TYPE_SINT32,
            FieldDescriptor.TYPE_SINT64,
            FieldDescriptor.TYPE_FIXED32,
            FieldDescriptor.TYPE_FIXED64,
            FieldDescriptor.TYPE_SFIXED32,
            FieldDescriptor.TYPE_SFIXED64,
        ),
        int,
    ),
}


def _compile_same(proto_type: type[Message]) -> Callable[[Any, Any], bool]:
    """``same_as_message`` for one type, as straight-line code; a type with a field kind it does
    not handle (floats, nested messages, maps) always answers False (build and compare)."""
    namespace: dict[str, Any] = {"unknown": UnknownFieldSet, "same_list": _same_list, "same_struct": _same_struct}
    checks = ["not len(unknown(m))"]
    for field, name in _fields(proto_type.DESCRIPTOR):
        kind, value = _kind(field), f"w.{name}"
        if kind == "struct":
            checks.append(f"same_struct({value}, m.{name}, m.HasField({name!r}))")
            continue
        python_type = _SCALAR_TYPES.get(field.type)
        if kind not in ("scalar", "repeated") or python_type is None:
            return _never_same
        namespace[f"type_{name}"] = python_type
        if kind == "repeated":
            checks.append(f"same_list({value}, m.{name}, type_{name})")
        elif _is_optional(field):
            checks.append(
                f"({value} is None and not m.HasField({name!r}) or "
                f"type({value}) is type_{name} and m.HasField({name!r}) and {value} == m.{name})"
            )
        else:
            checks.append(f"type({value}) is type_{name} and {value} == m.{name}")
    return _define("same", "w, m", " and ".join(f"({check})" for check in checks), namespace)


def _never_same(wrapper: Any, message: Any) -> bool:
    return False


def _same_list(value: Any, repeated: Any, item_type: type[Any]) -> bool:
    if type(value) is not list or len(value) != len(repeated):
        return False
    for item in value:
        if type(item) is not item_type:
            return False
    return not value or value == list(repeated)


def _same_struct(value: Any, struct: Any, present: bool) -> bool:
    """A Struct field: ``to_message`` leaves an empty dict unset, and makes a Struct of any other."""
    if type(value) is not dict:
        return False
    if not value:
        return not present
    return present and _same_fields(value, struct)


def _same_fields(value: dict[Any, Any], struct: Any) -> bool:
    fields = struct.fields
    if len(value) != len(fields) or len(UnknownFieldSet(struct)):
        return False
    for key, item in value.items():
        # `key in fields` first: indexing a message map with a missing key would insert it.
        if type(key) is not str or key not in fields or not _same_value(item, fields[key]):
            return False
    return True


def _same_value(item: Any, value: Any) -> bool:
    """Whether ``structs.python_to_value(item)`` would equal the ``google.protobuf.Value`` ``value``."""
    if len(UnknownFieldSet(value)):
        return False
    kind = value.WhichOneof("kind")
    if kind == "string_value":
        return type(item) is str and item == value.string_value
    if kind == "number_value":  # python_to_value sends float(item); 0.0 and -0.0 compare equal
        number = value.number_value
        if type(item) is int:
            return item == number and (number != 0 or math.copysign(1.0, number) > 0)
        if type(item) is float:
            return item == number and (number != 0 or math.copysign(1.0, item) == math.copysign(1.0, number))
        return False
    if kind == "bool_value":
        return type(item) is bool and item == value.bool_value
    if kind == "null_value":
        return item is None
    if kind == "struct_value":
        return type(item) is dict and _same_fields(item, value.struct_value)
    if kind == "list_value":
        values = value.list_value
        if type(item) is not list or len(item) != len(values.values) or len(UnknownFieldSet(values)):
            return False
        return all(_same_value(a, b) for a, b in zip(item, values.values, strict=True))
    return False  # an unset Value: python_to_value never makes one


def _define(name: str, parameter: str, expression: str, namespace: dict[str, Any]) -> Callable[..., Any]:
    exec(f"def {name}({parameter}):\n    return {expression}\n", namespace)  # our own source, from the descriptor
    function: Callable[..., Any] = namespace[name]
    return function


def field_names(cls: type[Any]) -> set[str]:
    """The dataclass field names of a wrapper (used by tests to check nothing is missing)."""
    return {f.name for f in dataclasses.fields(cls)}
