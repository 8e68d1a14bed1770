// Header-list helpers over our own `HeaderList` (names compare case-insensitively, Fetch §2.2.2).

import type { Header, HeaderList } from './model';

/** HTTP optional whitespace (RFC 9110 §5.6.3): what a parser strips around a field value. */
export function trimOws(value: string): string {
  let start = 0;
  let end = value.length;
  while (start < end && (value[start] === ' ' || value[start] === '\t')) start++;
  while (end > start && (value[end - 1] === ' ' || value[end - 1] === '\t')) end--;
  return start === 0 && end === value.length ? value : value.slice(start, end);
}

// Header names come from a small vocabulary (the same few dozen names on every request), so each
// is lower-cased once and remembered: `toLowerCase` on every comparison made a new string each
// time. Bounded, as hostile input may bring any number of names.
const LOWER_CACHE_LIMIT = 4096;
const lowerNames = new Map<string, string>();

/** `name.toLowerCase()`, without a new string for a name seen before. */
export function lowerCaseName(name: string): string {
  const known = lowerNames.get(name);
  if (known !== undefined) return known;
  const lower = name.toLowerCase();
  if (lowerNames.size >= LOWER_CACHE_LIMIT) lowerNames.clear();
  lowerNames.set(name, lower);
  return lower;
}

// A linear scan: header lists are short, and comparing lengths first makes the case-insensitive
// test cheap. (An index per list cost more than it saved, measured again with
// `npm run bench -- analyzer`: building a map per list costs more than the dozen scans it replaces.)
// Before the look-up, two cheap tests settle most names: the same spelling as asked for (a
// recording spells a name one way: `Access-Control-Allow-Origin` over HTTP/1.1, lower-case over
// HTTP/2), or a different first letter, case aside.
export function sameName(a: string, name: string, lower: string): boolean {
  if (a.length !== lower.length) return false;
  if (a === lower || a === name) return true;
  return mayMatchFirst(a.charCodeAt(0), lower.charCodeAt(0)) && lowerCaseName(a) === lower;
}

/**
 * False when the first characters differ even once lower-cased. A non-ASCII character may
 * lower-case to ASCII (U+212A KELVIN SIGN to "k"), so only an ASCII one is ruled out here.
 */
function mayMatchFirst(c: number, lower: number): boolean {
  return c === lower || c >= 0x80 || (c >= 65 && c <= 90 && c + 32 === lower);
}

export function headerValues(headers: HeaderList, name: string): readonly string[] {
  const lower = lowerCaseName(name);
  const out: string[] = [];
  for (const h of headers) if (sameName(h.name, name, lower)) out.push(trimOws(h.value));
  return out;
}

/**
 * Fetch §2.2.2 "get": every value of `name`, combined with ", "; null when absent.
 * This is also what Chromium's `GetNormalizedHeader` sees, so two `Access-Control-Allow-Origin`
 * lines reach its check as one value "a, b".
 */
export function getHeader(headers: HeaderList, name: string): string | null {
  const lower = lowerCaseName(name);
  let out: string | null = null;
  for (const h of headers) {
    if (sameName(h.name, name, lower)) out = out === null ? trimOws(h.value) : `${out}, ${trimOws(h.value)}`;
  }
  return out;
}

/** The first value of `name`, as sent: untrimmed, undefined when absent (names compare as in `getHeader`). */
export function headerValue(headers: HeaderList, name: string): string | undefined {
  const lower = lowerCaseName(name);
  for (const h of headers) if (sameName(h.name, name, lower)) return h.value;
  return undefined;
}

export function hasHeader(headers: HeaderList, name: string): boolean {
  const lower = lowerCaseName(name);
  for (const h of headers) if (sameName(h.name, name, lower)) return true;
  return false;
}

export function header(name: string, value: string): Header {
  return { name, value };
}

// A recording repeats the same list values (`Vary: Origin`, `Access-Control-Allow-Methods: GET,
// PUT`) on thousands of responses: each is split once. The lists handed out are frozen and shared.
const LIST_CACHE_LIMIT = 4096;
const lists = new Map<string, readonly string[]>();

/** Split a comma list into trimmed, non-empty items (the `#rule` of RFC 9110 §5.6.1). */
export function splitList(value: string): readonly string[] {
  const known = lists.get(value);
  if (known !== undefined) return known;
  const items = Object.freeze(splitListUncached(value));
  if (lists.size >= LIST_CACHE_LIMIT) lists.clear();
  lists.set(value, items);
  return items;
}

function splitListUncached(value: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i <= value.length; i++) {
    if (i === value.length || value.charCodeAt(i) === 44 /* , */) {
      const item = trimOws(value.slice(start, i));
      if (item.length > 0) out.push(item);
      start = i + 1;
    }
  }
  return out;
}
