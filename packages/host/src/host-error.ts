/**
 * The host runtime's error catalogue. Each code is stable (never reused) and each message says
 * what to do about it, in the manner of go-plugin's "the plugin usually only needs to be
 * recompiled". The code travels into plugin statuses and logs so admins can search for it.
 */
export const HostErrorCode = {
  ManifestMissing: "POLYPLUG_MANIFEST_MISSING",
  ManifestInvalid: "POLYPLUG_MANIFEST_INVALID",
  ExecutableInvalid: "POLYPLUG_EXECUTABLE_INVALID",
  RuntimeUnavailable: "POLYPLUG_RUNTIME_UNAVAILABLE",
  SpawnFailed: "POLYPLUG_SPAWN_FAILED",
  HandshakeTimeout: "POLYPLUG_HANDSHAKE_TIMEOUT",
  HandshakeInvalid: "POLYPLUG_HANDSHAKE_INVALID",
  ExitedBeforeHandshake: "POLYPLUG_EXITED_BEFORE_HANDSHAKE",
  HealthCheckFailed: "POLYPLUG_HEALTH_CHECK_FAILED",
  ImplementedFailed: "POLYPLUG_IMPLEMENTED_FAILED",
  ActivateFailed: "POLYPLUG_ACTIVATE_FAILED",
  ProcessExited: "POLYPLUG_PROCESS_EXITED",
  NotRunning: "POLYPLUG_PLUGIN_NOT_RUNNING",
  UnknownPlugin: "POLYPLUG_UNKNOWN_PLUGIN",
  HookTimeout: "POLYPLUG_HOOK_TIMEOUT",
  HookFailed: "POLYPLUG_HOOK_FAILED",
  HookSkipped: "POLYPLUG_HOOK_SKIPPED",
} as const;

export type HostErrorCode = (typeof HostErrorCode)[keyof typeof HostErrorCode];

/** An error raised by the host runtime; `code` is from HostErrorCode. */
export class HostError extends Error {
  readonly code: HostErrorCode;

  constructor(code: HostErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "HostError";
    this.code = code;
  }
}
