import type { JsonObject, MessageInitShape } from "@bufbuild/protobuf";
import type { AppError as AppErrorMessage, AppErrorSchema } from "@polyplug/protocol";

/** What an AppError is made of; every field but `message` is optional. */
export interface AppErrorInit {
  /** Stable, Mattermost-style id, e.g. "app.user.missing_account.const". */
  id?: string;
  message: string;
  /** HTTP-like status: 400, 403, 404, 409, 500, 501, 503... */
  statusCode?: number;
  /** Detail for logs, e.g. the underlying cause. */
  detailedError?: string;
  /** Where it was raised, e.g. "GetUser" or a hook name. */
  where?: string;
  params?: JsonObject;
  requestId?: string;
  cause?: unknown;
}

/**
 * The one error type of the SDK (as Mattermost's `model.AppError`). Every failed Plugin API call
 * rejects with it, whether the host answered an embedded error or the transport failed, so plugin
 * code tests `error.statusCode === 404` without knowing gRPC (the gRPC error is kept as `cause`).
 * A hook handler may throw one too: the host then sees its id and status instead of a generic 500.
 */
export class AppError extends Error {
  override readonly name = "AppError";
  readonly id: string;
  readonly statusCode: number;
  readonly detailedError: string;
  readonly where: string;
  readonly params: JsonObject;
  readonly requestId: string;

  constructor(init: AppErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.id = init.id ?? "";
    this.statusCode = init.statusCode ?? 500;
    this.detailedError = init.detailedError ?? "";
    this.where = init.where ?? "";
    this.params = init.params ?? {};
    this.requestId = init.requestId ?? "";
  }

  /** The error the host embedded in a response. */
  static fromWire(error: AppErrorMessage, where = ""): AppError {
    return new AppError({
      id: error.id,
      message: error.message || error.id || "the host returned an error",
      statusCode: error.statusCode || 500,
      detailedError: error.detailedError,
      where: error.where || where,
      params: error.params ?? {},
      requestId: error.requestId,
    });
  }

  /** This error as the wire's AppError message. */
  toWire(): MessageInitShape<typeof AppErrorSchema> {
    return {
      id: this.id,
      message: this.message,
      statusCode: this.statusCode,
      detailedError: this.detailedError,
      where: this.where,
      params: this.params,
      requestId: this.requestId,
    };
  }

  override toString(): string {
    return `${this.message}${this.id ? ` [${this.id}]` : ""} (HTTP ${this.statusCode})`;
  }
}

/** True for an AppError, including one from another copy of the SDK (bundled plugins). */
export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError || (value instanceof Error && value.name === "AppError" && typeof (value as AppError).statusCode === "number");
}

/** Ids of the AppErrors the SDK itself produces; the host shows them in the plugin's log. */
export const SdkErrorId = {
  /** A hook handler threw (status 500, unless it threw an AppError of its own). */
  HookError: "plugin.hook.error",
  /** A hook handler ran past MATTERMOST_PLUGIN_HOOK_TIMEOUT (status 504). */
  HookTimeout: "plugin.hook.timeout",
  /** A hook handler returned a value its hook cannot carry (status 500). */
  HookBadResult: "plugin.hook.bad_result",
  /** The host called a hook this plugin has no handler for (status 501). */
  HookNotImplemented: "plugin.hook.not_implemented",
} as const;
