import { create, type DescField, type DescMessage } from "@bufbuild/protobuf";
import { fromProto } from "@polyplug/protocol";

/**
 * The value plugin code sees for a message field the sender left unset: an empty model (proto
 * defaults: "" ids, 0 times) or `{}` for a Struct, as the Python SDK's wrappers do, so handlers
 * read `post.message` without a guard. Other kinds stay undefined (an absent optional value).
 */
export function emptyValue(field: DescField): unknown {
  if (field.fieldKind !== "message") return undefined;
  return field.message.typeName === "google.protobuf.Struct" ? {} : fromProto(field.message, create(field.message as DescMessage));
}

/** Fills every unset message field of `json` (a fromProto result for `schema`) with emptyValue. */
export function fillMessages(schema: DescMessage, json: Record<string, unknown>, skip: readonly string[] = []): Record<string, unknown> {
  for (const field of schema.fields) {
    if (json[field.name] === undefined && !skip.includes(field.name)) {
      const value = emptyValue(field);
      if (value !== undefined) json[field.name] = value;
    }
  }
  return json;
}
