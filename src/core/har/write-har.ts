// Exchanges (as the recorder keeps them, or as read from a HAR, with their analyses) → a
// HAR 1.2 log. One entry per hop and per preflight; a preflight entry comes just before the
// hop it was made for and is marked like Chrome marks it (`_initiator.type: "preflight"`);
// every entry carries `_corsLens` so that reading the file back rebuilds the same exchanges,
// and each exchange's first entry carries `_cors`, the analysis. Redacted by default.

import type { Entry, Har, Page } from 'har-format';
import { version as packageVersion } from '../../../package.json';
import type { Analysis } from '../analysis';
import type { Exchange } from '../model';
import type { PageGroup } from '../protocol';
import { redactHar } from '../redact';
import type { CorsLensEntryTag } from './cors-lens-tag';
import { withoutFragment } from './har-entry-view';
import type { WrittenEntry } from './har-entry-writer';
import { entryJson, isoTime } from './har-entry-writer';

/** A `RecordedExchange` (protocol.ts) is one of these. */
export interface ExportItem {
  readonly exchange: Exchange;
  readonly analysis?: Analysis;
  readonly pageId?: number;
}

export interface HarExportOptions {
  /** Replace cookie, auth and URL-credential values (redact.ts). Default true. */
  readonly redact?: boolean;
  /** Page groups; entries whose `pageId` is among them get a `pageref`. */
  readonly pages?: readonly PageGroup[];
  readonly creatorVersion?: string;
}

const pageRef = (id: number): string => `page_${id}`;

/**
 * Which hop each preflight was made for: a preflight is redone for each redirected hop
 * that needs one (Fetch §4.4), to that hop's URL, so match URLs in order.
 */
export function preflightHops(exchange: Exchange): number[] {
  let from = 0;
  return exchange.preflights.map((p, i) => {
    const url = withoutFragment(p.request.url);
    const found = exchange.hops.findIndex((h, j) => j >= from && withoutFragment(h.request.url) === url);
    const hop = found === -1 ? Math.min(Math.max(from, i), exchange.hops.length - 1) : found;
    from = hop + 1;
    return hop;
  });
}

function exchangeEntries(item: ExportItem, pageIds: ReadonlySet<number>): WrittenEntry[] {
  const { exchange } = item;
  const pageref = item.pageId !== undefined && pageIds.has(item.pageId) ? pageRef(item.pageId) : undefined;
  const forHop = preflightHops(exchange);
  const entries: WrittenEntry[] = [];
  // Entries are 1 ms apart so that time order is log order for readers that sort by time.
  const at = (): number => exchange.startedAt + entries.length;
  exchange.hops.forEach((hop, h) => {
    exchange.preflights.forEach((preflight, p) => {
      if (forHop[p] !== h) return;
      entries.push(
        entryJson({
          request: preflight.request,
          response: preflight.response,
          error: preflight.error,
          startedAt: at(),
          pageref,
          tag: { exchangeId: exchange.id, role: 'preflight', hop: h },
          initiator: { type: 'preflight', url: hop.request.url, requestId: exchange.id },
          resourceType: 'preflight',
          cors: undefined,
          time: preflight.durationMs,
        }),
      );
    });
    const first = h === 0;
    const last = h === exchange.hops.length - 1;
    const cachedCopy = hop.response?.cachedCopy ? { cachedCopy: hop.response.cachedCopy } : {};
    const tag: CorsLensEntryTag = first
      ? {
          exchangeId: exchange.id,
          role: 'request',
          hop: h,
          initiatorOrigin: exchange.initiatorOrigin,
          startedAt: exchange.startedAt,
          ...(exchange.mode !== undefined ? { mode: exchange.mode } : {}),
          ...(exchange.error !== undefined ? { error: exchange.error } : {}),
          ...(exchange.tabId !== undefined ? { tabId: exchange.tabId } : {}),
          ...(exchange.frameId !== undefined ? { frameId: exchange.frameId } : {}),
          ...(exchange.documentUrl !== undefined ? { documentUrl: exchange.documentUrl } : {}),
          ...(exchange.browser !== undefined ? { browser: exchange.browser } : {}),
          ...(exchange.cookiesSeenForHost ? { cookiesSeenForHost: true } : {}),
          ...(exchange.initiatorAddressSpace ? { initiatorAddressSpace: exchange.initiatorAddressSpace } : {}),
          ...(exchange.overridden ? { overridden: true } : {}),
          ...cachedCopy,
        }
      : { exchangeId: exchange.id, role: 'request', hop: h, ...cachedCopy };
    const previous = exchange.hops[h - 1];
    entries.push(
      entryJson({
        request: hop.request,
        response: hop.response,
        error: last ? exchange.error : undefined,
        startedAt: at(),
        pageref,
        tag,
        initiator: previous
          ? { type: 'redirect', url: previous.request.url }
          : exchange.initiatorOrigin !== null
            ? { type: 'other', url: exchange.initiatorOrigin }
            : undefined,
        resourceType: exchange.resourceType,
        cors: first ? item.analysis : undefined,
      }),
    );
  });
  return entries;
}

function pageJson(page: PageGroup): Page {
  return { startedDateTime: isoTime(page.startedAt), id: pageRef(page.id), title: page.url, pageTimings: {} };
}

export function writeHar(items: readonly ExportItem[], options: HarExportOptions = {}): Har {
  const pages = options.pages ?? [];
  const pageIds = new Set(pages.map((p) => p.id));
  const har: Har = {
    log: {
      version: '1.2',
      creator: { name: 'CORS Lens', version: options.creatorVersion ?? packageVersion },
      ...(pages.length ? { pages: pages.map(pageJson) } : {}),
      // har-format types Chrome's `_initiator` loosely (without `requestId`); ours is a superset.
      entries: items.flatMap((item) => exchangeEntries(item, pageIds)) as Entry[],
    },
  };
  return options.redact === false ? har : redactHar(har);
}
