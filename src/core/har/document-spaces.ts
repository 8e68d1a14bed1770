// Which address space each page origin's documents were in, from the HAR's own document
// entries, so the analyzer can explain Chromium's Local Network Access refusals. A request is
// judged by the latest document of its initiator origin loaded before it.

import { addressSpaceOfDocument, type AddressSpace } from '../address-space';
import type { Exchange } from '../model';
import { originOf } from '../origin';
import type { HarEntryView } from './har-entry-view';

export function isDocumentEntry(entry: HarEntryView): boolean {
  if (entry.resourceType !== undefined) return entry.resourceType === 'document';
  return entry.responseHeaders.some((h) => h.name.toLowerCase() === 'content-type' && h.value.toLowerCase().includes('text/html'));
}

interface DocumentSpace {
  readonly index: number;
  readonly space: AddressSpace | null;
}

/** The last of an origin's documents (in log order) that comes before entry `at`, by binary search. */
function latestBefore(documents: readonly DocumentSpace[], at: number): DocumentSpace | undefined {
  let low = 0;
  let high = documents.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((documents[mid] as DocumentSpace).index < at) low = mid + 1;
    else high = mid;
  }
  return documents[low - 1];
}

export function withDocumentSpaces(exchanges: Exchange[], entries: readonly HarEntryView[]): Exchange[] {
  // By origin, in log order: a large recording has thousands of documents and exchanges.
  const byOrigin = new Map<string | null, DocumentSpace[]>();
  let anySpace = false;
  for (const e of entries) {
    if (!isDocumentEntry(e)) continue;
    const origin = originOf(e.url);
    const document = { index: e.index, space: addressSpaceOfDocument(e.responseHeaders, e.serverIp) };
    anySpace ||= document.space !== null;
    const list = byOrigin.get(origin);
    if (list) list.push(document);
    else byOrigin.set(origin, [document]);
  }
  if (!anySpace) return exchanges;
  return exchanges.map((exchange) => {
    if (exchange.initiatorAddressSpace) return exchange;
    const at = exchange.hops[0]?.harIndex ?? exchange.preflights[0]?.harIndex ?? Number.POSITIVE_INFINITY;
    const documents = byOrigin.get(exchange.initiatorOrigin);
    const space = documents ? latestBefore(documents, at)?.space : null;
    return space ? { ...exchange, initiatorAddressSpace: space } : exchange;
  });
}
