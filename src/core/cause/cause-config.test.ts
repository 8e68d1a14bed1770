import { describe, expect, test } from 'vitest';
import { analyzeExchange } from '../analyze';
import type { Exchange } from '../model';
import { SNIPPETS } from '../snippets/registry';
import { snippetInputFor } from '../snippets/snippet-input-for';
import { API, exchange, hop, PAGE, preflight } from '../../../test/support/exchange-builders';
import { causeConfig } from './cause-config';
import { findCause } from './find-cause';
import { buildRecordingContext } from './recording-context';

const GET = { Origin: PAGE, 'Sec-Fetch-Mode': 'cors' };
const FAILED = { browser: 'chromium', error: 'net::ERR_FAILED' } as const;

function configs(ex: Exchange, others: Exchange[] = []) {
  const analysis = analyzeExchange(ex);
  const cause = findCause(ex, analysis, buildRecordingContext([...others, ex]));
  if (!cause) throw new Error('no cause');
  return { cause, config: (id: string) => causeConfig(cause, id, snippetInputFor(ex, analysis)) };
}

const error502 = exchange([hop('GET', `${API}/items/7`, GET, 502)], FAILED);
const okWith = (acao: string) => exchange([hop('GET', `${API}/items/9`, GET, 200, { 'Access-Control-Allow-Origin': acao, 'Access-Control-Expose-Headers': 'X-Total' })], { id: 'ok' });
const put401 = { ...exchange([hop('PUT', `${API}/items/7`, GET)], FAILED), preflights: [preflight(`${API}/items/7`, { 'Access-Control-Request-Method': 'PUT' }, 401)] };
const put405 = { ...exchange([hop('PUT', `${API}/items/7`, GET)], FAILED), preflights: [preflight(`${API}/items/7`, { 'Access-Control-Request-Method': 'PUT' }, 405)] };

// What each server's error-path configuration must say (the mechanism that covers errors).
const ERROR_MARK: Record<string, RegExp> = {
  nginx: /add_header Access-Control-Allow-Origin "http:\/\/localhost:8000" always;/,
  apache: /Header always set Access-Control-Allow-Origin "http:\/\/localhost:8000"/,
  caddy: /handle_errors \{/,
  express: /app\.use\(\(err, req, res, next\) => \{/,
  fastify: /register\(cors/,
  koa: /keepHeadersOnError: true/,
  django: /MIDDLEWARE\.insert\(0, 'corsheaders\.middleware\.CorsMiddleware'\)/,
  fastapi: /app = CORSMiddleware\(app/,
  flask: /intercept_exceptions=True/,
  spring: /Ordered\.HIGHEST_PRECEDENCE/,
  aspnet: /UseExceptionHandler[\s\S]*UseCors/,
  go: /c\.Handler\(rateLimit\(mux\)\)/,
  s3: /"AllowedOrigins"/,
};

describe('error-response: configuration that adds the CORS headers to error answers, for every server', () => {
  test.each(SNIPPETS.map((s) => [s.id] as const))('%s', (id) => {
    const { cause, config } = configs(error502, [okWith(PAGE)]);
    expect(cause.corroborated).toBe(true);
    const text = config(id) ?? '';
    expect(text).toMatch(ERROR_MARK[id] as RegExp);
    expect(text).toContain(PAGE);
  });

  test('corroborated: the endpoint\'s own values are repeated, nothing else is added', () => {
    const { config } = configs(error502, [okWith(PAGE)]);
    expect(config('nginx')).toContain('add_header Access-Control-Expose-Headers "X-Total" always;');
    expect(config('nginx')).not.toContain('Access-Control-Allow-Credentials');
  });

  test('a wildcard on success stays a wildcard on errors', () => {
    expect(configs(error502, [okWith('*')]).config('apache')).toContain('Header always set Access-Control-Allow-Origin "*"');
  });

  test.each([['http://a.example" always; return 200 "x'], ['http://a.example\nadd_header X y'], ['null']])('a hostile value seen on success gives no configuration: %j', (acao) => {
    const { config } = configs(error502, [okWith(acao)]);
    expect(config('nginx')).toBeNull();
  });

  test('no success seen: the analyzer\'s fix supplies the headers', () => {
    expect(configs(error502).config('nginx')).toContain(`add_header Access-Control-Allow-Origin "${PAGE}" always;`);
  });
});

describe('preflight causes: OPTIONS answered before auth, or at all', () => {
  test.each(SNIPPETS.map((s) => [s.id] as const))('%s', (id) => {
    const auth = configs(put401).config(id) ?? '';
    const unhandled = configs(put405).config(id) ?? '';
    expect(auth).toContain(PAGE);
    expect(unhandled).toContain(PAGE);
    if (id !== 's3') {
      expect(auth).toMatch(/auth/i);
      expect(unhandled).toMatch(/OPTIONS/);
    }
  });
});

describe('causes fixed in words get no configuration', () => {
  test.each<[string, Exchange]>([
    ['no-response', exchange([hop('GET', `${API}/x`, GET)], { browser: 'chromium', error: 'net::ERR_CONNECTION_REFUSED' })],
    ['blocked-by-client', exchange([hop('GET', `${API}/x`, GET)], { browser: 'chromium', error: 'net::ERR_BLOCKED_BY_CLIENT' })],
    ['login-redirect', exchange([hop('GET', `${API}/me`, GET, 302, { Location: 'http://sso.localhost:7000/login' })], FAILED)],
  ])('%s', (code, ex) => {
    const { cause, config } = configs(ex);
    expect(cause.code).toBe(code);
    for (const s of SNIPPETS) expect(config(s.id)).toBeNull();
  });
});

describe('a preflight that failed with an error status', () => {
  test.each<[number, string]>([[502, 'error-response'], [429, 'rate-limited']])('OPTIONS %i: the configuration answers OPTIONS first (%s)', (status, code) => {
    const ex = { ...exchange([hop('PUT', `${API}/items/7`, GET)], FAILED), preflights: [preflight(`${API}/items/7`, { 'Access-Control-Request-Method': 'PUT' }, status)] };
    const { cause, config } = configs(ex);
    expect({ code: cause.code, stage: cause.stage }).toEqual({ code, stage: 'preflight' });
    expect(config('express')).toContain('answers OPTIONS for every path');
    expect(config('nginx')).toContain('if ($request_method = OPTIONS)');
  });
});
