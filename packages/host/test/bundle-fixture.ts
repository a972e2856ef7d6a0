import { chmod, mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

/** A scratch plugin directory for tests; `bundle` writes one plugin bundle into it. */
export async function pluginDir(): Promise<{ dir: string; bundle: (name: string, files: Record<string, string>) => Promise<string> }> {
  const dir = await mkdtemp(path.join(tmpdir(), "pp-plugins-"));
  return {
    dir,
    bundle: async (name, files) => {
      const bundleDir = path.join(dir, name);
      await mkdir(bundleDir, { recursive: true });
      for (const [file, content] of Object.entries(files)) {
        await writeFile(path.join(bundleDir, file), content);
        if (file.endsWith(".sh")) await chmod(path.join(bundleDir, file), 0o755);
      }
      return bundleDir;
    },
  };
}

/** A manifest for a native (shell script) plugin. */
export function nativeManifest(id: string, executable = "plugin.sh"): string {
  return JSON.stringify({ id, name: id, version: "0.1.0", server: { runtime: "native", executable } });
}
