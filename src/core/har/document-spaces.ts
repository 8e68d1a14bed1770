// Which address space each page origin's documents were in, from the HAR's own document
// entries, so the analyzer can explain Chromium's Local Network Access refusals. A request is
// judged by the latest document of its initiator origin loaded before it.

import { addressSpaceOfDocument, type AddressSpace } from '../address-space';
import type { Exchange } from '../model';
import { originOf } from '../origin';
import type { HarEntryView } from './har-entry-view';

function isDocument(entry: HarEntryView): boolean {
  if (entry.resourceType !== undefined) return entry.resourceType === 'document';
  return entry.responseHeaders.some((h) => h.name.toLowerCase() === 'content-type' && h.value.toLowerCase().includes('text/html'));
}

export function withDocumentSpaces(exchanges: Exchange[], entries: readonly HarEntryView[]): Exchange[] {
  const documents = entries
    .filter(isDocument)
    .map((e) => ({ index: e.index, origin: originOf(e.url), space: addressSpaceOfDocument(e.responseHeaders, e.serverIp) }));
  if (!documents.some((d) => d.space !== null)) return exchanges;
  return exchanges.map((exchange) => {
    if (exchange.initiatorAddressSpace) return exchange;
    const at = exchange.hops[0]?.harIndex ?? exchange.preflights[0]?.harIndex ?? Number.POSITIVE_INFINITY;
    let space: AddressSpace | null = null;
    for (const d of documents) if (d.index < at && d.origin === exchange.initiatorOrigin) space = d.space;
    return space ? { ...exchange, initiatorAddressSpace: space } : exchange;
  });
}
