import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { AppError, HookRegistrationError, Plugin, SdkErrorId, definePlugin, type HookArgs, type HookContext, type HookResult } from "../src/index.js";
import { FakePluginAPI, HookInvoker } from "../src/testing/index.js";

// Hooks through the same dispatcher the runtime uses (the kit skips only gRPC): arguments as
// Mattermost JSON models, the result rules, the deadline, and failures as AppErrors.
describe("hook arguments and results, for every shape of hook", () => {
  const plugin = new HookInvoker(
    definePlugin({
      messageWillBePosted: (_ctx, { post }) => (post.message === "reject" ? "no" : post.message === "replace" ? { ...post, message: "replaced" } : undefined),
      messageWillBeUpdated: (_ctx, { new_post, old_post }) => ({ post: { ...new_post, message: `${old_post.message}->${new_post.message}` } }),
      userWillLogIn: (_ctx, { user }) => (user.username === "mallory" ? "not you" : undefined),
      runDataRetention: (_ctx, { now_time, batch_size }) => now_time / 1000 + batch_size,
      messagesWillBeConsumed: (_ctx, { posts }) => posts.filter((p) => !p.message.includes("secret")),
      configurationWillBeSaved: (_ctx, { config }) => ({ ...config, Touched: true }),
      channelMemberWillBeAdded: (_ctx, { member }) => ({ member: { ...member, scheme_admin: true } }),
      onSharedChannelsPing: () => true,
      userHasJoinedChannel: async ({ api }, { member, actor }) => void (await api.kvSet("joined", `${member.user_id} by ${actor.id || "themself"}`)),
      executeCommand: ({ pluginContext }, { args }) => ({ response_type: "in_channel", text: `${args.command} ${pluginContext.request_id}` }),
    }),
  );

  test("a Will hook allows (nothing), rejects (a string) or replaces (the model)", async () => {
    assert.deepEqual(await plugin.invoke("MessageWillBePosted", { post: { message: "fine" } }), { rejection_reason: "" });
    assert.equal((await plugin.invoke("MessageWillBePosted", { post: { message: "reject" } })).rejection_reason, "no");
    const replaced = await plugin.invoke("MessageWillBePosted", { post: { id: "p1", message: "replace", create_at: 5, props: { a: [1] } } });
    assert.deepEqual([replaced.post?.id, replaced.post?.message, replaced.post?.create_at, replaced.post?.props], ["p1", "replaced", 5, { a: [1] }]);
  });

  test("several arguments arrive by name; the fields form of a result works too", async () => {
    const updated = await plugin.invoke("MessageWillBeUpdated", { new_post: { message: "b" }, old_post: { message: "a" } });
    assert.equal(updated.post?.message, "a->b");
    const member = await plugin.invoke("ChannelMemberWillBeAdded", { member: { user_id: "u1", channel_id: "c1" } });
    assert.deepEqual([member.member?.user_id, member.member?.scheme_admin], ["u1", true]);
  });

  test("a rejection-only hook takes a string", async () => {
    assert.equal((await plugin.invoke("UserWillLogIn", { user: { username: "mallory" } })).rejection_reason, "not you");
    assert.equal((await plugin.invoke("UserWillLogIn", { user: { username: "alice" } })).rejection_reason, "");
  });

  test("a main field of any kind may be returned alone: a number, a list, a Struct, a bool", async () => {
    assert.equal((await plugin.invoke("RunDataRetention", { now_time: 5000, batch_size: 2 })).deleted_count, 7);
    const consumed = await plugin.invoke("MessagesWillBeConsumed", { posts: [{ message: "public" }, { message: "secret stuff" }] });
    assert.deepEqual(consumed.posts.map((p) => p.message), ["public"]);
    assert.deepEqual((await plugin.invoke("ConfigurationWillBeSaved", { config: { A: 1 } })).config, { A: 1, Touched: true });
    assert.equal((await plugin.invoke("OnSharedChannelsPing", {})).healthy, true);
  });

  test("unset message arguments arrive as empty models; the context is the caller's", async () => {
    await plugin.invoke("UserHasJoinedChannel", { member: { user_id: "u1" } });
    assert.equal(plugin.fake.kvText("joined"), "u1 by themself");
    const answered = await plugin.invoke("ExecuteCommand", { args: { command: "/x" } }, { request_id: "r-1" });
    assert.deepEqual(answered.response && [answered.response.response_type, answered.response.text], ["in_channel", "/x r-1"]);
  });

  test("a hook without a handler answers 501", async () => {
    const response = await plugin.invoke("MessageHasBeenDeleted", { post: {} });
    assert.equal(response.error?.id, SdkErrorId.HookNotImplemented);
    assert.equal(response.error?.statusCode, 501);
  });
});

describe("hook failures become AppErrors in the response", () => {
  const plugin = new HookInvoker(
    definePlugin({
      messageWillBePosted: (_ctx, { post }) => {
        if (post.message === "app") throw new AppError({ id: "my.plugin.nope", message: "nope", statusCode: 403 });
        if (post.message === "bug") throw new TypeError("undefined is not a function");
        if (post.message === "shape") return 42 as never;
        return { post: "not a post" } as never;
      },
      executeCommand: async ({ signal }) => {
        await new Promise((resolve) => signal.addEventListener("abort", resolve));
        return { text: "too late" };
      },
    }),
    { config: { hookTimeoutSeconds: 0.05 } },
  );

  test("an AppError keeps its id and status; another error is plugin.hook.error 500, logged", async () => {
    const app = (await plugin.invoke("MessageWillBePosted", { post: { message: "app" } })).error;
    assert.deepEqual([app?.id, app?.statusCode, app?.message, app?.where], ["my.plugin.nope", 403, "nope", "MessageWillBePosted"]);
    const bug = (await plugin.invoke("MessageWillBePosted", { post: { message: "bug" } })).error;
    assert.deepEqual([bug?.id, bug?.statusCode, bug?.message], [SdkErrorId.HookError, 500, "MessageWillBePosted failed: undefined is not a function"]);
    assert.match(bug?.detailedError ?? "", /TypeError/);
    assert.ok(plugin.logs.some((line) => line.level === "error" && line.message.includes("undefined is not a function")));
  });

  test("a value of the wrong shape is refused, naming the accepted shapes, instead of sent half-empty", async () => {
    const shape = (await plugin.invoke("MessageWillBePosted", { post: { message: "shape" } })).error;
    assert.equal(shape?.id, SdkErrorId.HookBadResult);
    assert.match(shape?.message ?? "", /returned a number; it may return nothing, a rejection reason \(string\), the post itself, an object with post, rejection_reason/);
    const field = (await plugin.invoke("MessageWillBePosted", { post: { message: "field" } })).error;
    assert.match(field?.message ?? "", /returned a string for post/);
  });

  test("past the hook deadline the call answers 504 and the handler's signal is aborted", async () => {
    const timedOut = (await plugin.invoke("ExecuteCommand", { args: {} })).error;
    assert.deepEqual([timedOut?.id, timedOut?.statusCode], [SdkErrorId.HookTimeout, 504]);
  });
});

describe("lifecycle", () => {
  test("activation runs OnConfigurationChange first; a failure refuses activation with its AppError", async () => {
    const order: string[] = [];
    const plugin = new HookInvoker(
      definePlugin({
        onConfigurationChange: async ({ api }) => void order.push(`config:${(await api.getPluginConfig()).Mode}`),
        onActivate: () => {
          order.push("activate");
          throw new Error("missing setting");
        },
      }),
      { fake: new FakePluginAPI({ config: { Mode: "strict" } }) },
    );
    await assert.rejects(plugin.activate(), (error: AppError) => error.message === "OnActivate failed: missing setting" && error.statusCode === 500);
    assert.deepEqual(order, ["config:strict", "activate"]);
  });

  test("a Plugin subclass gets api, log and config attached before its hooks run", async () => {
    class Counter extends Plugin {
      override async onActivate(): Promise<void> {
        await this.api.kvSet("plugin", this.config.pluginId);
        this.log.info("activated", { by: "class" });
      }
      override messageWillBePosted(_ctx: HookContext, { post }: HookArgs<"MessageWillBePosted">): HookResult<"MessageWillBePosted"> {
        return post.message === "x" ? "no x" : undefined;
      }
    }
    const plugin = new HookInvoker(Counter, { config: { pluginId: "com.example.counter" } });
    await plugin.activate();
    assert.equal(plugin.fake.kvText("plugin"), "com.example.counter");
    assert.deepEqual(plugin.implemented, ["MessageWillBePosted", "OnActivate"]);
    assert.equal((await plugin.invoke("MessageWillBePosted", { post: { message: "x" } })).rejection_reason, "no x");
    assert.ok(plugin.logs.some((line) => line.message === "activated" && line.by === "class"));
  });

  test("using this.api in the constructor explains when it becomes available", () => {
    class Eager extends Plugin {
      constructor() {
        super();
        void this.api;
      }
    }
    assert.throws(() => new HookInvoker(Eager), /not attached yet.*use it from a hook/);
  });

  test("a method named like a hook in the wrong case is refused at load, with the right name", () => {
    assert.throws(() => new HookInvoker({ MessageWillBePosted() {} } as never), (error: Error) => error instanceof HookRegistrationError && /name.*messageWillBePosted/.test(error.message));
    assert.throws(() => new HookInvoker({ serveHttp() {} } as never), /serveHTTP/);
    assert.throws(() => new HookInvoker({ onActivate: "yes" } as never), /onActivate must be a function/);
  });
});
