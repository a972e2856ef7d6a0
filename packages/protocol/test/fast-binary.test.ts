import assert from "node:assert/strict";
import { test } from "node:test";
import { create, ScalarType, toBinary, type DescField, type DescMessage } from "@bufbuild/protobuf";
import * as protocol from "../src/index.js";
import { encodeMessage, GetUserResponseSchema, KVSetRequestSchema, PostSchema, UserSchema } from "../src/index.js";

// The compiled encoder must write exactly protobuf-es's bytes, for messages and for init shapes.

const schemas = Object.values(protocol).filter((v): v is DescMessage => typeof v === "object" && v !== null && (v as { kind?: unknown }).kind === "message");

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 0x100000000;
  };
}

const STRINGS = ["", "a", "hello world", "ü€𝄞 unicode", "x".repeat(42), "é".repeat(43), "long ".repeat(40), "\ud800 lone surrogate", "0"];

function scalarValue(scalar: ScalarType, r: () => number): unknown {
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)]!;
  switch (scalar) {
    case ScalarType.STRING:
      return pick(STRINGS);
    case ScalarType.BOOL:
      return r() < 0.5;
    case ScalarType.BYTES:
      return pick([new Uint8Array(0), new Uint8Array([1, 2, 3]), new Uint8Array(200).fill(7)]);
    case ScalarType.INT32:
    case ScalarType.SINT32:
    case ScalarType.SFIXED32:
      return pick([0, 1, 127, 128, 300, -1, -300, 2147483647, -2147483648]);
    case ScalarType.UINT32:
    case ScalarType.FIXED32:
      return pick([0, 1, 128, 4294967295]);
    case ScalarType.INT64:
    case ScalarType.SINT64:
    case ScalarType.SFIXED64:
      return pick([0n, 1n, 1764070000000n, -1n, -1764070000000n, 9223372036854775807n, -9223372036854775808n, 2n ** 53n + 1n]);
    case ScalarType.UINT64:
    case ScalarType.FIXED64:
      return pick([0n, 1n, 1764070000000n, 18446744073709551615n]);
    case ScalarType.DOUBLE:
    case ScalarType.FLOAT:
      return pick([0, 1.5, -2.25, 1e10]);
  }
}

function fill(schema: DescMessage, r: () => number, depth: number): Record<string, unknown> {
  const init: Record<string, unknown> = {};
  for (const member of schema.members) {
    if (r() < 0.25) continue;
    if (member.kind === "oneof") {
      const field = member.fields[Math.floor(r() * member.fields.length)]!;
      const value = fieldValue(field, r, depth);
      if (value !== undefined) init[member.localName] = { case: field.localName, value };
      continue;
    }
    const value = fieldValue(member, r, depth);
    if (value !== undefined) init[member.localName] = value;
  }
  return init;
}

function messageValue(message: DescMessage, r: () => number, depth: number): unknown {
  if (message.typeName === "google.protobuf.Struct") return { a: 1, b: "x", c: [true, null, 2.5], d: { e: "f" } };
  if (depth > 3) return undefined;
  return fill(message, r, depth + 1);
}

function fieldValue(field: DescField, r: () => number, depth: number): unknown {
  switch (field.fieldKind) {
    case "scalar":
      return scalarValue(field.scalar, r);
    case "enum":
      return field.enum.values[Math.floor(r() * field.enum.values.length)]!.number;
    case "message":
      return messageValue(field.message, r, depth);
    case "list": {
      const n = Math.floor(r() * 4);
      const items = [];
      for (let i = 0; i < n; i++) {
        const item = field.listKind === "scalar" ? scalarValue(field.scalar, r) : field.listKind === "enum" ? field.enum.values[0]!.number : messageValue(field.message, r, depth);
        if (item !== undefined) items.push(item);
      }
      return items;
    }
    case "map": {
      const n = Math.floor(r() * 4);
      const map: Record<string, unknown> = {};
      for (let i = 0; i < n; i++) {
        const value = field.mapKind === "scalar" ? scalarValue(field.scalar, r) : field.mapKind === "enum" ? field.enum.values[0]!.number : messageValue(field.message, r, depth);
        if (value !== undefined) map[i === 2 ? "" : `k${i}${r() < 0.3 ? "ü" : ""}`] = value;
      }
      return map;
    }
  }
}

test("every message of the contract encodes as protobuf-es does, as a message and as an init shape", () => {
  assert.ok(schemas.length > 100, `found ${schemas.length} message types`);
  let checked = 0;
  for (const schema of schemas) {
    for (let seed = 1; seed <= 12; seed++) {
      const init = fill(schema, rng(seed * 7919 + schema.typeName.length), 0);
      const message = create(schema, init as never);
      const expected = Buffer.from(toBinary(schema, message));
      assert.deepEqual(encodeMessage(schema, message), expected, `${schema.typeName} (message, seed ${seed})`);
      assert.deepEqual(encodeMessage(schema, init), expected, `${schema.typeName} (init shape, seed ${seed})`);
      checked++;
    }
  }
  assert.ok(checked > 1000);
});

test("lengths over one varint byte, unknown fields and unexpected values", () => {
  const big = create(PostSchema, { message: "é".repeat(5000), props: { a: "b".repeat(300) }, id: "p" });
  assert.deepEqual(encodeMessage(PostSchema, big), Buffer.from(toBinary(PostSchema, big)));

  // Unknown fields of a message are kept; an init shape's are dropped, as create() drops them.
  const unknown = [{ no: 99, wireType: 0, data: new Uint8Array([0xf8, 0x06, 0x05]) }];
  const withUnknown = create(UserSchema, { id: "u" });
  (withUnknown as { $unknown?: unknown }).$unknown = unknown;
  assert.deepEqual(encodeMessage(UserSchema, withUnknown), Buffer.from(toBinary(UserSchema, withUnknown)));
  const initWithUnknown = { id: "u", $unknown: unknown };
  assert.deepEqual(encodeMessage(UserSchema, initWithUnknown), Buffer.from(toBinary(UserSchema, create(UserSchema, initWithUnknown as never))));

  // Values the fast path does not expect go to protobuf-es, which writes or throws as before.
  const numberAsString = { user: { id: 5, createAt: 1764070000000, notifyProps: { a: undefined } } };
  const viaProtobufEs = () => Buffer.from(toBinary(GetUserResponseSchema, create(GetUserResponseSchema, numberAsString as never)));
  let expected: Buffer | Error;
  try {
    expected = viaProtobufEs();
  } catch (error) {
    expected = error as Error;
  }
  if (expected instanceof Error) assert.throws(() => encodeMessage(GetUserResponseSchema, numberAsString), { message: expected.message });
  else assert.deepEqual(encodeMessage(GetUserResponseSchema, numberAsString), expected);
  assert.throws(() => encodeMessage(UserSchema, { failedAttempts: 2 ** 40 }), /int32/);
  assert.deepEqual(encodeMessage(KVSetRequestSchema, { key: "k", value: new Uint8Array(0) }), Buffer.from(toBinary(KVSetRequestSchema, create(KVSetRequestSchema, { key: "k", value: new Uint8Array(0) }))));
  assert.deepEqual(encodeMessage(UserSchema, { createAt: 1764070000000 }), Buffer.from(toBinary(UserSchema, create(UserSchema, { createAt: 1764070000000n }))));
});
