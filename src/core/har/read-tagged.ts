// Our own export's entries carry `_corsLens` (cors-lens-tag.ts): group them exactly as they
// were recorded. Entries whose group has no request entry (an edited file) are left to the
// heuristics in read-har.ts.

import type { Exchange } from '../model';
import { buildExchange } from './build-exchange';
import type { CorsLensEntryTag } from './cors-lens-tag';
import type { HarEntryView } from './har-entry-view';
import { initiatorOriginOf } from './initiator-origin';
import type { PageDocuments } from './page-documents';

type Tagged = HarEntryView & { readonly corsLens: CorsLensEntryTag };

const byHopThenIndex = (a: Tagged, b: Tagged): number => a.corsLens.hop - b.corsLens.hop || a.index - b.index;

export function readTaggedExchanges(
  entries: readonly HarEntryView[],
  documents: PageDocuments,
): { exchanges: Exchange[]; claimed: Set<number> } {
  const groups = new Map<string, Tagged[]>();
  for (const entry of entries) {
    if (!entry.corsLens) continue;
    const list = groups.get(entry.corsLens.exchangeId);
    if (list) list.push(entry as Tagged);
    else groups.set(entry.corsLens.exchangeId, [entry as Tagged]);
  }
  const exchanges: Exchange[] = [];
  const claimed = new Set<number>();
  for (const group of groups.values()) {
    const hops = group.filter((e) => e.corsLens.role === 'request').sort(byHopThenIndex);
    const first = hops[0];
    if (!first) continue;
    const preflights = group.filter((e) => e.corsLens.role === 'preflight').sort(byHopThenIndex);
    const tag = first.corsLens;
    const initiatorOrigin = tag.initiatorOrigin !== undefined ? tag.initiatorOrigin : initiatorOriginOf(first, documents);
    const built = buildExchange({ hops, preflights, initiatorOrigin });
    // Exchange-level facts come from the tag alone: what a header suggests (Sec-Fetch-Mode)
    // or an entry's `_error` says must not add to what was recorded.
    exchanges.push({
      id: built.id,
      initiatorOrigin,
      hops: built.hops.map((hop, k) => {
        const cachedCopy = hops[k]?.corsLens.cachedCopy;
        return cachedCopy && hop.response ? { ...hop, response: { ...hop.response, cachedCopy } } : hop;
      }),
      preflights: built.preflights,
      ...(tag.error !== undefined ? { error: tag.error } : {}),
      ...(tag.mode !== undefined ? { mode: tag.mode } : {}),
      ...(built.resourceType !== undefined ? { resourceType: built.resourceType } : {}),
      startedAt: tag.startedAt ?? built.startedAt,
      ...(tag.tabId !== undefined ? { tabId: tag.tabId } : {}),
      ...(tag.frameId !== undefined ? { frameId: tag.frameId } : {}),
      ...(tag.documentUrl !== undefined ? { documentUrl: tag.documentUrl } : {}),
      ...(tag.browser !== undefined ? { browser: tag.browser } : {}),
      ...(tag.cookiesSeenForHost ? { cookiesSeenForHost: true } : {}),
      ...(tag.initiatorAddressSpace ? { initiatorAddressSpace: tag.initiatorAddressSpace } : {}),
      ...(tag.overridden ? { overridden: true } : {}),
    });
    for (const e of group) claimed.add(e.index);
  }
  return { exchanges, claimed };
}
