import { describe, expect, test } from 'vitest';
import { analyzeExchange } from '../core/analyze';
import type { Exchange } from '../core/model';
import { TabLog } from './tab-log';

const PAGE = 'http://localhost:8000';
const CONTEXT = { hostAccess: 'granted', recordAllTabs: false } as const;

function exchange(id: string, url = 'http://localhost:8001/api'): Exchange {
  return {
    id,
    initiatorOrigin: PAGE,
    hops: [
      {
        request: { method: 'GET', url, headers: [{ name: 'Origin', value: PAGE }] },
        response: { status: 200, headers: [{ name: 'Access-Control-Allow-Origin', value: '*' }] },
      },
    ],
    preflights: [],
    startedAt: 0,
    tabId: 1,
  };
}

function recordMany(log: TabLog, ids: readonly string[], url?: string): void {
  for (const id of ids) {
    const e = exchange(id, url);
    log.record(e, analyzeExchange(e), 0);
  }
}

const ids = (n: number, prefix = 'r'): string[] => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

describe('TabLog cap', () => {
  test.each([
    [3, 2, 2, 0],
    [3, 3, 3, 0],
    [3, 10, 3, 7],
    [1, 5, 1, 4],
  ])('cap %i, %i recorded: %i kept, %i dropped, oldest first', (cap, recorded, kept, dropped) => {
    const log = TabLog.create(1, cap);
    recordMany(log, ids(recorded));
    expect(log.size).toBe(kept);
    expect(log.summary(CONTEXT).dropped).toBe(dropped);
    expect(log.list().map((e) => e.exchange.id)).toEqual(ids(recorded).slice(recorded - kept));
    expect(log.list().map((e) => e.seq)).toEqual(Array.from({ length: kept }, (_, i) => recorded - kept + i + 1));
  });
});

describe('TabLog page groups', () => {
  test.each([
    // preserveLog, exchanges kept after the second navigation, page groups left
    [false, ['b0', 'b1'], 1],
    [true, ['a0', 'a1', 'b0', 'b1'], 2],
  ])('preserve log %s', (preserveLog, kept, pages) => {
    const log = TabLog.create(1, 100, preserveLog);
    log.startPage(`${PAGE}/a`, 1);
    recordMany(log, ids(2, 'a'));
    const change = log.startPage(`${PAGE}/b`, 2);
    recordMany(log, ids(2, 'b'));
    expect(log.list().map((e) => e.exchange.id)).toEqual(kept);
    expect(log.pages()).toHaveLength(pages);
    expect(change.removedPageIds).toEqual(preserveLog ? [] : [1]);
    expect(change.removedSeqs).toEqual(preserveLog ? [] : [1, 2]);
    expect(log.list().every((e) => (e.exchange.id.startsWith('b') ? e.pageId === 2 : e.pageId === 1))).toBe(true);
  });

  test('Clear keeps the current page group and never reuses a seq', () => {
    const log = TabLog.create(1, 100, true);
    log.startPage(`${PAGE}/a`, 1);
    recordMany(log, ids(2, 'a'));
    log.startPage(`${PAGE}/b`, 2);
    const change = log.clear();
    expect(log.size).toBe(0);
    expect(change.removedPageIds).toEqual([1]);
    expect(log.pages().map((p) => p.id)).toEqual([2]);
    recordMany(log, ['c']);
    expect(log.list()[0]).toMatchObject({ seq: 3, pageId: 2 });
  });

  test('an exchange before any navigation opens an unnamed group', () => {
    const log = TabLog.create(1);
    const e = exchange('x');
    const change = log.record(e, analyzeExchange(e), 5);
    expect(change.startedPage).toEqual({ id: 1, url: '', startedAt: 5 });
  });
});

describe('TabLog counting', () => {
  test('same-origin exchanges are counted, not kept', () => {
    const log = TabLog.create(1);
    recordMany(log, ids(3), `${PAGE}/same`);
    recordMany(log, ['cross']);
    expect(log.summary(CONTEXT).sameOrigin).toBe(3);
    expect(log.list().map((e) => e.exchange.id)).toEqual(['cross']);
  });

  test('a later state of a recorded exchange replaces it with a higher seq', () => {
    const log = TabLog.create(1);
    recordMany(log, ['x', 'y', 'x']);
    expect(log.list().map((e) => [e.exchange.id, e.seq])).toEqual([
      ['y', 2],
      ['x', 3],
    ]);
  });
});

describe('TabLog persistence round-trip', () => {
  test.each([
    [5, 3, false],
    [5, 12, true],
    [100, 40, true],
  ])('cap %i, %i exchanges, preserve %s: restore(meta, list) equals the original', (cap, n, preserveLog) => {
    const log = TabLog.create(7, cap, preserveLog);
    log.startPage(`${PAGE}/a`, 1);
    recordMany(log, ids(n / 2, 'a'));
    log.startPage(`${PAGE}/b`, 2);
    recordMany(log, ids(n / 2, 'b'));
    const stored = JSON.parse(JSON.stringify({ meta: log.meta(), list: log.list() })) as { meta: ReturnType<TabLog['meta']>; list: ReturnType<TabLog['list']> };
    // Rows written twice (a batch retried after a restart) must not duplicate.
    const restored = TabLog.restore(stored.meta, [...stored.list, ...stored.list]);
    expect(restored.list()).toEqual(log.list());
    expect(restored.meta()).toEqual(log.meta());
    recordMany(restored, ['next']);
    recordMany(log, ['next']);
    expect(restored.list()).toEqual(log.list());
  });
});

describe('TabLog recording state (the panel\'s "Reload to capture the page load")', () => {
  type Step = 'start@5' | 'start@9' | 'page@7' | 'exchange@8' | 'stop';
  test.each<{ name: string; steps: Step[]; since: number | null; captured: boolean }>([
    { name: 'a new log is not recorded yet', steps: [], since: null, captured: false },
    { name: 'DevTools opened after the page loaded', steps: ['start@5'], since: 5, captured: false },
    { name: 'DevTools opened, then the page reloaded', steps: ['start@5', 'page@7'], since: 5, captured: true },
    { name: 'an exchange alone is not a page load', steps: ['start@5', 'exchange@8'], since: 5, captured: false },
    { name: 'a second inspector does not restart the clock', steps: ['start@5', 'page@7', 'start@9'], since: 5, captured: true },
    { name: 'DevTools closed', steps: ['start@5', 'page@7', 'stop'], since: null, captured: false },
    { name: 'DevTools closed and opened again', steps: ['start@5', 'page@7', 'stop', 'start@9'], since: 9, captured: false },
    { name: '"Record all tabs" recorded the page load before anyone looked', steps: ['page@7', 'start@9'], since: 7, captured: true },
  ])('$name', ({ steps, since, captured }) => {
    const log = TabLog.create(1);
    for (const step of steps) {
      if (step === 'stop') log.stopRecording();
      else if (step === 'page@7') log.startPage(`${PAGE}/`, 7);
      else if (step === 'exchange@8') log.record(exchange('e'), analyzeExchange(exchange('e')), 8);
      else log.startRecording(Number(step.slice('start@'.length)));
    }
    const summary = log.summary(CONTEXT);
    expect([summary.recordingSince, summary.pageLoadCaptured]).toEqual([since, captured]);
  });
});
