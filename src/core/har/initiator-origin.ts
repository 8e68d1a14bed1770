// Which origin made a request, from what a HAR keeps. HAR has no field for it. The request's own
// serialized `Origin` header (Fetch §3.1) is the strongest evidence and wins over every recorder
// field; `Origin: null` is an opaque origin (a sandboxed document, a cross-origin redirect), which
// is cross-origin to every URL. Without it, in order: `Sec-Fetch-Site: same-origin` (the request's
// own origin), the origin of the `Referer`, Chrome's `_initiator.url` when it names the document
// (parser-inserted requests, "other"), and the recorder's page (page-documents.ts). A
// `Sec-Fetch-Site` of `same-site` or `cross-site` rules out every candidate of the request's own
// origin. A script initiator's URL (Chrome's `_initiator` of type "script", WebPageTest's
// `_initiator` string) is the script's, often on a CDN: never the page's.

import type { HarEntryView } from './har-entry-view';
import { headerValue } from '../headers';
import { originOf } from './har-entry-view';
import type { PageDocuments } from './page-documents';

/** Initiator types whose `url` is the document that made the request (Chrome's object `_initiator` only). */
const DOCUMENT_INITIATORS = new Set(['parser', 'other']);

/** The opaque origin, serialised (HTML "serialization of an origin"). */
export const OPAQUE_ORIGIN = 'null';

export function initiatorOriginOf(entry: HarEntryView, documents: PageDocuments): string | null {
  const sent = headerValue(entry.requestHeaders, 'origin')?.trim();
  if (sent === OPAQUE_ORIGIN) return OPAQUE_ORIGIN;
  const fromHeader = sent ? originOf(sent) : null;
  if (fromHeader) return fromHeader;
  const site = headerValue(entry.requestHeaders, 'sec-fetch-site')?.trim().toLowerCase();
  if (site === 'same-origin') {
    const own = originOf(entry.url);
    if (own) return own;
  }
  // A same-site or cross-site request was not made by a document of its own origin.
  const ruledOut = site === 'same-site' || site === 'cross-site' ? originOf(entry.url) : null;
  const referer = headerValue(entry.requestHeaders, 'referer');
  const initiator = entry.initiator;
  const candidates = [
    () => (referer ? originOf(referer.trim()) : null),
    () => (initiator?.url !== undefined && !initiator.fromString && DOCUMENT_INITIATORS.has(initiator.type) ? originOf(initiator.url) : null),
    () => documents.originAt(entry),
  ];
  for (const candidate of candidates) {
    const origin = candidate();
    if (origin && origin !== ruledOut) return origin;
  }
  return null;
}
