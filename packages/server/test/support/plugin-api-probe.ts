/**
 * The Plugin API as a real Python plugin calls it, for the API group suites: a server on the suite's
 * test database (SQLite, or PostgreSQL in the second pass of scripts/test.sh) running the py-api
 * fixture plugin, which calls any method of the SDK's clients on request. A call goes test → HTTP →
 * ServeHTTP → Python plugin → its PluginAPIClient → gRPC → host → app core → database, and back.
 *
 *     const probe = await startApiProbe();
 *     const team = await probe.ok("create_team", { team: { name: "alpha", display_name: "Alpha", type: "O" } });
 *     const error = await probe.fails("get_team", { team_id: "missing" }, 404);
 *
 * Arguments are the Python method's keywords; objects become the wrapper dataclasses and bytes go
 * as `{ base64 }` (see the fixture's docstring). `probe.app` is the server's app core, for arranging
 * data and for checking what the call changed.
 */
import assert from "node:assert/strict";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import type { RunningServer, ServerOptions } from "../../src/index.js";
import type { App } from "../../src/app/app.js";
import { runningServer } from "./running-server.js";
import { createTestDatabase, type TestDatabase } from "./test-database.js";

export const PROBE_PLUGIN_ID = "com.polyplug.test.py-api";
const PROBE_BUNDLE = "packages/server/test/fixtures/plugins/py-api";

/** A client method's outcome: its result (JSON) or the AppError the host answered. */
export interface ProbeAnswer {
  readonly result?: any;
  readonly error?: { readonly id: string; readonly status: number; readonly message: string };
}

export interface ApiProbe {
  readonly server: RunningServer & { dataDir: string; pluginDir: string };
  readonly app: App;
  readonly database: TestDatabase;
  /** Calls `method` of the plugin's sync client (or its async client with `viaAsync`). */
  call(method: string, args?: Record<string, unknown>, viaAsync?: boolean): Promise<ProbeAnswer>;
  /** The call's result; fails the test on an AppError. */
  ok(method: string, args?: Record<string, unknown>, viaAsync?: boolean): Promise<any>;
  /** The call's AppError, which must have `status`; fails the test on success. */
  fails(method: string, args: Record<string, unknown>, status: number, viaAsync?: boolean): Promise<NonNullable<ProbeAnswer["error"]>>;
  close(): Promise<void>;
}

/**
 * Starts the probe on a fresh test database. `bundles` are extra plugin bundles (repo-relative) to
 * run beside it; `config` is the server's config.json.
 */
export async function startApiProbe(options: { bundles?: string[]; config?: object; server?: Partial<ServerOptions> } = {}): Promise<ApiProbe> {
  const database = await createTestDatabase();
  let server: ApiProbe["server"];
  try {
    // The server's data directory is the database's, so config.json goes there too.
    await writeFile(path.join(database.dir, "config.json"), JSON.stringify(options.config ?? {}));
    server = await runningServer([PROBE_BUNDLE, ...(options.bundles ?? [])], options.config ?? {}, {
      dataDir: database.dir,
      ...("url" in database.options ? { databaseUrl: database.options.url } : {}),
      ...options.server,
    });
    server.dataDir = options.server?.dataDir ?? database.dir;
  } catch (error) {
    await database.close();
    throw error;
  }
  const call = async (method: string, args: Record<string, unknown> = {}, viaAsync = false): Promise<ProbeAnswer> => {
    const response = await fetch(`${server.url}/plugins/${PROBE_PLUGIN_ID}/call`, {
      method: "POST",
      body: JSON.stringify({ method, args, async: viaAsync }),
    });
    assert.equal(response.status, 200, `${method}: ${await response.clone().text()}`);
    return (await response.json()) as ProbeAnswer;
  };
  return {
    server,
    app: server.app,
    database,
    call,
    async ok(method, args = {}, viaAsync = false) {
      const answer = await call(method, args, viaAsync);
      assert.equal(answer.error, undefined, `${method}(${JSON.stringify(args)}) failed: ${JSON.stringify(answer.error)}`);
      return answer.result;
    },
    async fails(method, args, status, viaAsync = false) {
      const answer = await call(method, args, viaAsync);
      assert.ok(answer.error, `${method}(${JSON.stringify(args)}) should fail with ${status}, got ${JSON.stringify(answer.result)}`);
      assert.equal(answer.error.status, status, `${method}: ${JSON.stringify(answer.error)}`);
      return answer.error;
    },
    async close() {
      await server.close();
      await database.close();
    },
  };
}
