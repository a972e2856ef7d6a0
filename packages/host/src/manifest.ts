import { readFile } from "node:fs/promises";
import path from "node:path";
import { HostError, HostErrorCode } from "./host-error.js";

/** The runtimes a plugin's server part can declare in `server.runtime`. */
export type PluginRuntimeName = "python" | "node" | "native";

/** One entry of `settings_schema.settings` (Mattermost's PluginSetting). */
export interface PluginSetting {
  readonly key: string;
  readonly display_name?: string;
  readonly type: string;
  readonly help_text?: string;
  readonly placeholder?: string;
  readonly default?: unknown;
  readonly options?: ReadonlyArray<{ display_name: string; value: string }>;
}

/** A validated plugin manifest (`plugin.json`), with Mattermost's JSON field names. */
export interface Manifest {
  readonly id: string;
  readonly name: string;
  readonly description?: string;
  readonly version?: string;
  readonly min_server_version?: string;
  readonly server?: {
    readonly runtime?: PluginRuntimeName;
    readonly executable?: string;
    readonly executables?: Readonly<Record<string, string>>;
  };
  readonly settings_schema?: { readonly header?: string; readonly footer?: string; readonly settings?: readonly PluginSetting[] };
  readonly props?: Readonly<Record<string, unknown>>;
}

export const MANIFEST_FILE = "plugin.json";
const ID_PATTERN = /^[a-zA-Z0-9-_.]+$/;
const SEMVER = /^v?[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/;
const SETTING_TYPES = new Set(["bool", "dropdown", "generated", "radio", "text", "longtext", "number", "username", "custom"]);
const RUNTIMES = new Set<PluginRuntimeName>(["python", "node", "native"]);

/** Reads and validates `<bundleDir>/plugin.json`. All problems are reported at once. */
export async function loadManifest(bundleDir: string): Promise<Manifest> {
  const file = path.join(bundleDir, MANIFEST_FILE);
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (cause) {
    throw new HostError(HostErrorCode.ManifestMissing, `no ${MANIFEST_FILE} in ${bundleDir}: every plugin bundle needs one`, { cause });
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (cause) {
    throw new HostError(HostErrorCode.ManifestInvalid, `${file} is not valid JSON: ${(cause as Error).message}`, { cause });
  }
  return validateManifest(raw, file);
}

/** Validates a parsed manifest; `source` names it in messages. The id is lower-cased, as Mattermost does. */
export function validateManifest(raw: unknown, source = MANIFEST_FILE): Manifest {
  const problems: string[] = [];
  if (!isObject(raw)) throw new HostError(HostErrorCode.ManifestInvalid, `${source}: must be a JSON object`);
  const id = raw["id"];
  if (typeof id !== "string" || id.length < 3 || id.length > 190 || !ID_PATTERN.test(id)) {
    problems.push(`"id" must be 3-190 characters of letters, digits, "-", "_" or "." (got ${JSON.stringify(id)})`);
  }
  if (typeof raw["name"] !== "string" || raw["name"].trim() === "") problems.push(`"name" is required`);
  for (const key of ["version", "min_server_version"] as const) {
    const value = raw[key];
    if (value !== undefined && (typeof value !== "string" || !SEMVER.test(value))) {
      problems.push(`"${key}" must be a semantic version like "1.2.3" (got ${JSON.stringify(value)})`);
    }
  }
  validateServer(raw["server"], problems);
  validateSettings(raw["settings_schema"], problems);
  if (problems.length > 0) {
    throw new HostError(HostErrorCode.ManifestInvalid, `${source} is invalid: ${problems.join("; ")}`);
  }
  return { ...(raw as unknown as Manifest), id: (id as string).toLowerCase() };
}

function validateServer(server: unknown, problems: string[]): void {
  if (server === undefined) return;
  if (!isObject(server)) return void problems.push(`"server" must be an object`);
  const runtime = server["runtime"];
  if (runtime !== undefined && !RUNTIMES.has(runtime as PluginRuntimeName)) {
    problems.push(`"server.runtime" must be one of python, node, native (got ${JSON.stringify(runtime)})`);
  }
  const executable = server["executable"];
  const executables = server["executables"];
  if (executable !== undefined && (typeof executable !== "string" || executable === "")) {
    problems.push(`"server.executable" must be a non-empty path relative to the bundle`);
  }
  if (executables !== undefined && (!isObject(executables) || Object.values(executables).some((v) => typeof v !== "string"))) {
    problems.push(`"server.executables" must map "<os>-<arch>" to paths`);
  }
  if (executable === undefined && executables === undefined) problems.push(`"server" needs "executable" (or "executables")`);
}

function validateSettings(schema: unknown, problems: string[]): void {
  if (schema === undefined) return;
  if (!isObject(schema)) return void problems.push(`"settings_schema" must be an object`);
  const settings = schema["settings"];
  if (settings === undefined) return;
  if (!Array.isArray(settings)) return void problems.push(`"settings_schema.settings" must be an array`);
  settings.forEach((setting: unknown, index) => {
    if (!isObject(setting) || typeof setting["key"] !== "string" || setting["key"] === "") {
      problems.push(`"settings_schema.settings[${index}].key" is required`);
    } else if (typeof setting["type"] !== "string" || !SETTING_TYPES.has(setting["type"])) {
      problems.push(`"settings_schema.settings[${index}].type" must be one of ${[...SETTING_TYPES].join(", ")}`);
    }
  });
}

/** The manifest's setting defaults, keyed by setting key (what a fresh install's config holds). */
export function settingDefaults(manifest: Manifest): Record<string, unknown> {
  const defaults: Record<string, unknown> = {};
  for (const setting of manifest.settings_schema?.settings ?? []) {
    if (setting.default !== undefined) defaults[setting.key] = setting.default;
  }
  return defaults;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
