import { cp } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
/** The repo's venv interpreter, with the Python SDK installed (scripts/setup.sh). */
export const PYTHON = path.resolve(here, "../../../.venv/bin/python");

/** Copies the minimal Python test plugin into `pluginDir` under `id`. */
export async function minimalPythonPlugin(pluginDir: string, id = "com.polyplug.test.minimal"): Promise<string> {
  const target = path.join(pluginDir, id);
  await cp(path.join(here, "fixtures", "python-minimal"), target, { recursive: true });
  if (id !== "com.polyplug.test.minimal") {
    const manifest = path.join(target, "plugin.json");
    const { readFile, writeFile } = await import("node:fs/promises");
    await writeFile(manifest, (await readFile(manifest, "utf8")).replace("com.polyplug.test.minimal", id));
  }
  return target;
}
