// The log of one tab, with the Network panel's semantics: a top-frame navigation starts a page group;
// without "preserve log" it also drops the older groups; with it they stay until Clear. The number of
// exchanges kept is capped (oldest dropped first, and counted); same-origin exchanges are only counted.

import type { Analysis } from '../core/analysis';
import type { Exchange } from '../core/model';
import type { PageGroup, RecordedExchange, RecorderContext, TabLogSummary } from '../core/protocol';

export const DEFAULT_CAP = 5_000;

/** Everything about a tab's log except the exchanges themselves: small, written on every change. */
export interface TabLogMeta {
  readonly tabId: number;
  readonly cap: number;
  preserveLog: boolean;
  nextSeq: number;
  nextPageId: number;
  pages: PageGroup[];
  dropped: number;
  sameOrigin: number;
  /** When recording began (the tab became inspected); absent while it is not recorded. */
  recordingSince?: number;
  /** A top-frame page load was recorded since `recordingSince`. */
  pageLoadCaptured?: boolean;
}

/** What an operation changed, for the port (messages) and for persistence (rows to write or delete). */
export interface TabLogChange {
  readonly added: readonly RecordedExchange[];
  readonly removedSeqs: readonly number[];
  readonly startedPage?: PageGroup;
  readonly removedPageIds: readonly number[];
}

const NO_CHANGE: TabLogChange = { added: [], removedSeqs: [], removedPageIds: [] };

export class TabLog {
  private readonly entries = new Map<number, RecordedExchange>();
  private readonly seqById = new Map<string, number>();

  private constructor(private readonly state: TabLogMeta) {}

  static create(tabId: number, cap = DEFAULT_CAP, preserveLog = false): TabLog {
    return new TabLog({ tabId, cap, preserveLog, nextSeq: 1, nextPageId: 1, pages: [], dropped: 0, sameOrigin: 0 });
  }

  /** Rebuilds a log from what `meta()` and `list()` returned; duplicate seqs or ids keep the newest. */
  static restore(meta: TabLogMeta, entries: readonly RecordedExchange[]): TabLog {
    const log = new TabLog(structuredClone(meta));
    const sorted = [...entries].sort((a, b) => a.seq - b.seq);
    for (const entry of sorted) log.insert(entry);
    for (const entry of sorted) log.state.nextSeq = Math.max(log.state.nextSeq, entry.seq + 1);
    return log;
  }

  meta(): TabLogMeta {
    return structuredClone(this.state);
  }

  list(): RecordedExchange[] {
    return [...this.entries.values()];
  }

  pages(): PageGroup[] {
    return [...this.state.pages];
  }

  get size(): number {
    return this.entries.size;
  }

  summary(context: RecorderContext): TabLogSummary {
    const { dropped, sameOrigin, cap, preserveLog, recordingSince, pageLoadCaptured } = this.state;
    return { dropped, sameOrigin, cap, preserveLog, ...context, recordingSince: recordingSince ?? null, pageLoadCaptured: pageLoadCaptured === true };
  }

  /** Recording of this tab begins at `at`, unless it already runs; returns whether it began now. */
  startRecording(at: number): boolean {
    if (this.state.recordingSince !== undefined) return false;
    this.state.recordingSince = at;
    this.state.pageLoadCaptured = false;
    return true;
  }

  /** Nobody inspects the tab any more: what was recorded stays, nothing more is added. */
  stopRecording(): void {
    delete this.state.recordingSince;
    delete this.state.pageLoadCaptured;
  }

  setPreserveLog(preserveLog: boolean): void {
    this.state.preserveLog = preserveLog;
  }

  /** A top-frame navigation committed in this tab. */
  startPage(url: string, at: number): TabLogChange {
    const page: PageGroup = { id: this.state.nextPageId++, url, startedAt: at };
    this.startRecording(at);
    this.state.pageLoadCaptured = true;
    const removed = this.state.preserveLog ? NO_CHANGE : this.removePagesExcept(new Set());
    this.state.pages.push(page);
    return { ...removed, startedPage: page };
  }

  /** The user pressed Clear: every exchange and every page group but the current one go. */
  clear(): TabLogChange {
    const current = this.state.pages[this.state.pages.length - 1];
    return this.removePagesExcept(new Set(current ? [current.id] : []));
  }

  /** Records a finished, analysed exchange; a later state of one already recorded replaces it. */
  record(exchange: Exchange, analysis: Analysis, at: number): TabLogChange {
    if (analysis.type === 'same-origin') {
      this.state.sameOrigin++;
      return NO_CHANGE;
    }
    this.startRecording(at);
    let startedPage: PageGroup | undefined;
    if (this.state.pages.length === 0) {
      // Recording began mid-page (extension installed or worker data lost): an unnamed group.
      startedPage = { id: this.state.nextPageId++, url: exchange.documentUrl ?? '', startedAt: at };
      this.state.pages.push(startedPage);
    }
    const pageId = this.state.pages[this.state.pages.length - 1]?.id ?? 0;
    const removedSeqs: number[] = [];
    const previous = this.seqById.get(exchange.id);
    if (previous !== undefined) removedSeqs.push(...this.remove([previous]));
    const entry: RecordedExchange = { seq: this.state.nextSeq++, pageId, exchange, analysis };
    this.insert(entry);
    while (this.entries.size > this.state.cap) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      removedSeqs.push(...this.remove([oldest]));
      this.state.dropped++;
    }
    return { added: [entry], removedSeqs, removedPageIds: [], ...(startedPage ? { startedPage } : {}) };
  }

  private insert(entry: RecordedExchange): void {
    const previous = this.seqById.get(entry.exchange.id);
    if (previous !== undefined) this.remove([previous]);
    this.entries.set(entry.seq, entry);
    this.seqById.set(entry.exchange.id, entry.seq);
  }

  private remove(seqs: readonly number[]): number[] {
    const removed: number[] = [];
    for (const seq of seqs) {
      const entry = this.entries.get(seq);
      if (!entry) continue;
      this.entries.delete(seq);
      if (this.seqById.get(entry.exchange.id) === seq) this.seqById.delete(entry.exchange.id);
      removed.push(seq);
    }
    return removed;
  }

  private removePagesExcept(keep: ReadonlySet<number>): TabLogChange {
    const removedPageIds = this.state.pages.filter((p) => !keep.has(p.id)).map((p) => p.id);
    this.state.pages = this.state.pages.filter((p) => keep.has(p.id));
    const removedSeqs = this.remove(this.list().filter((e) => !keep.has(e.pageId)).map((e) => e.seq));
    // The counts describe what the log holds now; a wiped log starts them again (like the Network panel's footer).
    this.state.dropped = 0;
    this.state.sameOrigin = 0;
    return { added: [], removedSeqs, removedPageIds };
  }
}
