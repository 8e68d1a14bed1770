// The fixes that follow the cause, proven on real servers with real Chromium:
// - nginx and Apache httpd in front of a dead upstream answer 502 / 503 themselves; with the usual
//   CORS configuration (headers added on success only) the page is blocked, and the cause is
//   `error-response`. With the configuration CORS Lens gives for that cause, unchanged, the same
//   call is allowed: the page reads the 502 / 503 (and can show the real error).
// - An Express app whose auth middleware runs before `cors` answers the preflight 401: blocked,
//   cause `preflight-auth`. With the configuration given for that cause, and the same auth
//   middleware after it, the same authenticated PUT passes. The same for Apache httpd with HTTP
//   Basic authentication on the API's <Location>.

import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Analysis } from '../../src/core/analysis';
import type { Cause } from '../../src/core/cause/cause';
import { causeConfig } from '../../src/core/cause/cause-config';
import { findCause } from '../../src/core/cause/find-cause';
import { buildRecordingContext } from '../../src/core/cause/recording-context';
import type { Exchange } from '../../src/core/model';
import { snippetInputFor } from '../../src/core/snippets/snippet-input-for';
import { CAUSE_SCENARIOS } from '../causes/cause-scenarios';
import { analyzeHarText } from '../../src/core/har/analyze-har';
import { apacheAvailable, checkApache, startApache } from '../fix-proof/apache';
import { checkNginx, nginxAvailable, startNginx } from '../fix-proof/nginx';
import { type RunningServer, startNodeApp } from '../fix-proof/node-app';
import { type RecordedRun, runAction } from '../fix-proof/recorded-run';
import { freePort } from '../fix-proof/server-process';
import type { PageAction } from '../scenarios/types';
import { start, type ScenarioServer } from '../server/scenario-server';
import { type LaunchedBrowser, launchChromium } from '../support/browsers';

let server: ScenarioServer;
let chromium: LaunchedBrowser;
const rows: string[] = [];

beforeAll(async () => {
  server = await start({ scenarios: CAUSE_SCENARIOS });
  chromium = await launchChromium();
});

afterAll(async () => {
  await chromium?.close();
  await server?.close();
  if (rows.length) console.log(rows.join('\n'));
});

interface Judged {
  readonly run: RecordedRun;
  readonly exchange: Exchange;
  readonly analysis: Analysis;
  readonly cause: Cause | null;
}

/** The call from the runner page to `url`, recorded through CDP → HAR → analyzer → cause. */
async function call(id: string, action: PageAction, url: string): Promise<Judged> {
  const run = await runAction(chromium.browser, server.pageOrigin, id, action, url);
  const [only] = run.exchanges;
  if (!only) throw new Error(`${id}: nothing recorded for ${url}`);
  const cause = findCause(only.exchange, only.analysis, buildRecordingContext(run.exchanges.map((x) => x.exchange)));
  return { run, ...only, cause };
}

async function withServer<T>(running: Promise<RunningServer>, body: (s: RunningServer) => Promise<T>): Promise<T> {
  const s = await running;
  try {
    return await body(s);
  } finally {
    await s.close();
  }
}

const GET: PageAction = { initiator: 'fetch' };

// The usual proxy configuration: CORS headers added, but only to successful answers. A refused
// upstream gets 502 Bad Gateway from nginx and 503 Service Unavailable from mod_proxy.
const PROXIES = {
  nginx: { available: nginxAvailable, start: startNginx, status: 502, before: (page: string) => `add_header Access-Control-Allow-Origin "${page}";\nadd_header Vary "Origin";` },
  apache: { available: apacheAvailable, start: startApache, status: 503, before: (page: string) => `Header set Access-Control-Allow-Origin "${page}"\nHeader merge Vary "Origin"` },
} as const;

describe.each(Object.entries(PROXIES))('%s in front of a dead upstream', (serverId, proxy) => {
  test.skipIf(!proxy.available())('blocked with headers on success only; allowed with the configuration given for the cause', async () => {
    const dead = `http://127.0.0.1:${await freePort()}`;
    const path = '/api/cause-error-response/7';
    const before = await withServer(proxy.start(proxy.before(server.pageOrigin), dead), (s) => call('cause-error-response', GET, `${s.origin}${path}`));
    expect(before.run.page.outcome).toBe('threw');
    expect(before.run.cdp?.corsError).toBe('MissingAllowOriginHeader');
    expect(before.analysis.reasons[0]?.chromeCorsError).toBe('MissingAllowOriginHeader');
    expect(before.cause).toMatchObject({ code: 'error-response', status: proxy.status, tag: `${proxy.status} · no CORS on errors` });
    const config = before.cause ? causeConfig(before.cause, serverId, snippetInputFor(before.exchange, before.analysis)) : null;
    expect(config).toMatch(serverId === 'nginx' ? /add_header Access-Control-Allow-Origin "[^"]+" always;/ : /Header always set Access-Control-Allow-Origin/);

    const after = await withServer(proxy.start(config ?? '', dead), (s) => call('cause-error-response', GET, `${s.origin}${path}`));
    rows.push(`${serverId} ${proxy.status}: before ${before.run.page.outcome} (${before.run.cdp?.corsError ?? '-'}), after ${after.run.page.outcome} (status ${after.run.page.status ?? '-'})`);
    expect(after.run.page, `${serverId} with the cause's configuration:\n${config}`).toMatchObject({ outcome: 'resolved', status: proxy.status });
    expect(after.analysis.verdict).toBe('allowed');
    expect(after.cause).toBeNull();
  });
});

describe('express with auth before cors (401 on the preflight)', () => {
  const AUTH = "function requireAuth(req, res, next) { if (req.headers.authorization) return next(); res.status(401).json({ error: 'unauthorized' }); }";
  const scenario = CAUSE_SCENARIOS.find((s) => s.id === 'cause-preflight-auth');

  test('blocked before; the configuration given for the cause, with the same auth after it, passes', async () => {
    if (!scenario) throw new Error('cause-preflight-auth is gone');
    const page = server.pageOrigin;
    const broken = `import cors from 'cors';\n${AUTH}\napp.use(requireAuth);\napp.use(cors({ origin: '${page}', methods: ['PUT'], allowedHeaders: ['authorization'] }));`;
    const url = (s: RunningServer) => `${s.origin}/api/cause-preflight-auth/main`;
    const before = await withServer(startNodeApp('express', broken), (s) => call(scenario.id, scenario.page, url(s)));
    expect(before.run.page.outcome).toBe('threw');
    expect(before.analysis.reasons[0]?.chromeCorsError).toBe(before.run.cdp?.corsError);
    expect(before.cause).toMatchObject({ code: 'preflight-auth', status: 401 });
    const config = before.cause ? causeConfig(before.cause, 'express', snippetInputFor(before.exchange, before.analysis)) : null;
    expect(config).toContain('app.use(cors(corsOptions));');

    const fixed = `${config}\n${AUTH}\napp.use(requireAuth);`;
    const after = await withServer(startNodeApp('express', fixed), (s) => call(scenario.id, scenario.page, url(s)));
    rows.push(`express preflight 401: before ${before.run.page.outcome} (${before.run.cdp?.corsError ?? '-'}), after ${after.run.page.outcome} (status ${after.run.page.status ?? '-'})`);
    expect(after.run.page, `express with the cause's configuration:\n${fixed}`).toMatchObject({ outcome: 'resolved', status: 200 });
    expect(after.analysis.verdict).toBe('allowed');
    // Authentication still guards the route: without the Authorization header the PUT is refused (401, now readable).
    const anonymous = await withServer(startNodeApp('express', fixed), (s) => call(scenario.id, { ...scenario.page, headers: [] }, url(s)));
    expect(anonymous.run.page).toMatchObject({ outcome: 'resolved', status: 401 });
  });
});

describe('apache with Basic authentication on the API (401 on the preflight)', () => {
  const available = apacheAvailable() && spawnSync('htpasswd', ['-h']).error === undefined;
  const action: PageAction = { initiator: 'fetch', method: 'PUT', body: '{}', headers: [['Authorization', `Basic ${Buffer.from('user:secret').toString('base64')}`]] };

  function authBlock(): string {
    const dir = mkdtempSync(join(tmpdir(), 'cors-lens-htpasswd-'));
    chmodSync(dir, 0o755);
    const file = join(dir, 'htpasswd');
    spawnSync('htpasswd', ['-bc', '-B', file, 'user', 'secret']);
    chmodSync(file, 0o644);
    const modules = ['auth_basic', 'authn_core', 'authn_file', 'authz_user'].map((m) => `LoadModule ${m}_module /usr/lib/apache2/modules/mod_${m}.so`);
    return [...modules, '<Location /api/>', '    AuthType Basic', '    AuthName "api"', `    AuthUserFile ${file}`, '    Require valid-user', '</Location>'].join('\n');
  }

  test.skipIf(!available)('blocked with auth on every method; the configuration given for the cause, with the same auth, passes', async () => {
    const page = server.pageOrigin;
    const auth = authBlock();
    const broken = `${auth}\nHeader always set Access-Control-Allow-Origin "${page}"\nHeader always set Access-Control-Allow-Methods "PUT"\nHeader always set Access-Control-Allow-Headers "authorization"`;
    const url = (s: RunningServer) => `${s.origin}/api/cause-preflight-auth/main`;
    const before = await withServer(startApache(broken), (s) => call('cause-preflight-auth', action, url(s)));
    expect(before.run.page.outcome).toBe('threw');
    expect(before.analysis.reasons[0]?.chromeCorsError).toBe(before.run.cdp?.corsError);
    expect(before.cause).toMatchObject({ code: 'preflight-auth', status: 401 });
    const config = before.cause ? causeConfig(before.cause, 'apache', snippetInputFor(before.exchange, before.analysis)) : null;
    expect(config).toContain('RewriteCond %{REQUEST_METHOD} OPTIONS');

    const fixed = `${auth}\n${config}`;
    const after = await withServer(startApache(fixed), (s) => call('cause-preflight-auth', action, url(s)));
    rows.push(`apache preflight 401: before ${before.run.page.outcome} (${before.run.cdp?.corsError ?? '-'}), after ${after.run.page.outcome} (status ${after.run.page.status ?? '-'})`);
    expect(after.run.page, `apache with the cause's configuration:\n${fixed}`).toMatchObject({ outcome: 'resolved', status: 200 });
    expect(after.analysis.verdict).toBe('allowed');
    // Authentication still guards the API: a wrong password gets 401 (now readable by the page).
    const wrong: PageAction = { ...action, headers: [['Authorization', `Basic ${Buffer.from('user:wrong').toString('base64')}`]] };
    const refused = await withServer(startApache(fixed), (s) => call('cause-preflight-auth', wrong, url(s)));
    expect(refused.run.page).toMatchObject({ outcome: 'resolved', status: 401 });
  });
});

/** Every exchange with a cause in the recorded causes HAR and the real-browser fixtures. */
function recordedCauses(): [string, Cause, Exchange, Analysis][] {
  const files = [new URL('../har-samples/causes-chromium.har', import.meta.url)];
  for (const b of ['chromium', 'firefox']) {
    const dir = new URL(`../fixtures/${b}/`, import.meta.url);
    for (const n of readdirSync(dir).filter((f) => f.endsWith('.har'))) files.push(new URL(n, dir));
  }
  return files.flatMap((file) => {
    const result = analyzeHarText(readFileSync(file, 'utf8'));
    if (!result.ok) return [];
    return result.exchanges.flatMap((x): [string, Cause, Exchange, Analysis][] => (x.cause ? [[`${file.pathname.split('/').slice(-2).join('/')} ${x.cause.code}`, x.cause, x.exchange, x.analysis]] : []));
  });
}

describe('syntax checks of every configuration a recorded cause gives', () => {
  const causes = recordedCauses();
  const configs = (server: string): [string, string][] =>
    causes.flatMap(([id, cause, exchange, analysis]): [string, string][] => {
      const config = causeConfig(cause, server, snippetInputFor(exchange, analysis));
      return config === null ? [] : [[id, config]];
    });

  test('there are causes with configuration to check', () => {
    expect(causes.length).toBeGreaterThanOrEqual(15);
    expect(configs('nginx').length).toBeGreaterThanOrEqual(10);
  });

  test.skipIf(!nginxAvailable()).each(configs('nginx'))('nginx -t: %s', (_id, config) => {
    expect(checkNginx(config)).toEqual({ ok: true, output: '' });
  });

  test.skipIf(!apacheAvailable()).each(configs('apache'))('apache2 -t: %s', (_id, config) => {
    expect(checkApache(config)).toEqual({ ok: true, output: 'Syntax OK' });
  });
});
