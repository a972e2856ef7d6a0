import assert from "node:assert/strict";
import { test } from "node:test";
import { parseLogLine, PluginLog } from "../src/index.js";

test("hclog JSON lines keep level, message and fields", () => {
  const entry = parseLogLine("stderr", '{"@level":"debug","@message":"plugin address","@timestamp":"2026-01-01T00:00:00.000000Z","network":"unix"}');
  assert.equal(entry.level, "debug");
  assert.equal(entry.message, "plugin address");
  assert.deepEqual(entry.fields, { network: "unix" });
});

test("[LEVEL] prefixes and Python's logging format pick the level", () => {
  assert.equal(parseLogLine("stderr", "[WARN] disk almost full").level, "warn");
  assert.equal(parseLogLine("stderr", "[WARN] disk almost full").message, "disk almost full");
  assert.equal(parseLogLine("stderr", "2026-01-01 10:00:00 [ERROR] hello: boom").level, "error");
  assert.equal(parseLogLine("stderr", "just text").level, "info");
});

test("after a panic or traceback every line is an error, and the tail is bounded", () => {
  const log = new PluginLog();
  log.appendLine("stderr", "Traceback (most recent call last):");
  log.appendLine("stderr", '  File "plugin.py", line 3');
  assert.equal(log.tail(1)[0]!.level, "error");
  for (let i = 0; i < 500; i++) log.appendLine("stderr", `line ${i}`);
  assert.equal(log.tail(1000).length, 200);
  assert.match(log.tailText(1), /line 499/);
});
