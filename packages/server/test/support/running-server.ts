import { cp, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startServer, type RunningServer, type ServerOptions } from "../../src/index.js";

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../..");
/** The repo's venv interpreter (scripts/setup.sh creates it, with the SDK installed). */
export const PYTHON = path.join(repo, ".venv", "bin", "python");

/**
 * A real server on a temp SQLite file and a free loopback port, with real plugin processes copied
 * from `bundles` (paths relative to the repo) into a temp plugin directory.
 */
export async function runningServer(bundles: string[], config: object = {}, options: Partial<ServerOptions> = {}): Promise<RunningServer & { dataDir: string; pluginDir: string }> {
  const dataDir = await mkdtemp(path.join(tmpdir(), "pp-data-"));
  const pluginDir = await mkdtemp(path.join(tmpdir(), "pp-plugins-"));
  for (const bundle of bundles) await cp(path.resolve(repo, bundle), path.join(pluginDir, path.basename(bundle)), { recursive: true });
  await writeFile(path.join(dataDir, "config.json"), JSON.stringify(config));
  const server = await startServer({ dataDir, pluginDir, port: 0, pythonInterpreter: PYTHON, ...options });
  return Object.assign(server, { dataDir, pluginDir });
}

/** A tiny Mattermost REST client over fetch, enough for tests. */
export class RestClient {
  token = "";
  constructor(readonly baseUrl: string) {}

  async call(method: string, route: string, body?: unknown): Promise<{ status: number; json: any; headers: Headers }> {
    const response = await fetch(`${this.baseUrl}${route}`, {
      method,
      headers: { ...(body !== undefined ? { "Content-Type": "application/json" } : {}), ...(this.token ? { Authorization: `Bearer ${this.token}` } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    return { status: response.status, json: text ? JSON.parse(text) : undefined, headers: response.headers };
  }

  /** Creates a user and logs in as them. */
  async signUp(username: string): Promise<any> {
    const created = await this.call("POST", "/api/v4/users", { username, email: `${username}@example.com`, password: "correct-horse-1" });
    if (created.status !== 201) throw new Error(`sign-up failed: ${JSON.stringify(created.json)}`);
    const login = await this.call("POST", "/api/v4/users/login", { login_id: username, password: "correct-horse-1" });
    this.token = login.headers.get("token") ?? "";
    return login.json;
  }
}

/** Polls `check` until it returns a truthy value (or fails after `ms`). */
export async function eventually<T>(check: () => T | Promise<T>, ms = 10_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
