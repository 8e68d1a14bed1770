// The document each entry's request came from, as far as the recorder shows it: the latest
// document loaded in the same frame before it (Playwright's `_frameref`), else the latest document
// of the page's first frame (`pageref`), else the page's URL as the recorder wrote it in `pages[]`.

import type { HarEntryView, HarPageView } from './har-entry-view';
import { originOf } from './har-entry-view';
import { isDocumentEntry } from './document-spaces';

export interface PageDocuments {
  /** Origin of the document that made `entry`, or null when the record does not say. */
  originAt(entry: HarEntryView): string | null;
}

/** A document that loaded: `_resourceType: document`, or an HTML answer where the recorder writes no type (chrome-har). */
function isDocument(entry: HarEntryView): boolean {
  return entry.status >= 200 && entry.status < 300 && isDocumentEntry(entry);
}

export function pageDocuments(pages: readonly HarPageView[], entries: readonly HarEntryView[]): PageDocuments {
  const pageUrls = new Map<string, string>();
  for (const p of pages) if (p.url !== undefined) pageUrls.set(p.id, p.url);
  // One pass in log order: what each frame and each page had loaded when each entry started.
  const byFrame = new Map<string, string>();
  const byPage = new Map<string, string>();
  const mainFrame = new Map<string, string | undefined>();
  const at: (string | null)[] = [];
  for (const e of entries) {
    const fromFrame = e.frameref !== undefined ? byFrame.get(e.frameref) : undefined;
    const fromPage = e.pageref !== undefined ? (byPage.get(e.pageref) ?? pageUrls.get(e.pageref)) : undefined;
    at[e.index] = originOf(fromFrame ?? fromPage ?? '');
    if (!isDocument(e)) continue;
    if (e.frameref !== undefined) byFrame.set(e.frameref, e.url);
    if (e.pageref === undefined) continue;
    // Without frames, only the page's first document is surely its own (a later HTML answer may be an XHR's).
    if (!mainFrame.has(e.pageref)) {
      mainFrame.set(e.pageref, e.frameref);
      byPage.set(e.pageref, e.url);
    } else if (e.frameref !== undefined && mainFrame.get(e.pageref) === e.frameref) byPage.set(e.pageref, e.url);
  }
  return { originAt: (entry) => at[entry.index] ?? null };
}
