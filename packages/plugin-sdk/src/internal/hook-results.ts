import { ScalarType, type DescField, type DescMessage } from "@bufbuild/protobuf";
import { AppError, SdkErrorId } from "../app-error.js";

/**
 * Turns what a handler returned into the response's fields (Mattermost JSON names), by the
 * response descriptor, so every hook, present and future, follows the same rules:
 *
 * | handler returns | response |
 * |---|---|
 * | nothing | no fields: allowed unchanged / nothing to report |
 * | a string, and the response has `rejection_reason` | rejected with that reason |
 * | an object whose keys are all response fields | those fields (`{ post, rejection_reason }`) |
 * | anything else, and the response has one main field | that field (a Post, a count, a list...) |
 * | an Error | the handler failed (as if it threw it) |
 *
 * The main field is the one field besides `error` and `rejection_reason` (and the stream's own
 * `transportFields`, such as FileWillBeUploaded's body_chunk and done). A value of the wrong
 * shape is refused with an AppError naming the accepted shapes rather than sent half-empty: a
 * MessageWillBePosted that returned a number must not replace the post with a blank one.
 */
export function responseFields(output: DescMessage, hook: string, result: unknown, transportFields: readonly string[] = []): Record<string, unknown> {
  if (result === undefined || result === null) return {};
  if (result instanceof Error) throw result;
  const { fields, byName, main } = shapeOf(output, transportFields);

  if (typeof result === "string" && byName.has("rejection_reason")) return { rejection_reason: result };
  if (isPlainObject(result)) {
    const keys = Object.keys(result);
    if (keys.every((key) => byName.has(key))) {
      for (const key of keys) checkValue(byName.get(key)!, result[key], hook, fields);
      return result;
    }
  }
  if (main && fits(main, result)) return { [main.name]: result };
  throw badResult(hook, fields, result);
}

interface Shape {
  readonly fields: readonly DescField[];
  readonly byName: ReadonlyMap<string, DescField>;
  readonly main: DescField | undefined;
}

/** The response's fields by role, computed once per response type (and transport fields). */
const shapes = new WeakMap<DescMessage, Map<string, Shape>>();

function shapeOf(output: DescMessage, transportFields: readonly string[]): Shape {
  let byTransport = shapes.get(output);
  if (!byTransport) shapes.set(output, (byTransport = new Map()));
  const key = transportFields.join("\0");
  let shape = byTransport.get(key);
  if (!shape) {
    const fields = output.fields.filter((field) => field.name !== "error" && !transportFields.includes(field.name));
    const rest = fields.filter((field) => field.name !== "rejection_reason");
    shape = { fields, byName: new Map(fields.map((field) => [field.name, field])), main: rest.length === 1 ? rest[0] : undefined };
    byTransport.set(key, shape);
  }
  return shape;
}

function checkValue(field: DescField, value: unknown, hook: string, fields: readonly DescField[]): void {
  if (value === undefined || value === null || fits(field, value)) return;
  throw badResult(hook, fields, value, field.name);
}

function fits(field: DescField, value: unknown): boolean {
  switch (field.fieldKind) {
    case "message":
    case "map":
      return isPlainObject(value);
    case "list":
      return Array.isArray(value);
    case "enum":
      return typeof value === "number";
    case "scalar":
      return fitsScalar(field.scalar, value);
  }
}

function fitsScalar(scalar: ScalarType, value: unknown): boolean {
  switch (scalar) {
    case ScalarType.STRING:
      return typeof value === "string";
    case ScalarType.BOOL:
      return typeof value === "boolean";
    case ScalarType.BYTES:
      return value instanceof Uint8Array || typeof value === "string";
    default:
      return typeof value === "number" || typeof value === "bigint";
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value) || value instanceof Uint8Array) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** The AppError for a wrongly shaped return value, listing what the hook accepts. */
function badResult(hook: string, fields: readonly DescField[], value: unknown, field?: string): AppError {
  const names = fields.map((f) => f.name);
  const shapes = ["nothing"];
  if (names.includes("rejection_reason")) shapes.push("a rejection reason (string)");
  const rest = names.filter((name) => name !== "rejection_reason");
  if (rest.length === 1) shapes.push(`the ${rest[0]} itself`);
  if (names.length > 0) shapes.push(`an object with ${names.join(", ")}`);
  const got = Array.isArray(value) ? "an array" : value === null ? "null" : typeof value === "object" ? `an object with keys ${Object.keys(value as object).join(", ") || "(none)"}` : `a ${typeof value}`;
  return new AppError({
    id: SdkErrorId.HookBadResult,
    message: `${hook} returned ${got}${field ? ` for ${field}` : ""}; it may return ${shapes.join(", ")}`,
    statusCode: 500,
    where: hook,
  });
}
