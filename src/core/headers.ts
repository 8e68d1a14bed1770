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

// A linear scan: header lists are short, and comparing lengths first makes the case-insensitive
// test cheap. (An index per list cost more than it saved: most lists are read a few times.)
function sameName(a: string, lower: string): boolean {
  return a.length === lower.length && (a === lower || a.toLowerCase() === lower);
}

export function headerValues(headers: HeaderList, name: string): readonly string[] {
  const lower = name.toLowerCase();
  const out: string[] = [];
  for (const h of headers) if (sameName(h.name, lower)) out.push(trimOws(h.value));
  return out;
}

/**
 * Fetch §2.2.2 "get": every value of `name`, combined with ", "; null when absent.
 * This is also what Chromium's `GetNormalizedHeader` sees, so two `Access-Control-Allow-Origin`
 * lines reach its check as one value "a, b".
 */
export function getHeader(headers: HeaderList, name: string): string | null {
  const lower = name.toLowerCase();
  let out: string | null = null;
  for (const h of headers) {
    if (sameName(h.name, lower)) out = out === null ? trimOws(h.value) : `${out}, ${trimOws(h.value)}`;
  }
  return out;
}

export function hasHeader(headers: HeaderList, name: string): boolean {
  const lower = name.toLowerCase();
  for (const h of headers) if (sameName(h.name, lower)) return true;
  return false;
}

export function header(name: string, value: string): Header {
  return { name, value };
}

/** Split a comma list into trimmed, non-empty items (the `#rule` of RFC 9110 §5.6.1). */
export function splitList(value: string): string[] {
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
