// One copy of each header name and value a HAR repeats. JSON.parse gives every occurrence its own
// string, and a large recording sends the same `Accept`, `User-Agent`, `Access-Control-*` lines
// tens of thousands of times: sharing them roughly halves what the reader keeps per entry.

/** Distinct strings kept at most; past it the pool starts over (a bound for hostile input). */
const LIMIT = 1 << 16;

export class StringPool {
  private readonly strings = new Map<string, string>();

  get(s: string): string {
    const known = this.strings.get(s);
    if (known !== undefined) return known;
    if (this.strings.size >= LIMIT) this.strings.clear();
    this.strings.set(s, s);
    return s;
  }
}
