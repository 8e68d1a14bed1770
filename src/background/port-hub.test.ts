import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { afterEach, describe, expect, test } from 'vitest';
import { backgroundMessage, panelMessage, unpackUpdates, type BackgroundMessage, type BackgroundUpdate } from '../core/protocol';
import type { PortLike } from '../platform/ports';
import { fixtureEvents, loadFixture } from '../../test/fixtures/webrequest/load-fixture';
import { PortHub, tabIdOfPort } from './port-hub';
import { Recorder } from './recorder';

const open: MessagePort[] = [];
afterEach(() => open.splice(0).forEach((p) => p.close()));

/** A PortLike over a real MessageChannel: messages are structured-cloned and arrive asynchronously, like runtime ports. */
function portPair(name: string): { background: PortLike; received: BackgroundUpdate[]; posted: BackgroundMessage[]; post: (m: unknown) => void } {
  const { port1, port2 } = new MessageChannel();
  open.push(port1, port2);
  const received: BackgroundUpdate[] = [];
  const posted: BackgroundMessage[] = [];
  port2.on('message', (m: BackgroundMessage) => {
    posted.push(m);
    received.push(...unpackUpdates(m));
  });
  const background: PortLike = {
    name,
    postMessage: (m) => port1.postMessage(m),
    onMessage: (listener) => port1.on('message', listener),
    onDisconnect: (listener) => port1.on('close', listener),
    disconnect: () => port1.close(),
  };
  return { background, received, posted, post: (m) => port2.postMessage(m) };
}

const settle = (): Promise<void> => new Promise((r) => setTimeout(r, 20));

function wire(batchMs = 0): { hub: PortHub; recorder: Recorder } {
  const recorder: Recorder = new Recorder({ browser: 'chromium', send: (tabId, m) => hub.send(tabId, m) });
  const hub: PortHub = new PortHub({
    hello: (_p, tabId, port) => {
      port.postMessage(backgroundMessage('snapshot', recorder.snapshot(tabId)));
      hub.subscribe(tabId, port);
    },
    clear: (_p, tabId) => recorder.clear(tabId),
    setPreserveLog: ({ preserveLog }, tabId) => recorder.setPreserveLog(tabId, preserveLog),
    hostAccessChanged: () => recorder.setHostAccess('missing'),
    inspect: () => undefined,
    setRecordAllTabs: ({ recordAllTabs }) => recorder.setRecordAllTabs(recordAllTabs),
    probe: () => undefined,
    override: () => undefined,
  }, { batchMs });
  return { hub, recorder };
}

const panel = panelMessage;

describe('PortHub', () => {
  test.each([
    ['cors-lens:12', 12],
    ['cors-lens:0', 0],
    ['cors-lens:x', undefined],
    ['other:12', undefined],
  ])('port name %s -> tab %s', (name, tabId) => {
    expect(tabIdOfPort(name)).toBe(tabId);
  });

  test('nothing before hello; snapshot first, then the stream, one message type each', async () => {
    const { hub, recorder } = wire();
    const events = fixtureEvents(loadFixture('chromium', 'preflight-put-allowed'));
    const tabId = events[0]?.tabId ?? -1;
    const { background, received, post } = portPair(`cors-lens:${tabId}`);
    hub.accept(background);
    recorder.handle(events[0]!);
    for (const e of events.slice(1)) recorder.handle(e);
    await settle();
    expect(received).toEqual([]);
    post(panel('hello', { tabId, protocolVersion: 1 }));
    await settle();
    post(panel('setPreserveLog', { tabId, preserveLog: true }));
    post(panel('clear', { tabId }));
    post(panel('hostAccessChanged', { tabId }));
    await settle();
    expect(received.map((m) => m.type)).toEqual(['snapshot', 'summaryChanged', 'cleared', 'summaryChanged']);
    const [snapshot, preserve, , access] = received;
    expect(snapshot?.type === 'snapshot' && snapshot.payload.exchanges.length).toBe(1);
    expect(preserve?.type === 'summaryChanged' && preserve.payload.summary.preserveLog).toBe(true);
    expect(access?.type === 'summaryChanged' && access.payload.summary.hostAccess).toBe('missing');
  });

  test.each([
    ['another tab in the payload', panel('clear', { tabId: 99 })],
    ['a wrong protocol version', { type: 'clear', version: 0, payload: { tabId: 5 } }],
    ['an unknown type', { type: 'dropTables', version: 1, payload: { tabId: 5 } }],
    ['a malformed payload', { type: 'setPreserveLog', version: 1, payload: { tabId: 5, preserveLog: 'yes' } }],
    ['not an object', 'clear'],
  ])('ignores %s', async (_name, bad) => {
    const { hub } = wire();
    const { background, received, post } = portPair('cors-lens:5');
    hub.accept(background);
    post(panel('hello', { tabId: 5, protocolVersion: 1 }));
    await settle();
    post(bad);
    await settle();
    expect(received.map((m) => m.type)).toEqual(['snapshot']);
  });

  test('changes within the batch window go out as one `updates` message, in order; the snapshot alone', async () => {
    const { hub, recorder } = wire(100);
    const { background, received, posted, post } = portPair('cors-lens:5');
    hub.accept(background);
    post(panel('hello', { tabId: 5, protocolVersion: 1 }));
    await settle();
    post(panel('setPreserveLog', { tabId: 5, preserveLog: true }));
    post(panel('clear', { tabId: 5 }));
    await settle();
    recorder.setRecordAllTabs(true);
    await new Promise((r) => setTimeout(r, 120));
    expect(posted.map((m) => m.type)).toEqual(['snapshot', 'updates']);
    expect(received.map((m) => m.type)).toEqual(['snapshot', 'summaryChanged', 'cleared', 'summaryChanged']);
  });
});
