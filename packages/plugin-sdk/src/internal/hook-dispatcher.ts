import { create, type DescMessage, type DescMethod, type Message } from "@bufbuild/protobuf";
import { PluginContextSchema, PostSchema, fromProto, toProto, type HookName } from "@polyplug/protocol";
import { AppError, SdkErrorId, isAppError } from "../app-error.js";
import type { HookContext } from "../hook-types.js";
import type { Logger } from "../logger.js";
import type { PluginContext } from "../models.js";
import type { PluginServices } from "../plugin.js";
import { fillMessages } from "./empty-model.js";
import { responseFields } from "./hook-results.js";
import type { PluginTarget } from "./plugin-target.js";
import { detach, sameOnWire } from "./unchanged.js";

/** The context of a call with no request behind it. */
export const EMPTY_PLUGIN_CONTEXT = fromProto(PluginContextSchema, create(PluginContextSchema)) as PluginContext;

/**
 * Runs hook calls against a plugin: protobuf request in, protobuf response out. Both the gRPC
 * service and the test kit's HookInvoker go through it, so a plugin tested with the kit meets the
 * same conversions, result rules, deadline and error handling as under the host. Every failure is
 * an AppError in the response, never a thrown error: a non-OK gRPC status would tell the host the
 * plugin is broken (docs/protocol.md §4).
 */
export class HookDispatcher {
  readonly target: PluginTarget;
  readonly services: PluginServices;
  /** Whether OnActivate succeeded, and whether OnDeactivate ran: the shutdown path asks. */
  activated = false;
  deactivated = false;

  /**
   * Answer MessageWillBePosted "allowed unchanged" (no post) when the handler returns the post it
   * got, unmodified: the same outcome for the host, which then neither decodes nor converts it.
   * The plugin process sets it; the test kit does not, so its invoke returns the post returned.
   */
  readonly elideUnchanged: boolean;

  constructor(target: PluginTarget, services: PluginServices, { elideUnchanged = false } = {}) {
    this.target = target;
    this.services = services;
    this.elideUnchanged = elideUnchanged;
  }

  /** Answers the unary hook RPC `method` (Implemented, the lifecycle, or any other hook). */
  async call(method: DescMethod, request: Message): Promise<Message> {
    const hook = method.name as HookName;
    switch (method.name) {
      case "Implemented":
        return create(method.output, { hooks: [...this.target.hooks] } as never);
      case "OnActivate": {
        // As Mattermost's Go plugins: the configuration is loaded before activation.
        const error = (await this.lifecycle("OnConfigurationChange")) ?? (await this.lifecycle("OnActivate"));
        this.activated = error === undefined;
        return create(method.output, (error ? { error: error.toWire() } : {}) as never);
      }
      case "OnDeactivate": {
        const error = await this.deactivate();
        return create(method.output, (error ? { error: error.toWire() } : {}) as never);
      }
    }
    const json = fillMessages(method.input, fromProto(method.input, request), ["context"]);
    const pluginContext = (json.context as PluginContext | undefined) ?? EMPTY_PLUGIN_CONTEXT;
    delete json.context;
    const original = this.elideUnchanged ? elidable(method, request) : undefined;
    if (original) detach(original.schema, json[original.field] as Record<string, unknown>);
    try {
      let result = this.#start(hook, pluginContext, (ctx, handler) => handler(ctx, json), true);
      if (isThenable(result)) result = await result;
      const fields = responseFields(method.output, hook, result);
      // The model it got, given back as it was: "allowed unchanged" (see unchanged.ts).
      if (original && onlyField(fields, original.field) && sameOnWire(original.schema, fields[original.field], original.message)) return create(method.output);
      return toProto(method.output, fields);
    } catch (error) {
      return create(method.output, { error: this.failure(hook, error).toWire() } as never);
    }
  }

  /** Runs OnDeactivate once (the RPC, or the runtime when stopping without it). */
  async deactivate(): Promise<AppError | undefined> {
    this.deactivated = true;
    return this.lifecycle("OnDeactivate");
  }

  /** Runs a handler of no arguments and no result; a missing handler succeeds. */
  async lifecycle(hook: HookName): Promise<AppError | undefined> {
    if (!this.target.handler(hook)) return undefined;
    try {
      const result = await this.run(hook, EMPTY_PLUGIN_CONTEXT, (ctx, handler) => handler(ctx, {}));
      if (result instanceof Error) throw result;
      return undefined;
    } catch (error) {
      return this.failure(hook, error);
    }
  }

  /**
   * Calls `hook`'s handler through `invoke` within the hook deadline. Past it, rejects with
   * AppError plugin.hook.timeout (504) and aborts ctx.signal; the handler itself cannot be
   * stopped and finishes in the background. Streamed hooks pass `deadline: false`: they last as
   * long as their stream.
   */
  async run(
    hook: HookName,
    pluginContext: PluginContext,
    invoke: (ctx: HookContext, handler: (...args: unknown[]) => unknown) => unknown,
    { deadline: withDeadline = true } = {},
  ): Promise<unknown> {
    return this.#start(hook, pluginContext, invoke, withDeadline);
  }

  /**
   * run's body: the handler's value itself when it returned one synchronously (it cannot be late:
   * nothing else ran while it did), else a promise bounded by the deadline. A synchronous throw
   * is thrown here; callers await the result, so both reach them as a rejection.
   */
  #start(hook: HookName, pluginContext: PluginContext, invoke: (ctx: HookContext, handler: (...args: unknown[]) => unknown) => unknown, withDeadline: boolean): unknown {
    const handler = this.target.handler(hook);
    if (!handler) {
      throw new AppError({ id: SdkErrorId.HookNotImplemented, message: `this plugin has no ${hook} handler`, statusCode: 501, where: hook });
    }
    // The signal is made only if the handler reads it (most never do: bench findings §2).
    let controller: AbortController | undefined;
    const ctx = this.context(hook, pluginContext, () => (controller ??= new AbortController()).signal);
    const value = invoke(ctx, handler);
    if (!isThenable(value)) return value;
    const running = Promise.resolve(value);
    if (!withDeadline) return running;
    const seconds = this.services.config.hookTimeoutSeconds;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        const error = new AppError({ id: SdkErrorId.HookTimeout, message: `hook ${hook} did not finish within ${seconds} s`, statusCode: 504, where: hook });
        controller?.abort(error);
        reject(error); // a handler that fails after its deadline has nobody to tell
      }, seconds * 1000);
      running.then(
        (result) => {
          clearTimeout(timer);
          resolve(result);
        },
        (error: unknown) => {
          clearTimeout(timer);
          reject(error);
        },
      );
    });
  }

  /**
   * The context a handler receives. `signal` (an AbortSignal, or a function making one on first
   * use) and the hook's child logger are created lazily: most handlers touch neither, and making
   * them for every call cost ~3 % of a busy plugin's CPU.
   */
  context(hook: HookName, pluginContext: PluginContext, signal: AbortSignal | (() => AbortSignal)): HookContext {
    const { api, config, log } = this.services;
    let childLog: Logger | undefined;
    let ownSignal: AbortSignal | undefined = typeof signal === "function" ? undefined : signal;
    return {
      hook,
      pluginContext,
      api,
      config,
      get signal() {
        return (ownSignal ??= (signal as () => AbortSignal)());
      },
      get log() {
        return (childLog ??= log.with({ hook }));
      },
    };
  }

  /** The AppError reporting a failed call, logged. An AppError thrown by a handler keeps its id and status. */
  failure(hook: HookName, error: unknown): AppError {
    const log = this.services.log;
    if (isAppError(error)) {
      log.error(`${hook} failed: ${error.message}`, { hook, error_id: error.id, status_code: error.statusCode });
      return error.where ? error : new AppError({ id: error.id, message: error.message, statusCode: error.statusCode, detailedError: error.detailedError, where: hook, params: error.params, cause: error });
    }
    const message = error instanceof Error ? error.message || error.name : String(error);
    log.error(`${hook} failed: ${message}`, { hook, error });
    return new AppError({ id: SdkErrorId.HookError, message: `${hook} failed: ${message}`, statusCode: 500, detailedError: error instanceof Error ? (error.stack ?? message) : message, where: hook, cause: error });
  }
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (typeof value === "object" || typeof value === "function") && value !== null && typeof (value as { then?: unknown }).then === "function";
}

/** The request model a hook's handler may give back unchanged, where "no field" means "unchanged" (docs/protocol.md §4). */
function elidable(method: DescMethod, request: Message): { schema: DescMessage; field: string; message: unknown } | undefined {
  if (method.name !== "MessageWillBePosted") return undefined;
  const message = (request as { post?: unknown }).post;
  return message === undefined ? undefined : { schema: PostSchema, field: "post", message };
}

/** Whether `fields` sets `field` and nothing else (an empty rejection_reason is nothing). */
function onlyField(fields: Record<string, unknown>, field: string): boolean {
  for (const key in fields) {
    const value = fields[key];
    if (key === field ? value === undefined || value === null : value !== undefined && value !== null && value !== "") return false;
  }
  return field in fields;
}
