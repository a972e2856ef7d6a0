/**
 * One throwaway PostgreSQL server per test process, shared by every suite in it.
 *
 * `scripts/test.sh` starts a cluster once for its whole PostgreSQL pass and names it in
 * `POLYPLUG_TEST_PG_URL`; a test file run on its own (`POLYPLUG_TEST_DB=postgres node --test …`)
 * starts its own on first use with `scripts/postgres-test-cluster.sh` (about 0.5 s: initdb + start)
 * and stops it when the process exits. Either way each suite gets its own fresh database.
 */
import { execFile, execFileSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import pg from "pg";

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../..");
const SCRIPT = path.join(repo, "scripts", "postgres-test-cluster.sh");

/** An admin URL of a running cluster (its `postgres` database), started on first call. */
let cluster: Promise<string> | undefined;

export function postgresTestCluster(): Promise<string> {
  const given = process.env.POLYPLUG_TEST_PG_URL;
  if (given) return Promise.resolve(given);
  cluster ??= startOwnCluster();
  return cluster;
}

async function startOwnCluster(): Promise<string> {
  const { stdout } = await promisify(execFile)("bash", [SCRIPT, "start"]);
  const url = stdout.trim();
  const stop = () => {
    try {
      execFileSync("bash", [SCRIPT, "stop", url], { stdio: "ignore" });
    } catch {
      // Best effort at exit; a leftover is /dev/shm/polyplug-pg.* or /tmp/polyplug-pg.*.
    }
  };
  process.once("exit", stop);
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      stop();
      process.kill(process.pid, signal);
    });
  }
  return url;
}

let sequence = 0;

/** Creates an empty database in the cluster and returns its URL. */
export async function createPostgresTestDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const admin = await postgresTestCluster();
  sequence += 1;
  const name = `polyplug_test_${process.pid}_${sequence}`;
  await withAdmin(admin, (client) => client.query(`create database "${name}"`));
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => withAdmin(admin, (client) => client.query(`drop database if exists "${name}" with (force)`)).then(() => undefined),
  };
}

async function withAdmin<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}
