import { describe, expect, test } from 'vitest';
import { RecordingScope } from './recording-scope';

describe('RecordingScope', () => {
  test('records nothing until a tab is inspected, and only that tab', () => {
    const scope = new RecordingScope();
    expect(scope.listening).toBe(false);
    const devtools = {};
    expect(scope.inspect(7, devtools)).toBe(true);
    expect(scope.listening).toBe(true);
    expect([scope.records(7), scope.records(8)]).toEqual([true, false]);
  });

  test.each([
    { name: 'the last inspector of a tab leaves', inspectors: 1, released: 1, stillRecorded: false, returned: 7 },
    { name: 'one of two inspectors (DevTools and the panel) leaves', inspectors: 2, released: 1, stillRecorded: true, returned: undefined },
    { name: 'both inspectors leave', inspectors: 2, released: 2, stillRecorded: false, returned: 7 },
  ])('$name', ({ inspectors, released, stillRecorded, returned }) => {
    const scope = new RecordingScope();
    const ports = Array.from({ length: inspectors }, () => ({}));
    for (const port of ports) scope.inspect(7, port);
    let last: number | undefined;
    for (const port of ports.slice(0, released)) last = scope.release(port);
    expect(last).toBe(returned);
    expect(scope.records(7)).toBe(stillRecorded);
    expect(scope.listening).toBe(stillRecorded);
  });

  test.each([
    { name: 'nothing inspected: no listener', inspected: [], restored: [], allTabs: false, expected: [] },
    { name: 'each inspected tab its own filtered listeners', inspected: [4, 9], restored: [], allTabs: false, expected: [4, 9] },
    { name: 'a tab awaiting its devtools page after a restart', inspected: [4], restored: [6], allTabs: false, expected: [4, 6] },
    { name: '"Record all tabs": one unfiltered set', inspected: [4], restored: [], allTabs: true, expected: 'all-tabs' },
  ])('listen scope: $name', ({ inspected, restored, allTabs, expected }) => {
    const scope = new RecordingScope();
    for (const tabId of inspected) scope.inspect(tabId, {});
    scope.restore(restored);
    scope.setRecordAllTabs(allTabs);
    expect(scope.listenScope).toEqual(expected);
  });

  test('a second inspector of the same tab is not a new inspection', () => {
    const scope = new RecordingScope();
    expect(scope.inspect(3, {})).toBe(true);
    expect(scope.inspect(3, {})).toBe(false);
  });

  test('an unknown inspector releases nothing', () => {
    const scope = new RecordingScope();
    scope.inspect(3, {});
    expect(scope.release({})).toBeUndefined();
    expect(scope.records(3)).toBe(true);
  });

  test('"Record all tabs" records every tab, inspected or not', () => {
    const scope = new RecordingScope();
    scope.setRecordAllTabs(true);
    expect([scope.listening, scope.records(1), scope.records(99)]).toEqual([true, true, true]);
    scope.setRecordAllTabs(false);
    expect(scope.listening).toBe(false);
  });

  test('after a restart, restored tabs stay recorded until their inspector reconnects or they expire', () => {
    const scope = new RecordingScope();
    scope.restore([4, 5]);
    expect([scope.listening, scope.records(4), scope.records(5)]).toEqual([true, true, true]);
    // Tab 4's devtools page reconnects: that continues an inspection, it does not start one.
    expect(scope.inspect(4, {}, true)).toBe(false);
    expect(scope.expireRestored()).toEqual([5]);
    expect([scope.records(4), scope.records(5)]).toEqual([true, false]);
    expect(scope.inspectedTabs()).toEqual([4]);
  });

  test('once the devtools page is back, closing DevTools ends the recording at once', () => {
    const scope = new RecordingScope();
    scope.restore([4]);
    const devtoolsPage = {};
    scope.inspect(4, devtoolsPage, true);
    expect(scope.release(devtoolsPage)).toBe(4);
    expect([scope.records(4), scope.listening]).toEqual([false, false]);
  });

  test('a port that comes and goes before the devtools page reconnects does not end the wait', () => {
    const scope = new RecordingScope();
    scope.restore([4]);
    const snapshotRead = {};
    expect(scope.inspect(4, snapshotRead)).toBe(false);
    expect(scope.release(snapshotRead)).toBe(4);
    expect([scope.records(4), scope.inspectedTabs()]).toEqual([true, [4]]);
    // The devtools page never came back: its DevTools closed while the worker was stopped.
    expect(scope.expireRestored()).toEqual([4]);
    expect([scope.records(4), scope.listening]).toEqual([false, false]);
  });

  test('a closed tab is forgotten', () => {
    const scope = new RecordingScope();
    scope.inspect(2, {});
    scope.restore([3]);
    scope.dropTab(2);
    scope.dropTab(3);
    expect(scope.listening).toBe(false);
  });
});
