import { HostError, type ManagedPlugin, type PluginEnvironment, type UnaryHook } from "@polyplug/host";

type InvokeRequest = Parameters<ManagedPlugin["invoke"]>[1];

/**
 * One plugin's step in a "Will" chain. Undefined means "this plugin has no say": it failed,
 * timed out, was skipped, or answered an AppError, and the chain goes on without it (fail open).
 * The host has already logged and counted the failure.
 */
export async function failOpen<K extends UnaryHook>(plugin: ManagedPlugin, method: K, request: InvokeRequest, deadline: number): Promise<Awaited<ReturnType<ManagedPlugin["invoke"]>> | undefined> {
  try {
    const response = await plugin.invoke(method, request as never, { deadline });
    const error = (response as { error?: { id: string; message: string } }).error;
    if (error) {
      plugin.log.append({ time: new Date().toISOString(), level: "warn", source: "host", message: `${method} answered ${error.id}: ${error.message}; ignored (fail open)` });
      return undefined;
    }
    return response;
  } catch (error) {
    if (!(error instanceof HostError)) throw error;
    return undefined;
  }
}

/**
 * Runs a "Will" hook across plugins in id order under one budget. `step` reads one plugin's
 * answer: a rejection reason ends the chain, otherwise it may replace the value the next plugin sees.
 */
export async function runWillChain<T>(
  env: PluginEnvironment,
  hook: string,
  method: UnaryHook,
  initial: T,
  request: (current: T) => InvokeRequest,
  step: (response: Record<string, unknown>, current: T) => { reject: string } | { value: T },
): Promise<{ kind: "allow"; value: T } | { kind: "reject"; reason: string }> {
  const deadline = env.fanOutDeadline();
  let current = initial;
  for (const plugin of env.implementing(hook)) {
    const response = await failOpen(plugin, method, request(current), deadline);
    if (!response) continue;
    const outcome = step(response as unknown as Record<string, unknown>, current);
    if ("reject" in outcome) return { kind: "reject", reason: outcome.reject };
    current = outcome.value;
  }
  return { kind: "allow", value: current };
}

/** Fires a notification hook at every plugin implementing it; failures are the host's to log. */
export function notifyAll(env: PluginEnvironment, hook: string, method: UnaryHook, request: InvokeRequest): void {
  for (const plugin of env.implementing(hook)) {
    plugin.invoke(method, request as never).catch(() => undefined);
  }
}
