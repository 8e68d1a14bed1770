// Access-Control-Allow-Methods / -Headers parsing (Fetch §3.2.3 "extract header list values").
// Each comma-separated item must be a token (RFC 9110 §5.6.2); empty items are ignored, as
// Chromium's ParseAccessControlAllowList and Firefox's nsCORSListenerProxy both do. One bad
// item makes the whole header invalid.

import { splitList } from '../headers';

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

export type TokenList = { readonly ok: true; readonly items: readonly string[] } | { readonly ok: false; readonly bad: string };

const EMPTY: TokenList = Object.freeze({ ok: true, items: Object.freeze([]) });
// Results are shared (frozen) per value: servers answer with the same few lists over and over.
const CACHE_LIMIT = 4096;
const parsed = new Map<string, TokenList>();

export function parseTokenList(value: string | null): TokenList {
  if (value === null) return EMPTY;
  const known = parsed.get(value);
  if (known !== undefined) return known;
  const items = splitList(value);
  const bad = items.find((item) => !TOKEN.test(item));
  const result: TokenList = Object.freeze(bad === undefined ? { ok: true, items } : { ok: false, bad });
  if (parsed.size >= CACHE_LIMIT) parsed.clear();
  parsed.set(value, result);
  return result;
}
