import assert from "node:assert/strict";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, test } from "node:test";
import { PluginAPI } from "@polyplug/protocol";
import { apiCoverage, camelName, main, readMethodList, renderCoverage, snakeName } from "../../../scripts/api-coverage.js";

// The parity gate: every method of Mattermost's plugin.API must be on the wire, answered by the
// host (with its behaviour, or a 501 listed in docs/api-unsupported.md) and named by a test; and the
// committed report (scripts/api-coverage.ts → docs/api-coverage.md) must be this one.
const SELF = "packages/server/test/api-coverage.test.ts";

describe("the Plugin API coverage report", () => {
  const report = apiCoverage();

  test("the method list is Mattermost's plugin.API: unique names, every wire RPC among them", () => {
    const names = readMethodList();
    assert.equal(new Set(names).size, names.length, "no duplicates");
    for (const name of names) assert.match(name, /^[A-Z][A-Za-z0-9]*$/);
    const wire = PluginAPI.methods.map((method) => method.name);
    assert.deepEqual(report.extraWire, wire.filter((name) => !names.includes(name)));
    for (const name of wire.filter((n) => names.includes(n))) {
      assert.equal(report.methods.find((m) => m.name === name)?.wire, true, `${name} is on the wire`);
    }
  });

  test("the totals add up, and host and tested are subsets of the wire", () => {
    const { methods, totals } = report;
    assert.equal(totals.methods, readMethodList().length);
    assert.equal(totals.wire, methods.filter((m) => m.wire).length);
    assert.equal(totals.wire + report.extraWire.length, PluginAPI.methods.length);
    assert.equal(totals.implemented, methods.filter((m) => m.implemented).length);
    assert.equal(totals.tested, methods.filter((m) => m.testedIn.length > 0).length);
    for (const m of methods) {
      if (m.implemented) assert.ok(m.wire, `${m.name}: implemented but not on the wire`);
      if (m.testedIn.length > 0) assert.ok(m.wire, `${m.name}: tested but not on the wire`);
      assert.ok(!m.testedIn.includes(SELF));
    }
    assert.ok(totals.implemented <= totals.wire && totals.wire <= totals.methods);
  });

  test("Mattermost's nine KV methods are on the wire, answered by the host and tested", () => {
    const kv = report.methods.filter((m) => m.name.startsWith("KV"));
    assert.deepEqual(kv.map((m) => m.name).sort(), ["KVCompareAndDelete", "KVCompareAndSet", "KVDelete", "KVDeleteAll", "KVGet", "KVList", "KVSet", "KVSetWithExpiry", "KVSetWithOptions"]);
    for (const m of kv) assert.ok(m.wire && m.implemented && m.testedIn.length > 0, m.name);
  });

  test("parity: every plugin.API method is on the wire, answered by the host and tested", () => {
    const missing = report.methods
      .filter((m) => !m.wire || !m.implemented || m.testedIn.length === 0)
      .map((m) => `${m.name}:${m.wire ? "" : " not on the wire;"}${m.implemented ? "" : " no host handler;"}${m.testedIn.length > 0 ? "" : " no test names it;"}`);
    assert.deepEqual(missing, [], "run `node --import tsx scripts/api-coverage.ts` for the table");
    assert.deepEqual(report.extraWire, [], "wire RPCs that are not plugin.API methods");
  });

  test("docs/api-coverage.md is the current report (rerun scripts/api-coverage.ts)", async () => {
    assert.equal(await readFile("docs/api-coverage.md", "utf8"), renderCoverage(report));
  });

  test("docs/api-unsupported.md lists only plugin.API methods, each once", async () => {
    const rows = (await readFile("docs/api-unsupported.md", "utf8")).split("\n").filter((line) => /^\| [A-Z]\w* \|/.test(line)).map((line) => line.split("|")[1]!.trim());
    const names = new Set(readMethodList());
    assert.ok(rows.length > 0);
    for (const row of rows) assert.ok(names.has(row), `${row} is not a plugin.API method`);
    assert.equal(new Set(rows).size, rows.length, "no method listed twice");
  });

  test("names are spelled as each SDK spells them", () => {
    assert.deepEqual(["KVSetWithExpiry", "GetLDAPUserAttributes", "PluginHTTP", "GetUsersByIds"].map(snakeName), ["kv_set_with_expiry", "get_ldap_user_attributes", "plugin_http", "get_users_by_ids"]);
    assert.deepEqual(["KVSetWithExpiry", "GetUser", "PluginHTTP"].map(camelName), ["kvSetWithExpiry", "getUser", "pluginHTTP"]);
  });

  test("the script writes the rendered table with the totals", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "pp-coverage-"));
    try {
      const out = path.join(dir, "coverage.md");
      const written = main([out]);
      const markdown = await readFile(out, "utf8");
      assert.equal(markdown, renderCoverage(written));
      assert.match(markdown, new RegExp(`\\| on the wire \\| ${written.totals.wire} \\|`));
      assert.equal(markdown.split("\n").filter((line) => /^\| [A-Z]\w* \| /.test(line)).length, written.totals.methods);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
