// Draws the extension's icons (a lens over two overlapping origins) as PNG files, so the repository
// holds no binary assets and every build has them. Pure Node: zlib + a hand-written PNG encoder.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/**
 * The 128 px icon: 96×96 artwork inside a 16 px transparent margin, as the Chrome Web Store's image
 * guidelines ask, with a soft white halo so the dark ring stays visible on a dark background.
 */
export const MARGINS = { 128: 16 };

/** RGBA pixel for (x, y) in the artwork, coordinates scaled to a 0..1 square. */
function pixel(x, y, halo) {
  const dist = (cx, cy) => Math.hypot(x - cx, y - cy);
  const blue = [26, 115, 232, 255];
  const orange = [242, 139, 0, 255];
  const white = [255, 255, 255, 255];
  const handleAt = (width, end) => x > 0.62 && y > 0.62 && Math.abs(x - y) < width && x < end;
  if (handleAt(0.09, 0.95)) return [60, 64, 67, 255];
  const lens = dist(0.42, 0.42);
  if (lens > 0.3 && lens < 0.4) return [60, 64, 67, 255];
  if (lens <= 0.3) {
    if (dist(0.34, 0.42) < 0.16) return blue;
    if (dist(0.52, 0.42) < 0.16) return orange;
    return white;
  }
  if (halo && (lens < 0.44 || handleAt(0.13, 0.98))) return [255, 255, 255, 160];
  return [0, 0, 0, 0];
}

export function encodeIcon(size) {
  const margin = MARGINS[size] ?? 0;
  const art = size - 2 * margin;
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    for (let x = 0; x < size; x++) {
      const inArt = x >= margin && x < size - margin && y >= margin && y < size - margin;
      const rgba = inArt ? pixel((x - margin + 0.5) / art, (y - margin + 0.5) / art, margin > 0) : [0, 0, 0, 0];
      raw.set(rgba, y * (size * 4 + 1) + 1 + x * 4);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit depth, RGBA, deflate, no filter, no interlace
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

export function writeIcons(dir, sizes = [16, 32, 48, 128]) {
  mkdirSync(dir, { recursive: true });
  for (const size of sizes) writeFileSync(join(dir, `icon-${size}.png`), encodeIcon(size));
}
