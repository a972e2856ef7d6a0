import { randomBytes, timingSafeEqual } from "node:crypto";
import type { Metadata } from "@grpc/grpc-js";

/** Metadata key both directions use to present the per-plugin secret. */
export const AUTH_METADATA_KEY = "authorization";

/** A fresh 256-bit secret, hex encoded, for one plugin start. */
export function newPluginSecret(): string {
  return randomBytes(32).toString("hex");
}

/** True when `metadata` presents exactly `secret` as "Bearer <secret>" (constant-time compare). */
export function presentsSecret(metadata: Metadata, secret: string): boolean {
  const values = metadata.get(AUTH_METADATA_KEY);
  if (values.length !== 1 || typeof values[0] !== "string") return false;
  const presented = Buffer.from(values[0]);
  const expected = Buffer.from(`Bearer ${secret}`);
  return presented.length === expected.length && timingSafeEqual(presented, expected);
}
