// Which origin made a request, from what a HAR keeps. HAR has no field for it, so we take,
// in order: Chrome's `_initiator.url` when it names the document (parser-inserted requests,
// "other"), the `Origin` request header (Fetch §3.1: the request's origin, serialised), the
// origin of the `Referer`, a script initiator's URL, and the page's URL (Chrome writes the
// page URL as `pages[].title`).

import type { HarEntryView, HarPageView } from './har-entry-view';
import { headerValue, originOf } from './har-entry-view';

/** Initiator types whose `url` is the document that made the request. */
const DOCUMENT_INITIATORS = new Set(['parser', 'other']);
/**
 * A script initiator's URL is the script's, which may come from another origin (a CDN) than
 * the document; a preflight's or redirect's is the request URL. Neither names the document.
 */
const OTHER_INITIATORS = new Set(['script']);

export function initiatorOriginOf(entry: HarEntryView, pages: ReadonlyMap<string, HarPageView>): string | null {
  const initiator = entry.initiator;
  const initiatorUrl = (types: ReadonlySet<string>): string | null =>
    initiator?.url !== undefined && types.has(initiator.type) ? originOf(initiator.url) : null;
  const fromDocument = initiatorUrl(DOCUMENT_INITIATORS);
  if (fromDocument) return fromDocument;
  const originHeader = headerValue(entry.requestHeaders, 'origin')?.trim();
  // `Origin: null` is what a sandboxed document or a cross-origin redirect sends: it hides the initiator.
  if (originHeader && originHeader !== 'null') {
    const origin = originOf(originHeader);
    if (origin) return origin;
  }
  const referer = headerValue(entry.requestHeaders, 'referer');
  const fromReferer = referer ? originOf(referer.trim()) : null;
  if (fromReferer) return fromReferer;
  const fromScript = initiatorUrl(OTHER_INITIATORS);
  if (fromScript) return fromScript;
  const page = entry.pageref !== undefined ? pages.get(entry.pageref) : undefined;
  return page ? originOf(page.title) : null;
}
