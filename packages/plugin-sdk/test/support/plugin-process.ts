import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { mkdtemp } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import * as grpc from "@grpc/grpc-js";
import { CHANNEL_OPTIONS, PluginHooks, createTypedClient, goplugin, health, type UnaryClient } from "@polyplug/protocol";
import type { FakeHost } from "./fake-host.js";

const TSX = createRequire(import.meta.url).resolve("tsx/esm");
const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "fixtures");
export const COOKIE = { MATTERMOST_PLUGIN: "Securely message teams, anywhere." };

/** A fixture plugin started as the host starts it (tsx, env, stdin pipe), with clients to it. */
export interface RunningPlugin {
  readonly child: ChildProcess;
  readonly handshake: string;
  readonly socketDir: string;
  readonly stdout: string[];
  readonly stderr: () => string;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  readonly hooks: UnaryClient<typeof PluginHooks>;
  readonly rawHooks: grpc.Client;
  readonly hooksDefinition: grpc.ServiceDefinition;
  readonly health: UnaryClient<typeof health.Health>;
  readonly controller: UnaryClient<typeof goplugin.GRPCController>;
  /** Metadata presenting `secret` (default: the right one). */
  metadata(secret?: string): grpc.Metadata;
  close(): void;
}

/** Runs a fixture's plugin.ts without waiting for a handshake: for processes that must refuse to start. */
export function spawnFixture(fixture: string, env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ["--import", TSX, path.join(FIXTURES, fixture, "plugin.ts")], {
    cwd: path.join(FIXTURES, fixture),
    env: { PATH: process.env.PATH ?? "", ...env },
    stdio: ["pipe", "pipe", "pipe"],
  });
}

/** Starts `fixture` against `host` and waits for its handshake line. */
export async function startFixture(fixture: string, host: FakeHost, env: Record<string, string> = {}): Promise<RunningPlugin> {
  const socketDir = await mkdtemp(path.join(tmpdir(), "pp-sdk-plugin-"));
  const child = spawnFixture(fixture, {
    ...COOKIE,
    PLUGIN_PROTOCOL_VERSIONS: "1",
    PLUGIN_UNIX_SOCKET_DIR: socketDir,
    MATTERMOST_PLUGIN_ID: "com.example.fixture",
    MATTERMOST_PLUGIN_API_TARGET: host.target,
    MATTERMOST_PLUGIN_API_SECRET: host.secret,
    MATTERMOST_PLUGIN_LOG_LEVEL: "DEBUG",
    ...env,
  });
  const exited = once(child, "exit").then(([code, signal]) => ({ code: code as number | null, signal: signal as NodeJS.Signals | null }));
  let stderr = "";
  child.stderr!.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  const stdout: string[] = [];
  const lines = createInterface({ input: child.stdout! });
  lines.on("line", (line) => stdout.push(line));
  const handshake = await Promise.race([
    new Promise<string>((resolve) => lines.once("line", resolve)),
    exited.then(({ code }) => Promise.reject(new Error(`the plugin exited (${code}) before its handshake:\n${stderr}`))),
  ]);
  const address = `unix://${handshake.split("|")[3]}`;
  const metadata = (secret = host.secret) => {
    const m = new grpc.Metadata();
    m.set("authorization", `Bearer ${secret}`);
    return m;
  };
  const credentials = grpc.credentials.createInsecure();
  const hooks = createTypedClient(PluginHooks, address, credentials, CHANNEL_OPTIONS, () => metadata());
  const shared = { ...CHANNEL_OPTIONS, channelOverride: hooks.raw.getChannel() };
  return {
    child,
    handshake,
    socketDir,
    stdout,
    stderr: () => stderr,
    exited,
    hooks: hooks.client,
    rawHooks: hooks.raw,
    hooksDefinition: hooks.definition,
    health: createTypedClient(health.Health, address, credentials, shared, () => new grpc.Metadata()).client,
    controller: createTypedClient(goplugin.GRPCController, address, credentials, shared, () => metadata()).client,
    metadata,
    close: () => {
      hooks.raw.close();
      child.kill("SIGKILL");
    },
  };
}
