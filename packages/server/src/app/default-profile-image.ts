/**
 * The profile image of a user who never set one. Mattermost draws the user's initial on a colour
 * picked from the user id; without a font renderer this draws a deterministic pattern instead: a
 * light disc on a colour picked from the user id, as a 128x128 PNG. Same id, same bytes.
 */
import { createHash } from "node:crypto";
import { deflateSync } from "node:zlib";

const SIZE = 128;
/** Mattermost's default profile image palette. */
const COLOURS: ReadonlyArray<readonly [number, number, number]> = [
  [197, 8, 126], [227, 207, 18], [62, 120, 9], [133, 100, 137], [56, 122, 208], [236, 89, 33], [20, 131, 126], [211, 34, 54],
];

/** The default PNG for `userId`. */
export function defaultProfileImage(userId: string): Buffer {
  const digest = createHash("sha256").update(userId).digest();
  const [r, g, b] = COLOURS[digest[0]! % COLOURS.length]!;
  const rows = Buffer.alloc(SIZE * (1 + SIZE * 3));
  const centre = (SIZE - 1) / 2;
  for (let y = 0; y < SIZE; y += 1) {
    const row = y * (1 + SIZE * 3); // each row starts with filter type 0 (none)
    for (let x = 0; x < SIZE; x += 1) {
      const inDisc = (x - centre) ** 2 + (y - centre) ** 2 <= (SIZE / 4) ** 2;
      const at = row + 1 + x * 3;
      rows[at] = inDisc ? 255 - ((255 - r) >> 2) : r;
      rows[at + 1] = inDisc ? 255 - ((255 - g) >> 2) : g;
      rows[at + 2] = inDisc ? 255 - ((255 - b) >> 2) : b;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(SIZE, 0);
  ihdr.writeUInt32BE(SIZE, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, deflate, no filter method, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(rows)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "latin1");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

let table: Uint32Array | undefined;

function crc32(data: Buffer): number {
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n += 1) {
      let c = n;
      for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (const byte of data) crc = table[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
