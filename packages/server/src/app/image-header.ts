/**
 * Reads an image's format and size from its header, without decoding pixels (the server carries no
 * image library). Knows the formats Mattermost's image decoding accepts for icons and profile
 * pictures: PNG, JPEG, GIF, BMP and WebP. PNG and JPEG are walked chunk by chunk / segment by
 * segment, so a truncated or corrupt file is refused rather than stored.
 */

/** A recognised image: its format and pixel dimensions. */
export interface ImageHeader {
  readonly format: "png" | "jpeg" | "gif" | "bmp" | "webp";
  readonly width: number;
  readonly height: number;
}

/** The image's header, or null when the bytes are not a readable image of a known format. */
export function readImageHeader(data: Uint8Array): ImageHeader | null {
  const header = sniff(Buffer.from(data.buffer, data.byteOffset, data.byteLength));
  return header !== null && header.width > 0 && header.height > 0 ? header : null;
}

function sniff(b: Buffer): ImageHeader | null {
  try {
    if (b.length >= 8 && b.readUInt32BE(0) === 0x89504e47 && b.readUInt32BE(4) === 0x0d0a1a0a) return png(b);
    if (b.length >= 4 && b[0] === 0xff && b[1] === 0xd8) return jpeg(b);
    const ascii = b.subarray(0, 16).toString("latin1");
    if (ascii.startsWith("GIF87a") || ascii.startsWith("GIF89a")) return b.length >= 13 ? { format: "gif", width: b.readUInt16LE(6), height: b.readUInt16LE(8) } : null;
    if (ascii.startsWith("BM") && b.length >= 26) return { format: "bmp", width: Math.abs(b.readInt32LE(18)), height: Math.abs(b.readInt32LE(22)) };
    if (ascii.startsWith("RIFF") && ascii.slice(8, 12) === "WEBP") return webp(b);
  } catch {
    // A read past the end: a truncated header.
  }
  return null;
}

/** PNG: IHDR first, then whole chunks up to IEND. */
function png(b: Buffer): ImageHeader | null {
  if (b.toString("latin1", 12, 16) !== "IHDR") return null;
  const header: ImageHeader = { format: "png", width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
  for (let at = 8; at + 12 <= b.length;) {
    const length = b.readUInt32BE(at);
    if (b.toString("latin1", at + 4, at + 8) === "IEND") return header;
    at += 12 + length;
  }
  return null;
}

/** JPEG: segments up to a start-of-frame marker, which carries the size. */
function jpeg(b: Buffer): ImageHeader | null {
  for (let at = 2; at + 4 <= b.length;) {
    if (b[at] !== 0xff) return null;
    const marker = b[at + 1]!;
    if (marker === 0xff) { at += 1; continue; }
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) { at += 2; continue; }
    const length = b.readUInt16BE(at + 2);
    const startOfFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (startOfFrame) return { format: "jpeg", height: b.readUInt16BE(at + 5), width: b.readUInt16BE(at + 7) };
    if (marker === 0xd9 || marker === 0xda) return null;
    at += 2 + length;
  }
  return null;
}

/** WebP: the first chunk says which encoding (lossy, lossless, extended) and where the size is. */
function webp(b: Buffer): ImageHeader | null {
  const chunk = b.toString("latin1", 12, 16);
  if (chunk === "VP8 ") return { format: "webp", width: b.readUInt16LE(26) & 0x3fff, height: b.readUInt16LE(28) & 0x3fff };
  if (chunk === "VP8L") {
    const bits = b.readUInt32LE(21);
    return { format: "webp", width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  if (chunk === "VP8X") return { format: "webp", width: b.readUIntLE(24, 3) + 1, height: b.readUIntLE(27, 3) + 1 };
  return null;
}
