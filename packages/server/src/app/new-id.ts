/**
 * Mattermost-style identifiers: 26 characters of lowercase base32 over 128 random bits.
 *
 * Mattermost encodes a random UUID with the alphabet below and no padding, so its ids are exactly
 * 26 chars of [a-z0-9]. Clients and plugins validate ids by that shape, so ours must match it.
 */
import { randomBytes } from "node:crypto";

/** Mattermost's base32 alphabet (no easily-confused characters such as 0/o, 1/l, v). */
const ALPHABET = "ybndrfg8ejkmcpqxot1uwisza345h769";

const ID_PATTERN = /^[a-z0-9]{26}$/;

/** Encodes bytes as unpadded base32 (5 bits per character, most significant bits first). */
function encodeBase32(bytes: Uint8Array): string {
  let out = "";
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += ALPHABET[(buffer >>> bits) & 31];
    }
    buffer &= (1 << bits) - 1;
  }
  if (bits > 0) out += ALPHABET[(buffer << (5 - bits)) & 31];
  return out;
}

/** A new random id (also used for session tokens: 128 bits of entropy). */
export function newId(): string {
  return encodeBase32(randomBytes(16));
}

/** Whether `value` has the shape of an id (Mattermost's `IsValidId`, lowercase only). */
export function isValidId(value: unknown): value is string {
  return typeof value === "string" && ID_PATTERN.test(value);
}
