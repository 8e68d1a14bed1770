// Fetch §2.2.2: forbidden, CORS-safelisted and CORS-unsafe request headers.

import { lowerCaseName } from '../headers';
import type { HeaderList } from '../model';
import { isSimpleRangeValue } from './range';
import { mimeEssence } from './mime';
import { isToolAddedLower } from './tool-headers';

/** Forbidden request-header names (Fetch §2.2.2): set by the browser, never by script. */
const FORBIDDEN = new Set([
  'accept-charset', 'accept-encoding', 'access-control-request-headers', 'access-control-request-method',
  'connection', 'content-length', 'cookie', 'cookie2', 'date', 'dnt', 'expect', 'host', 'keep-alive',
  'origin', 'referer', 'set-cookie', 'te', 'trailer', 'transfer-encoding', 'upgrade', 'via',
]);

export function isForbiddenRequestHeader(name: string): boolean {
  return isForbiddenLower(name.toLowerCase());
}

function isForbiddenLower(lower: string): boolean {
  return FORBIDDEN.has(lower) || lower.startsWith('proxy-') || lower.startsWith('sec-');
}

/**
 * Headers the browser itself adds on the wire that are not forbidden names. They are never in
 * `Access-Control-Request-Headers`, so when we infer the author's headers from a recorded request
 * (no preflight seen) we must not count them: Chromium's `User-Agent`, DevTools' "Disable cache"
 * `Cache-Control`/`Pragma`, HTTP priority hints, Firefox's `Priority` and revalidation headers.
 */
const BROWSER_ADDED = new Set([
  'user-agent', 'cache-control', 'pragma', 'priority', 'upgrade-insecure-requests', 'purpose',
  'x-client-data', 'if-none-match', 'if-modified-since', 'if-match', 'if-unmodified-since', 'if-range',
]);

export function isBrowserAddedHeader(name: string): boolean {
  return BROWSER_ADDED.has(name) || isBrowserAddedLower(lowerCaseName(name));
}

/** `isBrowserAddedHeader` for a name already lower-cased (no second look-up). */
export function isBrowserAddedLower(lower: string): boolean {
  return BROWSER_ADDED.has(lower) || isToolAddedLower(lower);
}

/** Fetch §2.2.2 CORS-unsafe request-header bytes, as a table by character code (ASCII). */
const UNSAFE_BYTE = new Uint8Array(128);
for (let c = 0; c < 0x20; c++) if (c !== 0x09) UNSAFE_BYTE[c] = 1;
for (const c of '"():<>?@[\\]{}\x7f') UNSAFE_BYTE[c.charCodeAt(0)] = 1;

export function hasCorsUnsafeByte(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 0x80 && UNSAFE_BYTE[c] === 1) return true;
  }
  return false;
}

const LANGUAGE_VALUE = /^[0-9A-Za-z *,\-.;=]*$/;
const SAFELISTED_MIME_ESSENCES = new Set(['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain']);

/** Byte length of a header value (values are byte sequences; JS strings are UTF-16). */
export function byteLength(value: string): number {
  let bytes = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < value.length) {
      bytes += 4; // a surrogate pair is one 4-byte code point
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** Fetch §2.2.2 "CORS-safelisted request-header" for one (name, value). */
export function isCorsSafelistedRequestHeader(name: string, value: string): boolean {
  return isSafelistedLower(name.toLowerCase(), value);
}

/** The names whose values may be safelisted; any other name is CORS-unsafe whatever its value. */
const SAFELISTED_NAMES = new Set(['accept', 'accept-language', 'content-language', 'content-type', 'range']);

function isSafelistedLower(lower: string, value: string): boolean {
  return SAFELISTED_NAMES.has(lower) && byteLength(value) <= 128 && isSafelistedValue(lower, value);
}

/** The value test for one of SAFELISTED_NAMES, once its length is known to be at most 128 bytes. */
function isSafelistedValue(lower: string, value: string): boolean {
  switch (lower) {
    case 'accept':
      return !hasCorsUnsafeByte(value);
    case 'accept-language':
    case 'content-language':
      return LANGUAGE_VALUE.test(value);
    case 'content-type': {
      if (hasCorsUnsafeByte(value)) return false;
      const essence = mimeEssence(value);
      return essence !== null && SAFELISTED_MIME_ESSENCES.has(essence);
    }
    case 'range':
      return isSimpleRangeValue(value);
    default:
      return false;
  }
}

/** What the CORS-unsafe test needs to know of a name, whatever its value. */
interface RequestHeaderName {
  readonly lower: string;
  readonly forbidden: boolean;
  /** One of SAFELISTED_NAMES: its value decides. */
  readonly safelistable: boolean;
}

// Request header names come from a small vocabulary: each spelling is classified once (one
// look-up per header instead of four). Bounded, as hostile input may bring any number of names.
const NAME_CACHE_LIMIT = 4096;
const requestHeaderNames = new Map<string, RequestHeaderName>();

function requestHeaderName(name: string): RequestHeaderName {
  const known = requestHeaderNames.get(name);
  if (known !== undefined) return known;
  const lower = lowerCaseName(name);
  const info: RequestHeaderName = { lower, forbidden: isForbiddenLower(lower), safelistable: SAFELISTED_NAMES.has(lower) };
  if (requestHeaderNames.size >= NAME_CACHE_LIMIT) requestHeaderNames.clear();
  requestHeaderNames.set(name, info);
  return info;
}

/**
 * Fetch §2.2.2 "CORS-unsafe request-header names": lowercased, sorted, unique. Values of
 * safelisted headers count towards a 1024-byte budget; past it, all of them become unsafe.
 * `skip` (given the lowercased name) drops names on the wire the page did not set (see BROWSER_ADDED).
 */
export function corsUnsafeRequestHeaderNames(headers: HeaderList, skip: (lowerName: string) => boolean = () => false): string[] {
  // Plain arrays: request header lists are short, and this runs for every CORS hop.
  const unsafe: string[] = [];
  let safelistedBytes = 0;
  for (const { name, value } of headers) {
    const { lower, forbidden, safelistable } = requestHeaderName(name);
    if (forbidden || skip(lower)) continue;
    // Each value's length is measured once, and only for the names it matters to.
    const bytes = safelistable ? byteLength(value) : Infinity;
    if (bytes <= 128 && isSafelistedValue(lower, value)) safelistedBytes += bytes;
    else if (!unsafe.includes(lower)) unsafe.push(lower);
  }
  // Rare (over 1 KB of safelisted values): a second pass adds the safelisted names.
  if (safelistedBytes > 1024) {
    for (const { name, value } of headers) {
      const { lower, forbidden } = requestHeaderName(name);
      if (!forbidden && !skip(lower) && isSafelistedLower(lower, value) && !unsafe.includes(lower)) unsafe.push(lower);
    }
  }
  return unsafe.length > 1 ? unsafe.sort() : unsafe;
}
