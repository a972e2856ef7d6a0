import assert from "node:assert/strict";
import { test } from "node:test";
import { HOOK_NAMES, WIRE_HOOK_NAMES } from "../src/index.js";

test("the contract carries exactly Mattermost's 46 live hooks", () => {
  assert.equal(new Set(HOOK_NAMES).size, 46);
  assert.deepEqual([...WIRE_HOOK_NAMES].sort(), [...HOOK_NAMES].sort());
});
