// A decoder for Snappy's raw format (github.com/google/snappy, format_description.txt), so that a
// byte search of a browser profile also reads what the browser stored compressed: Firefox compresses
// every IndexedDB value with it, which breaks a string up into copies of earlier bytes.

function fail(why: string): never {
  throw new Error(`not a Snappy stream: ${why}`);
}

export function snappyDecompress(src: Uint8Array): Uint8Array {
  let pos = 0;
  let length = 0;
  for (let shift = 0; ; shift += 7) {
    const byte = src[pos++];
    if (byte === undefined || shift > 28) fail('bad length');
    length += (byte & 0x7f) * 2 ** shift;
    if ((byte & 0x80) === 0) break;
  }
  const out = new Uint8Array(length);
  let o = 0;
  const at = (i: number): number => src[i] ?? fail('truncated');
  while (pos < src.length) {
    const tag = at(pos++);
    const type = tag & 3;
    if (type === 0) {
      let n = tag >> 2;
      if (n >= 60) {
        const bytes = n - 59;
        n = 0;
        for (let i = 0; i < bytes; i++) n += at(pos++) * 2 ** (8 * i);
      }
      n += 1;
      if (pos + n > src.length || o + n > length) fail('literal too long');
      out.set(src.subarray(pos, pos + n), o);
      pos += n;
      o += n;
      continue;
    }
    let count: number;
    let offset: number;
    if (type === 1) {
      count = ((tag >> 2) & 7) + 4;
      offset = ((tag >> 5) << 8) | at(pos++);
    } else if (type === 2) {
      count = (tag >> 2) + 1;
      offset = at(pos) | (at(pos + 1) << 8);
      pos += 2;
    } else {
      count = (tag >> 2) + 1;
      offset = (at(pos) | (at(pos + 1) << 8) | (at(pos + 2) << 16)) + at(pos + 3) * 2 ** 24;
      pos += 4;
    }
    if (offset === 0 || offset > o || o + count > length) fail('bad copy');
    // Byte by byte: a copy may overlap what it writes (offset < count repeats a run).
    for (let i = 0; i < count; i++, o++) out[o] = out[o - offset] as number;
  }
  if (o !== length) fail('shorter than announced');
  return out;
}
