import { cp, mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { PluginState } from "@polyplug/host";
import { startServer, type RunningServer } from "@polyplug/server";
import type { BenchContext } from "./figure.js";
import { PYTHON } from "./paths.js";

/** A bundle to install: a directory, optionally under another plugin id (for several copies). */
export interface BenchBundle {
  readonly dir: string;
  readonly id?: string;
}

/** The whole server, plus a member of a team and a channel to post in. */
export interface BenchServer extends RunningServer {
  readonly userId: string;
  readonly token: string;
  readonly channelId: string;
}

/**
 * Starts the real server (SQLite file, REST on a free loopback port, plugin host) on copies of
 * `bundles`, and makes one user with a session, a team and a channel. Every plugin must run.
 */
export async function startBenchServer(context: BenchContext, name: string, bundles: BenchBundle[]): Promise<BenchServer> {
  const dataDir = path.join(context.tmpDir, `${name}-data`);
  const pluginDir = path.join(context.tmpDir, `${name}-plugins`);
  await mkdir(dataDir, { recursive: true });
  await mkdir(pluginDir, { recursive: true });
  for (const bundle of bundles) {
    const target = path.join(pluginDir, bundle.id ?? path.basename(bundle.dir));
    await cp(bundle.dir, target, { recursive: true, filter: (source) => !source.includes("__pycache__") });
    if (bundle.id) {
      const manifestFile = path.join(target, "plugin.json");
      const manifest = JSON.parse(await readFile(manifestFile, "utf8")) as Record<string, unknown>;
      await writeFile(manifestFile, JSON.stringify({ ...manifest, id: bundle.id }));
    }
  }
  await writeFile(path.join(dataDir, "config.json"), "{}");
  const server = await startServer({ dataDir, pluginDir, port: 0, pythonInterpreter: PYTHON });
  try {
    for (const status of server.plugins.statuses()) {
      if (status.state !== PluginState.Running) throw new Error(`bench plugin ${status.plugin_id} did not start: ${status.error}`);
    }
    const { app } = server;
    const user = await app.users.createUser({ username: "bench", email: "bench@example.com", password: "bench-password-1" });
    const session = await app.sessions.createSession(user.id, {});
    const team = await app.teams.createTeam({ name: "bench", display_name: "Bench", type: "O" }, user.id);
    const channel = await app.channels.createChannel({ team_id: team.id, name: "bench", display_name: "Bench", type: "O" }, user.id);
    return Object.assign(server, { userId: user.id, token: session.token, channelId: channel.id });
  } catch (error) {
    await server.close();
    throw error;
  }
}
