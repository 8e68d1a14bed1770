// The reader's own view of one HAR entry, after validation: only what CORS analysis and
// exchange linking need, with every field of a known type. Nothing downstream of
// `validate-har.ts` touches raw HAR JSON (normalise at the boundary, once).

import { headerValue } from '../headers';
import type { HeaderList } from '../model';
import { originOf as serializedOrigin } from '../origin';
import type { CorsLensEntryTag } from './cors-lens-tag';

/** The subset of Chrome's `_initiator` (CDP `Network.Initiator`) that we use. */
export interface InitiatorView {
  readonly type: string;
  readonly url?: string;
  readonly requestId?: string;
  /**
   * The script position that made the request (`url:line:column` of the first stack frame):
   * Chrome DevTools writes the same stack on every hop of a redirected request.
   */
  readonly frame?: string;
  /**
   * Written as a URL string (WebPageTest, older tools) rather than Chrome's object: the URL of the
   * script or stylesheet that made the request, not the document's.
   */
  readonly fromString?: true;
}

export interface HarEntryView {
  /** Index in `log.entries`. */
  readonly index: number;
  readonly pageref?: string;
  /** Playwright's `_frameref`: the frame whose document made the request. */
  readonly frameref?: string;
  /** ms since the epoch; NaN when `startedDateTime` is missing or unparsable. */
  readonly startedAt: number;
  readonly method: string;
  readonly url: string;
  readonly requestHeaders: HeaderList;
  readonly status: number;
  readonly statusText: string;
  readonly responseHeaders: HeaderList;
  /** `response.redirectURL`, '' when absent. */
  readonly redirectURL: string;
  /** Chrome's `response._error` (or an entry-level `_error`), when non-empty. */
  readonly error?: string;
  readonly initiator?: InitiatorView;
  /**
   * A request id the recorder wrote (`_requestId`): one id for every hop of a redirected request
   * (CDP keeps its requestId across redirects). Absent from DevTools' own export.
   */
  readonly requestId?: string;
  readonly resourceType?: string;
  /** HAR `serverIPAddress`, when given. */
  readonly serverIp?: string;
  /** Our own export's `_corsLens` tag, when present and well-formed. */
  readonly corsLens?: CorsLensEntryTag;
  /** Answered from the browser's HTTP cache (har-cache-signal.ts). */
  readonly fromCache?: true;
  /** `entry.time`, ms, when given. */
  readonly time?: number;
  /** Our own export's `_cors` analysis, unvalidated: only passed through. */
  readonly cors?: unknown;
}

export interface HarPageView {
  readonly id: string;
  readonly title: string;
  /** The page's URL, where the recorder wrote one (page-documents.ts). */
  readonly url?: string;
}

/**
 * The origin of a URL, or null when it has none: unlike `../origin.ts`, an opaque origin
 * ("null") names no initiator, so it is null here too.
 */
export function originOf(url: string): string | null {
  const origin = serializedOrigin(url);
  return origin === 'null' ? null : origin;
}

/** URL without its fragment: Chrome drops it in HAR (`buildRequestURL`), browsers never send it. */
export function withoutFragment(url: string): string {
  const hash = url.indexOf('#');
  return hash === -1 ? url : url.slice(0, hash);
}

/** A preflight is OPTIONS with `Access-Control-Request-Method` (Fetch §4.8), a header pages cannot set. */
export function isPreflightEntry(entry: HarEntryView): boolean {
  if (entry.corsLens) return entry.corsLens.role === 'preflight';
  if (entry.initiator?.type === 'preflight' || entry.resourceType === 'preflight') return true;
  return entry.method === 'OPTIONS' && headerValue(entry.requestHeaders, 'access-control-request-method') !== undefined;
}
