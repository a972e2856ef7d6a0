import assert from "node:assert/strict";
import { test } from "node:test";
import {
  HOOK_NAMES,
  Plugin,
  definePlugin,
  type HookArgs,
  type HookContext,
  type HookHandlers,
  type HookName,
  type HookResult,
  type PluginAPI,
  type Post,
  type User,
} from "../src/index.js";

// Type tests: this file must type-check (tsc runs over test/), and each @ts-expect-error must
// really be an error. The runtime assertions only keep node:test happy.
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const expect = <T extends true>(): T => true as T;

test("the handler list is exactly Mattermost's 46 hooks, lowercase first letter", () => {
  expect<Equal<keyof HookHandlers, Uncapitalize<HookName>>>();
  assert.equal(HOOK_NAMES.length, 46);
});

test("models carry Mattermost's JSON names and plain numbers", () => {
  expect<Equal<Post["create_at"], number>>();
  expect<Equal<Post["channel_id"], string>>();
  expect<Equal<User["notify_props"], { [key: string]: string }>>();
  // @ts-expect-error protobuf-es's camelCase names are not part of the model
  void ({} as Post).channelId;
});

test("hook arguments and results are typed from the contract", () => {
  expect<Equal<HookArgs<"MessageWillBePosted">["post"], Post>>();
  expect<Equal<keyof HookArgs<"MessageWillBeUpdated">, "new_post" | "old_post">>();
  expect<Equal<HookArgs<"RunDataRetention">["batch_size"], number>>();
  const allow: HookResult<"MessageWillBePosted"> = undefined;
  const reject: HookResult<"MessageWillBePosted"> = "no";
  const replace: HookResult<"MessageWillBePosted"> = { message: "edited" };
  const fields: HookResult<"MessageWillBePosted"> = { post: { message: "edited" }, rejection_reason: "" };
  const count: HookResult<"RunDataRetention"> = 3;
  // @ts-expect-error a hook with no rejection_reason takes no string
  const notAReason: HookResult<"MessageHasBeenPosted"> = "no";
  void [allow, reject, replace, fields, count, notAReason];
});

test("definePlugin types its handlers' parameters and refuses keys that are not hooks", () => {
  const plugin = definePlugin({
    messageWillBePosted(ctx, { post }) {
      expect<Equal<typeof ctx, HookContext>>();
      return post.message.length > 3 ? undefined : "too short";
    },
    async serveHTTP(_ctx, req, res) {
      res.setHeader("X-Path", req.path);
      res.end();
    },
  });
  // @ts-expect-error a misspelt hook is a type error, not a silently ignored method
  definePlugin({ messageWillBePostd() {} });
  // @ts-expect-error a handler returning the wrong type
  definePlugin({ runDataRetention: () => "many" });
  assert.equal(typeof plugin.messageWillBePosted, "function");
});

test("a Plugin subclass's overrides are checked against the hook signatures", () => {
  class Good extends Plugin {
    override async executeCommand(_ctx: HookContext, { args }: HookArgs<"ExecuteCommand">) {
      return { text: args.command };
    }
  }
  class Bad extends Plugin {
    // @ts-expect-error post is a Post, not a string
    override messageWillBePosted(_ctx: HookContext, _args: { post: string }) {}
  }
  class Typo extends Plugin {
    // @ts-expect-error override of a hook that does not exist
    override onActivatee() {}
  }
  assert.ok(new Good() && new Bad() && new Typo());
});

test("the API client is typed from the PluginAPI descriptor", () => {
  const api = {} as PluginAPI;
  const calls = () => {
    expect<Equal<ReturnType<typeof api.getUser>, Promise<User>>>();
    expect<Equal<ReturnType<typeof api.kvGet>, Promise<Uint8Array | undefined>>>();
    expect<Equal<ReturnType<typeof api.getServerVersion>, Promise<string>>>();
    void api.kvSet("k", "text");
    void api.createPost({ channel_id: "c", message: "m" });
    void api.logInfo("message", { any: ["json"] });
    // @ts-expect-error user ids are strings
    void api.getUser(42);
    // @ts-expect-error no such method
    void api.getUsr("x");
  };
  assert.equal(typeof calls, "function");
});
