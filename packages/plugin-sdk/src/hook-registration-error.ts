/**
 * A plugin declared its handlers wrongly: a method named almost like a hook (wrong case, the Go
 * spelling), or a hook key that is not a function. Thrown when the plugin is loaded, before the
 * handshake, so the mistake shows in the host's log at start rather than as a silently ignored
 * hook in production.
 */
export class HookRegistrationError extends Error {
  override readonly name = "HookRegistrationError";
}
