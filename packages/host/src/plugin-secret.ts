import { randomBytes, timingSafeEqual } from "node:crypto";
import type { Metadata } from "@grpc/grpc-js";

/** Metadata key both directions use to present the per-plugin secret. */
export const AUTH_METADATA_KEY = "authorization";

/** A fresh 256-bit secret, hex encoded, for one plugin start. */
export function newPluginSecret(): string {
  return randomBytes(32).toString("hex");
}

/**
 * A check that `metadata` presents exactly `secret` as "Bearer <secret>" (constant-time compare);
 * the expected bytes are made once, as it runs on every API call.
 */
export function secretCheck(secret: string): (metadata: Metadata) => boolean {
  const expected = Buffer.from(`Bearer ${secret}`);
  return (metadata) => {
    const values = metadata.get(AUTH_METADATA_KEY);
    if (values.length !== 1 || typeof values[0] !== "string") return false;
    const presented = Buffer.from(values[0]);
    return presented.length === expected.length && timingSafeEqual(presented, expected);
  };
}
