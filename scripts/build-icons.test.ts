import { inflateSync } from 'node:zlib';
import { expect, test } from 'vitest';
import { encodeIcon, MARGINS } from './build-icons.mjs';

/** Width, height and RGBA rows of a PNG written by encodeIcon (one IDAT, filter 0 on every row). */
function decode(png: Buffer): { width: number; height: number; alpha: (x: number, y: number) => number } {
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  const idatLength = png.readUInt32BE(33);
  const raw = inflateSync(png.subarray(41, 41 + idatLength));
  return { width, height, alpha: (x, y) => raw[y * (width * 4 + 1) + 1 + x * 4 + 3] ?? -1 };
}

// The Chrome Web Store asks for 96×96 artwork inside a transparent 16 px margin at 128 px.
test.each([
  [16, 0],
  [32, 0],
  [48, 0],
  [128, 16],
])('the %i px icon is that size; its %i px margin is transparent and its artwork reaches the margin', (size, margin) => {
  const { width, height, alpha } = decode(encodeIcon(size));
  expect([width, height]).toEqual([size, size]);
  expect(MARGINS[size] ?? 0).toBe(margin);
  const inMargin = (x: number, y: number): boolean => x < margin || y < margin || x >= size - margin || y >= size - margin;
  let opaqueInMargin = 0;
  let top = size;
  let bottom = -1;
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      if (alpha(x, y) === 0) continue;
      if (inMargin(x, y)) opaqueInMargin += 1;
      top = Math.min(top, y);
      bottom = Math.max(bottom, y);
    }
  expect(opaqueInMargin).toBe(0);
  // The artwork fills its square (the lens near the top edge, the handle near the bottom).
  expect(top - margin).toBeLessThanOrEqual(Math.ceil(size * 0.05));
  expect(size - margin - 1 - bottom).toBeLessThanOrEqual(Math.ceil(size * 0.05));
});

