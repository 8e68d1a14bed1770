// Collects what changed since the last write, so storage gets one batch every few hundred ms instead of
// one write per webRequest event. Pure: the IndexedDB writer (persistence.ts) takes the batch.

import type { RecordedExchange } from '../core/protocol';
import type { AssemblerChanges } from './assembler-state';
import type { TabLogChange, TabLogMeta } from './tab-log';

export interface StoredExchange {
  readonly tabId: number;
  readonly seq: number;
  readonly entry: RecordedExchange;
}

export interface PersistBatch {
  readonly put: readonly StoredExchange[];
  readonly remove: readonly (readonly [tabId: number, seq: number])[];
  readonly metas: readonly TabLogMeta[];
  readonly removedTabs: readonly number[];
  /** In-flight requests and preflights changed since the last batch. */
  readonly assembler: AssemblerChanges;
}

export class PersistQueue {
  private put = new Map<string, StoredExchange>();
  private remove = new Map<string, readonly [number, number]>();
  /** Tabs whose meta changed: read once, at take(), rather than copied on every recorded exchange. */
  private metaTabs = new Set<number>();
  private removedTabs = new Set<number>();
  private dirty = false;

  get pending(): boolean {
    return this.dirty;
  }

  /** Tabs with something queued. */
  tabs(): Set<number> {
    const tabs = new Set([...this.metaTabs, ...this.removedTabs]);
    for (const row of this.put.values()) tabs.add(row.tabId);
    for (const [tabId] of this.remove.values()) tabs.add(tabId);
    return tabs;
  }

  /** Queue the rows a tab-log change touched, and the tab's meta. */
  addChange(tabId: number, change: TabLogChange): void {
    for (const seq of change.removedSeqs) {
      const key = `${tabId}:${seq}`;
      // Written and dropped within one batch: it never needs to reach storage.
      if (!this.put.delete(key)) this.remove.set(key, [tabId, seq]);
    }
    for (const entry of change.added) this.put.set(`${tabId}:${entry.seq}`, { tabId, seq: entry.seq, entry });
    this.metaTabs.add(tabId);
    this.removedTabs.delete(tabId);
    this.dirty = true;
  }

  /** Meta only (preserve-log toggled, a same-origin exchange counted). */
  addMeta(tabId: number): void {
    this.metaTabs.add(tabId);
    this.dirty = true;
  }

  removeTab(tabId: number): void {
    for (const [key, row] of this.put) if (row.tabId === tabId) this.put.delete(key);
    for (const [key, row] of this.remove) if (row[0] === tabId) this.remove.delete(key);
    this.metaTabs.delete(tabId);
    this.removedTabs.add(tabId);
    this.dirty = true;
  }

  /** Takes everything queued, leaving the queue empty; `metaOf` gives a queued tab's current meta. */
  take(assembler: AssemblerChanges, metaOf: (tabId: number) => TabLogMeta | undefined): PersistBatch {
    const batch: PersistBatch = {
      put: [...this.put.values()],
      remove: [...this.remove.values()],
      metas: [...this.metaTabs].flatMap((tabId) => metaOf(tabId) ?? []),
      removedTabs: [...this.removedTabs],
      assembler,
    };
    this.put = new Map();
    this.remove = new Map();
    this.metaTabs = new Set();
    this.removedTabs = new Set();
    this.dirty = false;
    return batch;
  }
}

/**
 * The rows to delete as runs of consecutive seqs per tab, `[tabId, first, last]`: a navigation
 * drops a whole page of rows, and one IndexedDB range delete costs what one row delete does.
 * Only seqs that are all in the list are merged, so a range never deletes a row that stays.
 */
export function seqRuns(rows: PersistBatch['remove']): [tabId: number, first: number, last: number][] {
  const sorted = [...rows].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const runs: [number, number, number][] = [];
  for (const [tabId, seq] of sorted) {
    const last = runs[runs.length - 1];
    if (last && last[0] === tabId && last[2] + 1 === seq) last[2] = seq;
    else if (!(last && last[0] === tabId && last[2] === seq)) runs.push([tabId, seq, seq]);
  }
  return runs;
}
