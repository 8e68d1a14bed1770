import { describe, expect, test } from 'vitest';
import type { BackgroundUpdate } from '../../core/protocol';
import { PAGE, bg, blocked, recorded, snapshot, summary } from '../../../test/support/panel-data';
import { applyMessage, applyMessages } from './apply-message';
import { INITIAL_STATE, type PanelState, entriesOf } from './panel-state';

const PAGE2 = { id: 2, url: 'https://app.test/next', startedAt: 100 };

function run(messages: BackgroundUpdate[]): PanelState {
  return messages.reduce(applyMessage, INITIAL_STATE);
}
/** `id@seq` of each visible row, in display order. */
function rows(state: PanelState): string[] {
  return entriesOf(state.live).map((e) => `${e.exchange.id}@${e.seq}`);
}

describe('applyMessage', () => {
  test.each<[string, BackgroundUpdate[], string[]]>([
    ['snapshot fills', [snapshot([recorded({ id: 'a', seq: 1 }), recorded({ id: 'b', seq: 2, startedAt: 5 })])], ['a@1', 'b@2']],
    ['snapshot replaces rows it covers', [snapshot([recorded({ id: 'a', seq: 1 }), recorded({ id: 'b', seq: 2 })]), snapshot([recorded({ id: 'b', seq: 2 })])], ['b@2']],
    ['exchangeRecorded appends', [snapshot([]), bg('exchangeRecorded', { entry: recorded({ id: 'a', seq: 1 }), summary: summary() })], ['a@1']],
    [
      'exchangeRecorded upserts by id with a higher seq',
      [snapshot([recorded({ id: 'a', seq: 1 })]), bg('exchangeRecorded', { entry: blocked({ id: 'a', seq: 3 }), summary: summary() })],
      ['a@3'],
    ],
    [
      'exchangeRecorded ignores a stale seq',
      [snapshot([recorded({ id: 'a', seq: 5 })]), bg('exchangeRecorded', { entry: recorded({ id: 'a', seq: 4 }), summary: summary() })],
      ['a@5'],
    ],
    [
      'exchangeRecorded ignores an exact duplicate',
      [snapshot([recorded({ id: 'a', seq: 5 })]), bg('exchangeRecorded', { entry: recorded({ id: 'a', seq: 5 }), summary: summary() })],
      ['a@5'],
    ],
    [
      'rows are ordered by start time whatever the arrival order',
      [snapshot([recorded({ id: 'late', seq: 1, startedAt: 50 })]), bg('exchangeRecorded', { entry: recorded({ id: 'early', seq: 2, startedAt: 10 }), summary: summary() })],
      ['early@2', 'late@1'],
    ],
    [
      'pageStarted removes the dropped page groups and their rows',
      [
        snapshot([recorded({ id: 'a', seq: 1 })]),
        bg('pageStarted', { page: PAGE2, removedPageIds: [PAGE.id] }),
        bg('exchangeRecorded', { entry: recorded({ id: 'b', seq: 2, pageId: 2 }), summary: summary() }),
      ],
      ['b@2'],
    ],
    [
      'pageStarted with preserve log keeps old rows',
      [snapshot([recorded({ id: 'a', seq: 1 })]), bg('pageStarted', { page: PAGE2, removedPageIds: [] }), bg('exchangeRecorded', { entry: recorded({ id: 'b', seq: 2, pageId: 2, startedAt: 1 }), summary: summary() })],
      ['a@1', 'b@2'],
    ],
    ['cleared empties', [snapshot([recorded({ id: 'a', seq: 1 })]), bg('cleared', { summary: summary() })], []],
    [
      'resync after a worker restart: no loss, no duplicates',
      [
        snapshot([recorded({ id: 'a', seq: 1 }), recorded({ id: 'b', seq: 2, startedAt: 1 })]),
        bg('exchangeRecorded', { entry: recorded({ id: 'c', seq: 3, startedAt: 2 }), summary: summary() }),
        bg('exchangeRecorded', { entry: blocked({ id: 'b', seq: 4, startedAt: 1 }), summary: summary() }),
        // The background persisted up to seq 3 only: b's update (seq 4) never reached storage.
        snapshot([recorded({ id: 'a', seq: 1 }), recorded({ id: 'b', seq: 2, startedAt: 1 }), recorded({ id: 'c', seq: 3, startedAt: 2 })]),
        // ...and re-sends it after waking.
        bg('exchangeRecorded', { entry: blocked({ id: 'b', seq: 4, startedAt: 1 }), summary: summary() }),
      ],
      ['a@1', 'b@4', 'c@3'],
    ],
    [
      'rows the snapshot dropped (cap) are gone',
      [snapshot([recorded({ id: 'a', seq: 1 }), recorded({ id: 'b', seq: 2 })]), snapshot([recorded({ id: 'b', seq: 2 }), recorded({ id: 'c', seq: 3 })])],
      ['b@2', 'c@3'],
    ],
  ])('%s', (_name, messages, expected) => {
    expect(rows(run(messages))).toEqual(expected);
  });

  test.each([
    ['exchangeRecorded', bg('exchangeRecorded', { entry: recorded(), summary: summary({ dropped: 3 }) })],
    ['summaryChanged', bg('summaryChanged', { summary: summary({ dropped: 3 }) })],
    ['snapshot', snapshot([], [PAGE], summary({ dropped: 3 }))],
    ['cleared', bg('cleared', { summary: summary({ dropped: 3 }) })],
  ])('%s updates the summary', (_name, msg) => {
    expect(applyMessage(INITIAL_STATE, msg).live.summary.dropped).toBe(3);
  });

  test('a snapshot marks the connection as connected', () => {
    expect(applyMessage({ ...INITIAL_STATE, connection: 'reconnecting' }, snapshot([])).connection).toBe('connected');
  });

  test('a batch gives the same state as one message at a time', () => {
    const messages = [
      snapshot([recorded({ id: 'a', seq: 1, startedAt: 9 })]),
      bg('exchangeRecorded', { entry: recorded({ id: 'b', seq: 2, startedAt: 3 }), summary: summary() }),
      bg('exchangeRecorded', { entry: blocked({ id: 'a', seq: 3, startedAt: 9 }), summary: summary({ sameOrigin: 2 }) }),
    ];
    expect(applyMessages(INITIAL_STATE, messages)).toEqual(run(messages));
  });

  test('does not mutate the previous state', () => {
    const before = run([snapshot([recorded({ id: 'a', seq: 1 })])]);
    const copy = rows(before);
    applyMessage(before, bg('exchangeRecorded', { entry: recorded({ id: 'z', seq: 2 }), summary: summary() }));
    expect(rows(before)).toEqual(copy);
  });
});
