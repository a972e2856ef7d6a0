import { readFileSync } from "node:fs";

/** Dead, or a zombie nobody reaps (PID 1 here may not reap orphans): either way, not running. */
export function isGone(pid: number): boolean {
  try {
    return /^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return true;
  }
}

/** Polls `condition` until it holds; fails after `ms` (a wait, never a timing assertion). */
export async function waitFor(condition: () => boolean, ms = 15_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
