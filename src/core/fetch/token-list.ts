// Access-Control-Allow-Methods / -Headers parsing (Fetch §3.2.3 "extract header list values").
// Each comma-separated item must be a token (RFC 9110 §5.6.2); empty items are ignored, as
// Chromium's ParseAccessControlAllowList and Firefox's nsCORSListenerProxy both do. One bad
// item makes the whole header invalid.

import { splitList } from '../headers';

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

export type TokenList = { readonly ok: true; readonly items: readonly string[] } | { readonly ok: false; readonly bad: string };

export function parseTokenList(value: string | null): TokenList {
  if (value === null) return { ok: true, items: [] };
  const items = splitList(value);
  for (const item of items) if (!TOKEN.test(item)) return { ok: false, bad: item };
  return { ok: true, items };
}
