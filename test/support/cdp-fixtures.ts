// The CDP Network events of test/fixtures/cdp (scripts/record-cdp-events.ts), and their replay
// into a CdpNetworkLog in the order Chromium sent them, as the Playwright fixture's session does.

import { readdirSync, readFileSync } from 'node:fs';
import { CdpNetworkLog } from '../../src/core/cdp/cdp-exchanges';

export interface CdpEvent {
  readonly method: string;
  readonly params: { readonly requestId: string; readonly [k: string]: unknown };
}

export interface CdpFixture {
  readonly scenario: string;
  readonly pageOutcome: 'resolved' | 'threw';
  readonly events: readonly CdpEvent[];
}

const dir = new URL('../fixtures/cdp/', import.meta.url);

export const cdpFixtures: readonly CdpFixture[] = readdirSync(dir)
  .filter((n) => n.endsWith('.json'))
  .sort()
  .map((n) => JSON.parse(readFileSync(new URL(n, dir), 'utf8')) as CdpFixture);

export function cdpFixture(scenario: string): CdpFixture {
  const f = cdpFixtures.find((x) => x.scenario === scenario);
  if (!f) throw new Error(`no CDP fixture for ${scenario}`);
  return f;
}

type EventName = 'requestWillBeSent' | 'requestWillBeSentExtraInfo' | 'responseReceived' | 'responseReceivedExtraInfo' | 'loadingFinished' | 'loadingFailed';

/** The events (all of them, or those `keep` keeps) fed to a new log. */
export function replay(events: readonly CdpEvent[], keep: (e: CdpEvent) => boolean = () => true): CdpNetworkLog {
  const log = new CdpNetworkLog();
  for (const e of events) {
    if (!keep(e)) continue;
    const name = e.method.replace('Network.', '') as EventName;
    (log[name] as (params: unknown) => void).call(log, e.params);
  }
  return log;
}
