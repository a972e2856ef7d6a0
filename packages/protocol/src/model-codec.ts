import { create, type DescField, type DescMessage, type MessageInitShape, type MessageShape, ScalarType } from "@bufbuild/protobuf";

/**
 * Converts between the app's models (Mattermost JSON: snake_case keys, millisecond numbers) and
 * protocol messages, by reflection. The contract's field names ARE Mattermost's JSON names, so one
 * codec serves every model, nested messages and maps included, and a field added to a .proto is
 * carried without touching converters. Keys the message does not have (a password hash, say) are
 * dropped: that is how secrets stay off the wire.
 */
export function toProto<Desc extends DescMessage>(schema: Desc, json: object): MessageShape<Desc> {
  return create(schema, toProtoInit(schema, json));
}

/**
 * What toProto builds before `create`: the message's init shape (nested messages as init shapes
 * too). For an encoder that takes init shapes (`encodeMessage`), this skips creating a message only
 * to serialize it. The converters are compiled once per message type.
 */
export function toProtoInit<Desc extends DescMessage>(schema: Desc, json: object): MessageInitShape<Desc> {
  return initBuilderFor(schema)(json as Record<string, unknown>) as MessageInitShape<Desc>;
}

type InitBuilder = (json: Record<string, unknown>) => Record<string, unknown>;
const initBuilders = new WeakMap<DescMessage, InitBuilder>();

function initBuilderFor(schema: DescMessage): InitBuilder {
  let builder = initBuilders.get(schema);
  if (!builder) {
    let compiled: InitBuilder | undefined;
    initBuilders.set(schema, (json) => (compiled ??= compileInitBuilder(schema))(json)); // recursive types
    compiled = compileInitBuilder(schema);
    builder = compiled;
    initBuilders.set(schema, compiled);
  }
  return builder;
}

function compileInitBuilder(schema: DescMessage): InitBuilder {
  // Straight-line code, one statement per field, so each property access has its own inline
  // cache (a loop over the fields makes every access megamorphic): 2-3x faster for a User.
  const encoders: Array<(value: unknown) => unknown> = [];
  const lines = schema.fields.map((field) => {
    const encode = fieldEncoder(field);
    const source = JSON.stringify(field.name);
    const target = JSON.stringify(field.localName);
    if (encode === identity) return `v = s[${source}]; if (v !== undefined && v !== null) o[${target}] = v;`;
    encoders.push(encode);
    return `v = s[${source}]; if (v !== undefined && v !== null) o[${target}] = e[${encoders.length - 1}](v);`;
  });
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- generated from the schema's own field names
  return new Function("e", `return function toProtoInit(s) { const o = {}; let v;\n${lines.join("\n")}\nreturn o; };`)(encoders) as InitBuilder;
}

const identity = (value: unknown) => value;

function fieldEncoder(field: DescField): (value: unknown) => unknown {
  switch (field.fieldKind) {
    case "scalar":
      return scalarEncoder(field.scalar);
    case "enum":
      return identity;
    case "message": {
      if (isStruct(field.message)) return identity;
      const message = field.message;
      return (value) => initBuilderFor(message)(value as Record<string, unknown>);
    }
    case "list": {
      const item: (value: unknown) => unknown =
        field.listKind === "message" ? (isStruct(field.message) ? identity : messageEncoder(field.message)) : field.listKind === "scalar" ? scalarEncoder(field.scalar) : identity;
      return (value) => (value as unknown[]).map((v) => item(v));
    }
    case "map": {
      const item: (value: unknown) => unknown = field.mapKind === "message" ? messageEncoder(field.message) : field.mapKind === "scalar" ? scalarEncoder(field.scalar) : identity;
      return (value) => {
        const map: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
          if (k === "__proto__") Object.defineProperty(map, k, { value: item(v), enumerable: true, writable: true, configurable: true });
          else map[k] = item(v);
        }
        return map;
      };
    }
  }
}

function messageEncoder(message: DescMessage): (value: unknown) => unknown {
  return (value) => initBuilderFor(message)(value as Record<string, unknown>);
}

/** The reverse of toProto: every field of the message, under its Mattermost JSON name. */
export function fromProto(schema: DescMessage, message: object): Record<string, unknown> {
  const json: Record<string, unknown> = {};
  const source = message as Record<string, unknown>;
  for (const field of schema.fields) {
    const value = source[field.localName];
    if (value === undefined) continue;
    json[field.name] = decodeField(field, value);
  }
  return json;
}

function decodeField(field: DescField, value: unknown): unknown {
  switch (field.fieldKind) {
    case "scalar":
      return typeof value === "bigint" ? Number(value) : value;
    case "enum":
      return value;
    case "message":
      return isStruct(field.message) ? value : fromProto(field.message, value as object);
    case "list":
      return (value as unknown[]).map((item) => (field.listKind === "message" && !isStruct(field.message) ? fromProto(field.message, item as object) : typeof item === "bigint" ? Number(item) : item));
    case "map":
      return Object.fromEntries(
        Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, field.mapKind === "message" ? fromProto(field.message, v as object) : typeof v === "bigint" ? Number(v) : v]),
      );
  }
}

const INT64_SCALARS = new Set([ScalarType.INT64, ScalarType.UINT64, ScalarType.SINT64, ScalarType.FIXED64, ScalarType.SFIXED64]);

function scalarEncoder(scalar: ScalarType): (value: unknown) => unknown {
  if (INT64_SCALARS.has(scalar)) return (value) => BigInt(Math.trunc(Number(value)));
  // A string for a bytes field is taken as UTF-8 text (kvSet("k", "text")). Model fields that
  // Mattermost's JSON carries as base64 (FileInfo.mini_preview) are decoded by their adapters.
  if (scalar === ScalarType.BYTES) return (value) => (value instanceof Uint8Array ? value : new Uint8Array(Buffer.from(String(value))));
  return identity;
}

function isStruct(message: DescMessage): boolean {
  return message.typeName === "google.protobuf.Struct";
}
