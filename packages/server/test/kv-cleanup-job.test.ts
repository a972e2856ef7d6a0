import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { startKvCleanupJob } from "../src/app/kv-cleanup-job.js";
import { eventually } from "./support/running-server.js";

/** A stand-in for app.kv whose runs finish only when the test says so. */
function controlledKv() {
  const pending: Array<(deleted: number) => void> = [];
  let calls = 0;
  return {
    kv: {
      deleteAllExpired: () => {
        calls += 1;
        return new Promise<number>((resolve) => pending.push(resolve));
      },
    },
    get calls() {
      return calls;
    },
    finishRun: (deleted: number) => pending.shift()?.(deleted),
  };
}

describe("the KV cleanup job", () => {
  test("runs deleteAllExpired periodically, also with no callbacks given", async () => {
    let calls = 0;
    const job = startKvCleanupJob({ deleteAllExpired: async () => ((calls += 1), 0) }, { intervalMs: 5 });
    await eventually(() => calls >= 2);
    await job.stop();
  });

  test("never stacks runs, and stop() waits for the run in progress", async () => {
    const fake = controlledKv();
    const runs: number[] = [];
    const job = startKvCleanupJob(fake.kv, { intervalMs: 5, onRun: (deleted) => runs.push(deleted) });
    await eventually(() => fake.calls === 1);
    await new Promise((resolve) => setTimeout(resolve, 30));
    assert.equal(fake.calls, 1, "no second run while the first is still going");
    let stopped = false;
    const stopping = job.stop().then(() => (stopped = true));
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(stopped, false);
    fake.finishRun(3);
    await stopping;
    assert.deepEqual(runs, [3]);
    await new Promise((resolve) => setTimeout(resolve, 30));
    assert.equal(fake.calls, 1, "no run after stop()");
  });

  test("a failed run is reported and the next one still happens", async () => {
    const errors: unknown[] = [];
    let calls = 0;
    const job = startKvCleanupJob({
      deleteAllExpired: async () => {
        calls += 1;
        if (calls === 1) throw new Error("database went away");
        return 0;
      },
    }, { intervalMs: 5, onError: (error) => errors.push(error) });
    await eventually(() => calls >= 2);
    await job.stop();
    assert.match(String(errors[0]), /database went away/);
  });

  test("refuses an interval that is not a positive number", () => {
    assert.throws(() => startKvCleanupJob({ deleteAllExpired: async () => 0 }, { intervalMs: 0 }), RangeError);
  });
});
