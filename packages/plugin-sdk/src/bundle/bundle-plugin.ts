import { cp, mkdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { build } from "esbuild";

export interface BundlePluginOptions {
  /** The plugin's source directory: plugin.json with server.executable pointing at a .ts/.js entry. */
  readonly sourceDir: string;
  /** Where the distributable bundle goes (emptied first). */
  readonly outDir: string;
  /** Minify the JavaScript (default false: stack traces stay readable). */
  readonly minify?: boolean;
}

export interface BundlePluginResult {
  readonly outDir: string;
  /** The bundled entry, relative to outDir. */
  readonly executable: string;
  readonly bytes: number;
}

/** The bundled entry's name: .mjs, so it runs as ESM whatever package.json is (or is not) next to it. */
const ENTRY = "server/plugin.mjs";

// esbuild's ESM output cannot `require` Node built-ins from CommonJS dependencies (grpc-js) by
// itself; a real `require` made from the bundle's own URL can.
const REQUIRE_SHIM = 'import { createRequire as __polyplugCreateRequire } from "node:module"; const require = __polyplugCreateRequire(import.meta.url);';

/**
 * Makes a plugin distributable: bundles its server entry, the SDK and every dependency into one
 * plain-JS file that runs on the host's node with no node_modules and no TypeScript loader, and
 * writes a plugin.json pointing at it (runtime "node"). plugin.json's other fields, and an
 * `assets/` directory if there is one, are kept.
 */
export async function bundlePlugin(options: BundlePluginOptions): Promise<BundlePluginResult> {
  const sourceDir = path.resolve(options.sourceDir);
  const outDir = path.resolve(options.outDir);
  const manifest = JSON.parse(await readFile(path.join(sourceDir, "plugin.json"), "utf8")) as { id?: string; server?: { executable?: string; executables?: unknown; runtime?: string } };
  const executable = manifest.server?.executable;
  if (!executable) throw new Error(`${path.join(sourceDir, "plugin.json")} has no server.executable to bundle`);

  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  const result = await build({
    entryPoints: [path.join(sourceDir, executable)],
    outfile: path.join(outDir, ENTRY),
    bundle: true,
    platform: "node",
    target: "node20",
    format: "esm",
    banner: { js: REQUIRE_SHIM },
    minify: options.minify ?? false,
    sourcemap: "linked",
    legalComments: "none",
    logLevel: "silent",
    metafile: true,
  });
  const { executables: _platformBinaries, ...server } = manifest.server ?? {};
  const bundled = { ...manifest, server: { ...server, runtime: "node", executable: ENTRY } };
  await writeFile(path.join(outDir, "plugin.json"), `${JSON.stringify(bundled, null, 2)}\n`);
  if (await exists(path.join(sourceDir, "assets"))) await cp(path.join(sourceDir, "assets"), path.join(outDir, "assets"), { recursive: true });
  const bytes = result.metafile.outputs[path.relative(process.cwd(), path.join(outDir, ENTRY))]?.bytes ?? 0;
  return { outDir, executable: ENTRY, bytes };
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}
