/**
 * FileSettings and ServiceSettings.EnableCustomEmoji from config.json, read at each use so an
 * admin's change (or a plugin's SaveConfig) applies without a restart. Defaults are Mattermost's:
 * public links off, custom emoji on. A missing FileSettings.PublicLinkSalt is generated once and
 * saved, as Mattermost does on first start, so public links survive restarts.
 */
import { newPublicLinkSalt, type FileSettings } from "../app/file-settings.js";
import type { ServerConfigFile } from "./server-config-file.js";

type Json = Record<string, unknown>;

function section(config: Json, name: string): Json {
  const value = config[name];
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Json) : {};
}

export function fileSettingsFromConfig(config: ServerConfigFile, maxFileBytes: number): () => FileSettings {
  let generatedSalt: string | undefined;
  return () => {
    const json = config.read();
    const files = section(json, "FileSettings");
    const service = section(json, "ServiceSettings");
    let salt = typeof files["PublicLinkSalt"] === "string" && files["PublicLinkSalt"] !== "" ? files["PublicLinkSalt"] : undefined;
    if (salt === undefined) {
      if (generatedSalt === undefined) {
        const fresh = newPublicLinkSalt();
        generatedSalt = fresh;
        void config.update((current) => {
          const settings = section(current, "FileSettings");
          if (typeof settings["PublicLinkSalt"] !== "string" || settings["PublicLinkSalt"] === "") settings["PublicLinkSalt"] = fresh;
          current["FileSettings"] = settings;
        }).catch(() => undefined);
      }
      salt = generatedSalt;
    }
    return {
      enablePublicLink: files["EnablePublicLink"] === true,
      publicLinkSalt: salt,
      enableCustomEmoji: service["EnableCustomEmoji"] !== false,
      maxFileBytes,
    };
  };
}
