/**
 * Mattermost's config sanitizing: the secrets of model.Config are replaced by "********" before a
 * config leaves for someone who should not read them (Config.Sanitize), and a "********" coming
 * back in a saved config means "keep the saved value" (the config store's desanitize), so a
 * plugin can read, change and save the config without wiping secrets it never saw.
 */
import type { Manifest } from "@polyplug/host";

/** Mattermost's model.FakeSetting. */
export const FAKE_SETTING = "********";

type Json = Record<string, unknown>;

/** Secret string settings, as Mattermost's Config.Sanitize lists them. */
const SECRET_PATHS: ReadonlyArray<readonly string[]> = [
  ["LdapSettings", "BindPassword"],
  ["FileSettings", "PublicLinkSalt"],
  ["FileSettings", "AmazonS3SecretAccessKey"],
  ["FileSettings", "ExportAmazonS3SecretAccessKey"],
  ["EmailSettings", "SMTPPassword"],
  ["GitLabSettings", "Secret"],
  ["GoogleSettings", "Secret"],
  ["Office365Settings", "Secret"],
  ["OpenIdSettings", "Secret"],
  ["SqlSettings", "DataSource"],
  ["SqlSettings", "AtRestEncryptKey"],
  ["ElasticsearchSettings", "Password"],
  ["MessageExportSettings", "GlobalRelaySettings", "SMTPPassword"],
  ["ServiceSettings", "SplitKey"],
];
/** Secret string lists: every entry is hidden. */
const SECRET_LISTS: ReadonlyArray<readonly string[]> = [
  ["SqlSettings", "DataSourceReplicas"],
  ["SqlSettings", "DataSourceSearchReplicas"],
];

const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);

function parentOf(config: Json, path: readonly string[]): Json | undefined {
  let node: unknown = config;
  for (const key of path.slice(0, -1)) node = isObject(node) ? node[key] : undefined;
  return isObject(node) ? node : undefined;
}

/** Keys of a plugin's settings marked `secret` in its manifest (Mattermost hides those too). */
function secretPluginSettings(manifest: Manifest): string[] {
  return (manifest.settings_schema?.settings ?? []).filter((s) => (s as { secret?: unknown }).secret === true).map((s) => s.key.toLowerCase());
}

/** Every secret location in `config`: [object holding it, key]. */
function secretSlots(config: Json, manifests: readonly Manifest[]): Array<[Json | unknown[], string | number]> {
  const slots: Array<[Json | unknown[], string | number]> = [];
  for (const path of SECRET_PATHS) {
    const parent = parentOf(config, path);
    if (parent && typeof parent[path.at(-1)!] === "string") slots.push([parent, path.at(-1)!]);
  }
  for (const path of SECRET_LISTS) {
    const list = parentOf(config, path)?.[path.at(-1)!];
    if (Array.isArray(list)) list.forEach((item, index) => typeof item === "string" && slots.push([list, index]));
  }
  const lag = parentOf(config, ["SqlSettings", "ReplicaLagSettings"])?.["ReplicaLagSettings"];
  if (Array.isArray(lag)) for (const entry of lag) if (isObject(entry) && typeof entry["DataSource"] === "string") slots.push([entry, "DataSource"]);
  const plugins = parentOf(config, ["PluginSettings", "Plugins"])?.["Plugins"];
  if (isObject(plugins)) {
    for (const manifest of manifests) {
      const secrets = secretPluginSettings(manifest);
      const settings = plugins[manifest.id];
      if (!isObject(settings) || secrets.length === 0) continue;
      for (const key of Object.keys(settings)) if (secrets.includes(key.toLowerCase()) && typeof settings[key] === "string") slots.push([settings, key]);
    }
  }
  return slots;
}

/** A deep copy of `config` with every non-empty secret replaced by {@link FAKE_SETTING}. */
export function sanitizeConfig(config: Json, manifests: readonly Manifest[]): Json {
  const copy = structuredClone(config);
  for (const [holder, key] of secretSlots(copy, manifests)) {
    const record = holder as Record<string | number, unknown>;
    if (record[key] !== "") record[key] = FAKE_SETTING;
  }
  return copy;
}

/** `incoming` (a copy) with each secret still {@link FAKE_SETTING} put back to its value in `saved`. */
export function desanitizeConfig(incoming: Json, saved: Json, manifests: readonly Manifest[]): Json {
  const copy = structuredClone(incoming);
  for (const [holder, key] of secretSlots(copy, manifests)) {
    const record = holder as Record<string | number, unknown>;
    if (record[key] !== FAKE_SETTING) continue;
    const original = findSame(copy, saved, holder, key);
    record[key] = original ?? "";
  }
  return copy;
}

/** The value in `saved` at the same path as (holder, key) in `incoming`. */
function findSame(incoming: Json, saved: Json, holder: unknown, key: string | number): unknown {
  const path = pathTo(incoming, holder);
  if (!path) return undefined;
  let node: unknown = saved;
  for (const step of [...path, key]) node = isObject(node) || Array.isArray(node) ? (node as Record<string | number, unknown>)[step] : undefined;
  return typeof node === "string" ? node : undefined;
}

function pathTo(root: unknown, target: unknown, trail: Array<string | number> = []): Array<string | number> | null {
  if (root === target) return trail;
  if (!isObject(root) && !Array.isArray(root)) return null;
  for (const [key, value] of Object.entries(root)) {
    const found = pathTo(value, target, [...trail, Array.isArray(root) ? Number(key) : key]);
    if (found) return found;
  }
  return null;
}
