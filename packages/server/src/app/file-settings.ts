/**
 * The FileSettings / ServiceSettings the files and emoji services read, at the moment they act
 * (config.json may change while the server runs; the server passes a reader over it).
 */
import { randomBytes } from "node:crypto";

export interface FileSettings {
  /** FileSettings.EnablePublicLink: GetFileLink and `/files/{id}/public` work only when true. */
  readonly enablePublicLink: boolean;
  /** FileSettings.PublicLinkSalt: mixed into public link hashes, so links cannot be guessed. */
  readonly publicLinkSalt: string;
  /** ServiceSettings.EnableCustomEmoji. */
  readonly enableCustomEmoji: boolean;
  /** FileSettings.MaxFileSize in bytes. */
  readonly maxFileBytes: number;
}

/** Mattermost's defaults, with a salt made once per process (the server persists its own). */
export function defaultFileSettings(maxFileBytes: number): () => FileSettings {
  const settings: FileSettings = { enablePublicLink: false, publicLinkSalt: newPublicLinkSalt(), enableCustomEmoji: true, maxFileBytes };
  return () => settings;
}

/** A fresh 32-character salt, as Mattermost generates for FileSettings.PublicLinkSalt. */
export function newPublicLinkSalt(): string {
  return randomBytes(24).toString("base64url");
}
