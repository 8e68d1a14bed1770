// End-to-end: in real Chromium and Firefox ESR with the built extension loaded, the page
// runs scenarios of every kind and the extension's verdict for each equals what the page saw
// (fetch resolved or threw). In Chromium the first reason also equals CDP's corsErrorStatus.

import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { RecordedExchange } from '../../src/core/protocol';
import { isNoCors, scenarioById } from '../scenarios/catalogue';
import { REPRESENTATIVE_IDS } from '../scenarios/representative-ids';
import type { RunResult, Scenario } from '../scenarios/types';
import { start, type ScenarioServer } from '../server/scenario-server';
import { type BrowserName, type LaunchedBrowser, launch } from '../support/browsers';
import { CdpHarRecorder } from '../support/cdp-har';
import { CHROME_DIR, ensureExtensionBuilt, FIREFOX_DIR } from '../support/ensure-extension';
import { extensionPage, extensionWorkerTarget, snapshotWhen, setRecordAllTabs } from '../support/extension-log';
import type { CorsErrorStatus } from '../support/har';
import { runAllOnPage } from '../support/runner-calls';

const SCENARIOS: Scenario[] = REPRESENTATIVE_IDS.map((id) => {
  const s = scenarioById(id);
  if (!s) throw new Error(`unknown scenario ${id}`);
  return s;
});

interface Observed {
  readonly page: RunResult;
  readonly cdp?: CorsErrorStatus;
  readonly recorded?: RecordedExchange;
}

/** The latest state of the scenario's exchange (a later `seq` replaces an earlier one, protocol.ts). */
function recordedFor(list: readonly RecordedExchange[], id: string): RecordedExchange | undefined {
  const mine = list.filter((r) => r.exchange.hops[0]?.request.url.includes(`/api/${id}/`));
  return mine.sort((a, b) => a.seq - b.seq).at(-1);
}

describe.each<BrowserName>(['chromium', 'firefox'])('%s with the extension', (name) => {
  let server: ScenarioServer;
  let launched: LaunchedBrowser | undefined;
  const observed = new Map<string, Observed>();

  beforeAll(async () => {
    ensureExtensionBuilt();
    server = await start();
    launched = await launch(name, { extensionDir: name === 'chromium' ? CHROME_DIR : FIREFOX_DIR });
    const { browser } = launched;
    if (name === 'chromium') await extensionWorkerTarget(browser);
    const ext = await extensionPage(browser, name);
    await setRecordAllTabs(ext);
    const page = await browser.newPage();
    const cdp = name === 'chromium' ? await CdpHarRecorder.attach(await page.createCDPSession()) : undefined;
    await page.goto(`${server.pageOrigin}/?e2e=verdicts`);
    const results = await runAllOnPage(page, SCENARIOS.map((s) => s.id));
    const snapshot = await snapshotWhen(ext, server.pageOrigin, (snap) => SCENARIOS.every((s) => recordedFor(snap.exchanges, s.id)));
    SCENARIOS.forEach((s, i) => {
      const cors = cdp?.corsErrorStatus((url) => url.includes(`/api/${s.id}/`));
      const recorded = recordedFor(snapshot.exchanges, s.id);
      observed.set(s.id, { page: results[i] as RunResult, ...(cors ? { cdp: cors } : {}), ...(recorded ? { recorded } : {}) });
    });
  });

  afterAll(async () => {
    await launched?.close();
    await server?.close();
  });

  test.each(SCENARIOS.map((s) => [s.id, s] as const))('%s: the extension agrees with the page', (id, s) => {
    const o = observed.get(id);
    expect(o?.recorded, `the extension recorded no exchange for ${id}`).toBeDefined();
    const analysis = o?.recorded?.analysis;
    if (isNoCors(s)) {
      expect(o?.page.outcome).toBe('resolved');
      expect({ type: analysis?.type, verdict: analysis?.verdict }).toEqual({ type: 'no-cors', verdict: 'allowed' });
      return;
    }
    const said = `${analysis?.verdict}${analysis?.dependsOn ? ` (depends on ${analysis.dependsOn})` : ''} ${analysis?.reasons[0]?.code ?? ''}`;
    expect(analysis?.verdict, `${name} ${id}: the page ${o?.page.outcome}, the extension said ${said}`).toBe(o?.page.outcome === 'threw' ? 'blocked' : 'allowed');
    if (name === 'chromium' && o?.page.outcome === 'threw') {
      expect(o.cdp, 'CDP reported no corsErrorStatus').toBeDefined();
      expect({ chromeCorsError: analysis?.reasons[0]?.chromeCorsError, failedParameter: analysis?.reasons[0]?.failedParameter }).toEqual({
        chromeCorsError: o.cdp?.corsError,
        failedParameter: o.cdp?.failedParameter,
      });
    }
  });
});
