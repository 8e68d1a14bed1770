// Redaction of secrets in anything we export. Header and parameter NAMES are kept:
// the analyzer infers the credentials mode from a `Cookie` or `Authorization` being sent
// (webRequest does not tell it), so an exported-then-imported HAR must still say one was.
// Only values are replaced.

import type { Cookie, Entry, Har, Header as HarHeader } from 'har-format';
import type { Header, HeaderList } from './model';
import { isSecretHeader, isSecretParam } from './secret-names';

export { isSecretHeader, isSecretParam } from './secret-names';

export const REDACTED = '[redacted]';
/** In a URL, a plain word: `[` and `]` are not allowed in a URI's query (RFC 3986 §3.4), and SARIF's `uri` must be one. */
export const URL_REDACTED = 'redacted';

/**
 * `scheme://user:pass@host`: userinfo ends at the last `@` before the path (URL standard,
 * authority state: the greedy match backtracks to that last `@`). `[` is not allowed in userinfo, so the placeholder is a plain word here;
 * it keeps a userinfo in place, because a Location with credentials is itself a CORS
 * failure (Fetch §4.4 step 10) and must still read as one.
 */
const URL_CREDENTIALS = /([a-z][a-z0-9+.-]*:\/\/)([^/?#\s<>"']*)@/gi;

/**
 * A `name=value` pair of a query or fragment (`#access_token=…`, OAuth's implicit grant), in a URL
 * or in text quoting one. The value ends where the URL standard's query does, or at what ends a URL
 * in a message (space, quote, angle bracket).
 */
const URL_PARAM = /([?&#])([^=&#?\s"'<>]+)=([^&#\s"'<>]*)/g;

function paramName(raw: string): string {
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return raw;
  }
}

export function redactUrl(text: string): string {
  const withoutUserinfo = text.includes('@') ? text.replace(URL_CREDENTIALS, (_all, scheme: string, userinfo: string) =>
    `${scheme}${userinfo.includes(':') ? 'redacted:redacted' : 'redacted'}@`,
  ) : text;
  return redactUrlParams(withoutUserinfo);
}

/**
 * Whether any parameter name could be a secret one: every name of secret-names.ts holds one of
 * these words, or the name is percent-encoded. One test, so that the common URL without any costs
 * no replace() call.
 */
const MAYBE_SECRET_PARAM = /[?&#][^=&#]*(?:token|code|key|pass|pwd|secret|sig|auth|session|credential|%)[^=&#]*=/i;

/** Replaces the values of secret-looking URL parameters (secret-names.ts); names and the rest stay. */
export function redactUrlParams(text: string): string {
  if (!MAYBE_SECRET_PARAM.test(text)) return text;
  return text.replace(URL_PARAM, (all, lead: string, name: string, value: string) =>
    value === '' || value === URL_REDACTED || !isSecretParam(paramName(name)) ? all : `${lead}${name}=${URL_REDACTED}`,
  );
}

/** Every string inside a JSON-like value through redactUrl (the CLI's --json output, field by field); the same value when none changed. */
export function redactUrlsDeep<T>(value: T): T {
  if (typeof value === 'string') return redactUrl(value) as T;
  if (Array.isArray(value)) return mapSame(value as unknown[], redactUrlsDeep) as T;
  if (typeof value !== 'object' || value === null) return value;
  const entries: [string, unknown][] = Object.entries(value);
  const redacted = mapSame(entries, (entry): [string, unknown] => {
    const v = redactUrlsDeep(entry[1]);
    return v === entry[1] ? entry : [entry[0], v];
  });
  return redacted === entries ? value : (Object.fromEntries(redacted) as T);
}

/**
 * The same array when nothing changed, so rows without secrets cost no copy. A changed one is
 * copied whole and then written into, not grown by push(): a grown array keeps spare capacity, and
 * a recording keeps every redacted row (7.5 MB more for a 100 MB HAR, `npm run bench -- cli`).
 */
export function mapSame<T>(items: readonly T[], fn: (item: T) => T): readonly T[] {
  let out: T[] | undefined;
  for (let i = 0; i < items.length; i++) {
    const item = items[i] as T;
    const mapped = fn(item);
    if (mapped !== item) (out ??= items.slice())[i] = mapped;
  }
  return out ?? items;
}

/** A HAR `queryString` item: its value is the decoded one, so only its name decides; the same word as in its URL. */
export function redactParam<P extends { readonly name: string; readonly value: string }>(param: P): P {
  if (isSecretParam(param.name)) return param.value === URL_REDACTED ? param : { ...param, value: URL_REDACTED };
  const value = redactUrl(param.value);
  return value === param.value ? param : { ...param, value };
}

export function redactHeader<H extends Header>(header: H): H {
  const value = isSecretHeader(header.name) ? REDACTED : redactUrl(header.value);
  return value === header.value ? header : { ...header, value };
}

/** The same array when nothing needed replacing (the recorder redacts every row it saves). */
export function redactHeaders<H extends Header>(headers: readonly H[]): H[] {
  const redacted = headers.map(redactHeader);
  return redacted.every((h, i) => h === headers[i]) ? (headers as H[]) : redacted;
}

export function redactHeaderList(headers: HeaderList): Header[] {
  return redactHeaders(headers);
}

function redactCookies(cookies: readonly Cookie[]): Cookie[] {
  return cookies.map((c) => ({ ...c, value: REDACTED }));
}

function redactInitiator(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || !('url' in value) || typeof value.url !== 'string') return value;
  return { ...value, url: redactUrl(value.url) };
}

/** Chrome's `_initiator` and our `_corsLens` may hold URLs too; har-format types neither precisely. */
interface EntryExtras {
  _initiator?: unknown;
  _corsLens?: unknown;
}

function redactTag(tag: unknown): unknown {
  if (typeof tag !== 'object' || tag === null || !('documentUrl' in tag) || typeof tag.documentUrl !== 'string') return tag;
  return { ...tag, documentUrl: redactUrl(tag.documentUrl) };
}

function redactEntry(entry: Entry): Entry {
  const extras = entry as Omit<Entry, '_initiator'> & EntryExtras;
  const out: Omit<Entry, '_initiator'> & EntryExtras = {
    ...extras,
    request: {
      ...entry.request,
      url: redactUrl(entry.request.url),
      headers: redactHeaders<HarHeader>(entry.request.headers),
      cookies: redactCookies(entry.request.cookies),
      queryString: entry.request.queryString.map(redactParam),
    },
    response: {
      ...entry.response,
      headers: redactHeaders<HarHeader>(entry.response.headers),
      cookies: redactCookies(entry.response.cookies),
      redirectURL: redactUrl(entry.response.redirectURL),
    },
  };
  if (extras._initiator !== undefined) out._initiator = redactInitiator(extras._initiator);
  if (extras._corsLens !== undefined) out._corsLens = redactTag(extras._corsLens);
  return out as Entry;
}

/** A copy of a HAR with secret header values, cookie values and URL credentials replaced. */
export function redactHar(har: Har): Har {
  return {
    ...har,
    log: {
      ...har.log,
      ...(har.log.pages ? { pages: har.log.pages.map((p) => ({ ...p, title: redactUrl(p.title) })) } : {}),
      entries: har.log.entries.map(redactEntry),
    },
  };
}
