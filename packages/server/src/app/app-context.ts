/**
 * What every service is built from: the store, the clock, the current hooks and site settings.
 *
 * Services receive this instead of globals so tests can pin the clock and swap hooks, and so the
 * plugin host can be wired in after the app is constructed (`hooks()` is read on each use).
 */
import type { AppEvents } from "./app-events.js";
import type { AppHooks } from "./app-hooks.js";
import type { Db } from "../store/schema.js";

/** The dependencies shared by every service. */
export interface AppContext {
  readonly db: Db;
  /** Epoch milliseconds; injectable so tests control ordering without sleeping. */
  readonly now: () => number;
  /** The hooks in force right now (changes when the host is wired in). */
  readonly hooks: () => AppHooks;
  /** Public base URL, passed to plugins in CommandArgs.site_url. */
  readonly siteUrl: string;
  /** Where services publish real-time events (the WebSocket hub subscribes). */
  readonly events: AppEvents;
}

/** Parses a JSON text column that should hold an object; a damaged value reads as empty. */
export function parseJsonObject<T extends object = Record<string, unknown>>(text: string): T {
  try {
    const value: unknown = JSON.parse(text);
    return (typeof value === "object" && value !== null && !Array.isArray(value) ? value : {}) as T;
  } catch {
    return {} as T;
  }
}

/** Whether `value` is a plain JSON object (not null, not an array). */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
