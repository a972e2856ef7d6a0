import { timingSafeEqual } from "node:crypto";
import * as grpc from "@grpc/grpc-js";

/** Metadata key the host presents the plugin's secret under ("Bearer <secret>"). */
export const AUTH_METADATA_KEY = "authorization";

/**
 * Refuses calls that do not present the host's secret (docs/protocol.md §3): the plugin listens
 * on a local socket, and without this any local process could call its hooks, e.g. ServeHTTP with
 * a forged Mattermost-User-Id. Health stays open (it reveals nothing, and go-plugin tooling probes
 * it without credentials), so it is simply not wrapped.
 */
export function requireSecret(implementation: grpc.UntypedServiceImplementation, secret: string, onRefused: (method: string) => void): grpc.UntypedServiceImplementation {
  if (!secret) throw new Error("an empty secret would let any local process call the plugin");
  const expected = Buffer.from(`Bearer ${secret}`);
  const guarded: grpc.UntypedServiceImplementation = {};
  for (const [name, handler] of Object.entries(implementation)) {
    guarded[name] = ((call: { metadata: grpc.Metadata; emit(event: string, value: unknown): boolean }, callback?: grpc.sendUnaryData<unknown>) => {
      if (!presents(call.metadata, expected)) {
        onRefused(name);
        const status = { code: grpc.status.UNAUTHENTICATED, details: `${name}: missing or wrong '${AUTH_METADATA_KEY}: Bearer <secret>' metadata (only the host that started this plugin may call it)` };
        if (callback) callback(status);
        else call.emit("error", status);
        return;
      }
      (handler as (call: unknown, callback?: unknown) => void)(call, callback);
    }) as grpc.UntypedHandleCall;
  }
  return guarded;
}

function presents(metadata: grpc.Metadata, expected: Buffer): boolean {
  const values = metadata.get(AUTH_METADATA_KEY);
  if (values.length !== 1 || typeof values[0] !== "string") return false;
  const given = Buffer.from(values[0]);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
