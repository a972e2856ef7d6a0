import assert from "node:assert/strict";
import { test } from "node:test";
import { RestartPolicy } from "../src/index.js";

test("restarts below the limit, gives up at it, forgets failures outside the window", () => {
  let now = 0;
  const policy = new RestartPolicy({ limit: 3, windowMs: 1000, now: () => now });
  assert.equal(policy.recordFailure(), "restart");
  now = 400;
  assert.equal(policy.recordFailure(), "restart");
  now = 1200; // the first failure has left the window
  assert.equal(policy.recordFailure(), "restart");
  assert.equal(policy.recentFailures, 2);
  now = 1300;
  assert.equal(policy.recordFailure(), "give-up");
  policy.reset();
  assert.equal(policy.recentFailures, 0);
});
