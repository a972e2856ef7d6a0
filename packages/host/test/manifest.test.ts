import assert from "node:assert/strict";
import { mkdtemp, mkdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";
import { HostErrorCode, loadManifest, settingDefaults, validateManifest } from "../src/index.js";

const valid = { id: "Com.Example.Demo", name: "Demo", version: "1.0.0", server: { runtime: "python", executable: "plugin.py" } };

test("a valid manifest loads, with its id lower-cased as Mattermost does", () => {
  const manifest = validateManifest(valid);
  assert.equal(manifest.id, "com.example.demo");
  assert.equal(manifest.server?.runtime, "python");
});

test("every problem is reported at once, naming the field", () => {
  assert.throws(
    () => validateManifest({ id: "x!", version: "one", server: { runtime: "ruby" } }),
    (error: { code: string; message: string }) => {
      assert.equal(error.code, HostErrorCode.ManifestInvalid);
      for (const part of [`"id" must be 3-190`, `"name" is required`, `"version" must be a semantic version`, `"server.runtime" must be one of`, `"server" needs "executable"`]) {
        assert.ok(error.message.includes(part), `missing ${part} in ${error.message}`);
      }
      return true;
    },
  );
});

test("settings must have a key and a known type; defaults are collected", () => {
  assert.throws(() => validateManifest({ ...valid, settings_schema: { settings: [{ key: "A", type: "colour" }] } }), /type" must be one of/);
  const manifest = validateManifest({ ...valid, settings_schema: { settings: [{ key: "BadWord", type: "text", default: "darn" }, { key: "Other", type: "bool" }] } });
  assert.deepEqual(settingDefaults(manifest), { BadWord: "darn" });
});

test("loadManifest says what is wrong with the file", async () => {
  const dir = await mkdtemp(path.join(tmpdir(), "manifest-"));
  await assert.rejects(loadManifest(dir), (e: { code: string; message: string }) => e.code === HostErrorCode.ManifestMissing && /no plugin.json/.test(e.message));
  const broken = path.join(dir, "broken");
  await mkdir(broken);
  await writeFile(path.join(broken, "plugin.json"), "{ not json");
  await assert.rejects(loadManifest(broken), (e: { code: string; message: string }) => e.code === HostErrorCode.ManifestInvalid && /not valid JSON/.test(e.message));
  await writeFile(path.join(broken, "plugin.json"), "[1,2]");
  await assert.rejects(loadManifest(broken), /must be a JSON object/);
});
