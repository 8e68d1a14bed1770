// The generated server configuration itself: for several blocked scenarios, real Chromium is
// blocked by the scenario server, the analyzer's fix is turned into the configuration the panel
// and `cors-lens analyze --fix` print, each server is started with that configuration unchanged,
// and Chromium's same request from the same page now passes, while the same request from another
// origin stays blocked. Express, Fastify, nginx and Apache start once per scenario; Koa, Caddy,
// Django, Flask, FastAPI, Go (rs/cors) and S3 (the s3rver emulator) start once per group, each
// scenario's configuration on its own port. Spring and ASP.NET Core have no runtime here.
// Every blocked fixture's nginx, Apache and Caddy snippet also passes `nginx -t` / `apache2 -t` /
// `caddy validate`.

import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Analysis } from '../../src/core/analysis';
import { analyzeHarText } from '../../src/core/har/analyze-har';
import type { Exchange } from '../../src/core/model';
import { snippetById } from '../../src/core/snippets/registry';
import { snippetInputFor } from '../../src/core/snippets/snippet-input-for';
import { checkApache, startApache } from '../fix-proof/apache';
import { fixChangesServer } from '../fix-proof/apply-fix';
import { checkCaddy, startCaddyGroup } from '../fix-proof/caddy';
import { configProblems } from '../fix-proof/fix-safety';
import { startGoGroup } from '../fix-proof/go-app';
import { startKoaGroup } from '../fix-proof/koa-app';
import { checkNginx, startNginx } from '../fix-proof/nginx';
import { type RunningServer, startNodeApp } from '../fix-proof/node-app';
import { startPythonGroup } from '../fix-proof/python-app';
import { startS3Group } from '../fix-proof/s3';
import { freePort, type ServerGroup } from '../fix-proof/server-process';
import { runAction, runScenario } from '../fix-proof/recorded-run';
import { scenarioById } from '../scenarios/catalogue';
import { start, type ScenarioServer } from '../server/scenario-server';
import { type LaunchedBrowser, launchChromium } from '../support/browsers';
import {
  APACHE_REQUIRED, CADDY_REQUIRED, DJANGO_REQUIRED, FASTAPI_REQUIRED, FLASK_REQUIRED, GO_REQUIRED, NGINX_REQUIRED, needs, type Requirement,
} from '../support/requirements';

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

interface GroupUnderTest {
  /** The snippet registry id whose output the server runs. */
  readonly snippet: string;
  readonly requires: readonly Requirement[];
  /** One server for the whole group, running each scenario's configuration on its own port. */
  readonly start: (configs: ReadonlyMap<string, string>, backend: string) => Promise<ServerGroup>;
  /** The status the API answers `id`'s request with, when it is not 200. */
  readonly status?: Readonly<Record<string, number>>;
  /**
   * Scenarios no configuration of this server allows: why, the error Chromium still reports, and
   * what the panel and CLI say beside the configuration (null: nothing, the limit is the emulator's).
   */
  readonly limits?: Readonly<Record<string, { readonly why: string; readonly corsError: string; readonly caveat: string | null }>>;
}

// Caddy, like nginx and Apache, also runs in front of the real backend. S3 is s3rver, an emulator.
const GROUPS: Readonly<Record<string, GroupUnderTest>> = {
  koa: { snippet: 'koa', requires: [], start: (configs) => startKoaGroup(configs) },
  caddy: { snippet: 'caddy', requires: [CADDY_REQUIRED], start: (configs) => startCaddyGroup(configs) },
  'caddy in front of the backend': { snippet: 'caddy', requires: [CADDY_REQUIRED], start: (configs, backend) => startCaddyGroup(configs, { upstream: backend }) },
  django: { snippet: 'django', requires: [DJANGO_REQUIRED], start: (configs) => startPythonGroup('django', configs) },
  flask: { snippet: 'flask', requires: [FLASK_REQUIRED], start: (configs) => startPythonGroup('flask', configs) },
  fastapi: { snippet: 'fastapi', requires: [FASTAPI_REQUIRED], start: (configs) => startPythonGroup('fastapi', configs) },
  go: { snippet: 'go', requires: [GO_REQUIRED], start: (configs) => startGoGroup(configs) },
  s3: {
    snippet: 's3',
    requires: [],
    start: (configs) => startS3Group(configs),
    // s3rver answers POST Object without a form `501 NotImplemented` (S3 has no JSON POST either): readable, so allowed.
    status: { 'preflight-json-content-type-not-allowed': 501 },
    limits: {
      'preflight-method-not-listed': {
        why: 'S3 allows only GET, PUT, POST, DELETE and HEAD, never PATCH',
        corsError: 'PreflightMissingAllowOriginHeader',
        caveat: 'no bucket CORS rule can allow PATCH',
      },
      'preflight-methods-wildcard-credentials': {
        why: 's3rver answers every preflight with Allow-Origin * and no Allow-Credentials, where S3 names the origin',
        corsError: 'PreflightWildcardOriginNotAllowed',
        caveat: null,
      },
    },
  },
};

/** The generated configuration of `snippet` for scenario `id`'s blocked exchange. */
async function generatedConfig(snippet: string, id: string): Promise<string> {
  const { exchange, analysis } = await blockedExchange(id);
  return snippetById(snippet)?.render(snippetInputFor(exchange, analysis)) ?? '';
}

describe.each(Object.entries(GROUPS))('%s runs the generated configuration', (serverId, sut) => {
  const options = needs(...sut.requires);
  const configs = new Map<string, string>();
  let running: ServerGroup | undefined;

  beforeAll(async () => {
    if (options.skip) return;
    for (const id of IDS) configs.set(id, await generatedConfig(sut.snippet, id));
    running = await sut.start(configs, server.apiOrigin);
  });

  afterAll(async () => {
    await running?.close();
  });

  const limits = sut.limits ?? {};
  test.each(IDS.filter((id) => !limits[id]))('%s: blocked before, passes with the generated config', options, async (id) => {
    const scenario = scenarioById(id);
    if (!scenario || !running) throw new Error(`${id}: no scenario or no server`);
    const config = configs.get(id) ?? '';
    expect(config).toContain(server.pageOrigin);
    expect(configProblems(config)).toEqual([]);
    const url = `${running.origin(id)}/api/${id}/main`;
    const after = await runAction(chromium.browser, server.pageOrigin, id, scenario.page, url);
    const otherPage = server.pageOrigin.replace('localhost', '127.0.0.1');
    const other = await runAction(chromium.browser, otherPage, id, scenario.page, url);
    rows.push(`${serverId} ${id}: ${after.page.outcome} (status ${after.page.status ?? '-'}); from ${otherPage}: ${other.page.outcome}${other.cdp ? ` (${other.cdp.corsError})` : ''}`);
    expect(after.page.outcome, `${serverId} with the generated config still blocks ${id}: ${JSON.stringify(after.cdp)}\n${config}`).toBe('resolved');
    expect(after.page.status).toBe(sut.status?.[id] ?? 200);
    expect(after.exchanges.map((x) => x.analysis.verdict)).toEqual(['allowed']);
    expect(other.page.outcome, `${serverId}: the generated config lets ${otherPage} in`).toBe('threw');
  });

  const limited = Object.entries(limits).map(([id, limit]) => [id, limit.why, limit.corsError, limit.caveat] as const);
  test.skipIf(limited.length === 0).each(limited)('%s: blocked before, still blocked with the generated config (%s)', options, async (id, _why, corsError, caveat) => {
    const scenario = scenarioById(id);
    if (!scenario || !running) throw new Error(`${id}: no scenario or no server`);
    const { exchange, analysis } = await blockedExchange(id);
    const said = snippetById(sut.snippet)?.caveat?.(snippetInputFor(exchange, analysis)) ?? null;
    if (caveat === null) expect(said).toBeNull();
    else expect(said).toContain(caveat);
    const after = await runAction(chromium.browser, server.pageOrigin, id, scenario.page, `${running.origin(id)}/api/${id}/main`);
    rows.push(`${serverId} ${id}: ${after.page.outcome} (${after.cdp?.corsError ?? '-'}), as expected`);
    expect(after.page.outcome).toBe('threw');
    expect(after.cdp?.corsError).toBe(corsError);
  });
});

// Why Caddy's snippet also sets its headers at once (src/core/snippets/caddy.ts): the 502 Caddy
// answers itself for a dead upstream skips deferred headers, and the page could not read it.
describe('caddy in front of a dead upstream runs the generated configuration', () => {
  test('simple-get-missing-allow-origin: its own 502 keeps the headers, the page reads it', needs(CADDY_REQUIRED), async () => {
    const id = 'simple-get-missing-allow-origin';
    const scenario = scenarioById(id);
    if (!scenario) throw new Error(`${id} is gone from the catalogue`);
    const config = await generatedConfig('caddy', id);
    const running = await startCaddyGroup(new Map([[id, config]]), { upstream: `http://127.0.0.1:${await freePort()}` });
    try {
      const after = await runAction(chromium.browser, server.pageOrigin, id, scenario.page, `${running.origin(id)}/api/${id}/main`);
      rows.push(`caddy in front of a dead upstream ${id}: ${after.page.outcome} (status ${after.page.status ?? '-'})`);
      expect(after.page, config).toMatchObject({ outcome: 'resolved', status: 502 });
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

  test.each(fixtures)('caddy validate: %s', needs(CADDY_REQUIRED), (_id, exchange, analysis) => {
    const config = snippetById('caddy')?.render(snippetInputFor(exchange, analysis)) ?? '';
    expect(configProblems(config)).toEqual([]);
    expect(checkCaddy(config)).toEqual({ ok: true, output: '' });
  });
});
