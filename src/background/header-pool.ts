// One shared, frozen object per distinct header. Most of what a tab's log holds is the same few
// dozen headers over and over (User-Agent, sec-ch-ua, Accept-*, Origin, Referer, Sec-Fetch-*),
// each arriving as fresh strings with every webRequest event; sharing them is most of what keeps
// a stored exchange under 3 KB (`npm run bench -- recorder`). Bounded: when full it starts over,
// which only costs sharing, never a header.

import type { Header } from '../core/model';

/** Longer values (cookies, tokens, long URLs) are rarely repeated: not worth a key. */
const MAX_SHARED_VALUE = 256;
const MAX_ENTRIES = 4_096;

export class HeaderPool {
  private readonly headers = new Map<string, Header>();

  header(name: string, value: string): Header {
    if (value.length > MAX_SHARED_VALUE) return { name, value };
    // Length-prefixed: no name/value split of one string can collide with another's.
    const key = `${name.length}:${name}${value}`;
    let shared = this.headers.get(key);
    if (!shared) {
      if (this.headers.size >= MAX_ENTRIES) this.headers.clear();
      shared = Object.freeze({ name, value });
      this.headers.set(key, shared);
    }
    return shared;
  }
}
