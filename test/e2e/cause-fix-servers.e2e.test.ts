// The configuration given for a cause, proven on the servers of fix-servers.e2e.test.ts that have
// no proof in cause-fix-proof.e2e.test.ts: each server first runs the usual setup in which the
// cause happens (the CORS handling in place, but something answering before it or without it), and
// real Chromium is blocked with that cause; then the same server runs the configuration CORS Lens
// gives for that cause, unchanged, with the failing part where the configuration says it goes,
// and the same call passes (the error or the authenticated call now readable by the page).
// Each server starts twice per group: every "before" at once, then every "after" at once.
// Where a cause does not arise there is no case: Flask-CORS adds its headers to Flask's own error
// responses (after_request runs for them, whatever intercept_exceptions says), and Flask answers
// OPTIONS on every route.

import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { CauseCode } from '../../src/core/cause/cause';
import { causeConfig } from '../../src/core/cause/cause-config';
import { findCause } from '../../src/core/cause/find-cause';
import { buildRecordingContext } from '../../src/core/cause/recording-context';
import { snippetInputFor } from '../../src/core/snippets/snippet-input-for';
import { CAUSE_SCENARIOS } from '../causes/cause-scenarios';
import { caddyHashPassword, startCaddyGroup } from '../fix-proof/caddy';
import { startGoGroup } from '../fix-proof/go-app';
import { startKoaGroup } from '../fix-proof/koa-app';
import { type AppParts, startPythonGroup } from '../fix-proof/python-app';
import { type RecordedRun, runAction } from '../fix-proof/recorded-run';
import { freePort, type ServerGroup } from '../fix-proof/server-process';
import type { PageAction } from '../scenarios/types';
import { start, type ScenarioServer } from '../server/scenario-server';
import { type LaunchedBrowser, launchChromium } from '../support/browsers';
import { CADDY_REQUIRED, DJANGO_REQUIRED, FASTAPI_REQUIRED, FLASK_REQUIRED, GO_REQUIRED, needs, type Requirement } from '../support/requirements';

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

const BASIC = `Basic ${Buffer.from('user:secret').toString('base64')}`;
const GET_ITEM_7: PageAction = { initiator: 'fetch' };
const PUT_AUTHENTICATED: PageAction = { initiator: 'fetch', method: 'PUT', body: '{}', headers: [['Authorization', BASIC]] };

/** What the page calls, and what a server setup is made of. */
interface CauseCase {
  readonly cause: Extract<CauseCode, 'error-response' | 'preflight-auth' | 'preflight-unhandled'>;
  /** The scenario id the URL path carries (`/api/<id>/<step>`). */
  readonly scenario: string;
  readonly step: string;
  readonly action: PageAction;
  /** The status the page reads once the configuration is in place. */
  readonly status: number;
  /** The usual setup in which the cause happens. */
  readonly before: (at: Where) => string | AppParts;
  /** The configuration given for the cause, unchanged, with the failing part where it says. */
  readonly after: (config: string, at: Where) => string | AppParts;
}

interface Where {
  readonly page: string;
  /** A loopback port nothing listens on: the upstream of a proxy whose application is down. */
  readonly dead: string;
  /** The scenario server's API, for a proxy in front of it. */
  readonly backend: string;
}

interface CauseServer {
  /** The id `causeConfig` takes. */
  readonly id: string;
  readonly requires: readonly Requirement[];
  readonly start: (setups: ReadonlyMap<string, string | AppParts>) => Promise<ServerGroup>;
  readonly cases: readonly CauseCase[];
}

const errorResponse = { cause: 'error-response', scenario: 'cause-error-response', step: '7', action: GET_ITEM_7 } as const;
const preflightAuth = { cause: 'preflight-auth', scenario: 'cause-preflight-auth', step: 'main', action: PUT_AUTHENTICATED, status: 200 } as const;
const preflightUnhandled = { cause: 'preflight-unhandled', scenario: 'cause-preflight-unhandled', step: 'main', action: { initiator: 'fetch', method: 'PUT', body: '{}' }, status: 200 } as const;

// Koa: an authentication (401) or overload guard (503) that throws before `@koa/cors` ran.
const KOA_GUARDS = `const requireAuth = async (ctx, next) => { if (!ctx.get('authorization')) ctx.throw(401, 'unauthorized'); await next(); };
const unavailableOnItem7 = async (ctx, next) => { if (ctx.path.endsWith('/7')) ctx.throw(503, 'unavailable'); await next(); };
// A router with a PUT route and no OPTIONS (as @koa/router without allowedMethods()).
const putOnly = async (ctx, next) => { if (ctx.method !== 'PUT') ctx.throw(405); await next(); };`;

// Flask: an authentication hook, before the fix (every method) and after it (the preflight let through, as the fix says).
const FLASK_AUTH = `from flask import request


@app.before_request
def require_auth():
    if 'Authorization' not in request.headers:
        return {'error': 'unauthorized'}, 401`;
const FLASK_AUTH_FIXED = FLASK_AUTH.replace("    if 'Authorization'", "    if request.method == 'OPTIONS':\n        return None\n    if 'Authorization'");

// FastAPI: an authentication middleware (Starlette runs the middleware added last first).
const FASTAPI_AUTH = `from starlette.responses import JSONResponse


@app.middleware('http')
async def require_auth(request, call_next):
    if 'authorization' not in request.headers:
        return JSONResponse({'error': 'unauthorized'}, status_code=401)
    return await call_next(request)`;
const FASTAPI_FAILING = `@app.middleware('http')
async def fail_on_item_7(request, call_next):
    if request.url.path.endswith('/7'):
        raise RuntimeError('the API failed')
    return await call_next(request)`;

// Go: a rate limiter that answers item 7 with 503 itself, and an authentication check.
const GO_PARTS = `rateLimit := func(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if len(r.URL.Path) > 2 && r.URL.Path[len(r.URL.Path)-2:] == "/7" {
			http.Error(w, "slow down", http.StatusServiceUnavailable)
			return
		}
		h.ServeHTTP(w, r)
	})
}
requireAuth := func(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") == "" {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		h.ServeHTTP(w, r)
	})
}
// A handler that serves PUT and refuses every other method 405 (as Go 1.22's "PUT /path" patterns do).
putOnly := func(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPut {
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		h.ServeHTTP(w, r)
	})
}
_, _, _ = rateLimit, requireAuth, putOnly`;

// Caddy: Basic authentication on the site, and the proxy's API (dead, or the backend without an OPTIONS route).
const AUTH_HASH = CADDY_REQUIRED.available() ? caddyHashPassword('secret') : '';
const CADDY_AUTH = (matcher: string): string => `basicauth${matcher} {\n\tuser ${AUTH_HASH}\n}`;

const CADDY: CauseServer = {
  id: 'caddy',
  requires: [CADDY_REQUIRED],
  start: (setups) => startCaddyGroup(setups as ReadonlyMap<string, string>, 'in-config'),
  cases: [
    {
      ...errorResponse,
      status: 502,
      // Headers applied as the response is written skip Caddy's own 502 for a dead upstream.
      before: ({ page, dead }) => `header {\n\tdefer\n\tAccess-Control-Allow-Origin "${page}"\n\t+Vary "Origin"\n}\nreverse_proxy ${dead}`,
      after: (config, { dead }) => `${config}\nreverse_proxy ${dead}`,
    },
    {
      ...preflightAuth,
      before: ({ page }) => `${CADDY_AUTH('')}\n@corsPreflight method OPTIONS\nhandle @corsPreflight {\n\theader Access-Control-Allow-Methods "PUT"\n\theader Access-Control-Allow-Headers "authorization"\n\trespond 204\n}\nheader Access-Control-Allow-Origin "${page}"\nrespond "ok" 200`,
      // The fix's own words, in Caddy 2.6's spelling (basicauth; basic_auth since 2.8).
      after: (config) => `@authed not method OPTIONS\n${CADDY_AUTH(' @authed')}\n${config}\nrespond "ok" 200`,
    },
    {
      ...preflightUnhandled,
      before: ({ page, backend }) => `header Access-Control-Allow-Origin "${page}"\nreverse_proxy ${backend}`,
      after: (config, { backend }) => `${config}\nreverse_proxy ${backend}`,
    },
  ],
};

const SERVERS: Readonly<Record<string, CauseServer>> = {
  caddy: CADDY,
  koa: {
    id: 'koa',
    requires: [],
    start: (setups) => startKoaGroup(setups as ReadonlyMap<string, string>),
    cases: [
      {
        ...errorResponse,
        status: 503,
        before: ({ page }) => `import cors from '@koa/cors';\n${KOA_GUARDS}\napp.use(unavailableOnItem7);\napp.use(cors({ origin: '${page}' }));`,
        after: (config) => `import cors from '@koa/cors';\n${KOA_GUARDS}\n${config}\napp.use(unavailableOnItem7);`,
      },
      {
        ...preflightAuth,
        before: ({ page }) => `import cors from '@koa/cors';\n${KOA_GUARDS}\napp.use(requireAuth);\napp.use(cors({ origin: '${page}', allowMethods: ['PUT'], allowHeaders: ['authorization'] }));`,
        after: (config) => `${config.replace("import cors from '@koa/cors';", `import cors from '@koa/cors';\n${KOA_GUARDS}`)}\napp.use(requireAuth);`,
      },
      {
        ...preflightUnhandled,
        before: () => `${KOA_GUARDS}\napp.use(putOnly);`,
        after: (config) => `${config.replace("import cors from '@koa/cors';", `import cors from '@koa/cors';\n${KOA_GUARDS}`)}\napp.use(putOnly);`,
      },
    ],
  },
  django: {
    id: 'django',
    requires: [DJANGO_REQUIRED],
    start: (setups) => startPythonGroup('django', setups),
    cases: [
      {
        ...errorResponse,
        status: 503,
        before: ({ page }) => `INSTALLED_APPS += ['corsheaders']\nMIDDLEWARE.insert(0, 'proof_middleware.unavailable_on_item_7')\nMIDDLEWARE.append('corsheaders.middleware.CorsMiddleware')\nCORS_ALLOWED_ORIGINS = ['${page}']`,
        after: (config) => `INSTALLED_APPS += ['corsheaders']\nMIDDLEWARE.insert(0, 'proof_middleware.unavailable_on_item_7')\n${config}`,
      },
      {
        ...preflightAuth,
        before: ({ page }) => `INSTALLED_APPS += ['corsheaders']\nMIDDLEWARE.insert(0, 'proof_middleware.require_auth')\nMIDDLEWARE.append('corsheaders.middleware.CorsMiddleware')\nCORS_ALLOWED_ORIGINS = ['${page}']\nCORS_ALLOW_METHODS = ['PUT']\nCORS_ALLOW_HEADERS = ['authorization']`,
        after: (config) => `MIDDLEWARE.insert(0, 'proof_middleware.require_auth')\n${config}`,
      },
      {
        ...preflightUnhandled,
        // proof_urls.py serves this path with a view limited to PUT (require_http_methods): OPTIONS gets 405.
        before: () => '',
        after: (config) => config,
      },
    ],
  },
  flask: {
    id: 'flask',
    requires: [FLASK_REQUIRED],
    start: (setups) => startPythonGroup('flask', setups),
    cases: [
      {
        ...preflightAuth,
        before: ({ page }) => `from flask_cors import CORS\n${FLASK_AUTH}\n\n\nCORS(app, origins=['${page}'], methods=['PUT'], allow_headers=['authorization'])`,
        after: (config) => `${FLASK_AUTH_FIXED}\n\n\n${config}`,
      },
    ],
  },
  fastapi: {
    id: 'fastapi',
    requires: [FASTAPI_REQUIRED],
    start: (setups) => startPythonGroup('fastapi', setups),
    cases: [
      {
        ...errorResponse,
        status: 500,
        before: ({ page }) => `from fastapi.middleware.cors import CORSMiddleware\n${FASTAPI_FAILING}\n\n\napp.add_middleware(CORSMiddleware, allow_origins=['${page}'])`,
        after: (config) => ({ before: FASTAPI_FAILING, after: config }),
      },
      {
        ...preflightAuth,
        before: ({ page }) => `from fastapi.middleware.cors import CORSMiddleware\napp.add_middleware(CORSMiddleware, allow_origins=['${page}'], allow_methods=['PUT'], allow_headers=['authorization'])\n${FASTAPI_AUTH}`,
        after: (config) => `${FASTAPI_AUTH}\n${config}`,
      },
      {
        ...preflightUnhandled,
        // No CORS middleware: FastAPI answers OPTIONS on a route without it 405.
        before: () => '',
        after: (config) => config,
      },
    ],
  },
  go: {
    id: 'go',
    requires: [GO_REQUIRED],
    start: (setups) => startGoGroup(setups as ReadonlyMap<string, string>),
    cases: [
      {
        ...errorResponse,
        status: 503,
        before: ({ page }) => `${GO_PARTS}\nc := cors.New(cors.Options{AllowedOrigins: []string{"${page}"}})\nhandler := rateLimit(c.Handler(mux))`,
        after: (config) => `${GO_PARTS}\n${config}`,
      },
      {
        ...preflightAuth,
        before: ({ page }) => `${GO_PARTS}\nc := cors.New(cors.Options{AllowedOrigins: []string{"${page}"}, AllowedMethods: []string{"PUT"}, AllowedHeaders: []string{"Authorization"}})\nhandler := requireAuth(c.Handler(mux))`,
        // The fix's own words: wrap auth inside cors.
        after: (config) => `${GO_PARTS}\n${config.replace('handler := c.Handler(mux)', 'handler := c.Handler(requireAuth(mux))')}`,
      },
      {
        ...preflightUnhandled,
        before: () => `${GO_PARTS}\nhandler := putOnly(mux)`,
        after: (config) => `${GO_PARTS}\nmux = putOnly(mux)\n${config}`,
      },
    ],
  },
};

async function record(id: string, action: PageAction, url: string): Promise<{ run: RecordedRun; config: (serverId: string) => string | null; cause: CauseCode | null; verdict: string }> {
  const run = await runAction(chromium.browser, server.pageOrigin, id, action, url);
  const [only] = run.exchanges;
  if (!only) throw new Error(`${id}: nothing recorded for ${url}`);
  const cause = findCause(only.exchange, only.analysis, buildRecordingContext(run.exchanges.map((x) => x.exchange)));
  return {
    run,
    cause: cause?.code ?? null,
    verdict: only.analysis.verdict,
    config: (serverId) => (cause ? causeConfig(cause, serverId, snippetInputFor(only.exchange, only.analysis)) : null),
  };
}

describe.each(Object.entries(SERVERS))('%s with the configuration given for a cause', (serverId, sut) => {
  const options = needs(...sut.requires);
  const configs = new Map<string, string>();
  const befores = new Map<string, RecordedRun>();
  let after: ServerGroup | undefined;
  const key = (c: CauseCase): string => c.cause;

  beforeAll(async () => {
    if (options.skip) return;
    const at: Where = { page: server.pageOrigin, dead: `http://127.0.0.1:${await freePort()}`, backend: server.apiOrigin };
    const broken = await sut.start(new Map(sut.cases.map((c) => [key(c), c.before(at)])));
    try {
      for (const c of sut.cases) {
        const before = await record(c.scenario, c.action, `${broken.origin(key(c))}/api/${c.scenario}/${c.step}`);
        befores.set(key(c), before.run);
        expect(before.run.page.outcome, `${serverId} ${c.cause}: the usual setup is not blocked`).toBe('threw');
        expect(before.cause, `${serverId} ${c.cause}: ${JSON.stringify(before.run.cdp)}`).toBe(c.cause);
        configs.set(key(c), before.config(sut.id) ?? '');
      }
    } finally {
      await broken.close();
    }
    after = await sut.start(new Map(sut.cases.map((c) => [key(c), c.after(configs.get(key(c)) ?? '', at)])));
  });

  afterAll(async () => {
    await after?.close();
  });

  test.each(sut.cases.map((c) => [c.cause, c] as const))('%s: blocked before, passes with the configuration given for the cause', options, async (_cause, c) => {
    if (!after) throw new Error('no server');
    const config = configs.get(key(c)) ?? '';
    expect(config).toContain(server.pageOrigin);
    const fixed = await record(c.scenario, c.action, `${after.origin(key(c))}/api/${c.scenario}/${c.step}`);
    rows.push(`${serverId} ${c.cause}: before ${befores.get(key(c))?.cdp?.corsError ?? '-'}, after ${fixed.run.page.outcome} (status ${fixed.run.page.status ?? '-'})`);
    expect(fixed.run.page, `${serverId} with the configuration for ${c.cause}:\n${config}`).toMatchObject({ outcome: 'resolved', status: c.status });
    expect(fixed.verdict).toBe('allowed');
    expect(fixed.cause).toBeNull();
  });
});

