import { afterEach, describe, expect, test } from 'vitest';
import { unpackUpdates, type BackgroundMessage, type BackgroundToPanel, type BackgroundUpdate, type TabLogSummary } from '../core/protocol';
import type { PortLike } from '../platform/ports';
import { BackgroundRuntime, SYSTEM_CLOCK, type RuntimeClock, type RuntimeDeps } from './background-runtime';
import { loadFixture } from '../../test/fixtures/webrequest/load-fixture';
import type { PersistBatch } from './persist-queue';
import type { RecorderPersistence } from './persistence';
import type { RecorderSnapshot } from './recorder';

/**
 * IndexedDB as persistence.ts uses it: a batch is one transaction, applied whole or not at all.
 * `failWith` makes the next writes fail the way a full disk or a deleted database does.
 */
class StoreWithFaults implements RecorderPersistence {
  failWith: DOMException | undefined;
  writes = 0;
  private rows = new Map<string, RecorderSnapshot['exchanges'][number]>();
  private metas = new Map<number, RecorderSnapshot['metas'][number]>();

  write(batch: PersistBatch): Promise<void> {
    this.writes++;
    // Copied at once, as the structured clone of put() would: the rows are the recorder's live ones.
    const copy = JSON.parse(JSON.stringify(batch)) as PersistBatch;
    if (this.failWith) return Promise.reject(this.failWith);
    for (const tabId of copy.removedTabs) for (const key of [...this.rows.keys()]) if (key.startsWith(`${tabId}:`)) this.rows.delete(key);
    for (const [tabId, seq] of copy.remove) this.rows.delete(`${tabId}:${seq}`);
    for (const row of copy.put) this.rows.set(`${row.tabId}:${row.seq}`, row);
    for (const meta of copy.metas) this.metas.set(meta.tabId, meta);
    return Promise.resolve();
  }

  load(): Promise<RecorderSnapshot> {
    return Promise.resolve(structuredClone({ metas: [...this.metas.values()], exchanges: [...this.rows.values()], assembler: { requests: [], preflights: [] } }));
  }
}

const fixture = loadFixture('chromium', 'preflight-put-allowed');
const TAB = fixture.events[0]?.details.tabId ?? 1;

/** The fixture's preflighted PUT, as round `n`: the same events under fresh request ids, `n` seconds later. */
function sendRound(runtime: BackgroundRuntime, n: number, tabId = TAB): void {
  for (const { phase, details } of fixture.events) runtime.onWebRequest(phase, { ...details, tabId, requestId: `${n}-${details.requestId}`, timeStamp: details.timeStamp + n * 1_000 });
}

const ports: { close(): void }[] = [];
afterEach(() => ports.splice(0).forEach((p) => p.close()));

/** A panel's port: what it receives, unpacked; `closedByPanel` is the panel going away; `inspect` is what the devtools page says instead of `hello`. */
function panelPort(): { port: PortLike; received: BackgroundUpdate[]; hello(): void; inspect(): void; closedByPanel(): void } {
  let onMessage: ((m: unknown) => void) | undefined;
  let onDisconnect: (() => void) | undefined;
  const received: BackgroundUpdate[] = [];
  const port: PortLike = {
    name: `cors-lens:${TAB}`,
    postMessage: (m) => received.push(...unpackUpdates(m as BackgroundMessage)),
    onMessage: (listener) => void (onMessage = listener),
    onDisconnect: (listener) => void (onDisconnect = listener),
    disconnect: () => undefined,
  };
  ports.push({ close: () => (onMessage = undefined) });
  return {
    port,
    received,
    hello: () => onMessage?.({ type: 'hello', version: 1, payload: { tabId: TAB, protocolVersion: 1 } }),
    inspect: () => onMessage?.({ type: 'inspect', version: 1, payload: { tabId: TAB } }),
    closedByPanel: () => onDisconnect?.(),
  };
}

function runtimeWith(overrides: Partial<RuntimeDeps>): BackgroundRuntime {
  return new BackgroundRuntime({
    browser: 'chromium',
    clock: SYSTEM_CLOCK,
    openStore: () => Promise.resolve(new StoreWithFaults()),
    isFreshSession: () => Promise.resolve(true),
    hasHostAccess: () => Promise.resolve(true),
    isPrivateTab: () => Promise.resolve(false),
    listeners: { listenTo: () => undefined },
    scopeStorage: {
      readRecordAllTabs: () => Promise.resolve(true),
      writeRecordAllTabs: () => Promise.resolve(),
      readInspectedTabs: () => Promise.resolve([]),
      writeInspectedTabs: () => Promise.resolve(),
    },
    ...overrides,
  });
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
const summaries = (received: readonly BackgroundUpdate[]): TabLogSummary[] =>
  received.flatMap((m) => ('summary' in m.payload ? [m.payload.summary as TabLogSummary] : []));
const latestSnapshot = async (runtime: BackgroundRuntime): Promise<BackgroundToPanel['snapshot']> => {
  const panel = panelPort();
  runtime.acceptPort(panel.port);
  panel.hello();
  await wait(10);
  const snapshot = panel.received.find((m) => m.type === 'snapshot');
  if (snapshot?.type !== 'snapshot') throw new Error('no snapshot');
  return snapshot.payload;
};

describe('BackgroundRuntime: storage faults', () => {
  test.each([
    ['the quota is exceeded', new DOMException('The quota has been exceeded.', 'QuotaExceededError')],
    ['the database was deleted under it', new DOMException('The database connection is closing.', 'InvalidStateError')],
  ])('%s mid-recording: recording goes on in memory, the panel says so, the store keeps its last whole batch', async (_name, fault) => {
    const store = new StoreWithFaults();
    const runtime = runtimeWith({ openStore: () => Promise.resolve(store) });
    await runtime.ready;
    const panel = panelPort();
    runtime.acceptPort(panel.port);
    panel.hello();

    sendRound(runtime, 1);
    await runtime.flush();
    expect((await store.load()).exchanges).toHaveLength(1);

    store.failWith = fault;
    sendRound(runtime, 2);
    await runtime.flush();
    await wait(150); // the port hub's batch of updates
    expect(summaries(panel.received).at(-1)?.storageFault).toBe(`${fault.name}: ${fault.message}`);

    // No further write is tried, nothing recorded is lost from memory, and the worker goes on.
    const writes = store.writes;
    sendRound(runtime, 3);
    await runtime.flush();
    expect(store.writes).toBe(writes);
    const live = await latestSnapshot(runtime);
    expect(live.exchanges.map((e) => e.exchange.id.split('-')[0])).toEqual(['1', '2', '3']);
    expect(live.summary.storageFault).toContain(fault.name);

    // What was stored stays readable: the first batch, whole.
    const stored = await store.load();
    expect(stored.exchanges.map((e) => e.entry.exchange.id)).toEqual([live.exchanges[0]?.exchange.id]);
    expect(stored.metas.map((m) => m.tabId)).toEqual([TAB]);
  });

  test.each([
    ['opening fails (blocked)', () => Promise.reject(new DOMException('another connection blocks the database', 'BlockedError'))],
    ['reading fails', () => Promise.resolve({ write: () => Promise.resolve(), load: () => Promise.reject(new DOMException('read failed', 'UnknownError')) })],
  ])('%s: the worker starts anyway, in memory, and says so', async (_name, openStore) => {
    const runtime = runtimeWith({ isFreshSession: () => Promise.resolve(false), openStore });
    await runtime.ready;
    sendRound(runtime, 1);
    await runtime.flush();
    const live = await latestSnapshot(runtime);
    expect(live.exchanges).toHaveLength(1);
    expect(live.summary.storageFault).toMatch(/Error/);
  });
});

describe('BackgroundRuntime: private windows', () => {
  test.each([
    { name: 'a private window', isPrivate: true, stored: 0 },
    { name: 'a regular window', isPrivate: false, stored: 1 },
  ])('$name: the log is shown, and written only for a regular window', async ({ isPrivate, stored }) => {
    const store = new StoreWithFaults();
    const runtime = runtimeWith({ openStore: () => Promise.resolve(store), isPrivateTab: () => Promise.resolve(isPrivate) });
    await runtime.ready;
    sendRound(runtime, 1);
    await runtime.flush();
    expect((await store.load()).exchanges).toHaveLength(stored);
    expect((await store.load()).metas).toHaveLength(stored);
    const live = await latestSnapshot(runtime);
    expect(live.exchanges).toHaveLength(1);
    expect(live.summary.privateWindow === true).toBe(isPrivate);
  });

  test('a private tab whose first rows arrive while another tab is looked up is not written either', async () => {
    const store = new StoreWithFaults();
    const answers = new Map<number, (isPrivate: boolean) => void>();
    const runtime = runtimeWith({ openStore: () => Promise.resolve(store), isPrivateTab: (tabId) => new Promise((resolve) => answers.set(tabId, resolve)) });
    await runtime.ready;
    sendRound(runtime, 1, 1);
    const flushed = runtime.flush();
    await wait(10);
    sendRound(runtime, 2, 2);
    answers.get(1)?.(false);
    await wait(10);
    answers.get(2)?.(true);
    await flushed;
    expect((await store.load()).exchanges.map((e) => e.tabId)).toEqual([1]);
  });

  test('a tab whose privacy cannot be read yet is not written before it is known', async () => {
    const store = new StoreWithFaults();
    let answer: (isPrivate: boolean) => void = () => undefined;
    const runtime = runtimeWith({ openStore: () => Promise.resolve(store), isPrivateTab: () => new Promise((resolve) => (answer = resolve)) });
    await runtime.ready;
    sendRound(runtime, 1);
    const flushed = runtime.flush();
    await wait(10);
    expect(store.writes).toBe(0);
    answer(false);
    await flushed;
    expect((await store.load()).exchanges).toHaveLength(1);
  });
});

/** A clock the test moves by hand: timers fire in the order they are due, only when `advance` passes them. */
class ManualClock implements RuntimeClock {
  private time = fixture.events[0]?.details.timeStamp ?? 0;
  private timers: { readonly at: number; readonly fn: () => void }[] = [];
  now = (): number => this.time;
  delay = (ms: number, fn: () => void): (() => void) => {
    const timer = { at: this.time + ms, fn };
    this.timers.push(timer);
    return () => void (this.timers = this.timers.filter((t) => t !== timer));
  };

  advance(ms: number): void {
    const until = this.time + ms;
    for (let due = this.nextDue(until); due; due = this.nextDue(until)) {
      this.timers = this.timers.filter((t) => t !== due);
      this.time = due.at;
      due.fn();
    }
    this.time = until;
  }

  private nextDue(until: number): { readonly at: number; readonly fn: () => void } | undefined {
    return this.timers.filter((t) => t.at <= until).sort((a, b) => a.at - b.at)[0];
  }
}

const roundsOf = (snapshot: BackgroundToPanel['snapshot']): string[] => snapshot.exchanges.map((e) => e.exchange.id.split('-')[0] ?? '');

describe('BackgroundRuntime: orderings', () => {
  test.each([
    { name: 'a tab inspected before the restart', recordAllTabs: false, inspected: [TAB], rounds: ['1'] },
    { name: 'a tab nobody inspects', recordAllTabs: false, inspected: [], rounds: [] },
    { name: 'any tab, "Record all tabs" on', recordAllTabs: true, inspected: [], rounds: ['1'] },
  ])('an event before the scope is read waits for it, then is kept only if in scope: $name', async ({ recordAllTabs, inspected, rounds }) => {
    let readScope: () => void = () => undefined;
    const scopeRead = new Promise<void>((resolve) => (readScope = resolve));
    const runtime = runtimeWith({
      clock: new ManualClock(),
      scopeStorage: {
        readRecordAllTabs: () => scopeRead.then(() => recordAllTabs),
        writeRecordAllTabs: () => Promise.resolve(),
        readInspectedTabs: () => scopeRead.then(() => inspected),
        writeInspectedTabs: () => Promise.resolve(),
      },
    });
    sendRound(runtime, 1);
    expect(runtime.stats).toMatchObject({ events: fixture.events.length, ignored: 0 });
    readScope();
    await runtime.ready;
    expect(roundsOf(await latestSnapshot(runtime))).toEqual(rounds);
  });

  test.each([
    { name: 'after the flush timer fired', elapsedMs: 250, restored: ['1'] },
    // What the timer had not written yet is gone with the worker (Chromium stops only a worker idle for 30 s).
    { name: 'before the flush timer fired', elapsedMs: 249, restored: [] },
  ])('a restart mid-batch, $name: the new worker restores what was written and records on', async ({ elapsedMs, restored }) => {
    const store = new StoreWithFaults();
    const clock = new ManualClock();
    const first = runtimeWith({ clock, openStore: () => Promise.resolve(store) });
    await first.ready;
    sendRound(first, 1);
    clock.advance(elapsedMs);
    await wait(10);
    // The worker stops here; its successor opens the same store, and the next events reach it while it restores.
    const second = runtimeWith({ clock, openStore: () => Promise.resolve(store), isFreshSession: () => Promise.resolve(false) });
    sendRound(second, 2);
    await second.ready;
    expect(roundsOf(await latestSnapshot(second))).toEqual([...restored, '2']);
  });

  test.each([
    // A snapshot read or a panel: the devtools page may still be backing off, so the tab stays recorded until the grace ends.
    { name: "another port's hello", says: 'hello' as const, afterClose: [TAB], afterGrace: [], rounds: ['1'] },
    // The devtools page itself came back, and then DevTools closed: nothing left to wait for.
    { name: "the devtools page's inspect", says: 'inspect' as const, afterClose: [], afterGrace: [], rounds: [] },
  ])('after a restart, a port that comes and goes ($name): recorded tabs after it closes and after the grace', async ({ says, afterClose, afterGrace, rounds }) => {
    const clock = new ManualClock();
    const saved: number[][] = [];
    const runtime = runtimeWith({
      clock,
      isFreshSession: () => Promise.resolve(false),
      scopeStorage: {
        readRecordAllTabs: () => Promise.resolve(false),
        writeRecordAllTabs: () => Promise.resolve(),
        readInspectedTabs: () => Promise.resolve([TAB]),
        writeInspectedTabs: (tabs) => {
          saved.push([...tabs]);
          return Promise.resolve();
        },
      },
    });
    await runtime.ready;
    const port = panelPort();
    runtime.acceptPort(port.port);
    port[says]();
    await wait(10);
    port.closedByPanel();
    sendRound(runtime, 1);
    expect([runtime.recording.tabs, saved.at(-1)]).toEqual([afterClose, afterClose]);
    // RECONNECT_GRACE_MS later nobody else came back: the DevTools window closed while the worker was stopped.
    clock.advance(10_000);
    await wait(10);
    sendRound(runtime, 2);
    expect([runtime.recording.tabs, saved.at(-1)]).toEqual([afterGrace, afterGrace]);
    expect(roundsOf(await latestSnapshot(runtime))).toEqual(rounds);
  });

  test.each([
    { name: 'closed while its events wait for the restore', closed: true, rounds: [] },
    { name: 'left open', closed: false, rounds: ['1'] },
  ])('a tab $name: its queued events are recorded and written only if it still exists', async ({ closed, rounds }) => {
    const store = new StoreWithFaults();
    const runtime = runtimeWith({ clock: new ManualClock(), openStore: () => Promise.resolve(store) });
    sendRound(runtime, 1);
    if (closed) runtime.onTabRemoved(TAB);
    await runtime.ready;
    await runtime.flush();
    expect((await store.load()).exchanges).toHaveLength(rounds.length);
    expect(roundsOf(await latestSnapshot(runtime))).toEqual(rounds);
  });
});
