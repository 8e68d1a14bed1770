import { describe, expect, test } from 'vitest';
import type { BackgroundUpdate } from '../core/protocol';
import { fixtureEvents, loadFixture } from '../../test/fixtures/webrequest/load-fixture';
import { FIXTURE_SCENARIOS } from '../../test/fixtures/webrequest/scenarios';
import { Recorder, type RecorderSnapshot } from './recorder';

const BROWSERS = ['chromium', 'firefox'] as const;
const cases = BROWSERS.flatMap((browser) => FIXTURE_SCENARIOS.map((scenario) => [browser, scenario] as const));

function record(browser: 'chromium' | 'firefox', scenario: string): { recorder: Recorder; sent: BackgroundUpdate[]; tabId: number } {
  const sent: BackgroundUpdate[] = [];
  const recorder = new Recorder({ browser, send: (_tabId, m) => sent.push(m) });
  const events = fixtureEvents(loadFixture(browser, scenario));
  for (const event of events) recorder.handle(event);
  return { recorder, sent, tabId: events[0]?.tabId ?? -1 };
}

describe('Recorder on real event sequences, with the real analyzer', () => {
  test.each(cases)('%s %s: the verdict is what the page saw', (browser, scenario) => {
    const fixture = loadFixture(browser, scenario);
    const { recorder, sent, tabId } = record(browser, scenario);
    const [entry, ...rest] = recorder.snapshot(tabId).exchanges;
    expect(rest).toHaveLength(0);
    expect(entry?.exchange.browser).toBe(browser);
    // Chromium errors every CORS block, so its records prove success; Firefox completes blocked
    // responses too, and the analyzer may only say `unknown` (it depends on the credentials mode).
    const allowed = browser === 'chromium' ? ['allowed'] : ['allowed', 'unknown'];
    expect(fixture.pageOutcome === 'resolved' ? allowed : ['blocked']).toContain(entry?.analysis.verdict);
    expect(sent.filter((m) => m.type === 'exchangeRecorded')).toHaveLength(1);
  });

  test.each(cases)('%s %s: persisted and restored, the log is the same', (browser, scenario) => {
    const { recorder, tabId } = record(browser, scenario);
    const batch = recorder.takeBatch(Date.now());
    const { requests, preflights } = batch.assembler;
    const restoredFrom: RecorderSnapshot = JSON.parse(
      JSON.stringify({ metas: batch.metas, exchanges: batch.put, assembler: { requests, preflights } }),
    ) as RecorderSnapshot;
    const restored = new Recorder({ browser, send: () => undefined }, restoredFrom);
    expect(restored.snapshot(tabId)).toEqual(recorder.snapshot(tabId));
  });
});

describe('Recorder across worker restarts', () => {
  /** What IndexedDB would hold after applying batches in order (see persistence.ts `write`). */
  class StoreModel {
    rows = new Map<string, RecorderSnapshot['exchanges'][number]>();
    metas = new Map<number, RecorderSnapshot['metas'][number]>();
    pending = new Map<string, { kind: 'request' | 'preflight'; row: unknown }>();
    apply(recorder: Recorder): void {
      const batch = JSON.parse(JSON.stringify(recorder.takeBatch(Date.now()))) as ReturnType<Recorder['takeBatch']>;
      for (const [tabId, seq] of batch.remove) this.rows.delete(`${tabId}:${seq}`);
      for (const row of batch.put) this.rows.set(`${row.tabId}:${row.seq}`, row);
      for (const meta of batch.metas) this.metas.set(meta.tabId, meta);
      for (const id of batch.assembler.removed) this.pending.delete(id);
      for (const row of batch.assembler.requests) this.pending.set(row.id, { kind: 'request', row });
      for (const row of batch.assembler.preflights) this.pending.set(row.id, { kind: 'preflight', row });
    }
    snapshot(): RecorderSnapshot {
      const of = (kind: string) => [...this.pending.values()].filter((p) => p.kind === kind).map((p) => p.row);
      const assembler = { requests: of('request'), preflights: of('preflight') } as RecorderSnapshot['assembler'];
      return { metas: [...this.metas.values()], exchanges: [...this.rows.values()], assembler };
    }
  }

  test.each(cases)('%s %s: stopped after every event, the log ends the same, nothing duplicated', (browser, scenario) => {
    const { recorder: reference, tabId } = record(browser, scenario);
    const events = fixtureEvents(loadFixture(browser, scenario));
    const store = new StoreModel();
    let recorder = new Recorder({ browser, send: () => undefined });
    for (const event of events) {
      recorder.handle(event);
      store.apply(recorder);
      recorder = new Recorder({ browser, send: () => undefined }, store.snapshot());
    }
    expect(recorder.snapshot(tabId)).toEqual(reference.snapshot(tabId));
  });
});

describe('Recorder: "Record all tabs" turned off', () => {
  test('tabs nobody inspects stop being recorded; an inspected one keeps its start time', () => {
    const recorder = new Recorder({ browser: 'chromium', send: () => undefined });
    recorder.startRecording(1, 10);
    recorder.startRecording(2, 20);
    recorder.stopRecordingUnless((tabId) => tabId === 1);
    expect([recorder.snapshot(1).summary.recordingSince, recorder.snapshot(2).summary.recordingSince]).toEqual([10, null]);
  });
});
