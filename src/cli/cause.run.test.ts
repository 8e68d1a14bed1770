// `cors-lens analyze` on a HAR recorded in real Chromium by test/e2e/causes.e2e.test.ts (one call
// per cause, against the loopback scenario server): --json carries each cause beside the
// browser's unchanged reason, the table leads with it, and --fix prints the cause's configuration.

import { Readable } from 'node:stream';
import { describe, expect, test } from 'vitest';
import { run } from './run';

const har = new URL('../../test/har-samples/causes-chromium.har', import.meta.url).pathname;

async function cli(argv: string[]) {
  let stdout = '';
  const code = await run(argv, { stdout: (t) => { stdout += t; }, stderr: () => undefined, stdin: Readable.from(['']), stdoutIsTTY: false, env: {} });
  return { code, stdout };
}

interface JsonExchange {
  url: string;
  verdict: string;
  reasons: { code: string; chromeCorsError: string }[];
  cause: { code: string; tag: string; message: string; evidence: string[]; fix: string; corroborated: boolean } | null;
}

async function exchanges(): Promise<JsonExchange[]> {
  return (JSON.parse((await cli(['analyze', har, '--json', '--only', 'cross-origin'])).stdout) as { exchanges: JsonExchange[] }).exchanges;
}

describe('cause in --json, from a real Chromium recording', () => {
  test.each<[path: string, verdict: string, reason: string | undefined, cause: string | null, tag: string | null]>([
    ['/api/cause-error-response/42', 'allowed', undefined, null, null],
    ['/api/cause-error-response/7', 'blocked', 'MissingAllowOriginHeader', 'error-response', '502 · no CORS on errors'],
    ['/api/cause-rate-limited/main', 'blocked', 'MissingAllowOriginHeader', 'rate-limited', '429 · rate limited'],
    ['/api/cause-preflight-auth/main', 'blocked', 'PreflightMissingAllowOriginHeader', 'preflight-auth', 'OPTIONS 401 · auth before CORS'],
    ['/api/cause-preflight-unhandled/main', 'blocked', 'PreflightMissingAllowOriginHeader', 'preflight-unhandled', 'OPTIONS 405 · no OPTIONS route'],
    ['/api/cause-login-redirect/main', 'blocked', 'MissingAllowOriginHeader', 'login-redirect', '302 → login'],
    ['/api/cause-blocked-by-client/main', 'unknown', undefined, 'blocked-by-client', 'blocked by client'],
    ['/api/refused', 'unknown', undefined, 'no-response', 'no response · ERR_CONNECTION_REFUSED'],
  ])('%s', async (path, verdict, reason, cause, tag) => {
    const x = (await exchanges()).find((e) => new URL(e.url).pathname === path);
    expect({ verdict: x?.verdict, reason: x?.reasons[0]?.chromeCorsError, cause: x?.cause?.code ?? null, tag: x?.cause?.tag ?? null }).toEqual({ verdict, reason, cause, tag });
  });

  test('the 502 is corroborated by the same endpoint\'s 200 with CORS headers', async () => {
    const x = (await exchanges()).find((e) => e.url.endsWith('/api/cause-error-response/7'));
    expect(x?.cause?.corroborated).toBe(true);
    expect(x?.cause?.evidence[1]).toMatch(/cause-error-response\/42 → 200: Access-Control-Allow-Origin: http:\/\/localhost:\d+, Vary: Origin/);
  });
});

describe('the table and --fix', () => {
  test('compact: the row leads with the cause tag; the problem says the cause and its fix once', async () => {
    const { stdout } = await cli(['analyze', har]);
    const row = stdout.split('\n').find((l) => l.includes('cause-error-response/7')) ?? '';
    expect(row).toMatch(/blocked +P\d+ +\[502 · no CORS on errors\] The response has no Access-Control-Allow-Origin header/);
    const problem = stdout.slice(stdout.indexOf('blocked: missing-allow-origin · GET http://localhost:33633/api/cause-error-response/:id'));
    expect(problem).toMatch(/^blocked: missing-allow-origin · GET \S+ from http:\/\/localhost:43143 · 1 exchange: #4\n/);
    expect(problem).toContain('cause: 502 · no CORS on errors: The CORS error is a symptom');
    expect(problem.slice(0, problem.indexOf('\n\n'))).not.toContain('response must carry');
    // A refused connection is one problem (its cause), not also a request-error warning.
    expect(stdout).toMatch(/P\d+ +failed: no-response · GET http:\/\/localhost:\d+\/api\/refused /);
    expect(stdout).not.toContain('request-error');
  });

  test('--verbose: the row leads with the cause tag; the browser\'s reason follows; the 502 gets no "response must carry"', async () => {
    const { stdout } = await cli(['analyze', har, '--verbose']);
    const block = stdout.slice(stdout.indexOf('cause-error-response/7'), stdout.indexOf('cause-rate-limited'));
    expect(block).toContain('[502 · no CORS on errors] The response has no Access-Control-Allow-Origin header');
    expect(block).toContain('cause: 502 · no CORS on errors: The CORS error is a symptom');
    expect(block).not.toContain('response must carry');
  });

  test.each([
    ['nginx', 'cause-error-response/', /add_header Access-Control-Allow-Origin "http:\/\/localhost:\d+" always;/],
    ['apache', 'cause-error-response/7', /Header always set Access-Control-Allow-Origin/],
    ['express', 'cause-preflight-auth/main', /register it BEFORE the auth middleware/],
    ['express', 'cause-refused', /^$/],
  ])('--fix %s for %s', async (server, path, expected) => {
    const { stdout } = await cli(['analyze', har, '--fix', server]);
    const section = stdout.slice(stdout.indexOf('Server configuration for'));
    const start = section.indexOf(path);
    if (path === 'cause-refused') {
      expect(section).toMatch(/P\d+ GET http:\/\/localhost:\d+\/api\/refused\n {2}No server configuration can fix this\. Make sure the server is running/);
      return;
    }
    expect(section.slice(start, start + 1500)).toMatch(expected);
  });
});
