import { randomBytes } from "node:crypto";
import { create, type DescMethod, type JsonObject, type Message } from "@bufbuild/protobuf";
import {
  ChannelSchema,
  PluginAPI as PluginAPIService,
  PostSchema,
  UserSchema,
  fromProto,
  toProto,
  type Channel as ChannelMessage,
  type User as UserMessage,
} from "@polyplug/protocol";
import { AppError, isAppError } from "../app-error.js";
import type { ApiTransport } from "../internal/api-transport.js";
import type { LogLevel } from "../runtime-config.js";
import type { Channel, Command, ModelInit, Post, User } from "../models.js";
import { createPluginAPI, type PluginAPI } from "../plugin-api.js";
import { fakeHttpStream, type FakeHttpHandler } from "./fake-http-stream.js";

/** One recorded API call: the RPC name and its request in Mattermost JSON. */
export interface FakeApiCall {
  readonly method: string;
  readonly request: Record<string, unknown>;
}

/** A fake method: the request in Mattermost JSON in, the response's fields out (or throw an AppError). */
export type FakeMethod = (request: Record<string, unknown>) => Record<string, unknown> | void | Promise<Record<string, unknown> | void>;

/** The server version the fake reports unless told otherwise. */
export const FAKE_SERVER_VERSION = "10.5.0";

/**
 * A stateful, in-memory stand-in for the host's Plugin API, for unit tests: users, channels,
 * posts, the plugin's KV store, its commands, its settings and its log, plus a record of every
 * call. `fake.api` is the same client plugin code gets under the host (built over the PluginAPI
 * descriptor), so arguments, results and AppErrors behave the same; only the transport differs.
 * A method the fake does not know answers AppError 501, as the host does; `handle()` adds or
 * replaces one (e.g. to make it fail).
 */
export class FakePluginAPI {
  readonly api: PluginAPI;
  readonly calls: FakeApiCall[] = [];
  readonly users = new Map<string, User>();
  readonly channels = new Map<string, Channel>();
  readonly posts = new Map<string, Post>();
  /** The plugin's live KV values (expired keys are dropped before every KV call). */
  readonly kv = new Map<string, Uint8Array>();
  /** When keys set with an expiry expire (epoch ms, by `now`). */
  readonly kvExpireAt = new Map<string, number>();
  /** The fake's clock for KV expiry (epoch ms); replace it to expire keys without waiting. */
  now: () => number = Date.now;
  readonly commands: Command[] = [];
  readonly logs: { level: LogLevel; message: string; fields: JsonObject }[] = [];
  /** WebSocket events the plugin published, with their broadcast target (WebsocketBroadcast fields). */
  readonly events: { event: string; payload: JsonObject; broadcast: Record<string, unknown> }[] = [];
  /** The plugin's settings, as `getPluginConfig()` returns them. */
  config: JsonObject;
  serverVersion = FAKE_SERVER_VERSION;
  readonly #methods = new Map<string, FakeMethod>();
  #http: FakeHttpHandler | undefined;

  constructor(options: { config?: JsonObject } = {}) {
    this.config = options.config ?? {};
    this.api = createPluginAPI(this.transport);
    this.#install();
  }

  /** Adds or replaces the fake's answer to the PluginAPI RPC `method` ("GetUser", "KVSet"...). */
  handle(method: string, answer: FakeMethod): this {
    if (!PluginAPIService.methods.some((m) => m.name === method)) throw new Error(`PluginAPI has no method ${method}`);
    this.#methods.set(method, answer);
    return this;
  }

  /** Adds a user (defaults for what is not given; a fresh id unless given). */
  addUser(init: ModelInit<UserMessage> = {}): User {
    const user = fromProto(UserSchema, toProto(UserSchema, { id: newId(), create_at: Date.now(), ...init })) as User;
    this.users.set(user.id, user);
    return user;
  }

  /** Adds a channel (an open channel with a fresh id unless told otherwise). */
  addChannel(init: ModelInit<ChannelMessage> = {}): Channel {
    const channel = fromProto(ChannelSchema, toProto(ChannelSchema, { id: newId(), type: "O", create_at: Date.now(), ...init })) as Channel;
    this.channels.set(channel.id, channel);
    return channel;
  }

  /** A KV value as UTF-8 text, or undefined. */
  kvText(key: string): string | undefined {
    const value = this.kv.get(key);
    return value === undefined ? undefined : Buffer.from(value).toString("utf8");
  }

  /** The names of the RPCs called so far, in order. */
  get callNames(): string[] {
    return this.calls.map((call) => call.method);
  }

  /**
   * Answers PluginHTTP (a call to another plugin's ServeHTTP): `handler` gets the request whole
   * and returns the response; by default every target is unknown (404, as for a stopped plugin).
   */
  handleHttp(handler: FakeHttpHandler): this {
    this.#http = handler;
    return this;
  }

  /** The in-memory transport `api` runs on. */
  readonly transport: ApiTransport = {
    unary: (method, request) => this.#unary(method, request),
    stream: (method) => fakeHttpStream(method, (request) => {
      this.calls.push({ method: method.name, request: { method: request.method, path: request.path } });
      if (!this.#http) throw new AppError({ id: "plugin_api.plugin_http.not_found.app_error", message: `no running plugin serves ${JSON.stringify(request.path)}`, statusCode: 404, where: method.name });
      return this.#http(request);
    }),
  };

  async #unary(method: DescMethod, request: Message): Promise<Message> {
    const json = fromProto(method.input, request);
    this.calls.push({ method: method.name, request: json });
    const answer = this.#methods.get(method.name);
    try {
      if (!answer) throw new AppError({ id: "plugin_api.not_implemented.app_error", message: `The Plugin API method ${method.name} is not supported by this server.`, statusCode: 501, where: method.name });
      return toProto(method.output, (await answer(json)) ?? {});
    } catch (error) {
      const appError = isAppError(error) ? error : new AppError({ id: "app.plugin_api.unexpected.app_error", message: String((error as Error)?.message ?? error), statusCode: 500, where: method.name });
      return create(method.output, { error: appError.toWire() } as never);
    }
  }

  #install(): void {
    const notFound = (id: string, what: string, where: string) => new AppError({ id, message: `${what} not found`, statusCode: 404, where });
    const log = (level: LogLevel) => (request: Record<string, unknown>) => void this.logs.push({ level, message: String(request.message ?? ""), fields: (request.fields as JsonObject) ?? {} });
    this.handle("GetServerVersion", () => ({ version: this.serverVersion }));
    this.handle("GetPluginConfig", () => ({ config: this.config }));
    this.handle("GetUser", ({ user_id }) => {
      const user = this.users.get(String(user_id));
      if (!user) throw notFound("app.user.missing_account.const", "user", "GetUser");
      return { user };
    });
    this.handle("GetChannel", ({ channel_id }) => {
      const channel = this.channels.get(String(channel_id));
      if (!channel) throw notFound("app.channel.get.existing.app_error", "channel", "GetChannel");
      return { channel };
    });
    this.handle("CreatePost", ({ post }) => {
      const now = Date.now();
      const created = fromProto(PostSchema, toProto(PostSchema, { ...(post as object), id: newId(), create_at: now, update_at: now })) as Post;
      this.posts.set(created.id, created);
      return { post: created };
    });
    this.handle("GetPost", ({ post_id }) => {
      const post = this.posts.get(String(post_id));
      if (!post || post.delete_at) throw notFound("app.post.get.app_error", "post", "GetPost");
      return { post };
    });
    this.#installKv();
    this.handle("RegisterCommand", ({ command }) => {
      const registered = command as Command;
      const at = this.commands.findIndex((c) => c.trigger === registered.trigger && c.team_id === registered.team_id);
      if (at >= 0) this.commands.splice(at, 1);
      this.commands.push(registered);
    });
    this.handle("UnregisterCommand", ({ team_id, trigger }) => {
      const at = this.commands.findIndex((c) => c.trigger === trigger && c.team_id === team_id);
      if (at >= 0) this.commands.splice(at, 1);
    });
    this.handle("LogDebug", log("debug"));
    this.handle("LogInfo", log("info"));
    this.handle("LogWarn", log("warn"));
    this.handle("LogError", log("error"));
    this.handle("PublishWebSocketEvent", ({ event, payload, broadcast }) => {
      this.events.push({ event: String(event), payload: (payload as JsonObject) ?? {}, broadcast: (broadcast as Record<string, unknown>) ?? {} });
    });
  }

  /** The KV methods with the host's semantics (server app/kv-service.ts, Mattermost's plugin_store.go). */
  #installKv(): void {
    const bytes = (value: unknown): Uint8Array | null => (value === undefined ? null : (value as Uint8Array));
    const same = (a: Uint8Array | undefined, b: Uint8Array) => a !== undefined && Buffer.from(a).equals(Buffer.from(b));
    const checkKey = (key: unknown, where: string): string => {
      const text = String(key ?? "");
      if ([...text].length < 1 || [...text].length > 150) throw new AppError({ id: "model.plugin_key_value.is_valid.key.app_error", message: "Invalid key: it must be 1 to 150 characters.", statusCode: 400, where });
      return text;
    };
    const purge = () => {
      for (const [key, at] of this.kvExpireAt) {
        if (at > this.now()) continue;
        this.kv.delete(key);
        this.kvExpireAt.delete(key);
      }
    };
    const write = (key: string, value: Uint8Array | null, seconds: number) => {
      this.kvExpireAt.delete(key);
      if (value === null) return void this.kv.delete(key);
      this.kv.set(key, value);
      if (seconds !== 0) this.kvExpireAt.set(key, this.now() + seconds * 1000);
    };
    const setWithOptions = (key: string, value: Uint8Array | null, atomic: boolean, old: Uint8Array | null, seconds: number): boolean => {
      purge();
      const current = this.kv.get(key);
      if (atomic) {
        // Compare-and-delete never matches a null old value; compare-and-set with one inserts if absent.
        const matches = old === null ? value !== null && current === undefined : same(current, old);
        if (!matches) return false;
      }
      write(key, value, seconds);
      return true;
    };
    this.handle("KVSet", ({ key, value }) => void setWithOptions(checkKey(key, "KVSet"), bytes(value), false, null, 0));
    this.handle("KVGet", ({ key }) => {
      const checked = checkKey(key, "KVGet");
      purge();
      return this.kv.has(checked) ? { value: this.kv.get(checked) } : {};
    });
    this.handle("KVDelete", ({ key }) => void setWithOptions(checkKey(key, "KVDelete"), null, false, null, 0));
    this.handle("KVSetWithExpiry", ({ key, value, expire_in_seconds }) => void setWithOptions(checkKey(key, "KVSetWithExpiry"), bytes(value), false, null, Number(expire_in_seconds ?? 0)));
    this.handle("KVCompareAndSet", ({ key, old_value, new_value }) => ({ success: setWithOptions(checkKey(key, "KVCompareAndSet"), bytes(new_value), true, bytes(old_value), 0) }));
    this.handle("KVCompareAndDelete", ({ key, old_value }) => ({ success: setWithOptions(checkKey(key, "KVCompareAndDelete"), null, true, bytes(old_value), 0) }));
    this.handle("KVSetWithOptions", ({ key, value, options }) => {
      const { atomic = false, old_value, expire_in_seconds = 0 } = (options ?? {}) as { atomic?: boolean; old_value?: Uint8Array; expire_in_seconds?: number };
      if (!atomic && old_value !== undefined) throw new AppError({ id: "model.plugin_kvset_options.is_valid.old_value.app_error", message: "old_value is only allowed with atomic set: pass atomic = true.", statusCode: 400, where: "KVSetWithOptions" });
      return { success: setWithOptions(checkKey(key, "KVSetWithOptions"), bytes(value), atomic, bytes(old_value), Number(expire_in_seconds)) };
    });
    this.handle("KVDeleteAll", () => {
      this.kv.clear();
      this.kvExpireAt.clear();
    });
    this.handle("KVList", ({ page = 0, per_page = 0 }) => {
      purge();
      const limit = Number(per_page) > 0 ? Number(per_page) : 10;
      const offset = Math.max(0, Number(page) * Number(per_page));
      // Key order as the host's: by code unit here, by UTF-8 bytes there (the same below U+D800).
      return { keys: [...this.kv.keys()].sort().slice(offset, offset + limit) };
    });
  }
}

/** A Mattermost-style id: 26 characters of [a-z0-9]. */
function newId(): string {
  return [...randomBytes(26)].map((b) => "abcdefghijklmnopqrstuvwxyz0123456789"[b % 36]).join("");
}
