import { create, type DescMethod, type Message } from "@bufbuild/protobuf";
import { PluginContextSchema, fromProto, toProto, type HookName } from "@polyplug/protocol";
import { AppError, SdkErrorId, isAppError } from "../app-error.js";
import type { HookContext } from "../hook-types.js";
import type { Logger } from "../logger.js";
import type { PluginContext } from "../models.js";
import type { PluginServices } from "../plugin.js";
import { fillMessages } from "./empty-model.js";
import { responseFields } from "./hook-results.js";
import type { PluginTarget } from "./plugin-target.js";

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

  constructor(target: PluginTarget, services: PluginServices) {
    this.target = target;
    this.services = services;
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
    try {
      const result = await this.run(hook, pluginContext, (ctx, handler) => handler(ctx, json));
      return toProto(method.output, responseFields(method.output, hook, result));
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
    const handler = this.target.handler(hook);
    if (!handler) {
      throw new AppError({ id: SdkErrorId.HookNotImplemented, message: `this plugin has no ${hook} handler`, statusCode: 501, where: hook });
    }
    // The signal is made only if the handler reads it (most never do: bench findings §2).
    let controller: AbortController | undefined;
    const ctx = this.context(hook, pluginContext, () => (controller ??= new AbortController()).signal);
    const running = Promise.resolve().then(() => invoke(ctx, handler));
    if (!withDeadline) return running;
    running.catch(() => undefined); // a handler that fails after its deadline has nobody to tell
    const seconds = this.services.config.hookTimeoutSeconds;
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        const error = new AppError({ id: SdkErrorId.HookTimeout, message: `hook ${hook} did not finish within ${seconds} s`, statusCode: 504, where: hook });
        controller?.abort(error);
        reject(error);
      }, seconds * 1000);
    });
    try {
      return await Promise.race([running, deadline]);
    } finally {
      clearTimeout(timer);
    }
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
