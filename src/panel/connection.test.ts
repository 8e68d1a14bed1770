import { describe, expect, test } from 'vitest';
import type { BackgroundUpdate, PanelMessage } from '../core/protocol';
import { panelMessage as message } from '../core/protocol';
import type { PortLike } from '../platform/ports';
import { backoffMs, openConnection } from './connection';
import { applyMessage } from './state/apply-message';
import { INITIAL_STATE, type PanelState, entriesOf } from './state/panel-state';
import { bg, recorded, snapshot, summary } from '../../test/support/panel-data';

/** An in-memory port pair end: what the background side sees and can do. */
interface FakeEnd {
  readonly name: string;
  readonly received: unknown[];
  send(msg: unknown): void;
  /** The background's worker stops: the panel sees a disconnect. */
  kill(): void;
  disconnectedByPanel: boolean;
}

function transport(failFirst = 0) {
  const ends: FakeEnd[] = [];
  let failures = failFirst;
  const connect = (name: string): PortLike => {
    if (failures-- > 0) throw new Error('Extension context invalidated.');
    const msgListeners: ((m: unknown) => void)[] = [];
    const dcListeners: (() => void)[] = [];
    const end: FakeEnd = {
      name,
      received: [],
      send: (m) => msgListeners.forEach((l) => l(m)),
      kill: () => dcListeners.forEach((l) => l()),
      disconnectedByPanel: false,
    };
    ends.push(end);
    return {
      name,
      postMessage: (m) => end.received.push(m),
      onMessage: (l) => msgListeners.push(l),
      onDisconnect: (l) => dcListeners.push(l),
      disconnect: () => {
        end.disconnectedByPanel = true;
      },
    };
  };
  return { ends, connect };
}

/** Timers the test runs by hand, recording each delay asked for. */
function manualTime() {
  const pending: { ms: number; fn: () => void; cancelled: boolean }[] = [];
  return {
    pending,
    delay: (ms: number, fn: () => void) => {
      const t = { ms, fn, cancelled: false };
      pending.push(t);
      return () => (t.cancelled = true);
    },
    runAll: () => {
      while (pending.length) {
        const t = pending.shift();
        if (t && !t.cancelled) t.fn();
      }
    },
  };
}

function setup(failFirst = 0) {
  const net = transport(failFirst);
  const time = manualTime();
  let state: PanelState = INITIAL_STATE;
  const statuses: string[] = [];
  const conn = openConnection({
    tabId: 7,
    connect: net.connect,
    onMessage: (m: BackgroundUpdate) => (state = applyMessage(state, m)),
    onStatus: (s) => statuses.push(s),
    delay: time.delay,
  });
  return { net, time, conn, statuses, rows: () => entriesOf(state.live).map((e) => `${e.exchange.id}@${e.seq}`) };
}

const hello = message('hello', { tabId: 7, protocolVersion: 1 });

describe('openConnection', () => {
  test('opens cors-lens:<tabId> and says hello', () => {
    const { net } = setup();
    expect(net.ends.map((e) => e.name)).toEqual(['cors-lens:7']);
    expect(net.ends[0]?.received).toEqual([hello]);
  });

  test('reconnects after the worker stops, says hello again, and resyncs without loss or duplicates', () => {
    const { net, time, rows, statuses } = setup();
    const first = net.ends[0];
    first?.send(snapshot([recorded({ id: 'a', seq: 1 })]));
    first?.send(bg('exchangeRecorded', { entry: recorded({ id: 'b', seq: 2, startedAt: 1 }), summary: summary() }));
    first?.kill();
    expect(statuses).toEqual(['reconnecting']);
    time.runAll();
    const second = net.ends[1];
    expect(second?.received).toEqual([hello]);
    second?.send(snapshot([recorded({ id: 'a', seq: 1 }), recorded({ id: 'b', seq: 2, startedAt: 1 })]));
    second?.send(bg('exchangeRecorded', { entry: recorded({ id: 'c', seq: 3, startedAt: 2 }), summary: summary() }));
    expect(rows()).toEqual(['a@1', 'b@2', 'c@3']);
  });

  test("the devtools page's greeting, `inspect`, is said again after every reconnect", () => {
    const net = transport(0);
    const time = manualTime();
    const inspect = message('inspect', { tabId: 7 });
    openConnection({ tabId: 7, connect: net.connect, greeting: inspect, onMessage: () => undefined, onStatus: () => undefined, delay: time.delay });
    net.ends[0]?.kill();
    time.runAll();
    expect(net.ends.map((e) => e.received)).toEqual([[inspect], [inspect]]);
  });

  test("a port that stays up resets the backoff, though the background never answers the devtools page's `inspect`", () => {
    const net = transport(0);
    const time = manualTime();
    openConnection({ tabId: 7, connect: net.connect, greeting: message('inspect', { tabId: 7 }), onMessage: () => undefined, onStatus: () => undefined, delay: time.delay });
    // The retries, not the 5 s timer each open port starts.
    const isRetry = (t: { ms: number; cancelled: boolean }): boolean => !t.cancelled && t.ms < 5000;
    const retryDelays = (): number[] => time.pending.filter(isRetry).map((t) => t.ms);
    const reconnect = (): void => time.pending.splice(time.pending.findIndex(isRetry), 1)[0]?.fn();
    // Two restarts in a row: each reconnect waits longer.
    net.ends[0]?.kill();
    expect(retryDelays()).toEqual([100]);
    reconnect();
    net.ends[1]?.kill();
    expect(retryDelays()).toEqual([200]);
    reconnect();
    // The third port stays up: the next restart is reconnected after the first step again.
    time.runAll();
    net.ends[2]?.kill();
    expect(retryDelays()).toEqual([100]);
  });

  test('backs off while connecting fails, then recovers', () => {
    const { net, time } = setup(3);
    time.runAll();
    expect(net.ends).toHaveLength(1);
    expect(net.ends[0]?.received).toEqual([hello]);
  });

  test.each([
    [0, 100],
    [1, 200],
    [3, 800],
    [10, 5000],
  ])('backoff(%i) = %i ms', (attempt, ms) => {
    expect(backoffMs(attempt)).toBe(ms);
  });

  test('ignores messages that are not ours', () => {
    const { net, rows } = setup();
    net.ends[0]?.send({ type: 'snapshot', version: 99, payload: {} });
    net.ends[0]?.send('junk');
    net.ends[0]?.send({ type: 'evil', version: 1, payload: {} });
    expect(rows()).toEqual([]);
  });

  test('send goes to the current port; close stops reconnecting', () => {
    const { net, time, conn } = setup();
    const clear: PanelMessage = message('clear', { tabId: 7 });
    conn.send(clear);
    expect(net.ends[0]?.received).toEqual([hello, clear]);
    conn.close();
    expect(net.ends[0]?.disconnectedByPanel).toBe(true);
    net.ends[0]?.kill();
    time.runAll();
    expect(net.ends).toHaveLength(1);
  });
});
