/**
 * Unpacking an uploaded plugin bundle (`.tar.gz`) safely, and finding its manifest.
 *
 * Every entry is checked *before* anything is written: the file must be gzip; no entry may be
 * absolute, contain `..`, be a device, FIFO or hard link, or be a symlink whose target leaves the
 * bundle; the declared sizes and the entry count are bounded (a small archive cannot expand into a
 * full disk). Only then is it extracted, into a directory the caller owns. As in Mattermost, a
 * bundle whose root holds exactly one directory has the plugin inside that directory. The
 * manifest is validated by the host's own rules, and a declared server executable must exist
 * inside the bundle.
 */
import { open, readdir, stat } from "node:fs/promises";
import path from "node:path";
import { loadManifest, HostError, type Manifest } from "@polyplug/host";
import { extract, list, type ReadEntry } from "tar";
import { appError } from "../app/app-error.js";

/** Bounds on what a bundle may unpack to. */
export interface BundleLimits {
  /** Sum of the entries' sizes (default 200 MiB). */
  readonly maxUnpackedBytes?: number;
  /** Number of entries (default 10 000). */
  readonly maxEntries?: number;
}

/** A bundle unpacked into a staging directory, with its validated manifest. */
export interface UnpackedBundle {
  /** The plugin's root directory (inside the staging directory). */
  readonly root: string;
  readonly manifest: Manifest;
}

const ALLOWED_TYPES = new Set(["File", "OldFile", "ContiguousFile", "Directory", "SymbolicLink"]);

function invalid(reason: string) {
  return appError("app.plugin.extract.app_error", { where: "installPlugin", params: { Reason: reason }, detailedError: reason });
}

/** Why an entry is unsafe, or null. Paths are POSIX inside the archive. */
export function unsafeEntryReason(entryPath: string, type: string, linkpath: string | undefined): string | null {
  if (!ALLOWED_TYPES.has(type)) return `entry ${JSON.stringify(entryPath)} has type ${type}, which a plugin bundle may not contain`;
  if (entryPath.includes("\0")) return "an entry name contains a NUL byte";
  if (path.posix.isAbsolute(entryPath) || /^[a-zA-Z]:[\\/]/.test(entryPath) || entryPath.startsWith("\\")) return `entry ${JSON.stringify(entryPath)} has an absolute path`;
  if (entryPath.split(/[\\/]/).includes("..")) return `entry ${JSON.stringify(entryPath)} escapes the bundle with ".."`;
  if (type === "SymbolicLink") {
    const target = linkpath ?? "";
    if (path.posix.isAbsolute(target)) return `symlink ${JSON.stringify(entryPath)} points to the absolute path ${JSON.stringify(target)}`;
    const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(path.posix.normalize(entryPath)), target));
    if (resolved === ".." || resolved.startsWith("../")) return `symlink ${JSON.stringify(entryPath)} points outside the bundle (${JSON.stringify(target)})`;
  }
  return null;
}

async function isGzip(file: string): Promise<boolean> {
  const handle = await open(file, "r");
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(2), 0, 2, 0);
    return bytesRead === 2 && buffer[0] === 0x1f && buffer[1] === 0x8b;
  } finally {
    await handle.close();
  }
}

/** Checks every entry of the archive without writing anything; throws a 400 naming the first problem. */
async function inspect(archive: string, limits: BundleLimits): Promise<void> {
  const maxBytes = limits.maxUnpackedBytes ?? 200 * 1024 * 1024;
  const maxEntries = limits.maxEntries ?? 10_000;
  let total = 0;
  let count = 0;
  let problem: string | null = null;
  try {
    await list({
      file: archive,
      strict: true,
      onReadEntry: (entry: ReadEntry) => {
        count += 1;
        total += entry.size;
        problem ??= unsafeEntryReason(entry.path, entry.type, entry.linkpath);
        if (count > maxEntries) problem ??= `more than ${maxEntries} entries`;
        if (total > maxBytes) problem ??= `unpacks to more than ${maxBytes} bytes`;
        entry.resume();
      },
    });
  } catch (error) {
    throw invalid(`the archive cannot be read (${(error as Error).message})`);
  }
  if (problem) throw invalid(problem);
  if (count === 0) throw invalid("the archive is empty");
}

/** Unpacks `archive` into the empty directory `into` and returns the plugin root and manifest. */
export async function unpackPluginBundle(archive: string, into: string, limits: BundleLimits = {}): Promise<UnpackedBundle> {
  if (!(await isGzip(archive))) throw invalid("it is not gzip-compressed");
  await inspect(archive, limits);
  try {
    await extract({ file: archive, cwd: into, strict: true, preservePaths: false, preserveOwner: false, noMtime: true });
  } catch (error) {
    throw invalid(`extraction failed (${(error as Error).message})`);
  }
  const entries = (await readdir(into, { withFileTypes: true })).filter((e) => e.name !== "." && e.name !== "..");
  const only = entries.length === 1 ? entries[0] : undefined;
  const root = only?.isDirectory() ? path.join(into, only.name) : into;
  let manifest: Manifest;
  try {
    manifest = await loadManifest(root);
  } catch (error) {
    const reason = error instanceof HostError ? error.message.replace(into, "<bundle>") : String(error);
    throw appError("app.plugin.manifest.app_error", { where: "installPlugin", params: { Reason: reason }, detailedError: reason });
  }
  await checkExecutable(root, manifest);
  return { root, manifest };
}

/** The declared server executable must be a file inside the bundle (symlinks included). */
async function checkExecutable(root: string, manifest: Manifest): Promise<void> {
  const declared = manifest.server?.executable;
  if (!declared) return;
  const file = path.resolve(root, declared);
  const problem = (why: string) =>
    appError("app.plugin.manifest.app_error", { where: "installPlugin", params: { Reason: `server.executable ${JSON.stringify(declared)} ${why}` } });
  if (!file.startsWith(root + path.sep)) throw problem("is outside the bundle");
  const found = await stat(file).catch(() => null);
  if (!found?.isFile()) throw problem("is not a file in the bundle");
}
