// Stable problem ids: a hash of the grouping key, so that a problem keeps its id while traffic
// arrives (a panel selection survives) and across runs of the CLI on the same recording.

/** 32-bit FNV-1a over UTF-16 code units, from a given offset basis. */
function fnv1a(text: string, basis: number): number {
  let h = basis >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** `p-` and 12 hex digits: two FNV-1a hashes with different bases (48 bits; a recording has at most thousands of problems). */
export function problemId(key: string): string {
  const a = fnv1a(key, 0x811c9dc5).toString(16).padStart(8, '0');
  const b = fnv1a(key, 0x050c5d1f).toString(16).padStart(8, '0');
  return `p-${a}${b.slice(0, 4)}`;
}
