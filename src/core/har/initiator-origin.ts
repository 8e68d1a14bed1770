// Which origin made a request, from what a HAR keeps. HAR has no field for it, so we take,
// in order: Chrome's `_initiator.url` (the document for parser-initiated requests), the
// `Origin` request header (Fetch §3.1: the request's origin, serialised), the origin of the
// `Referer`, and the page's URL (Chrome writes the page URL as `pages[].title`).

import type { HarEntryView, HarPageView } from './har-entry-view';
import { headerValue, originOf } from './har-entry-view';

/**
 * A preflight's or redirect's `_initiator.url` is the request URL, not the document's, so it
 * says nothing about who made the request.
 */
const NOT_DOCUMENT_INITIATORS = new Set(['preflight', 'redirect']);

export function initiatorOriginOf(entry: HarEntryView, pages: ReadonlyMap<string, HarPageView>): string | null {
  const initiator = entry.initiator;
  if (initiator?.url !== undefined && !NOT_DOCUMENT_INITIATORS.has(initiator.type)) {
    const origin = originOf(initiator.url);
    if (origin) return origin;
  }
  const originHeader = headerValue(entry.requestHeaders, 'origin')?.trim();
  // `Origin: null` is what a sandboxed document or a cross-origin redirect sends: it hides the initiator.
  if (originHeader && originHeader !== 'null') {
    const origin = originOf(originHeader);
    if (origin) return origin;
  }
  const referer = headerValue(entry.requestHeaders, 'referer');
  if (referer) {
    const origin = originOf(referer.trim());
    if (origin) return origin;
  }
  const page = entry.pageref !== undefined ? pages.get(entry.pageref) : undefined;
  return page ? originOf(page.title) : null;
}
