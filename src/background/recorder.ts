// The recorder's brain, free of browser APIs: normalised events in (event-normalizer.ts); per-tab
// logs (tab-log.ts), protocol messages for the panels and persistence batches out. Before each
// exchange is analysed it is stamped with what the recording knows beyond it: the cookie jar's
// evidence, the address space of the document that made it, the tab's *Try this fix* overrides.
// BackgroundRuntime (background-runtime.ts) owns it: it feeds the events, hands the messages to the
// PortHub (which sends them per port every 100 ms), and writes `takeBatch()` to the store
// (persistence.ts) once it knows which tabs are private.

import { analyzeExchange } from '../core/analyze';
import { addressSpaceOfDocument, type AddressSpace } from '../core/address-space';
import { CookieEvidence } from '../core/cookie-evidence';
import { StoredResponses } from '../core/cache/stored-responses';
import type { Exchange } from '../core/model';
import { backgroundMessage, type BackgroundToPanel, type BackgroundUpdate, type HostAccess, type RecorderContext } from '../core/protocol';
import type { AssemblerState } from './assembler-state';
import type { RequestEvent } from './event-normalizer';
import { ExchangeAssembler, DEFAULT_ASSEMBLER_OPTIONS } from './exchange-assembler';
import { batchAtRest } from './at-rest';
import { PersistQueue, type PersistBatch, type StoredExchange } from './persist-queue';
import { DEFAULT_CAP, TabLog, type TabLogChange, type TabLogMeta } from './tab-log';

export interface RecorderSnapshot {
  readonly metas: readonly TabLogMeta[];
  readonly exchanges: readonly StoredExchange[];
  readonly assembler: AssemblerState;
}

export interface RecorderOptions {
  readonly browser?: 'chromium' | 'firefox';
  readonly cap?: number;
  /** Where protocol messages for a tab go (every port open on that tab). */
  readonly send: (tabId: number, message: BackgroundUpdate) => void;
  /** The exchange as the browser checked it under the tab's *Try this fix* overrides (the same object when none applies). */
  readonly applyOverrides?: (exchange: Exchange) => Exchange;
}

/** A navigation's final response: not a redirect, and not 204/205, which leave the old page in place. */
function isCommittedNavigation(event: RequestEvent): boolean {
  if (event.resourceType !== 'main_frame' || event.phase !== 'response') return false;
  const { status } = event.response;
  return !(status >= 300 && status < 400) && status !== 204 && status !== 205;
}

export class Recorder {
  private readonly logs = new Map<number, TabLog>();
  private readonly assembler: ExchangeAssembler;
  private readonly queue = new PersistQueue();
  private context: RecorderContext = { hostAccess: 'granted', recordAllTabs: false };
  /** Which hosts the browser holds cookies for, as seen on the wire (one jar for all tabs). */
  private readonly cookies = new CookieEvidence();
  /** The browser's cached copies, for the 304s that revalidate them (in memory: a restarted worker starts without). */
  private readonly stored = new StoredResponses();
  /** Address space of each frame's current document, by `tabId:frameId` (Local Network Access). */
  private readonly frameSpaces = new Map<string, AddressSpace>();
  /** Tabs of private windows: their log is never written (at-rest.ts). */
  private readonly privateTabs = new Set<number>();

  constructor(private readonly options: RecorderOptions, restored?: RecorderSnapshot) {
    this.assembler = new ExchangeAssembler(restored?.assembler, DEFAULT_ASSEMBLER_OPTIONS);
    if (!restored) return;
    for (const meta of restored.metas) {
      const entries = restored.exchanges.filter((e) => e.tabId === meta.tabId).map((e) => e.entry);
      for (const entry of entries) this.cookies.observe(entry.exchange);
      this.logs.set(meta.tabId, TabLog.restore(meta, entries));
    }
  }

  handle(event: RequestEvent): void {
    // Requests of no tab (the extension's own, service workers') have no panel to show them in.
    if (event.tabId < 0) return;
    if (event.resourceType === 'main_frame' || event.resourceType === 'sub_frame') {
      // Navigations are not CORS requests (Fetch §4.1: mode "navigate"); the top one starts a page group.
      if (isCommittedNavigation(event)) this.startPage(event.tabId, event.url, event.at);
      this.noteDocumentSpace(event);
      return;
    }
    for (const exchange of this.assembler.handle(event)) this.record(exchange, event.at);
  }

  tick(now: number): void {
    const finished = this.assembler.tick(now);
    for (const exchange of finished) this.record(exchange, now);
  }

  snapshot(tabId: number): BackgroundToPanel['snapshot'] {
    const log = this.log(tabId);
    return { tabId, pages: log.pages(), exchanges: log.list(), summary: this.summary(tabId, log) };
  }

  clear(tabId: number): void {
    const log = this.log(tabId);
    const change = log.clear();
    this.queue.addChange(tabId, change);
    this.options.send(tabId, backgroundMessage('cleared', { summary: this.summary(tabId, log) }));
  }

  setPreserveLog(tabId: number, preserveLog: boolean): void {
    const log = this.log(tabId);
    log.setPreserveLog(preserveLog);
    this.queue.addMeta(tabId);
    this.options.send(tabId, backgroundMessage('summaryChanged', { summary: this.summary(tabId, log) }));
  }

  setHostAccess(hostAccess: HostAccess): void {
    this.setContext({ ...this.context, hostAccess });
  }

  setRecordAllTabs(recordAllTabs: boolean): void {
    this.setContext({ ...this.context, recordAllTabs });
  }

  /** The tab became inspected: the panel learns from when, and whether a page load follows. */
  startRecording(tabId: number, at: number): void {
    const log = this.log(tabId);
    if (!log.startRecording(at)) return;
    this.queue.addMeta(tabId);
    this.options.send(tabId, backgroundMessage('summaryChanged', { summary: this.summary(tabId, log) }));
  }

  stopRecording(tabId: number): void {
    const log = this.logs.get(tabId);
    if (!log) return;
    log.stopRecording();
    this.queue.addMeta(tabId);
  }

  /** Every tab with a log for which `stillRecorded` is false stops being recorded ("Record all tabs" turned off). */
  stopRecordingUnless(stillRecorded: (tabId: number) => boolean): void {
    for (const tabId of this.logs.keys()) if (!stillRecorded(tabId)) this.stopRecording(tabId);
  }

  /** Saving failed: the log goes on in memory, and every panel says so (`storageFault`). */
  setStorageFault(fault: string): void {
    this.setContext({ ...this.context, storageFault: fault });
  }

  /** The tab is in a private window: nothing of it is written, from now on and not before either (nothing was). */
  markPrivate(tabId: number): void {
    if (this.privateTabs.has(tabId)) return;
    this.privateTabs.add(tabId);
    const log = this.logs.get(tabId);
    if (log) this.options.send(tabId, backgroundMessage('summaryChanged', { summary: this.summary(tabId, log) }));
  }

  private summary(tabId: number, log: TabLog): ReturnType<TabLog['summary']> {
    const summary = log.summary(this.context);
    return this.privateTabs.has(tabId) ? { ...summary, privateWindow: true } : summary;
  }

  private setContext(context: RecorderContext): void {
    if (context.hostAccess === this.context.hostAccess && context.recordAllTabs === this.context.recordAllTabs && context.storageFault === this.context.storageFault) return;
    this.context = context;
    for (const [tabId, log] of this.logs) this.options.send(tabId, backgroundMessage('summaryChanged', { summary: this.summary(tabId, log) }));
  }

  dropTab(tabId: number): void {
    this.logs.delete(tabId);
    this.assembler.dropTab(tabId);
    this.queue.removeTab(tabId);
  }

  get hasInFlight(): boolean {
    return this.assembler.inFlight > 0;
  }

  get hasUnsavedChanges(): boolean {
    return this.queue.pending || this.assembler.hasUntakenChanges;
  }

  /**
   * What to write now, without secret values and without private windows' tabs (at-rest.ts);
   * in-flight requests younger than `minAgeMs` wait for a later batch.
   */
  takeBatch(now: number, minAgeMs = 0): PersistBatch {
    const batch = this.queue.take(this.assembler.takeChanges(now, minAgeMs), (tabId) => this.logs.get(tabId)?.meta());
    return batchAtRest(batch, (tabId) => !this.privateTabs.has(tabId));
  }

  /** Tabs with rows waiting to be written: whether each is private must be known before takeBatch(). */
  unsavedTabs(): number[] {
    return [...new Set([...this.queue.tabs(), ...this.assembler.dirtyTabs()])];
  }

  private record(exchange: Exchange, at: number): void {
    const tabId = exchange.tabId ?? -1;
    const log = this.log(tabId);
    const own: Exchange = this.options.browser ? { ...exchange, browser: this.options.browser } : exchange;
    // Same-origin exchanges are only counted, but their cookies still tell what the jar holds.
    const space = this.frameSpaces.get(`${tabId}:${exchange.frameId ?? 0}`);
    const stamped = this.stored.annotate(this.cookies.annotate(space ? { ...own, initiatorAddressSpace: space } : own));
    this.cookies.observe(own);
    this.stored.observe(own);
    const checked = this.options.applyOverrides?.(stamped) ?? stamped;
    const change = log.record(checked, analyzeExchange(checked), at);
    this.queue.addChange(tabId, change);
    this.announce(tabId, log, change);
  }

  private noteDocumentSpace(event: RequestEvent): void {
    if (event.phase !== 'response' && event.phase !== 'complete') return;
    const key = `${event.tabId}:${event.frameId}`;
    const space = addressSpaceOfDocument(event.response.headers, event.ip);
    if (space) this.frameSpaces.set(key, space);
    else if (event.phase === 'response') this.frameSpaces.delete(key);
    if (this.frameSpaces.size > 1000) this.frameSpaces.clear(); // bounded; a lost entry only loses an explanation
  }

  private startPage(tabId: number, url: string, at: number): void {
    const log = this.log(tabId);
    const change = log.startPage(url, at);
    this.queue.addChange(tabId, change);
    this.announce(tabId, log, change);
  }

  private announce(tabId: number, log: TabLog, change: TabLogChange): void {
    const summary = this.summary(tabId, log);
    if (change.startedPage) this.options.send(tabId, backgroundMessage('pageStarted', { page: change.startedPage, removedPageIds: change.removedPageIds }));
    for (const entry of change.added) this.options.send(tabId, backgroundMessage('exchangeRecorded', { entry, summary }));
    // pageStarted carries no summary, and a navigation without preserve-log resets the counts.
    if (change.added.length === 0) this.options.send(tabId, backgroundMessage('summaryChanged', { summary }));
  }

  private log(tabId: number): TabLog {
    let log = this.logs.get(tabId);
    if (!log) {
      log = TabLog.create(tabId, this.options.cap ?? DEFAULT_CAP);
      this.logs.set(tabId, log);
    }
    return log;
  }
}
