// Redaction of secrets in anything we export (issue 3, "Privacy"). Header NAMES are kept:
// the analyzer infers the credentials mode from a `Cookie` or `Authorization` being sent
// (webRequest does not tell it), so an exported-then-imported HAR must still say one was.
// Only values are replaced.

import type { Cookie, Entry, Har, Header as HarHeader } from 'har-format';
import type { Header, HeaderList } from './model';

export const REDACTED = '[redacted]';

/** Headers whose values are credentials (Fetch §3.2.3 credentials: cookies and HTTP auth). */
const SECRET_HEADERS = new Set(['cookie', 'set-cookie', 'authorization', 'proxy-authorization']);

export function isSecretHeader(name: string): boolean {
  return SECRET_HEADERS.has(name.toLowerCase());
}

/**
 * `scheme://user:pass@host`: userinfo ends at the last `@` before the path (URL standard,
 * authority state: the greedy match backtracks to that last `@`). `[` is not allowed in userinfo, so the placeholder is a plain word here;
 * it keeps a userinfo in place, because a Location with credentials is itself a CORS
 * failure (Fetch §4.4 step 10) and must still read as one.
 */
const URL_CREDENTIALS = /([a-z][a-z0-9+.-]*:\/\/)([^/?#\s<>"']*)@/gi;

export function redactUrl(text: string): string {
  return text.replace(URL_CREDENTIALS, (_all, scheme: string, userinfo: string) =>
    `${scheme}${userinfo.includes(':') ? 'redacted:redacted' : 'redacted'}@`,
  );
}

export function redactHeader<H extends Header>(header: H): H {
  const value = isSecretHeader(header.name) ? REDACTED : redactUrl(header.value);
  return value === header.value ? header : { ...header, value };
}

export function redactHeaders<H extends Header>(headers: readonly H[]): H[] {
  return headers.map(redactHeader);
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
      queryString: entry.request.queryString.map((q) => ({ ...q, value: redactUrl(q.value) })),
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
