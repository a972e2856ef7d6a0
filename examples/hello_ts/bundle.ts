/**
 * Makes the distributable bundle of this plugin: `node --import tsx bundle.ts [outDir]` (or
 * `npm run bundle`) writes dist/com.polyplug.hello-ts/ with plugin.json and server/plugin.mjs, one
 * plain-JS file with the SDK and its dependencies inside. Copy that directory into a server's
 * plugins directory (or tar it up); it needs neither node_modules nor tsx.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { bundlePlugin } from "@polyplug/plugin/bundle";
import { isMainModule } from "@polyplug/plugin";

const here = path.dirname(fileURLToPath(import.meta.url));

/** Bundles this example into `outDir` (default dist/com.polyplug.hello-ts next to this file). */
export function bundleHello(outDir = path.join(here, "dist", "com.polyplug.hello-ts")) {
  return bundlePlugin({ sourceDir: here, outDir });
}

if (isMainModule(import.meta.url)) {
  const result = await bundleHello(process.argv[2]);
  console.log(`bundled ${result.outDir}/${result.executable} (${Math.round(result.bytes / 1024)} KiB)`);
}
