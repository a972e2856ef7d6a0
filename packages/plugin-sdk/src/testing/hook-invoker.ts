import { Duplex } from "node:stream";
import { create, type MessageShape } from "@bufbuild/protobuf";
import type { GenService } from "@bufbuild/protobuf/codegenv2";
import {
  FileWillBeUploadedRequestSchema,
  PluginHooks,
  ServeHTTPRequestSchema,
  STREAM_CHUNK_BYTES,
  fromProto,
  toProto,
  type AppError as AppErrorMessage,
  type FileInfo as FileInfoMessage,
  type HookName,
} from "@polyplug/protocol";
import { AppError } from "../app-error.js";
import type { HookContext } from "../hook-types.js";
import { fileWillBeUploaded } from "../internal/file-upload.js";
import { EMPTY_PLUGIN_CONTEXT, HookDispatcher } from "../internal/hook-dispatcher.js";
import { loadPlugin } from "../internal/load-plugin.js";
import { serveHttp } from "../internal/serve-http.js";
import { createLogger } from "../logger.js";
import type { FileInfo, Model, ModelInit, PluginContext } from "../models.js";
import type { PluginAPI } from "../plugin-api.js";
import type { PluginSource } from "../plugin.js";
import { runtimeConfigFromEnv, type LogLevel, type RuntimeConfig } from "../runtime-config.js";
import { FakePluginAPI } from "./fake-plugin-api.js";
import { collectHttpResponse, type TestHttpRequest, type TestHttpResponse } from "./test-http.js";

type HookMethods = typeof PluginHooks extends GenService<infer M> ? M : never;
type Unary = { [K in keyof HookMethods]: HookMethods[K]["methodKind"] extends "unary" ? K : never }[keyof HookMethods];
/** The hooks `invoke` runs: every unary hook of the contract. */
export type InvokableHook = Capitalize<Exclude<Unary, "implemented">> & HookName;
type MethodOf<H extends InvokableHook> = HookMethods[Uncapitalize<H> & keyof HookMethods];
/** The arguments `invoke` takes for hook H: the request's fields (all optional), without `context`. */
export type InvokeArgs<H extends InvokableHook> = Omit<ModelInit<MessageShape<MethodOf<H>["input"]>>, "context">;
/** What `invoke` answers for hook H: the response's fields, with `error` as an AppError. */
export type InvokeResult<H extends InvokableHook> = Omit<Model<MessageShape<MethodOf<H>["output"]>>, "error"> & { error?: AppError };

/** One log line the plugin wrote, parsed. */
export interface CapturedLog {
  readonly level: LogLevel;
  readonly message: string;
  readonly [field: string]: unknown;
}

/** What a HookInvoker runs against: the fake host API and the runtime settings. */
export interface HookInvokerOptions {
  /** The fake host API (default: a new FakePluginAPI). */
  fake?: FakePluginAPI;
  /** Runtime settings to override (plugin id, hookTimeoutSeconds...). */
  config?: Partial<RuntimeConfig>;
}

/**
 * Runs a plugin's hooks in-process, from node:test, exactly as the runtime does under the host:
 * same loading (class or definePlugin object), same conversions to and from the wire messages,
 * same result rules, deadline and AppErrors, same ServeHTTP bridge; only the gRPC transport is
 * left out. The plugin talks to a FakePluginAPI, whose state the test inspects. Logs are captured
 * in `logs` instead of going to stderr.
 */
export class HookInvoker {
  readonly fake: FakePluginAPI;
  readonly config: RuntimeConfig;
  readonly logs: CapturedLog[] = [];
  readonly #dispatcher: HookDispatcher;

  constructor(plugin: PluginSource, options: HookInvokerOptions = {}) {
    this.fake = options.fake ?? new FakePluginAPI();
    this.config = { ...runtimeConfigFromEnv({}), pluginId: "com.example.test", logLevel: "debug", ...options.config };
    const log = createLogger({ level: this.config.logLevel, module: this.config.pluginId, write: (line) => void this.logs.push(parseLine(line)) });
    const services = { api: this.fake.api, log, config: this.config };
    this.#dispatcher = new HookDispatcher(loadPlugin(plugin, services), services);
  }

  /** The client the plugin uses (the fake's). */
  get api(): PluginAPI {
    return this.fake.api;
  }

  /** The hooks the plugin implements, as Implemented answers them. */
  get implemented(): readonly HookName[] {
    return this.#dispatcher.target.hooks;
  }

  /** Runs OnActivate as the host does (OnConfigurationChange first); throws its AppError on failure. */
  async activate(): Promise<void> {
    const response = await this.#dispatcher.call(method("OnActivate"), create(method("OnActivate").input));
    throwIfError(response);
  }

  /** Runs OnDeactivate; throws its AppError on failure. */
  async deactivate(): Promise<void> {
    throwIfError(await this.#dispatcher.call(method("OnDeactivate"), create(method("OnDeactivate").input)));
  }

  /**
   * Runs hook `hook` with `args` (its request fields, e.g. `{ post }`) and returns the response's
   * fields, e.g. `{ post, rejection_reason }`, with `error` set when the handler failed.
   */
  async invoke<H extends InvokableHook>(hook: H, args: InvokeArgs<H> = {} as InvokeArgs<H>, pluginContext: Partial<PluginContext> = {}): Promise<InvokeResult<H>> {
    const rpc = method(hook);
    const hasContext = rpc.input.fields.some((field) => field.name === "context");
    const request = toProto(rpc.input, hasContext ? { ...args, context: { ...EMPTY_PLUGIN_CONTEXT, ...pluginContext } } : args);
    const response = await this.#dispatcher.call(rpc, request);
    const { error, ...fields } = fromProto(rpc.output, response);
    const wireError = (response as { error?: AppErrorMessage }).error;
    return { ...fields, ...(error && wireError ? { error: AppError.fromWire(wireError, hook) } : {}) } as InvokeResult<H>;
  }

  /** Sends an HTTP request to the plugin's ServeHTTP (or ServeMetrics) and collects the answer. */
  async serveHttp(request: TestHttpRequest, hook: "ServeHTTP" | "ServeMetrics" = "ServeHTTP"): Promise<TestHttpResponse> {
    const { call, messages } = recordingStream();
    const path = request.path ?? "/";
    const headers = Object.entries(request.headers ?? {}).map(([key, value]) => ({ key, values: Array.isArray(value) ? value : [value] }));
    const [pathOnly = "/", query = ""] = path.split("?", 2);
    const init = { method: request.method ?? "GET", url: path, path: pathOnly, rawQuery: query, headers, contentLength: -1n, proto: "HTTP/1.1", protoMajor: 1, protoMinor: 1, requestUri: path };
    const served = serveHttp(this.#dispatcher, hook, call);
    call.push(create(ServeHTTPRequestSchema, { init }));
    await feed(request.body, (chunk) => call.push(create(ServeHTTPRequestSchema, { bodyChunk: chunk })));
    call.push(create(ServeHTTPRequestSchema, { bodyComplete: true }));
    call.push(null);
    await served;
    return collectHttpResponse(messages);
  }

  /** Runs FileWillBeUploaded with `content`; returns the result and the replacement content (empty: unchanged). */
  async uploadFile(fileInfo: ModelInit<FileInfoMessage>, content: string | Uint8Array | AsyncIterable<Uint8Array | string>): Promise<{ file_info?: FileInfo; rejection_reason: string; content: Buffer; error?: AppError }> {
    const { call, messages } = recordingStream();
    const done = fileWillBeUploaded(this.#dispatcher, call);
    call.push(toProto(FileWillBeUploadedRequestSchema, { file_info: fileInfo }));
    await feed(content, (chunk) => call.push(create(FileWillBeUploadedRequestSchema, { bodyChunk: chunk })));
    call.push(create(FileWillBeUploadedRequestSchema, { bodyComplete: true }));
    call.push(null);
    await done;
    const last = messages.at(-1) as { error?: AppErrorMessage; fileInfo?: unknown; rejectionReason?: string } | undefined;
    const body = Buffer.concat(messages.map((m) => Buffer.from((m as { bodyChunk: Uint8Array }).bodyChunk)));
    const json = last ? fromProto(method("FileWillBeUploaded").output, last as never) : {};
    return {
      ...(json.file_info ? { file_info: json.file_info as FileInfo } : {}),
      rejection_reason: String(json.rejection_reason ?? ""),
      content: body,
      ...(last?.error ? { error: AppError.fromWire(last.error, "FileWillBeUploaded") } : {}),
    };
  }

  /** A context as the runtime builds it, for calling a handler directly. */
  context(hook: HookName, pluginContext: Partial<PluginContext> = {}, signal: AbortSignal = new AbortController().signal): HookContext {
    return this.#dispatcher.context(hook, { ...EMPTY_PLUGIN_CONTEXT, ...pluginContext }, signal);
  }
}

function parseLine(line: string): CapturedLog {
  const { "@level": level, "@message": message, "@module": _module, "@timestamp": _time, ...fields } = JSON.parse(line) as Record<string, unknown>;
  return { ...fields, level: level as LogLevel, message: String(message) };
}

function method(hook: string) {
  const found = PluginHooks.methods.find((m) => m.name === hook);
  if (!found) throw new Error(`the wire contract has no hook ${hook}`);
  return found;
}

function throwIfError(response: object): void {
  const error = (response as { error?: AppErrorMessage }).error;
  if (error) throw AppError.fromWire(error);
}

/** An object-mode stream standing in for the gRPC call: the test pushes requests, responses are recorded. */
function recordingStream(): { call: Duplex; messages: unknown[] } {
  const messages: unknown[] = [];
  const call = new Duplex({
    objectMode: true,
    read() {},
    write(message: unknown, _encoding, callback) {
      messages.push(message);
      callback();
    },
  });
  return { call, messages };
}

async function feed(body: TestHttpRequest["body"], push: (chunk: Uint8Array) => void): Promise<void> {
  if (body === undefined) return;
  const chunks = typeof body === "string" || body instanceof Uint8Array ? [body] : body;
  for await (const chunk of chunks) {
    const bytes = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
    for (let offset = 0; offset < bytes.length; offset += STREAM_CHUNK_BYTES) push(bytes.subarray(offset, offset + STREAM_CHUNK_BYTES));
  }
}
