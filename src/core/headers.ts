// Header-list helpers over our own `HeaderList` (names compare case-insensitively, Fetch §2.2.2).

import type { Header, HeaderList } from './model';

/** HTTP optional whitespace (RFC 9110 §5.6.3): what a parser strips around a field value. */
export function trimOws(value: string): string {
  return value.replace(/^[ \t]+|[ \t]+$/g, '');
}

export function headerValues(headers: HeaderList, name: string): string[] {
  const lower = name.toLowerCase();
  const out: string[] = [];
  for (const h of headers) if (h.name.toLowerCase() === lower) out.push(trimOws(h.value));
  return out;
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
  const lower = name.toLowerCase();
  return headers.some((h) => h.name.toLowerCase() === lower);
}

export function header(name: string, value: string): Header {
  return { name, value };
}

/** Split a comma list into trimmed, non-empty items (the `#rule` of RFC 9110 §5.6.1). */
export function splitList(value: string): string[] {
  return value.split(',').map(trimOws).filter((item) => item.length > 0);
}
