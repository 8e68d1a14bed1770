// One background lifetime: restores the recorder from storage, queues events that arrive while it
// does (listeners are registered synchronously, before the restore finishes), writes changes in
// batches, and answers panels. Everything here is per instance; index.ts creates exactly one.

import { message, type BackgroundToPanel, type PanelToBackground } from '../core/protocol';
import type { ProbeReply } from './probe/probe-service';
import type { PortLike } from '../platform/ports';
import { normalizeEvent, type RequestEvent, type RequestPhase, type WebRequestDetails } from './event-normalizer';
import { RecorderStore } from './persistence';
import { PortHub } from './port-hub';
import { Recorder } from './recorder';

/** Writes go out at most this often: one IndexedDB transaction per burst, not per event. */
const FLUSH_DELAY_MS = 250;
/** In-flight requests are written once they are this old (most have finished by then; see takeChanges). */
const PENDING_MIN_AGE_MS = 1_000;
/** How often in-flight exchanges are checked for preflight timeouts while any are pending. */
const TICK_MS = 1_000;

export interface RuntimeDeps {
  readonly browser: 'chromium' | 'firefox';
  /** True when the browser session is new (nothing to restore), false after a worker restart. */
  readonly isFreshSession: () => Promise<boolean>;
  readonly hasHostAccess: () => Promise<boolean>;
  /** The active probe (src/background/probe); absent where it is not available. */
  readonly onProbe?: (command: PanelToBackground['probe'], reply: ProbeReply) => void;
}

/** Time spent inside the background per webRequest event, for `npm run bench` and the report. */
export interface EventStats {
  events: number;
  totalMs: number;
}

export class BackgroundRuntime {
  readonly stats: EventStats = { events: 0, totalMs: 0 };
  private readonly waiting: RequestEvent[] = [];
  private recorder: Recorder | undefined;
  private store: RecorderStore | undefined;
  private flushTimer: ReturnType<typeof setTimeout> | undefined;
  private tickTimer: ReturnType<typeof setTimeout> | undefined;
  private writing: Promise<void> = Promise.resolve();
  readonly ready: Promise<void>;
  private readonly hub = new PortHub({
    hello: (_payload, tabId, port) => void this.whenReady(() => this.greet(tabId, port)),
    clear: (_payload, tabId) => void this.whenReady((r) => r.clear(tabId)),
    setPreserveLog: ({ preserveLog }, tabId) => void this.whenReady((r) => r.setPreserveLog(tabId, preserveLog)),
    hostAccessChanged: () => void this.refreshHostAccess(),
    probe: (command, tabId) => this.deps.onProbe?.(command, (report) => this.hub.send(tabId, message<BackgroundToPanel, 'probeUpdate'>('probeUpdate', { tabId, report }))),
  });

  constructor(private readonly deps: RuntimeDeps) {
    this.ready = this.restore();
  }

  onWebRequest(phase: RequestPhase, details: WebRequestDetails): void {
    const started = performance.now();
    const event = normalizeEvent(phase, details);
    if (this.recorder) this.recorder.handle(event);
    else this.waiting.push(event);
    this.afterChange();
    this.stats.events++;
    this.stats.totalMs += performance.now() - started;
  }

  acceptPort(port: PortLike): void {
    this.hub.accept(port);
  }

  onTabRemoved(tabId: number): void {
    void this.whenReady((r) => r.dropTab(tabId));
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
    if (this.flushTimer !== undefined) clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    const { recorder, store } = this;
    if (!recorder || !store || !recorder.hasUnsavedChanges) return this.writing;
    // Written at once, not after the previous write: the batch holds live rows that the next event
    // may change, and write() copies them into its transaction before it yields. IndexedDB runs
    // read-write transactions over the same stores in the order they were created (IndexedDB,
    // "transaction scheduling"; WPT transaction-scheduling-ordering), so batches still land in order.
    const written = store.write(recorder.takeBatch(Date.now(), minAgeMs));
    this.writing = Promise.all([this.writing, written]).then(
      () => undefined,
      (error: unknown) => console.warn('CORS Lens: could not save the log', error),
    );
    return this.writing;
  }

  private async restore(): Promise<void> {
    const fresh = await this.deps.isFreshSession();
    const store = await RecorderStore.open(fresh);
    const snapshot = fresh ? undefined : await store.load();
    const recorder = new Recorder({ browser: this.deps.browser, send: (tabId, m) => this.hub.send(tabId, m) }, snapshot);
    this.store = store;
    this.recorder = recorder;
    for (const event of this.waiting.splice(0)) recorder.handle(event);
    this.afterChange();
    // Not refreshHostAccess(): it waits for `ready`, which is this very promise.
    recorder.setHostAccess((await this.deps.hasHostAccess()) ? 'granted' : 'missing');
  }

  private async whenReady(action: (recorder: Recorder) => void): Promise<void> {
    await this.ready;
    if (this.recorder) action(this.recorder);
    this.afterChange();
  }

  private greet(tabId: number, port: PortLike): void {
    if (!this.recorder) return;
    port.postMessage(message<BackgroundToPanel, 'snapshot'>('snapshot', this.recorder.snapshot(tabId)));
    this.hub.subscribe(tabId, port);
  }

  private afterChange(): void {
    if (this.recorder?.hasUnsavedChanges && this.flushTimer === undefined) {
      this.flushTimer = setTimeout(() => void this.flush(PENDING_MIN_AGE_MS), FLUSH_DELAY_MS);
    }
    if (this.recorder?.hasInFlight && this.tickTimer === undefined) {
      this.tickTimer = setTimeout(() => this.tick(), TICK_MS);
    }
  }

  private tick(): void {
    this.tickTimer = undefined;
    if (!this.recorder) return;
    this.recorder.tick(Date.now());
    this.afterChange();
  }
}
