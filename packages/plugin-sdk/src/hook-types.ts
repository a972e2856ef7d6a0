import type { Readable, Writable } from "node:stream";
import type { MessageShape } from "@bufbuild/protobuf";
import type { GenService } from "@bufbuild/protobuf/codegenv2";
import type { FileInfo as FileInfoMessage, HookName, PluginHooks } from "@polyplug/protocol";
import type { PluginRequest } from "./http/plugin-request.js";
import type { PluginResponse } from "./http/plugin-response.js";
import type { Logger } from "./logger.js";
import type { FileInfo, Model, ModelInit, PluginContext } from "./models.js";
import type { PluginAPI } from "./plugin-api.js";
import type { RuntimeConfig } from "./runtime-config.js";

/*
 * Hook signatures are derived from the PluginHooks service descriptor: the arguments are the
 * request's fields (minus `context`, which is in HookContext) as one object with Mattermost's JSON
 * names, the result is the response's fields (minus `error`). A field added to hooks.proto appears
 * in the handler's types by itself.
 */

/** The one typed context every handler receives first. */
export interface HookContext {
  /** The hook being run. */
  readonly hook: HookName;
  /** The request behind the call (session, request id, IP...); empty fields when there is none. */
  readonly pluginContext: PluginContext;
  /** The host's Plugin API. */
  readonly api: PluginAPI;
  /** The plugin's logger, with `hook` as a field. */
  readonly log: Logger;
  /** The runtime settings from the environment (plugin id, hook timeout...). */
  readonly config: RuntimeConfig;
  /** Aborted when the host stops waiting: the hook deadline passed, or the HTTP client left. */
  readonly signal: AbortSignal;
}

type HookMethods = typeof PluginHooks extends GenService<infer M> ? M : never;
type MethodOf<H extends HookName> = Uncapitalize<H> extends keyof HookMethods ? HookMethods[Uncapitalize<H>] : never;
/** Unset message fields arrive as empty models (see fillMessages), so they are never undefined. */
type Filled<T> = { [K in keyof T]-?: Exclude<T[K], undefined> extends Uint8Array ? T[K] : Exclude<T[K], undefined> extends object ? Exclude<T[K], undefined> : T[K] };
type RequestModel<H extends HookName> = Filled<Omit<Model<MessageShape<MethodOf<H>["input"]>>, "context">>;
type ResponseInit<H extends HookName> = Omit<ModelInit<MessageShape<MethodOf<H>["output"]>>, "error">;

type IsUnion<T, U = T> = T extends unknown ? ([U] extends [T] ? false : true) : never;
type MainKey<F> = Exclude<keyof F, "rejection_reason">;
/** The value a handler may return instead of the fields object when the response has one main field. */
type MainValue<F> = [MainKey<F>] extends [never] ? never : true extends IsUnion<MainKey<F>> ? never : Exclude<F[MainKey<F>], undefined>;
type Rejection<F> = "rejection_reason" extends keyof F ? string : never;
type ResultOf<F> = [keyof F] extends [never] ? void : void | F | MainValue<F> | Rejection<F>;

/** The hooks the wire carries as plain request/response calls. */
type UnaryHook = { [H in HookName]: [MethodOf<H>] extends [never] ? never : MethodOf<H>["methodKind"] extends "unary" ? H : never }[HookName];

/**
 * What a handler of hook `H` receives after the context: the request's fields, e.g.
 * `{ post }` for MessageWillBePosted or `{ new_post, old_post }` for MessageWillBeUpdated.
 */
export type HookArgs<H extends HookName> = H extends "FileWillBeUploaded" ? FileUploadArgs : H extends UnaryHook ? RequestModel<H> : Record<string, unknown>;

/**
 * What a handler of hook `H` may return:
 * - nothing: allowed unchanged / nothing to say;
 * - an object of the response's fields, e.g. `{ post, rejection_reason }`;
 * - when the response has one main field: its value alone (a Post to replace the incoming one,
 *   a CommandResponse, RunDataRetention's count...);
 * - when it has `rejection_reason`: a string, which rejects.
 * Failures are thrown; an AppError keeps its id and status.
 */
export type HookResult<H extends HookName> = H extends "FileWillBeUploaded" ? FileUploadResult : H extends UnaryHook ? ResultOf<ResponseInit<H>> : unknown;

/** FileWillBeUploaded's arguments: the upload's info, its content as it arrives, and where to
 * write replacement content (writing nothing keeps the original), as Mattermost's Go hook. */
export interface FileUploadArgs {
  file_info: FileInfo;
  file: Readable;
  output: Writable;
}

/** FileWillBeUploaded's result: a replacement FileInfo, a rejection reason, or both as fields. */
export type FileUploadResult = void | ModelInit<FileInfoMessage> | string | { file_info?: ModelInit<FileInfoMessage>; rejection_reason?: string };

/** A handler of a plain hook. May be async. */
export type UnaryHookHandler<H extends HookName> = (ctx: HookContext, args: HookArgs<H>) => HookResult<H> | Promise<HookResult<H>>;

/** A handler of ServeHTTP or ServeMetrics: the request body is read as it arrives, each write leaves at once. */
export type HttpHookHandler = (ctx: HookContext, req: PluginRequest, res: PluginResponse) => void | Promise<void>;

/** The handler type of hook `H`. */
export type HookHandler<H extends HookName> = H extends "ServeHTTP" | "ServeMetrics" ? HttpHookHandler : UnaryHookHandler<H>;
