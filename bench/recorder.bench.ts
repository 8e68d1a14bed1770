// The background's own cost, in Node, on real event sequences: every webRequest fixture recorded
// from Chromium and Firefox (test/fixtures/webrequest) replayed with fresh request ids and URLs
// until 5,000 exchanges are stored in one tab (the default cap), through exactly what the
// worker runs per event (normalizeEvent with the runtime's header pool, then Recorder.handle: assembly, analysis, the tab log,
// messages to an open panel) plus the persistence batches its timer takes. Reports CPU µs per
// event and the heap each stored exchange keeps (the worker's `performance.now` is clamped to
// 100 µs, too coarse for this).

import { normalizeEvent, recorderHeaderPool } from '../src/background/event-normalizer';
import type { StringPool } from '../src/core/har/string-pool';
import { loadFixture, type WebRequestFixture } from '../test/fixtures/webrequest/load-fixture';
import { FIXTURE_SCENARIOS } from '../test/fixtures/webrequest/scenarios';
import { Recorder } from '../src/background/recorder';

const STORED = 5_000;
/** The runtime's timer takes a batch at most every 250 ms; at page-load rates that is every ~100 events. */
const EVENTS_PER_BATCH = 100;
const TAB = 7;

export interface RecorderBenchResult {
  readonly events: number;
  readonly exchanges: number;
  /** Median over rounds of CPU microseconds per event. */
  readonly microsPerEvent: number;
  readonly rounds: readonly number[];
  /** Retained heap per stored exchange with 5,000 stored, in bytes. */
  readonly bytesPerExchange: number;
}

function fixtures(): WebRequestFixture[] {
  return (['chromium', 'firefox'] as const).flatMap((browser) => FIXTURE_SCENARIOS.map((scenario) => loadFixture(browser, scenario)));
}

type RawEvent = WebRequestFixture['events'][number];

/**
 * The fixtures' raw events, copy `k`: own request ids, URLs and times, all in one tab, and fresh
 * strings throughout (as every event from the browser brings), so no header value is shared.
 * With `secrets`, every request also carries an `access_token` parameter, an Authorization header
 * and a cookie, each its own value: the worst case for saving without them (src/background/at-rest.ts).
 */
function copy(all: readonly WebRequestFixture[], k: number, secrets = false): RawEvent[] {
  const events = all.flatMap((fixture, f) =>
    fixture.events.map(({ phase, details }) => {
      // One value per scenario and copy: a preflight and its request share their URL.
      const own = `${k}-${f}`;
      const url = `${details.url}${details.url.includes('?') ? '&' : '?'}k=${k}${secrets ? `&access_token=t${own}` : ''}`;
      const requestHeaders = secrets && details.requestHeaders ? [...details.requestHeaders, { name: 'Authorization', value: `Bearer a${own}` }, { name: 'Cookie', value: `sid=c${own}` }] : details.requestHeaders;
      return { phase, details: { ...details, requestId: `${k}-${details.requestId}`, url, tabId: TAB, timeStamp: details.timeStamp + k, ...(requestHeaders ? { requestHeaders } : {}) } };
    }),
  );
  return JSON.parse(JSON.stringify(events)) as RawEvent[];
}

/** What the worker does per event: normalise, record; and a persistence batch now and then. */
function feed(recorder: Recorder, pool: StringPool, events: readonly RawEvent[], counter: { n: number }): void {
  for (const { phase, details } of events) {
    recorder.handle(normalizeEvent(phase, details, pool));
    if (++counter.n % EVENTS_PER_BATCH === 0) recorder.takeBatch(details.timeStamp + 1_000);
  }
}

const gc = (): void => (globalThis as { gc?: () => void }).gc?.();
const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

export function runRecorderBench(rounds = 7, secrets = false): RecorderBenchResult {
  const all = fixtures();
  // How many copies fill the cap: not every sequence is a stored exchange (same-origin ones are counted only).
  const probe = new Recorder({ browser: 'chromium', send: () => undefined });
  feed(probe, recorderHeaderPool(), copy(all, 0), { n: 0 });
  const copies = Math.ceil(STORED / Math.max(1, probe.snapshot(TAB).exchanges.length));
  const times: number[] = [];
  let events = 0;
  for (let r = 0; r < rounds; r++) {
    const input = Array.from({ length: copies }, (_, k) => copy(all, k, secrets));
    const recorder = new Recorder({ browser: 'chromium', send: () => undefined });
    const pool = recorderHeaderPool();
    const counter = { n: 0 };
    const cpu = process.cpuUsage();
    for (const events of input) feed(recorder, pool, events, counter);
    recorder.takeBatch(Number.MAX_SAFE_INTEGER);
    const used = process.cpuUsage(cpu);
    events = counter.n;
    times.push((used.user + used.system) / events);
  }
  // Retained memory: one more recorder, fed copy by copy (each copy's raw events dropped after
  // use), measured after full collections before and after.
  gc();
  const before = process.memoryUsage().heapUsed;
  const kept = new Recorder({ browser: 'chromium', send: () => undefined });
  const pool = recorderHeaderPool();
  for (let k = 0; k < copies; k++) feed(kept, pool, copy(all, k, secrets), { n: 0 });
  kept.takeBatch(Number.MAX_SAFE_INTEGER);
  gc();
  const after = process.memoryUsage().heapUsed;
  const stored = kept.snapshot(TAB).exchanges.length;
  return { events, exchanges: stored, microsPerEvent: median(times), rounds: times, bytesPerExchange: (after - before) / stored };
}
