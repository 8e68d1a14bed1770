import { describe, expect, test } from 'vitest';
import { analyzeExchange } from '../core/analyze';
import type { Exchange } from '../core/model';
import { seqRuns, PersistQueue } from './persist-queue';
import { TabLog } from './tab-log';

const NO_PENDING = { requests: [], preflights: [], removed: [] };

function exchange(id: string): Exchange {
  return {
    id,
    initiatorOrigin: 'http://page.test',
    hops: [{ request: { method: 'GET', url: 'http://api.test/', headers: [] }, response: { status: 200, headers: [] } }],
    preflights: [],
    startedAt: 0,
  };
}

/** The queue reads a tab's meta when it takes a batch. */
const metaOf = (log: TabLog) => (tabId: number) => (tabId === log.meta().tabId ? log.meta() : undefined);

/** Records `n` exchanges into a log of cap `cap`, queueing every change. */
function fill(queue: PersistQueue, log: TabLog, from: number, n: number): void {
  for (let i = from; i < from + n; i++) {
    const e = exchange(`r${i}`);
    const change = log.record(e, analyzeExchange(e), 0);
    queue.addChange(log.meta().tabId, change);
  }
}

describe('PersistQueue', () => {
  test.each([
    // cap, recorded in batch 1, recorded in batch 2, rows put in batch 2, rows removed in batch 2
    [10, 5, 3, 3, 0],
    [4, 4, 2, 2, 2],
    // Rows written and dropped within one batch never reach storage.
    [2, 2, 5, 2, 2],
  ])('cap %i: %i then %i recorded -> batch 2 puts %i, removes %i', (cap, first, second, puts, removes) => {
    const queue = new PersistQueue();
    const log = TabLog.create(1, cap);
    fill(queue, log, 0, first);
    queue.take(NO_PENDING, metaOf(log));
    fill(queue, log, first, second);
    const batch = queue.take(NO_PENDING, metaOf(log));
    expect(batch.put).toHaveLength(puts);
    expect(batch.remove).toHaveLength(removes);
    expect(batch.metas).toEqual([log.meta()]);
    expect(queue.pending).toBe(false);
  });

  test('applying every batch to a store reproduces the log exactly', () => {
    const queue = new PersistQueue();
    const log = TabLog.create(1, 7);
    const rows = new Map<string, unknown>();
    for (let round = 0; round < 6; round++) {
      fill(queue, log, round * 4, 4);
      const batch = queue.take(NO_PENDING, metaOf(log));
      for (const [tabId, seq] of batch.remove) rows.delete(`${tabId}:${seq}`);
      for (const row of batch.put) rows.set(`${row.tabId}:${row.seq}`, row.entry);
    }
    expect([...rows.values()]).toEqual(log.list());
  });

  test('a removed tab drops its queued rows', () => {
    const queue = new PersistQueue();
    const log = TabLog.create(3);
    fill(queue, log, 0, 2);
    queue.removeTab(3);
    const batch = queue.take(NO_PENDING, metaOf(log));
    expect(batch).toMatchObject({ put: [], remove: [], metas: [], removedTabs: [3] });
  });
});

describe('seqRuns', () => {
  test.each<{ name: string; rows: [number, number][]; runs: [number, number, number][] }>([
    { name: 'nothing', rows: [], runs: [] },
    { name: 'one row', rows: [[1, 5]], runs: [[1, 5, 5]] },
    { name: 'a whole page, out of order', rows: [[1, 3], [1, 1], [1, 2]], runs: [[1, 1, 3]] },
    { name: 'a gap splits the run (the row in the gap stays)', rows: [[1, 1], [1, 2], [1, 4]], runs: [[1, 1, 2], [1, 4, 4]] },
    { name: 'tabs never merge', rows: [[1, 1], [2, 2], [1, 2]], runs: [[1, 1, 2], [2, 2, 2]] },
    { name: 'a duplicate is one row', rows: [[1, 1], [1, 1], [1, 2]], runs: [[1, 1, 2]] },
  ])('$name', ({ rows, runs }) => {
    expect(seqRuns(rows)).toEqual(runs);
  });
});
