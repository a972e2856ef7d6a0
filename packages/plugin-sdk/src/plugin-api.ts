import type { DescMethod, JsonObject, Message, MessageShape } from "@bufbuild/protobuf";
import type { GenService } from "@bufbuild/protobuf/codegenv2";
import { PluginAPI as PluginAPIService, fromProto, toProto, type AppError as AppErrorMessage, type PluginKVSetOptions, type WebsocketBroadcast } from "@polyplug/protocol";
import { AppError } from "./app-error.js";
import { pluginHttp, type PluginHttpRequest, type PluginHttpResponse } from "./http/plugin-http.js";
import type { ApiTransport } from "./internal/api-transport.js";
import { uploadData, type UploadedFileInfo } from "./upload-data.js";
import { emptyValue } from "./internal/empty-model.js";
import type { Model, ModelInit } from "./models.js";

/*
 * The Plugin API client is generated from the PluginAPI service descriptor, at the type level and
 * at run time alike, so a method added to api.proto is callable (and typed) with no code here:
 *
 * - name: Mattermost's method name with its leading capitals lowered (GetUser → getUser,
 *   KVSet → kvSet);
 * - arguments: none for an empty request, the value itself for a one-field request
 *   (`getUser(userId)`, `createPost(post)`), an object of the fields otherwise; the few methods in
 *   POSITIONAL take their fields as positional arguments, as Mattermost's Go API does;
 * - result: nothing, the one field's value (`getUser` → User), or an object of the fields;
 * - failure: the promise rejects with an AppError (the host's, or one describing the transport).
 *
 * Streamed methods cannot be mapped generically; each has its own wrapper (StreamedAPI).
 */

type ApiMethods = typeof PluginAPIService extends GenService<infer M> ? M : never;

/** `KVSet` → `kvSet`, `GetUser` → `getUser`, `HTTP` → `http` (type level; see apiMethodName). */
export type ApiMethodName<S extends string> = S extends `${infer A}${infer B}${infer R}`
  ? A extends Lowercase<A>
    ? S
    : B extends Lowercase<B>
      ? `${Lowercase<A>}${B}${R}`
      : R extends `${infer C}${string}`
        ? C extends Lowercase<C>
          ? `${Lowercase<A>}${B}${R}`
          : `${Lowercase<A>}${ApiMethodName<`${B}${R}`>}`
        : Lowercase<S>
  : Lowercase<S>;

type IsUnion<T, U = T> = T extends unknown ? ([U] extends [T] ? false : true) : never;
type Fields<F> = [keyof F] extends [never] ? "none" : true extends IsUnion<keyof F> ? "many" : "one";

type RequestOf<K extends keyof ApiMethods> = ModelInit<MessageShape<ApiMethods[K]["input"]>>;
type ResponseOf<K extends keyof ApiMethods> = Omit<Model<MessageShape<ApiMethods[K]["output"]>>, "error">;

type ApiParams<F> = Fields<F> extends "none" ? [] : Fields<F> extends "one" ? [value: Exclude<F[keyof F], undefined>] : [fields: F];
/** A single message-typed result is always present (the host sets it on success); bytes may be absent. */
type Single<V> = Exclude<V, undefined> extends Uint8Array ? V : Exclude<V, undefined> extends object ? Exclude<V, undefined> : V;
type ApiResult<F> = Fields<F> extends "none" ? void : Fields<F> extends "one" ? Single<F[keyof F]> : F;

type UnaryKey = { [K in keyof ApiMethods & string]: ApiMethods[K]["methodKind"] extends "unary" ? K : never }[keyof ApiMethods & string];
type StreamedKey = Exclude<keyof ApiMethods & string, UnaryKey>;

type GeneratedAPI = {
  [K in UnaryKey as ApiMethodName<Capitalize<K>>]: (...args: ApiParams<RequestOf<K>>) => Promise<ApiResult<ResponseOf<K>>>;
};

/** The streamed methods, each wrapped by hand. */
export interface StreamedAPI {
  /**
   * Calls another plugin's ServeHTTP (Mattermost's PluginHTTP): `path` is "/<plugin id>/<rest>".
   * The host sets the target's Mattermost-Plugin-ID header to this plugin's id.
   */
  pluginHTTP(request: PluginHttpRequest): Promise<PluginHttpResponse>;
  /**
   * Appends `data` (bytes, a string, or a stream of chunks) to an upload session (Mattermost's
   * UploadData), streamed in <=64 KiB messages. Resolves to the new FileInfo once the session's
   * file_size bytes have all arrived, to null while some are still missing.
   */
  uploadData(uploadSession: string | { id: string }, data: Uint8Array | string | AsyncIterable<Uint8Array | string>): Promise<UploadedFileInfo>;
}

const STREAMED: Record<string, (transport: ApiTransport, method: DescMethod) => (...args: never[]) => Promise<unknown>> = {
  PluginHTTP: (transport, method) => (request: PluginHttpRequest) => pluginHttp(transport, method, request),
  UploadData: (transport, method) => (uploadSession: string | { id: string }, data: Uint8Array | string | AsyncIterable<Uint8Array | string>) => uploadData(transport, method, uploadSession, data),
};

/** Methods that read better positionally, as in Mattermost's Go API. Their fields go in order. */
export interface PositionalAPI {
  /**
   * Stores `value` (bytes, or a string stored as UTF-8) under `key` in this plugin's KV space;
   * `null` deletes the key (Go's nil), while an empty value is stored.
   */
  kvSet(key: string, value: Uint8Array | string | null): Promise<void>;
  /**
   * Stores `value` until `expireInSeconds` from now (0: never); an expired key reads as absent.
   * In the KV methods below, `null` is Go's nil: as a value it deletes, as an old value it means
   * "the key must not exist" — unlike an empty value, which exists.
   */
  kvSetWithExpiry(key: string, value: Uint8Array | string | null, expireInSeconds: number): Promise<void>;
  /** Writes `newValue` only if the current value is `oldValue` (null: absent); false when it is not. */
  kvCompareAndSet(key: string, oldValue: Uint8Array | string | null, newValue: Uint8Array | string | null): Promise<boolean>;
  /** Deletes `key` only if its current value is `oldValue`; false when it is not (always for null). */
  kvCompareAndDelete(key: string, oldValue: Uint8Array | string | null): Promise<boolean>;
  /** Mattermost's KVSetWithOptions (`atomic`, `old_value`, `expire_in_seconds`); true when written. */
  kvSetWithOptions(key: string, value: Uint8Array | string | null, options?: ModelInit<PluginKVSetOptions>): Promise<boolean>;
  /** This plugin's live keys in key order, `perPage` from `page * perPage` (perPage ≤ 0 or absent: 10). */
  kvList(page?: number, perPage?: number): Promise<string[]>;
  /** Removes a slash command this plugin registered ("" team id: registered on every team). */
  unregisterCommand(teamId: string, trigger: string): Promise<void>;
  /** Writes to the plugin's server log with structured fields. */
  logDebug(message: string, fields?: JsonObject): Promise<void>;
  logInfo(message: string, fields?: JsonObject): Promise<void>;
  logWarn(message: string, fields?: JsonObject): Promise<void>;
  logError(message: string, fields?: JsonObject): Promise<void>;
  /** Sends "custom_<plugin id>_<event>" with `payload` to the WebSocket clients `broadcast` selects. */
  publishWebSocketEvent(event: string, payload: JsonObject, broadcast?: ModelInit<WebsocketBroadcast>): Promise<void>;
}

const POSITIONAL = new Set(["KVSet", "KVSetWithExpiry", "KVCompareAndSet", "KVCompareAndDelete", "KVSetWithOptions", "KVList", "UnregisterCommand", "LogDebug", "LogInfo", "LogWarn", "LogError", "PublishWebSocketEvent"]);

/** The host's Plugin API, one Promise-returning method per PluginAPI RPC. */
export type PluginAPI = Omit<GeneratedAPI, keyof PositionalAPI> &
  Pick<PositionalAPI, keyof PositionalAPI & keyof GeneratedAPI> &
  Pick<StreamedAPI, keyof StreamedAPI & ApiMethodName<Capitalize<StreamedKey>>>;

/** `KVSet` → `kvSet`: lowers the leading capitals but the last one of a run followed by lowercase. */
export function apiMethodName(name: string): string {
  let upper = 0;
  while (upper < name.length && /[A-Z]/.test(name[upper]!)) upper++;
  if (upper === 0) return name;
  if (upper === 1 || upper === name.length) return name.slice(0, upper).toLowerCase() + name.slice(upper);
  return name.slice(0, upper - 1).toLowerCase() + name.slice(upper - 1);
}

/** Builds the client over a transport (gRPC to the host, or the test kit's fake). */
export function createPluginAPI(transport: ApiTransport): PluginAPI {
  const api: Record<string, unknown> = {};
  for (const method of PluginAPIService.methods) {
    if (method.methodKind === "unary") api[apiMethodName(method.name)] = apiMethod(method, transport);
    else if (STREAMED[method.name]) api[apiMethodName(method.name)] = STREAMED[method.name]!(transport, method);
  }
  return api as PluginAPI;
}

function apiMethod(method: DescMethod, transport: ApiTransport): (...args: unknown[]) => Promise<unknown> {
  const inputs = method.input.fields;
  const outputs = method.output.fields.filter((field) => field.name !== "error");
  const positional = POSITIONAL.has(method.name);
  return async (...args) => {
    const json: Record<string, unknown> = positional
      ? Object.fromEntries(inputs.map((field, index) => [field.name, args[index]]))
      : inputs.length === 1
        ? { [inputs[0]!.name]: args[0] }
        : ((args[0] ?? {}) as Record<string, unknown>);
    const response = await transport.unary(method, toProto(method.input, json));
    const error = (response as Message & { error?: AppErrorMessage }).error;
    if (error) throw AppError.fromWire(error, method.name);
    if (outputs.length === 0) return undefined;
    const result = fromProto(method.output, response);
    if (outputs.length === 1) return result[outputs[0]!.name] ?? emptyValue(outputs[0]!);
    delete result.error;
    return result;
  };
}
