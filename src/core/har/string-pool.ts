// One copy of each header a HAR repeats. JSON.parse gives every occurrence its own strings and
// objects, and a large recording sends the same `Accept`, `User-Agent`, `Access-Control-*` lines
// tens of thousands of times: sharing them (headers are read-only everywhere, model.ts) cuts
// what the reader keeps per entry by more than half.

import type { Header } from '../model';

export interface StringPoolOptions {
  /** Distinct strings (or headers) kept at most; past it the pool starts over (a bound for hostile input). */
  readonly limit?: number;
  /** Longer header values are not shared (a long-lived pool would keep rare cookies and tokens alive). */
  readonly maxSharedValue?: number;
}

export class StringPool {
  private readonly strings = new Map<string, string>();
  private readonly headers = new Map<string, Map<string, Header>>();
  private headerCount = 0;
  private readonly limit: number;
  private readonly maxSharedValue: number;

  constructor(options: StringPoolOptions = {}) {
    this.limit = options.limit ?? 1 << 16;
    this.maxSharedValue = options.maxSharedValue ?? Number.POSITIVE_INFINITY;
  }

  get(s: string): string {
    const known = this.strings.get(s);
    if (known !== undefined) return known;
    if (this.strings.size >= this.limit) this.strings.clear();
    this.strings.set(s, s);
    return s;
  }

  /** A shared, frozen `{name, value}`. */
  header(name: string, value: string): Header {
    if (value.length > this.maxSharedValue) return { name, value };
    let byValue = this.headers.get(name);
    const known = byValue?.get(value);
    if (known) return known;
    if (this.headerCount >= this.limit) {
      this.headers.clear();
      this.headerCount = 0;
      byValue = undefined;
    }
    if (!byValue) this.headers.set(name, (byValue = new Map()));
    const header = Object.freeze({ name: this.get(name), value: this.get(value) });
    byValue.set(value, header);
    this.headerCount++;
    return header;
  }
}
