// One CDP session per page of a Playwright browser context (Chromium), each feeding the Network
// events of its page into a CdpNetworkLog. A page opened during the test (a popup, `newPage`) is
// recorded once its session is attached, a few milliseconds after Playwright hands it over: a
// request it makes before that is not seen (the test's own `page` is awaited: see index.ts).

import type { BrowserContext, CDPSession, Page } from '@playwright/test';
import { CdpNetworkLog, type CdpExchange } from '../core/cdp/cdp-exchanges';

export interface Recording {
  /** Resolves once `page` is recorded: before a test uses its `page`, nothing it loads is missed. */
  ready(page: Page): Promise<void>;
  /**
   * Stop listening, after giving requests still in flight a moment to finish (a test may end
   * while its page's last call is answered); those that do not are counted, not analysed.
   */
  stop(): Promise<{ recorded: CdpExchange[]; inFlight: number }>;
}

/** Longest wait for requests in flight when the test ends, and how often to look. */
const SETTLE_MS = 1_000;
const POLL_MS = 25;

async function recordPage(context: BrowserContext, page: Page, log: CdpNetworkLog): Promise<CDPSession | null> {
  try {
    const session = await context.newCDPSession(page);
    session.on('Network.requestWillBeSent', (e) => log.requestWillBeSent(e));
    session.on('Network.requestWillBeSentExtraInfo', (e) => log.requestWillBeSentExtraInfo(e));
    session.on('Network.responseReceived', (e) => log.responseReceived(e));
    session.on('Network.responseReceivedExtraInfo', (e) => log.responseReceivedExtraInfo(e));
    session.on('Network.loadingFinished', (e) => log.loadingFinished(e));
    session.on('Network.loadingFailed', (e) => log.loadingFailed(e));
    await session.send('Network.enable');
    return session;
  } catch (error) {
    // A page closed while its session was being opened has nothing more to record.
    if (page.isClosed()) return null;
    throw error;
  }
}

export async function recordPages(context: BrowserContext): Promise<Recording> {
  const logs: CdpNetworkLog[] = [];
  const sessions = new Map<Page, Promise<CDPSession | null>>();
  const add = (page: Page): void => {
    const log = new CdpNetworkLog();
    logs.push(log);
    sessions.set(page, recordPage(context, page, log));
  };
  context.pages().forEach(add);
  context.on('page', add);
  await Promise.all(sessions.values());

  const inFlight = (): number => logs.reduce((n, log) => n + log.inFlight(), 0);
  return {
    async ready(page) {
      if (!sessions.has(page)) add(page);
      await sessions.get(page);
    },
    async stop() {
      for (let waited = 0; inFlight() > 0 && waited < SETTLE_MS; waited += POLL_MS) await new Promise((r) => setTimeout(r, POLL_MS));
      context.off('page', add);
      await Promise.all((await Promise.all(sessions.values())).map((s) => s?.detach().catch(() => undefined)));
      const recorded = logs.flatMap((log) => log.exchanges()).sort((a, b) => a.exchange.startedAt - b.exchange.startedAt);
      return { recorded, inFlight: inFlight() };
    },
  };
}
