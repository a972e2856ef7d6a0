import { HOOK_NAMES, type HookName } from "@polyplug/protocol";
import { HookRegistrationError } from "../hook-registration-error.js";

/** A plugin's handlers, however it was written (a Plugin subclass or a definePlugin object). */
export interface PluginTarget {
  /** For log lines: the class name, or "plugin". */
  readonly name: string;
  /** The hooks with a handler, sorted (what Implemented answers). */
  readonly hooks: readonly HookName[];
  /** The handler of `hook`, bound to the plugin, or undefined. */
  handler(hook: HookName): ((...args: unknown[]) => unknown) | undefined;
}

/** `MessageWillBePosted` → `messageWillBePosted`: the handler's property name. */
export function handlerName(hook: HookName): string {
  return hook.charAt(0).toLowerCase() + hook.slice(1);
}

const BY_FOLDED = new Map(HOOK_NAMES.map((hook) => [hook.toLowerCase(), hook]));

/**
 * Collects `plugin`'s handlers: for each of Mattermost's hooks, a function under the hook's
 * handler name, own or inherited. Throws HookRegistrationError for a property that is a hook name
 * in the wrong case (`MessageWillBePosted`, `serveHttp`) or a hook key that is not a function.
 */
export function pluginTarget(plugin: object, stopAt: object | null = null): PluginTarget {
  const found = new Map<HookName, (...args: unknown[]) => unknown>();
  const expected = new Map(HOOK_NAMES.map((hook) => [handlerName(hook), hook]));
  for (const [key, value] of properties(plugin, stopAt)) {
    const hook = expected.get(key);
    if (hook) {
      if (value === undefined) continue;
      if (typeof value !== "function") throw new HookRegistrationError(`${key} must be a function handling the ${hook} hook, not ${typeof value}`);
      found.set(hook, (value as (...args: unknown[]) => unknown).bind(plugin));
      continue;
    }
    const near = BY_FOLDED.get(key.toLowerCase());
    if (near && typeof value === "function") {
      throw new HookRegistrationError(`${key} looks like the ${near} hook, but handlers are named ${handlerName(near)} (lowercase first letter, the rest as Mattermost spells it); rename it`);
    }
  }
  const name = plugin.constructor && plugin.constructor !== Object ? plugin.constructor.name : "plugin";
  return {
    name: name || "plugin",
    hooks: [...found.keys()].sort(),
    handler: (hook) => found.get(hook),
  };
}

/** Data properties, own first, then inherited (accessors are not called: they may need `api`). */
function properties(object: object, stopAt: object | null): Map<string, unknown> {
  const found = new Map<string, unknown>();
  for (let current: object | null = object; current && current !== Object.prototype && current !== stopAt; current = Object.getPrototypeOf(current) as object | null) {
    for (const key of Object.getOwnPropertyNames(current)) {
      const descriptor = Object.getOwnPropertyDescriptor(current, key);
      if (key !== "constructor" && !found.has(key) && descriptor && "value" in descriptor) found.set(key, descriptor.value);
    }
  }
  return found;
}
