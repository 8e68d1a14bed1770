// One background lifetime: restores the recorder from storage, queues events that arrive while it
// does (listeners are registered synchronously, before the restore finishes), writes changes in
// batches, and answers panels. Everything here is per instance; index.ts creates exactly one.
//
// It also decides what is recorded (recording-scope.ts): the webRequest listeners stay registered
// only while a tab is inspected or "Record all tabs" is on. A background that wakes registers them
// in its first turn anyway (the event that woke it must find a listener), learns the scope from
// storage, and removes them again when nothing is to be recorded.
//
// New listeners are added before old ones go, and the browser may have dispatched an event to both:
// each event (phase, request, time, URL) is passed on once. Tabs restored from storage stay recorded
// until their devtools page reconnects, whatever other ports do meanwhile, or for RECONNECT_GRACE_MS;
// a tab whose DevTools closed while the worker was stopped then stops being recorded.
//
// Observed in Chromium 156 and Firefox ESR 153 (e2e tests recording-scope, worker-restart and
// devtools-panel):
// - Chromium: with every listener removed, a stopped worker is not started by page traffic (50
//   cross-origin requests, no service_worker target appeared), and a running one receives no event.
// - Chromium: with nothing inspected the worker stops about 30 s after its last event, even with
//   puppeteer connected; with DevTools open on a tab it was the same worker after 75 s without
//   traffic, kept by the devtools page's `inspect` message every 20 s (extension messages reset the
//   idle timer since Chrome 114; an open port alone does not).
// - Chromium: a forced stop (ServiceWorker.stopAllWorkers) while DevTools is open disconnects the
//   devtools page's port; its reconnect (100 ms later) starts the worker again, whose first-turn
//   listeners and restored scope record everything after it: no exchange lost or doubled.
// - Firefox: the event page is suspended after 30 s idle like Chromium's worker; with DevTools open
//   on a tab it was the same event page after 50 s (the devtools page's port and messages keep it).
//   Firefox opens the devtools page for a toolbox started with `-devtools` on the first tab only.
// - Both: removeListener on the webRequest events is honoured at once (hasListener() false).

import { backgroundMessage, type PanelToBackground } from '../core/protocol';
import type { ProbeReply } from './probe/probe-service';
import type { Exchange } from '../core/model';
import type { ActiveOverride, OverridesUpdate } from '../core/override/override-command';
import type { PortLike } from '../platform/ports';
import type { ScopeStorage } from '../platform/scope-storage';
import type { ListenScope, RequestPhase, WebRequestDetails } from '../platform/web-request';
import { normalizeEvent, recorderHeaderPool, type RequestEvent } from './event-normalizer';
import type { RecorderPersistence } from './persistence';
import { PortHub } from './port-hub';
import { Recorder, type RecorderSnapshot } from './recorder';
import { RecordingScope } from './recording-scope';

/** Writes go out at most this often: one IndexedDB transaction per burst, not per event. */
const FLUSH_DELAY_MS = 250;
/** In-flight requests are written once they are this old (most have finished by then; see takeChanges). */
const PENDING_MIN_AGE_MS = 1_000;
/** How often in-flight exchanges are checked for preflight timeouts while any are pending. */
const TICK_MS = 1_000;
/**
 * After a restart, how long tabs that were inspected before it stay recorded while waiting for
 * their devtools page to reconnect (it retries within 100 ms, backing off to 5 s).
 */
const RECONNECT_GRACE_MS = 10_000;

/** The webRequest listeners, as src/platform/web-request.ts registers and removes them. */
export interface ListenerSwitch {
  listenTo(scope: ListenScope): void;
}

/** Time as the runtime reads it: passed in, so tests decide when timers fire relative to events. */
export interface RuntimeClock {
  now(): number;
  /** Runs `fn` after `ms`; returns a function that cancels it. */
  delay(ms: number, fn: () => void): () => void;
}

export const SYSTEM_CLOCK: RuntimeClock = {
  now: () => Date.now(),
  delay: (ms, fn) => {
    const timer = setTimeout(fn, ms);
    return () => clearTimeout(timer);
  },
};

export interface RuntimeDeps {
  readonly browser: 'chromium' | 'firefox';
  /** True when the browser session is new (nothing to restore), false after a worker restart. */
  readonly isFreshSession: () => Promise<boolean>;
  readonly hasHostAccess: () => Promise<boolean>;
  /** Whether the tab is in a private window: then nothing of it is written (src/platform/tab-privacy.ts). */
  readonly isPrivateTab: (tabId: number) => Promise<boolean>;
  /** Opens the on-disk store (persistence.ts `RecorderStore.open`); tests pass in-memory and failing ones. */
  readonly openStore: (freshSession: boolean) => Promise<RecorderPersistence>;
  readonly clock: RuntimeClock;
  readonly listeners: ListenerSwitch;
  readonly scopeStorage: ScopeStorage;
  /** The active probe (src/background/probe); absent where it is not available. */
  readonly onProbe?: (command: PanelToBackground['probe'], reply: ProbeReply) => void;
  /** *Try this fix* (src/background/override); absent where it is not available. */
  readonly overrides?: OverrideHandler;
}

/** What the runtime needs of the override service: commands in, a port's end, the tab's list for `hello`. */
export interface OverrideHandler {
  handle(command: PanelToBackground['override'], port: PortLike): void;
  release(port: PortLike): void;
  list(tabId: number): ActiveOverride[];
  apply(exchange: Exchange): Exchange;
}

/** Time spent inside the background per webRequest event, for `npm run bench` and the report. */
export interface EventStats {
  events: number;
  totalMs: number;
  /** Events that reached a listener for a tab outside the scope (only while the scope loads or changes). */
  ignored: number;
}

export class BackgroundRuntime {
  readonly stats: EventStats = { events: 0, totalMs: 0, ignored: 0 };
  private readonly scope = new RecordingScope();
  private readonly headerPool = recorderHeaderPool();
  /** False until the scope has been read back from storage: until then every event waits. */
  private scopeLoaded = false;
  private readonly waiting: RequestEvent[] = [];
  private recorder: Recorder | undefined;
  /** Absent until restored, and again once saving failed: the log then lives in memory only. */
  private store: RecorderPersistence | undefined;
  /** Per tab, the lookup of whether it is private; the recorder learns the private ones. Kept after the tab closes: tab ids are never reused. */
  private readonly privacy = new Map<number, Promise<void>>();
  /** Tabs whose lookup has finished. */
  private readonly privacyKnown = new Set<number>();
  /** Cancels the pending flush; undefined while none is. */
  private cancelFlush: (() => void) | undefined;
  private tickPending = false;
  private writing: Promise<void> = Promise.resolve();
  readonly ready: Promise<void>;
  private readonly hub = new PortHub({
    hello: (_payload, tabId, port) => {
      this.inspect(tabId, port);
      void this.whenReady(() => this.greet(tabId, port));
    },
    // Only the devtools page says `inspect` (src/devtools/devtools.ts); panels say `hello`.
    inspect: (_payload, tabId, port) => this.inspect(tabId, port, true),
    setRecordAllTabs: ({ recordAllTabs }) => this.setRecordAllTabs(recordAllTabs),
    clear: (_payload, tabId) => void this.whenReady((r) => r.clear(tabId)),
    setPreserveLog: ({ preserveLog }, tabId) => void this.whenReady((r) => r.setPreserveLog(tabId, preserveLog)),
    hostAccessChanged: () => void this.refreshHostAccess(),
    override: (command, _tabId, port) => this.deps.overrides?.handle(command, port),
    probe: (command, tabId) => this.deps.onProbe?.(command, (report) => this.hub.send(tabId, backgroundMessage('probeUpdate', { tabId, report }))),
  }, {
    onClose: (port) => {
      this.deps.overrides?.release(port);
      this.release(port);
    },
  });

  constructor(private readonly deps: RuntimeDeps) {
    this.ready = this.restore();
  }

  onWebRequest(phase: RequestPhase, details: WebRequestDetails): void {
    const started = performance.now();
    if (this.scopeLoaded && !this.scope.records(details.tabId)) {
      this.stats.ignored++;
      return;
    }
    const event = normalizeEvent(phase, details, this.headerPool);
    if (this.recorder) this.recorder.handle(event);
    else this.waiting.push(event);
    this.afterChange();
    this.stats.events++;
    this.stats.totalMs += performance.now() - started;
  }

  /** The override service's answers go to every panel of the tab. */
  sendOverrides(tabId: number, update: OverridesUpdate): void {
    this.hub.send(tabId, backgroundMessage('overridesChanged', update));
  }

  acceptPort(port: PortLike): void {
    this.hub.accept(port);
  }

  onTabRemoved(tabId: number): void {
    this.scope.dropTab(tabId);
    this.applyScope();
    if (this.scopeLoaded) this.saveInspectedTabs();
    void this.whenReady((r) => r.dropTab(tabId));
  }

  /** For tests and the bench: what is recorded now. */
  get recording(): { readonly listening: boolean; readonly recordAllTabs: boolean; readonly tabs: readonly number[] } {
    return { listening: this.scope.listening, recordAllTabs: this.scope.recordAllTabs, tabs: this.scope.inspectedTabs() };
  }

  async refreshHostAccess(): Promise<void> {
    const granted = await this.deps.hasHostAccess();
    await this.whenReady((r) => r.setHostAccess(granted ? 'granted' : 'missing'));
  }

  /**
   * Writes what is pending now: everything (tests call it before stopping the worker), or, from the
   * timer, all but the in-flight requests younger than `minAgeMs`.
   */
  async flush(minAgeMs = 0): Promise<void> {
    this.cancelFlush?.();
    this.cancelFlush = undefined;
    const { recorder } = this;
    if (!recorder?.hasUnsavedChanges) return this.writing;
    // A row is written only once its tab is known not to be private; events that came in during
    // the lookup may have brought rows of further tabs.
    for (let tabs = recorder.unsavedTabs(); tabs.some((tabId) => !this.privacyKnown.has(tabId)); tabs = recorder.unsavedTabs()) await this.learnPrivacy(tabs);
    const { store } = this;
    const batch = recorder.takeBatch(this.deps.clock.now(), minAgeMs);
    if (!store) return this.writing;
    // Written at once, not after the previous write: the batch holds live rows that the next event
    // may change, and write() copies them into its transaction before it yields. IndexedDB runs
    // read-write transactions over the same stores in the order they were created (IndexedDB,
    // "transaction scheduling"; WPT transaction-scheduling-ordering), so batches still land in order.
    const written = store.write(batch);
    this.writing = Promise.all([this.writing, written]).then(
      () => undefined,
      (error: unknown) => this.storageFailed(error),
    );
    return this.writing;
  }

  /**
   * Saving failed (quota exceeded, the database deleted or blocked): the failed batch's transaction
   * was rolled back whole, so what is stored stays a consistent earlier state of the log, and
   * nothing more is written to it; the log goes on in memory and every panel says so.
   */
  private storageFailed(error: unknown): void {
    console.warn('CORS Lens: could not save the log', error);
    this.store = undefined;
    this.recorder?.setStorageFault(describeFault(error));
  }

  private learnPrivacy(tabIds: readonly number[]): Promise<unknown> {
    return Promise.all(tabIds.map((tabId) => {
      let known = this.privacy.get(tabId);
      if (!known) {
        known = this.deps.isPrivateTab(tabId).then((isPrivate) => {
          if (isPrivate) this.recorder?.markPrivate(tabId);
          this.privacyKnown.add(tabId);
        });
        this.privacy.set(tabId, known);
      }
      return known;
    }));
  }

  private async restore(): Promise<void> {
    await this.loadScope();
    const fresh = await this.deps.isFreshSession();
    let store: RecorderPersistence | undefined;
    let snapshot: RecorderSnapshot | undefined;
    let fault: unknown;
    try {
      store = await this.deps.openStore(fresh);
      snapshot = fresh ? undefined : await store.load();
    } catch (error) {
      // No store (blocked, deleted, unreadable): record in memory, and say so.
      fault = error;
      store = undefined;
    }
    const { overrides } = this.deps;
    const recorder = new Recorder({ browser: this.deps.browser, send: (tabId, m) => this.hub.send(tabId, m), ...(overrides ? { applyOverrides: (x: Exchange) => overrides.apply(x) } : {}) }, snapshot);
    this.store = store;
    this.recorder = recorder;
    if (fault !== undefined) this.storageFailed(fault);
    recorder.setRecordAllTabs(this.scope.recordAllTabs);
    const now = this.deps.clock.now();
    for (const tabId of this.scope.inspectedTabs()) recorder.startRecording(tabId, now);
    for (const event of this.waiting.splice(0)) if (this.scope.records(event.tabId)) recorder.handle(event);
    this.afterChange();
    // Not refreshHostAccess(): it waits for `ready`, which is this very promise.
    recorder.setHostAccess((await this.deps.hasHostAccess()) ? 'granted' : 'missing');
  }

  /** Reads the setting and the tabs inspected before a restart; decides whether to keep listening. */
  private async loadScope(): Promise<void> {
    const storage = this.deps.scopeStorage;
    const [recordAll, inspected] = await Promise.all([storage.readRecordAllTabs().catch(() => false), storage.readInspectedTabs().catch(() => [])]);
    this.scope.setRecordAllTabs(recordAll);
    this.scope.restore(inspected);
    this.scopeLoaded = true;
    this.saveInspectedTabs();
    this.applyScope();
    if (inspected.length > 0) this.deps.clock.delay(RECONNECT_GRACE_MS, () => this.expireRestoredTabs());
  }

  private inspect(tabId: number, port: PortLike, devtoolsPage = false): void {
    const began = this.scope.inspect(tabId, port, devtoolsPage);
    this.applyScope();
    // Before the scope is loaded, restore() starts recording every inspected tab at once.
    if (!began) return;
    // The panel says "private window" from the start, not from the first save.
    void this.whenReady(() => void this.learnPrivacy([tabId]));
    if (!this.scopeLoaded) return;
    this.saveInspectedTabs();
    void this.whenReady((r) => r.startRecording(tabId, this.deps.clock.now()));
  }

  private release(port: PortLike): void {
    const tabId = this.scope.release(port);
    if (tabId === undefined) return;
    this.stopRecordingUnlessInScope([tabId]);
  }

  private expireRestoredTabs(): void {
    this.stopRecordingUnlessInScope(this.scope.expireRestored());
  }

  private stopRecordingUnlessInScope(tabIds: readonly number[]): void {
    this.applyScope();
    if (!this.scopeLoaded) return;
    this.saveInspectedTabs();
    void this.whenReady((r) => {
      for (const tabId of tabIds) if (!this.scope.records(tabId)) r.stopRecording(tabId);
    });
  }

  private setRecordAllTabs(on: boolean): void {
    this.scope.setRecordAllTabs(on);
    this.applyScope();
    // Before the write, so a panel's next `hello` is answered with the new setting.
    void this.whenReady((r) => {
      r.setRecordAllTabs(on);
      // A tab recorded only because of the setting has its recording end: its next page load is missed.
      if (!on) r.stopRecordingUnless((tabId) => this.scope.records(tabId));
    });
    this.deps.scopeStorage.writeRecordAllTabs(on).catch((error: unknown) => console.warn('CORS Lens: could not save the setting', error));
  }

  private saveInspectedTabs(): void {
    void this.deps.scopeStorage.writeInspectedTabs(this.scope.inspectedTabs()).catch(() => undefined);
  }

  /** Listeners for what is in scope; until the scope is known, for every tab (the first turn registered them). */
  private applyScope(): void {
    this.deps.listeners.listenTo(this.scopeLoaded ? this.scope.listenScope : 'all-tabs');
  }

  private async whenReady(action: (recorder: Recorder) => void): Promise<void> {
    await this.ready;
    if (this.recorder) action(this.recorder);
    this.afterChange();
  }

  private greet(tabId: number, port: PortLike): void {
    if (!this.recorder) return;
    port.postMessage(backgroundMessage('snapshot', this.recorder.snapshot(tabId)));
    const overrides = this.deps.overrides?.list(tabId);
    if (overrides) port.postMessage(backgroundMessage('overridesChanged', { tabId, overrides }));
    this.hub.subscribe(tabId, port);
  }

  private afterChange(): void {
    if (this.recorder?.hasUnsavedChanges && this.cancelFlush === undefined) {
      this.cancelFlush = this.deps.clock.delay(FLUSH_DELAY_MS, () => void this.flush(PENDING_MIN_AGE_MS));
    }
    if (this.recorder?.hasInFlight && !this.tickPending) {
      this.tickPending = true;
      this.deps.clock.delay(TICK_MS, () => this.tick());
    }
  }

  private tick(): void {
    this.tickPending = false;
    if (!this.recorder) return;
    this.recorder.tick(this.deps.clock.now());
    this.afterChange();
  }
}

/** `QuotaExceededError: …` in a few words, for the panel (WebIDL puts Error.prototype in a DOMException's prototype chain). */
function describeFault(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return error.message ? `${error.name}: ${error.message}` : error.name;
}
