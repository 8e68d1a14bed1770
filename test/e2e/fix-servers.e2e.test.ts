// Issue 5, the generated configuration itself: for several blocked scenarios, real Chromium is
// blocked by the scenario server, the analyzer's fix is turned into the Express (`cors`), Fastify
// (`@fastify/cors`), nginx and Apache httpd configuration the panel and `cors-lens analyze --fix` print, each
// server is started with that configuration unchanged, and Chromium's same request from the same
// page now passes, while the same request from another origin stays blocked.
// Every blocked fixture's nginx and Apache snippet also passes `nginx -t` / `apache2 -t`.

import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Analysis } from '../../src/core/analysis';
import { analyzeHarText } from '../../src/core/har/analyze-har';
import type { Exchange } from '../../src/core/model';
import { snippetById } from '../../src/core/snippets/registry';
import { snippetInputFor } from '../../src/core/snippets/snippet-input-for';
import { checkApache, startApache } from '../fix-proof/apache';
import { fixChangesServer } from '../fix-proof/apply-fix';
import { configProblems } from '../fix-proof/fix-safety';
import { checkNginx, startNginx } from '../fix-proof/nginx';
import { type RunningServer, startNodeApp } from '../fix-proof/node-app';
import { runAction, runScenario } from '../fix-proof/recorded-run';
import { scenarioById } from '../scenarios/catalogue';
import { start, type ScenarioServer } from '../server/scenario-server';
import { type LaunchedBrowser, launchChromium } from '../support/browsers';
import { APACHE_REQUIRED, NGINX_REQUIRED, needs, type Requirement } from '../support/requirements';

/** Simple, credentialed, XHR, preflight status, custom header, JSON body, method, credentialed preflight. */
const IDS = [
  'simple-get-missing-allow-origin',
  'credentials-wildcard-origin',
  'credentials-xhr-wildcard-origin',
  'preflight-status-404',
  'preflight-header-not-allowed',
  'preflight-json-content-type-not-allowed',
  'preflight-method-not-listed',
  'preflight-methods-wildcard-credentials',
];
interface ServerUnderTest {
  /** The snippet registry id whose output the server runs. */
  readonly snippet: 'express' | 'fastify' | 'nginx' | 'apache';
  /** Programs the server needs: without them its tests are skipped, saying why. */
  readonly requires: readonly Requirement[];
  /** `backend`: the scenario server's API origin, still sending its original (broken) CORS headers. */
  readonly start: (config: string, backend: string) => Promise<RunningServer>;
}

// nginx and Apache run twice: answering the API themselves, and in front of the real backend
// whose wrong CORS headers the snippet must replace, not add to (the usual case in practice).
const SERVERS: Readonly<Record<string, ServerUnderTest>> = {
  express: { snippet: 'express', requires: [], start: (config) => startNodeApp('express', config) },
  fastify: { snippet: 'fastify', requires: [], start: (config) => startNodeApp('fastify', config) },
  nginx: { snippet: 'nginx', requires: [NGINX_REQUIRED], start: (config) => startNginx(config) },
  'nginx in front of the backend': { snippet: 'nginx', requires: [NGINX_REQUIRED], start: (config, backend) => startNginx(config, backend) },
  apache: { snippet: 'apache', requires: [APACHE_REQUIRED], start: (config) => startApache(config) },
  'apache in front of the backend': { snippet: 'apache', requires: [APACHE_REQUIRED], start: (config, backend) => startApache(config, backend) },
};

let server: ScenarioServer;
let chromium: LaunchedBrowser;
/** The blocked run of each scenario, recorded once and shared by the three servers. */
const analysed = new Map<string, { exchange: Exchange; analysis: Analysis }>();
const rows: string[] = [];

beforeAll(async () => {
  server = await start();
  chromium = await launchChromium();
});

afterAll(async () => {
  await chromium?.close();
  await server?.close();
  if (rows.length) console.log(rows.join('\n'));
});

async function blockedExchange(id: string): Promise<{ exchange: Exchange; analysis: Analysis }> {
  const known = analysed.get(id);
  if (known) return known;
  const run = await runScenario(chromium.browser, server.pageOrigin, id);
  expect(run.page.outcome, `${id} is not blocked by the scenario server`).toBe('threw');
  const [only] = run.exchanges;
  if (!only) throw new Error(`${id}: nothing recorded`);
  expect(only.analysis.verdict).toBe('blocked');
  expect(fixChangesServer(only.analysis.fix)).toBe(true);
  analysed.set(id, only);
  return only;
}

describe.each(Object.entries(SERVERS))('%s runs the generated configuration', (serverId, sut) => {
  test.each(IDS)('%s: blocked before, passes with the generated config', needs(...sut.requires), async (id) => {
    const scenario = scenarioById(id);
    if (!scenario) throw new Error(`${id} is gone from the catalogue`);
    const { exchange, analysis } = await blockedExchange(id);
    const config = snippetById(sut.snippet)?.render(snippetInputFor(exchange, analysis)) ?? '';
    expect(config).toContain(server.pageOrigin);
    expect(configProblems(config)).toEqual([]);

    const running = await sut.start(config, server.apiOrigin);
    try {
      const url = `${running.origin}/api/${id}/main`;
      const after = await runAction(chromium.browser, server.pageOrigin, id, scenario.page, url);
      const otherPage = server.pageOrigin.replace('localhost', '127.0.0.1');
      const other = await runAction(chromium.browser, otherPage, id, scenario.page, url);
      rows.push(`${serverId} ${id}: ${after.page.outcome} (status ${after.page.status ?? '-'}); from ${otherPage}: ${other.page.outcome}${other.cdp ? ` (${other.cdp.corsError})` : ''}`);
      expect(after.page.outcome, `${serverId} with the generated config still blocks ${id}: ${JSON.stringify(after.cdp)}\n${config}`).toBe('resolved');
      expect(after.page.status).toBe(200);
      expect(after.exchanges.map((x) => x.analysis.verdict)).toEqual(['allowed']);
      expect(other.page.outcome, `${serverId}: the generated config lets ${otherPage} in`).toBe('threw');
    } finally {
      await running.close();
    }
  });
});

/** Every blocked scenario recorded in real Chromium whose fix is a header change. */
function fixableFixtures(): [string, Exchange, Analysis][] {
  const dir = new URL('../fixtures/chromium/', import.meta.url);
  return readdirSync(dir).filter((n) => n.endsWith('.har')).sort().flatMap((name) => {
    const result = analyzeHarText(readFileSync(new URL(name, dir), 'utf8'));
    if (!result.ok) return [];
    return result.exchanges
      .filter((x) => x.analysis.verdict === 'blocked' && fixChangesServer(x.analysis.fix))
      .map((x): [string, Exchange, Analysis] => [name.replace(/\.har$/, ''), x.exchange, x.analysis]);
  });
}

describe('syntax checks of the generated config for every blocked fixture', () => {
  const fixtures = fixableFixtures();

  test('there are fixtures to check', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(20);
  });

  test.each(fixtures)('nginx -t: %s', needs(NGINX_REQUIRED), (_id, exchange, analysis) => {
    const config = snippetById('nginx')?.render(snippetInputFor(exchange, analysis)) ?? '';
    expect(configProblems(config)).toEqual([]);
    expect(checkNginx(config)).toEqual({ ok: true, output: '' });
  });

  test.each(fixtures)('apache2 -t: %s', needs(APACHE_REQUIRED), (_id, exchange, analysis) => {
    const config = snippetById('apache')?.render(snippetInputFor(exchange, analysis)) ?? '';
    expect(configProblems(config)).toEqual([]);
    expect(checkApache(config)).toEqual({ ok: true, output: 'Syntax OK' });
  });
});
