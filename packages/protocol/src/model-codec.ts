import { create, type DescField, type DescMessage, type MessageShape, ScalarType } from "@bufbuild/protobuf";

/**
 * Converts between the app's models (Mattermost JSON: snake_case keys, millisecond numbers) and
 * protocol messages, by reflection. The contract's field names ARE Mattermost's JSON names, so one
 * codec serves every model, nested messages and maps included, and a field added to a .proto is
 * carried without touching converters. Keys the message does not have (a password hash, say) are
 * dropped: that is how secrets stay off the wire.
 */
export function toProto<Desc extends DescMessage>(schema: Desc, json: object): MessageShape<Desc> {
  const init: Record<string, unknown> = {};
  const source = json as Record<string, unknown>;
  for (const field of schema.fields) {
    const value = source[field.name];
    if (value === undefined || value === null) continue;
    init[field.localName] = encodeField(field, value);
  }
  return create(schema, init as never);
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

function encodeField(field: DescField, value: unknown): unknown {
  switch (field.fieldKind) {
    case "scalar":
      return encodeScalar(field.scalar, value);
    case "enum":
      return value;
    case "message":
      return isStruct(field.message) ? value : toProto(field.message, value as object);
    case "list":
      return (value as unknown[]).map((item) =>
        field.listKind === "message" ? (isStruct(field.message) ? item : toProto(field.message, item as object)) : field.listKind === "scalar" ? encodeScalar(field.scalar, item) : item,
      );
    case "map":
      return Object.fromEntries(
        Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, field.mapKind === "message" ? toProto(field.message, v as object) : field.mapKind === "scalar" ? encodeScalar(field.scalar, v) : v]),
      );
  }
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

function encodeScalar(scalar: ScalarType, value: unknown): unknown {
  if (INT64_SCALARS.has(scalar)) return BigInt(Math.trunc(Number(value)));
  // A string for a bytes field is taken as UTF-8 text (kvSet("k", "text")). Model fields that
  // Mattermost's JSON carries as base64 (FileInfo.mini_preview) are decoded by their adapters.
  if (scalar === ScalarType.BYTES && !(value instanceof Uint8Array)) return new Uint8Array(Buffer.from(String(value)));
  return value;
}

function isStruct(message: DescMessage): boolean {
  return message.typeName === "google.protobuf.Struct";
}
