/**
 * Reading an image's format and size from its header, without decoding it (no image library is
 * bundled): PNG, JPEG and GIF, the formats Mattermost accepts as profile images. Anything else,
 * or a header that is cut short, is not an image.
 */

export interface ImageHeader {
  readonly contentType: "image/png" | "image/jpeg" | "image/gif";
  readonly width: number;
  readonly height: number;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** The format and dimensions of `data`, or undefined when it is not a PNG, JPEG or GIF image. */
export function readImageHeader(data: Uint8Array): ImageHeader | undefined {
  const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const header = png(bytes) ?? gif(bytes) ?? jpeg(bytes);
  return header && header.width > 0 && header.height > 0 ? header : undefined;
}

function png(b: Buffer): ImageHeader | undefined {
  if (b.length < 24 || !PNG_SIGNATURE.every((byte, i) => b[i] === byte) || b.toString("latin1", 12, 16) !== "IHDR") return undefined;
  return { contentType: "image/png", width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

function gif(b: Buffer): ImageHeader | undefined {
  const magic = b.length >= 10 ? b.toString("latin1", 0, 6) : "";
  if (magic !== "GIF87a" && magic !== "GIF89a") return undefined;
  return { contentType: "image/gif", width: b.readUInt16LE(6), height: b.readUInt16LE(8) };
}

/** Walks the JPEG segments to the first start-of-frame, which holds the size. */
function jpeg(b: Buffer): ImageHeader | undefined {
  if (b.length < 4 || b[0] !== 0xff || b[1] !== 0xd8) return undefined;
  let at = 2;
  while (at + 4 <= b.length) {
    if (b[at] !== 0xff) return undefined;
    const marker = b[at + 1]!;
    if (marker === 0xff) { at += 1; continue; } // fill byte
    const length = b.readUInt16BE(at + 2);
    const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isFrame) {
      if (at + 9 > b.length) return undefined;
      return { contentType: "image/jpeg", height: b.readUInt16BE(at + 5), width: b.readUInt16BE(at + 7) };
    }
    if (length < 2) return undefined;
    at += 2 + length;
  }
  return undefined;
}
