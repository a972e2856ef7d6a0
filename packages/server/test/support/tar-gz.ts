/**
 * Builds `.tar.gz` bundles byte by byte, so tests can make exactly the archive they need —
 * including the malicious ones a normal tar tool refuses to write (`../x`, absolute paths,
 * symlinks out of the bundle, devices).
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

export interface TarEntry {
  path: string;
  /** "0" file (default), "5" directory, "2" symlink, "1" hard link, "3" character device. */
  type?: "0" | "1" | "2" | "3" | "5";
  content?: string | Buffer;
  linkpath?: string;
  mode?: number;
}

function header(entry: TarEntry, size: number): Buffer {
  const block = Buffer.alloc(512);
  const put = (value: string, offset: number, length: number) => block.write(value, offset, length, "utf8");
  const octal = (value: number, length: number) => value.toString(8).padStart(length - 1, "0") + "\0";
  put(entry.path, 0, 100);
  put(octal(entry.mode ?? (entry.type === "5" ? 0o755 : 0o644), 8), 100, 8);
  put(octal(0, 8), 108, 8);
  put(octal(0, 8), 116, 8);
  put(octal(size, 12), 124, 12);
  put(octal(0, 12), 136, 12);
  block.fill(" ", 148, 156);
  put(entry.type ?? "0", 156, 1);
  put(entry.linkpath ?? "", 157, 100);
  put("ustar\0", 257, 6);
  put("00", 263, 2);
  let sum = 0;
  for (const byte of block) sum += byte;
  put(sum.toString(8).padStart(6, "0") + "\0 ", 148, 8);
  return block;
}

/** A gzip-compressed tar of `entries`, in order. */
export function makeTarGz(entries: TarEntry[]): Buffer {
  const parts: Buffer[] = [];
  for (const entry of entries) {
    const data = entry.type === undefined || entry.type === "0" ? Buffer.from(entry.content ?? "") : Buffer.alloc(0);
    parts.push(header(entry, data.length), data, Buffer.alloc((512 - (data.length % 512)) % 512));
  }
  parts.push(Buffer.alloc(1024));
  return gzipSync(Buffer.concat(parts));
}

/** A bundle from a directory on disk, under `prefix/` (Mattermost bundles usually have one top folder). */
export function bundleFromDir(dir: string, prefix: string): Buffer {
  const entries: TarEntry[] = [{ path: `${prefix}/`, type: "5" }];
  const walk = (rel: string) => {
    for (const name of readdirSync(path.join(dir, rel))) {
      if (name === "__pycache__") continue;
      const relative = rel ? `${rel}/${name}` : name;
      const full = path.join(dir, relative);
      if (statSync(full).isDirectory()) {
        entries.push({ path: `${prefix}/${relative}/`, type: "5" });
        walk(relative);
      } else {
        entries.push({ path: `${prefix}/${relative}`, content: readFileSync(full) });
      }
    }
  };
  walk("");
  return makeTarGz(entries);
}
