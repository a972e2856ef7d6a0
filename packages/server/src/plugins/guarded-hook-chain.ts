import { HostError, type PluginEnvironment, type UnaryHook } from "@polyplug/host";
import { AppError } from "../app/app-error.js";
import { failOpen } from "./hook-chain.js";

type InvokeRequest = Parameters<ReturnType<PluginEnvironment["implementing"]>[number]["invoke"]>[1];

/**
 * A "Will" hook on a channel some plugins guard (RegisterChannelGuard), run as Mattermost runs
 * it: every running guard first or the change fails (503); then the other plugins in id order,
 * failing open; then each guard in id order, failing closed (503 when it does not answer). A
 * guard that does not implement the hook has no opinion. Without guards this is runWillChain.
 */
export async function runGuardedWillChain<T>(
  env: PluginEnvironment,
  hook: string,
  method: UnaryHook,
  guards: readonly string[],
  where: string,
  initial: T,
  request: (current: T) => InvokeRequest,
  step: (response: Record<string, unknown>, current: T) => { reject: string } | { value: T },
): Promise<{ kind: "allow"; value: T } | { kind: "reject"; reason: string }> {
  const inactive = guards.filter((id) => !env.get(id)?.isRunning);
  if (inactive.length > 0) {
    throw new AppError({ id: "app.plugin.inactive_guard.app_error", statusCode: 503, message: "A plugin that manages this channel is not running; try again later.", detailedError: `inactive guards: ${inactive.join(", ")}`, where });
  }
  const deadline = env.fanOutDeadline();
  let current = initial;
  for (const plugin of env.implementing(hook)) {
    if (guards.includes(plugin.id)) continue;
    const response = await failOpen(plugin, method, request(current), deadline);
    if (!response) continue;
    const outcome = step(response as unknown as Record<string, unknown>, current);
    if ("reject" in outcome) return { kind: "reject", reason: outcome.reject };
    current = outcome.value;
  }
  for (const id of [...guards].sort()) {
    const plugin = env.get(id);
    if (!plugin?.implements(hook)) continue;
    const failed = (detail: string) =>
      new AppError({ id: "app.plugin.guard_hook_failed.app_error", statusCode: 503, message: `The plugin ${id} that manages this channel failed to answer.`, detailedError: detail, where, params: { PluginID: id } });
    let response: Record<string, unknown>;
    try {
      response = (await plugin.invoke(method, request(current) as never, { deadline })) as unknown as Record<string, unknown>;
    } catch (error) {
      if (!(error instanceof HostError)) throw error;
      throw failed(error.message);
    }
    const error = response["error"] as { id: string; message: string } | undefined;
    if (error) throw failed(`${error.id}: ${error.message}`);
    const outcome = step(response, current);
    if ("reject" in outcome) return { kind: "reject", reason: outcome.reject };
    current = outcome.value;
  }
  return { kind: "allow", value: current };
}
