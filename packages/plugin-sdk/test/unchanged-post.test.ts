import assert from "node:assert/strict";
import { test } from "node:test";
import { create } from "@bufbuild/protobuf";
import { PluginHooks, PostSchema, fromProto, toProto } from "@polyplug/protocol";
import { definePlugin, type Post } from "../src/index.js";
import { EMPTY_PLUGIN_CONTEXT, HookDispatcher } from "../src/internal/hook-dispatcher.js";
import { loadPlugin } from "../src/internal/load-plugin.js";
import { sameOnWire } from "../src/internal/unchanged.js";
import { createLogger } from "../src/logger.js";
import { runtimeConfigFromEnv } from "../src/runtime-config.js";
import { FakePluginAPI } from "../src/testing/index.js";

// In a plugin process, a MessageWillBePosted handler that gives back the post it got is answered
// "allowed unchanged" (no post on the wire, as the Python SDK does); any change, in place or in a
// copy, must still travel. Losing a change silently would be the worst outcome here.
const method = PluginHooks.method.messageWillBePosted;
const POST = {
  id: "p1", channel_id: "c".repeat(26), user_id: "u".repeat(26), message: "hello", create_at: 1700000000000,
  props: { attachments: [{ text: "a", fields: [{ short: true, title: "t" }] }], n: 3, nested: { deep: [1, 2] } },
  metadata: { embeds: [{ type: "link", url: "https://example.com" }] }, file_ids: ["f1"], hashtags: "#x", is_pinned: false,
};

function dispatcher(handler: (post: Post) => Post | undefined | string) {
  const services = { api: new FakePluginAPI().api, log: createLogger({ level: "error", write: () => {} }), config: { ...runtimeConfigFromEnv({}), pluginId: "t" } };
  const target = loadPlugin(definePlugin({ messageWillBePosted: (_ctx, { post }) => handler(post) }), services);
  return new HookDispatcher(target, services, { elideUnchanged: true });
}

async function answer(handler: (post: Post) => Post | undefined | string) {
  const request = create(method.input, { context: toProto(method.input.fields.find((f) => f.name === "context")!.message!, EMPTY_PLUGIN_CONTEXT) as never, post: toProto(PostSchema, POST) });
  const response = (await dispatcher(handler).call(method, request)) as unknown as { post?: object; rejectionReason: string };
  return { post: response.post ? fromProto(PostSchema, response.post) : undefined, reason: response.rejectionReason };
}

test("the post given back as it came is answered with no post (allowed unchanged)", async () => {
  assert.deepEqual(await answer((post) => post), { post: undefined, reason: "" });
  assert.deepEqual(await answer((post) => ({ ...post })), { post: undefined, reason: "" }, "an equal copy is unchanged too");
});

test("every kind of change travels: in place, in a copy, deep inside props and metadata", async () => {
  const edits: Array<[string, (post: Post) => Post]> = [
    ["message in place", (post) => ((post.message = "changed"), post)],
    ["message in a copy", (post) => ({ ...post, message: "changed" })],
    ["a prop in place", (post) => (((post.props as Record<string, unknown>).n = 4), post)],
    ["a deep prop in place", (post) => ((((post.props as any).nested.deep as number[]).push(3)), post)],
    ["an attachment field", (post) => (((post.props as any).attachments[0].fields[0].short = false), post)],
    ["a prop removed", (post) => (delete (post.props as Record<string, unknown>).n, post)],
    ["metadata in place", (post) => (((post.metadata as any).embeds[0].url = "https://other.example"), post)],
    ["file ids", (post) => ({ ...post, file_ids: [] })],
    ["a flag", (post) => ({ ...post, is_pinned: true })],
    ["a number", (post) => ({ ...post, create_at: POST.create_at + 1 })],
  ];
  for (const [name, edit] of edits) {
    const { post } = await answer(edit);
    assert.ok(post, `${name}: the changed post must be sent`);
    assert.notDeepEqual(post, fromProto(PostSchema, toProto(PostSchema, POST)), name);
  }
  assert.equal((await answer(() => "spam")).reason, "spam", "a rejection is unaffected");
});

test("sameOnWire says no when unsure, never yes for a different post", () => {
  const message = toProto(PostSchema, POST);
  const json = fromProto(PostSchema, message);
  assert.equal(sameOnWire(PostSchema, json, message), true);
  assert.equal(sameOnWire(PostSchema, { ...json, message: "x" }, message), false);
  assert.equal(sameOnWire(PostSchema, { ...json, props: { ...(json.props as object), extra: null } }, message), false);
  assert.equal(sameOnWire(PostSchema, { ...json, create_at: 1.5 }, message), false);
});
