"""Generates the Python SDK's typed Plugin API methods and entity wrappers from the proto contract.

Reads a descriptor set made by ``buf build`` (with source info, for the comments) and writes:

- ``_internal/generated_api.py``: ``GeneratedSyncMethods`` and ``GeneratedAsyncMethods``, mixins
  of ``PluginAPIClient`` / ``AsyncPluginAPIClient`` with one snake_case method per unary PluginAPI
  RPC: the request's fields are the parameters, the response's one field besides ``error`` is the
  result, the RPC's proto comment is the docstring. Methods written by hand in ``client.py`` (for
  nicer signatures, e.g. ``create_post(**fields)``) are skipped here.
- ``_internal/wrappers/generated.py``: a dataclass per entity message (messages of the model
  files and option messages of the API files) that has no hand-written wrapper.

Works from the descriptors alone, never importing the SDK, so a stale generated file cannot stop
its own regeneration. Run by scripts/gen.sh.

Usage: python scripts/gen_python_api.py <descriptor set> <python package dir>
"""

from __future__ import annotations

import ast
import keyword
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from google.protobuf import descriptor_pb2

FieldProto = descriptor_pb2.FieldDescriptorProto
PACKAGE = "polyplug.v1"
STRUCT = ".google.protobuf.Struct"
# Names that do not follow plain CamelCase -> snake_case (Mattermost writes "WebSocket" as one word).
SPECIAL_NAMES = {
    "PublishWebSocketEvent": "publish_websocket_event",
    "PluginHTTP": "plugin_http",
    # "OAuth" is one word too: create_oauth_app, not create_o_auth_app.
    "CreateOAuthApp": "create_oauth_app",
    "GetOAuthApp": "get_oauth_app",
    "UpdateOAuthApp": "update_oauth_app",
    "DeleteOAuthApp": "delete_oauth_app",
}
SCALARS = {
    FieldProto.TYPE_STRING: ("str", '""'),
    FieldProto.TYPE_BOOL: ("bool", "False"),
    FieldProto.TYPE_BYTES: ("bytes", 'b""'),
    FieldProto.TYPE_DOUBLE: ("float", "0.0"),
    FieldProto.TYPE_FLOAT: ("float", "0.0"),
    FieldProto.TYPE_ENUM: ("int", "0"),
}
INTEGERS = {
    FieldProto.TYPE_INT32, FieldProto.TYPE_INT64, FieldProto.TYPE_UINT32, FieldProto.TYPE_UINT64,
    FieldProto.TYPE_SINT32, FieldProto.TYPE_SINT64, FieldProto.TYPE_FIXED32, FieldProto.TYPE_FIXED64,
    FieldProto.TYPE_SFIXED32, FieldProto.TYPE_SFIXED64,
}  # fmt: skip
HEADER = '''"""Generated from proto/ by scripts/gen_python_api.py (run by scripts/gen.sh). Do not edit."""

from __future__ import annotations
'''


def snake_name(rpc: str) -> str:
    if rpc in SPECIAL_NAMES:
        return SPECIAL_NAMES[rpc]
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", "_", rpc).lower()


@dataclass
class Message:
    proto: descriptor_pb2.DescriptorProto
    module: str  # e.g. "api_pb2" (a module of mattermost_plugin._gen.polyplug.v1)
    comment: str
    file: str


class Contract:
    """The messages and the PluginAPI service of the descriptor set, with their comments."""

    def __init__(self, files: descriptor_pb2.FileDescriptorSet) -> None:
        self.messages: dict[str, Message] = {}
        self.service: descriptor_pb2.ServiceDescriptorProto | None = None
        self.rpc_comments: dict[str, str] = {}
        for file in files.file:
            comments = {tuple(loc.path): loc.leading_comments for loc in file.source_code_info.location}
            module = Path(file.name).stem + "_pb2"
            for index, message in enumerate(file.message_type):
                name = f".{file.package}.{message.name}"
                self.messages[name] = Message(message, module, comments.get((4, index), ""), file.name)
                for nested in message.nested_type:
                    nested_name = f"{name}.{nested.name}"
                    self.messages[nested_name] = Message(nested, module, "", file.name)
            for s_index, service in enumerate(file.service):
                if file.package == PACKAGE and service.name == "PluginAPI":
                    self.service = service
                    for m_index, method in enumerate(service.method):
                        self.rpc_comments[method.name] = comments.get((6, s_index, 2, m_index), "")

    def is_map(self, field: FieldProto) -> bool:
        if field.type != FieldProto.TYPE_MESSAGE:
            return False
        return self.messages[field.type_name].proto.options.map_entry

    def entity_messages(self) -> list[str]:
        """Full names of the messages plugin code sees as wrappers."""
        names = []
        for name, message in self.messages.items():
            base = Path(message.file).name
            if not name.startswith(f".{PACKAGE}.") or message.proto.options.map_entry:
                continue
            if base.startswith(("hooks", "http", "api_http")) or name.endswith((".AppError",)):
                continue
            if message.proto.name.endswith(("Request", "Response")):
                continue
            names.append(name)
        return sorted(names)


class Types:
    """Python spellings of proto field types, given the wrapper class for each entity message."""

    def __init__(self, contract: Contract, wrappers: dict[str, str]) -> None:
        self.contract = contract
        self.wrappers = wrappers  # proto full name (leading dot) -> class name

    def wrapper(self, type_name: str) -> str:
        try:
            return self.wrappers[type_name]
        except KeyError:
            raise SystemExit(f"gen_python_api: no wrapper for {type_name}; it must be an entity message") from None

    def element(self, field: FieldProto) -> str:
        if field.type in INTEGERS:
            return "int"
        if field.type in SCALARS:
            return SCALARS[field.type][0]
        if field.type_name == STRUCT:
            return "dict[str, Any]"
        return self.wrapper(field.type_name)

    def annotation(self, field: FieldProto) -> str:
        if self.contract.is_map(field):
            entry = self.contract.messages[field.type_name].proto
            return f"dict[{self.element(entry.field[0])}, {self.element(entry.field[1])}]"
        base = self.element(field)
        if field.label == FieldProto.LABEL_REPEATED:
            return f"list[{base}]"
        if field.proto3_optional or (field.type == FieldProto.TYPE_MESSAGE and field.type_name != STRUCT):
            return f"{base} | None"
        return base

    def default(self, field: FieldProto) -> str:
        if self.contract.is_map(field) or field.type_name == STRUCT or field.label == FieldProto.LABEL_REPEATED:
            return "field(default_factory=" + ("list" if field.label == FieldProto.LABEL_REPEATED and not self.contract.is_map(field) else "dict") + ")"
        if field.proto3_optional or field.type == FieldProto.TYPE_MESSAGE:
            return "None"
        if field.type in INTEGERS:
            return "0"
        return SCALARS[field.type][1]


def docstring(comment: str, fallback: str, indent: str) -> str:
    # Section markers in the service ("// --- users ... ---") are not part of an RPC's documentation.
    lines = [line.strip() for line in comment.strip().splitlines() if not line.strip().startswith("---")] or [fallback]
    text = "\n".join(lines).replace("\\", "\\\\").replace('"""', "'''")
    body = text.replace("\n", "\n" + indent)
    if "\n" in text:
        return f'{indent}"""{body}\n{indent}"""\n'
    return f'{indent}"""{body}"""\n'


def python_name(name: str) -> str:
    return name + "_" if keyword.iskeyword(name) else name


def wrapper_module(contract: Contract, types: Types, generated: list[str]) -> str:
    modules = sorted({contract.messages[name].module for name in generated})
    out = [HEADER, "from dataclasses import dataclass, field\nfrom typing import Any\n"]
    out.append("from ..._gen.polyplug.v1 import " + ", ".join(modules) + "\n")
    out.append("from ._convert import from_message, to_message, wraps\n")
    # Hand-written wrappers the generated ones refer to.
    referenced = set()
    for name in generated:
        for f in contract.messages[name].proto.field:
            for t in re.findall(r"[A-Za-z_]+", types.annotation(f)):
                if t in set(types.wrappers.values()) and t not in {types.wrappers[n] for n in generated}:
                    referenced.add(t)
    if referenced:
        out.append("from . import " + ", ".join(sorted(referenced)) + "  # noqa: F401 (used in annotations)\n")
    out.append("\n__all__ = [" + ", ".join(f'"{types.wrappers[n]}"' for n in generated) + "]\n")
    for name in generated:
        message = contract.messages[name]
        cls = types.wrappers[name]
        pb = f"{message.module}.{message.proto.name}"
        out.append(f"\n\n@wraps({pb})\n@dataclass\nclass {cls}:\n")
        out.append(docstring(message.comment, f"The wire's ``{message.proto.name}``.", "    "))
        out.append("\n")
        for f in message.proto.field:
            out.append(f"    {f.name}: {types.annotation(f)} = {types.default(f)}\n")
        out.append(
            f"\n    @classmethod\n    def from_proto(cls, message: {pb}) -> {cls}:\n"
            f"        return from_message(cls, message)\n\n"
            f"    def to_proto(self) -> {pb}:\n        return to_message(self, {pb})\n"
        )
    return "".join(out)


def request_value(types: Types, f: FieldProto, name: str) -> str:
    if types.contract.is_map(f):
        return f"dict({name})"
    if f.type_name == STRUCT:
        if f.label == FieldProto.LABEL_REPEATED:
            return f"[dict_to_struct(item) for item in {name}]"
        return f"dict_to_struct({name})"
    if f.type == FieldProto.TYPE_MESSAGE:
        if f.label == FieldProto.LABEL_REPEATED:
            return f"[item.to_proto() for item in {name}]"
        return f"(None if {name} is None else {name}.to_proto())"
    if f.label == FieldProto.LABEL_REPEATED:
        return f"list({name})"
    return name


def response_value(types: Types, f: FieldProto) -> tuple[str, str]:
    """(annotation, expression over the response ``r``)."""
    value = f"r.{f.name}"
    if types.contract.is_map(f):
        entry = types.contract.messages[f.type_name].proto
        if entry.field[1].type == FieldProto.TYPE_MESSAGE:
            return types.annotation(f), f"{{k: {types.element(entry.field[1])}.from_proto(v) for k, v in {value}.items()}}"
        return types.annotation(f), f"dict({value})"
    if f.type_name == STRUCT:
        if f.label == FieldProto.LABEL_REPEATED:
            return "list[dict[str, Any]]", f"[struct_to_dict(item) for item in {value}]"
        if f.proto3_optional:  # a nillable result (Go's nil map or struct pointer)
            return "dict[str, Any] | None", f"(struct_to_dict({value}) if r.HasField({f.name!r}) else None)"
        return "dict[str, Any]", f"struct_to_dict({value})"
    if f.type == FieldProto.TYPE_MESSAGE:
        cls = types.element(f)
        if f.label == FieldProto.LABEL_REPEATED:
            return f"list[{cls}]", f"[{cls}.from_proto(item) for item in {value}]"
        if f.proto3_optional:
            return f"{cls} | None", f"({cls}.from_proto({value}) if r.HasField({f.name!r}) else None)"
        return cls, f"{cls}.from_proto({value})"
    if f.label == FieldProto.LABEL_REPEATED:
        return types.annotation(f), f"list({value})"
    if f.proto3_optional:
        return types.annotation(f), f"({value} if r.HasField({f.name!r}) else None)"
    return types.annotation(f), (f"bytes({value})" if f.type == FieldProto.TYPE_BYTES else value)


def methods_module(contract: Contract, types: Types, hand_written: set[str]) -> str:
    assert contract.service is not None
    parsers, sync_methods, async_methods = [], [], []
    modules: set[str] = set()
    used_wrappers: set[str] = set()
    for method in contract.service.method:
        name = snake_name(method.name)
        if method.client_streaming or method.server_streaming or name in hand_written:
            continue
        request = contract.messages[method.input_type]
        response = contract.messages[method.output_type]
        modules.update({request.module, response.module})
        params, arguments = [], []
        fields = list(request.proto.field)
        for index, f in enumerate(fields):
            pname = python_name(f.name)
            annotation = types.annotation(f)
            # Trailing optional fields may be left out (None); the others stay positional, as in Go.
            trailing = all(later.proto3_optional for later in fields[index:])
            params.append(f"{pname}: {annotation}" + (" = None" if trailing else ""))
            arguments.append(f"{f.name}={request_value(types, f, pname)}")
            used_wrappers.update(re.findall(r"\b[A-Z][A-Za-z]+\b", annotation))
        results = [f for f in response.proto.field if f.name != "error"]
        if len(results) > 1:
            raise SystemExit(f"gen_python_api: {method.output_type} has {len(results)} result fields; wrap them in one message")
        if results:
            result_type, expression = response_value(types, results[0])
            used_wrappers.update(re.findall(r"\b[A-Z][A-Za-z]+\b", result_type))
        else:
            result_type, expression = "None", "None"
        if results:
            parser = f"_parse_{name}"
            response_type = f"{response.module}.{response.proto.name}"
            parsers.append(f"def {parser}(r: {response_type}) -> {result_type}:\n    return {expression}\n")
        else:
            parser = "_no_result"
        call = f'ApiCall("{method.name}", {request.module}.{request.proto.name}({", ".join(arguments)}), {parser})'
        signature = ", ".join(["self", *params])
        doc = docstring(contract.rpc_comments.get(method.name) or request.comment, f"Mattermost's ``API.{method.name}``.", "        ")
        sync_methods.append(f"    def {name}({signature}) -> {result_type}:\n{doc}        return self._call({call})\n")
        async_methods.append(f"    async def {name}({signature}) -> {result_type}:\n{doc}        return await self._call({call})\n")
    wrappers = sorted(used_wrappers & set(types.wrappers.values()))
    out = [HEADER, "from typing import Any, TypeVar\n\n"]
    if modules:
        out.append("from .._gen.polyplug.v1 import " + ", ".join(sorted(modules)) + "\n")
    out.append("from .api_calls import ApiCall\nfrom .structs import dict_to_struct, struct_to_dict\n")
    if wrappers:
        out.append("from .wrappers import " + ", ".join(wrappers) + "\n")
    out.append('\n__all__ = ["GeneratedAsyncMethods", "GeneratedSyncMethods"]\n\n_T = TypeVar("_T")\n\n\n')
    out.append("def _no_result(_: Any) -> None:\n    return None\n\n\n")
    out.append("\n\n".join(parsers))
    out.append(
        "\n\nclass GeneratedSyncMethods:\n"
        '    """The Plugin API methods of ``PluginAPIClient`` that follow the wire one to one."""\n\n'
        "    def _call(self, call: ApiCall[_T]) -> _T:\n        raise NotImplementedError\n\n"
    )
    out.append("\n".join(sync_methods))
    out.append(
        "\n\nclass GeneratedAsyncMethods:\n"
        '    """The coroutine twins of :class:`GeneratedSyncMethods`, for ``AsyncPluginAPIClient``."""\n\n'
        "    async def _call(self, call: ApiCall[_T]) -> _T:\n        raise NotImplementedError\n\n"
    )
    out.append("\n".join(async_methods))
    return "".join(out).replace("dict_to_struct, struct_to_dict", _used_struct_helpers("".join(out)))


def _used_struct_helpers(text: str) -> str:
    used = [h for h in ("dict_to_struct", "struct_to_dict") if f"{h}(" in text]
    return ", ".join(used) if used else "dict_to_struct, struct_to_dict  # noqa: F401"


def hand_written_wrappers(wrappers_dir: Path) -> dict[str, str]:
    """proto full name -> class, from ``@wraps(x_pb2.Name)`` decorators in the hand-written files."""
    found = {}
    for path in sorted(wrappers_dir.glob("*.py")):
        if path.name == "generated.py":
            continue
        for match in re.finditer(r"@wraps\(\w+_pb2\.(\w+)\)\s*(?:@\w+\s*)*class (\w+)", path.read_text()):
            found[f".{PACKAGE}.{match.group(1)}"] = match.group(2)
    return found


def hand_written_methods(client: Path) -> set[str]:
    tree = ast.parse(client.read_text())
    for node in tree.body:
        if isinstance(node, ast.ClassDef) and node.name == "PluginAPIClient":
            return {item.name for item in node.body if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef))}
    raise SystemExit(f"gen_python_api: no PluginAPIClient in {client}")


def main() -> None:
    image, package = Path(sys.argv[1]), Path(sys.argv[2])
    files = descriptor_pb2.FileDescriptorSet.FromString(image.read_bytes())
    contract = Contract(files)
    wrappers_dir = package / "_internal" / "wrappers"
    wrappers = hand_written_wrappers(wrappers_dir)
    generated = [name for name in contract.entity_messages() if name not in wrappers]
    wrappers.update({name: contract.messages[name].proto.name for name in generated})
    types = Types(contract, wrappers)
    (wrappers_dir / "generated.py").write_text(wrapper_module(contract, types, generated))
    methods = methods_module(contract, types, hand_written_methods(package / "client.py"))
    (package / "_internal" / "generated_api.py").write_text(methods)


if __name__ == "__main__":
    main()
