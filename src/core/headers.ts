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

// The analyzer asks the same header list for several names; index each list once (lowercased
// name → trimmed values). Lists are immutable records, so a WeakMap keyed by the list is safe.
const indexes = new WeakMap<HeaderList, Map<string, string[]>>();

function indexOf(headers: HeaderList): Map<string, string[]> {
  let index = indexes.get(headers);
  if (!index) {
    index = new Map();
    for (const h of headers) {
      const key = String(h.name).toLowerCase();
      const values = index.get(key);
      if (values) values.push(trimOws(String(h.value)));
      else index.set(key, [trimOws(String(h.value))]);
    }
    indexes.set(headers, index);
  }
  return index;
}

export function headerValues(headers: HeaderList, name: string): readonly string[] {
  return indexOf(headers).get(name.toLowerCase()) ?? [];
}

/**
 * Fetch §2.2.2 "get": every value of `name`, combined with ", "; null when absent.
 * This is also what Chromium's `GetNormalizedHeader` sees, so two `Access-Control-Allow-Origin`
 * lines reach its check as one value "a, b".
 */
export function getHeader(headers: HeaderList, name: string): string | null {
  const values = headerValues(headers, name);
  return values.length === 0 ? null : values.join(', ');
}

export function hasHeader(headers: HeaderList, name: string): boolean {
  return indexOf(headers).has(name.toLowerCase());
}

export function header(name: string, value: string): Header {
  return { name, value };
}

/** Split a comma list into trimmed, non-empty items (the `#rule` of RFC 9110 §5.6.1). */
export function splitList(value: string): string[] {
  return value.split(',').map(trimOws).filter((item) => item.length > 0);
}
