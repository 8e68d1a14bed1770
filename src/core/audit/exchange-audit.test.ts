import { describe, expect, test } from 'vitest';
import { analyzeExchange } from '../analyze';
import type { Exchange } from '../model';
import { API, PAGE, exchange, hop, preflight } from '../../../test/support/exchange-builders';
import { auditExchange } from './exchange-audit';

const URL = `${API}/data`;
const ALLOWED = { 'Access-Control-Allow-Origin': PAGE, 'Access-Control-Allow-Credentials': 'true', Vary: 'Origin' };
const get = (request: Record<string, string>, response: Record<string, string>, extra: Partial<Exchange> = {}): Exchange =>
  exchange([hop('GET', URL, { Origin: PAGE, ...request }, 200, response)], extra);

const audit = (x: Exchange) => auditExchange(x, analyzeExchange(x)).map((f) => [f.code, f.severity]);

describe('auditExchange', () => {
  test.each<[string, Exchange, string[][]]>([
    ['exact origin, credentials, Vary: Origin', get({ Cookie: 'a=1' }, ALLOWED), []],
    ['public wildcard without credentials', get({}, { 'Access-Control-Allow-Origin': '*' }), []],
    ['no Access-Control-Allow-Origin at all', get({}, {}), []],
    ['Access-Control-Allow-Origin: null', get({}, { 'Access-Control-Allow-Origin': 'null' }, { initiatorOrigin: 'null' }), [['allow-origin-null', 'high']]],
    ['one origin named, no Vary (one exchange cannot show it depends on Origin)', get({}, { 'Access-Control-Allow-Origin': PAGE }), [['allow-origin-without-vary', 'low']]],
    [
      'preflight cached for a day',
      exchange([hop('PUT', URL, { Origin: PAGE }, 200, ALLOWED)], {
        preflights: [preflight(URL, { 'Access-Control-Request-Method': 'PUT' }, 204, { ...ALLOWED, 'Access-Control-Allow-Methods': 'PUT', 'Access-Control-Max-Age': '86400' })],
      }),
      [['max-age-capped', 'info']],
    ],
    [
      'credentials for an http: origin on an https: API',
      exchange([hop('GET', 'https://api.test/data', { Origin: 'http://app.test', Cookie: 'a=1' }, 200, { 'Access-Control-Allow-Origin': 'http://app.test', 'Access-Control-Allow-Credentials': 'true', Vary: 'Origin' })], { initiatorOrigin: 'http://app.test' }),
      [['credentials-for-http-origin', 'high']],
    ],
    ['http: origin on an http: API is not that finding', get({ Cookie: 'a=1' }, ALLOWED), []],
    ['a token header exposed', get({}, { ...ALLOWED, 'Access-Control-Expose-Headers': 'ETag, X-Auth-Token' }), [['sensitive-headers-exposed', 'medium']]],
    ['only Set-Cookie exposed (browsers filter it)', get({}, { ...ALLOWED, 'Access-Control-Expose-Headers': 'Set-Cookie' }), [['sensitive-headers-exposed', 'low']]],
    ['harmless headers exposed', get({}, { ...ALLOWED, 'Access-Control-Expose-Headers': 'ETag, Content-Length, X-Request-Id' }), []],
    [
      'Expose-Headers * without credentials exposes the Authorization the response carries',
      get({}, { 'Access-Control-Allow-Origin': '*', 'Access-Control-Expose-Headers': '*', Authorization: 'Bearer x' }),
      [['sensitive-headers-exposed', 'medium']],
    ],
    ['* where credentials were sent', get({ Cookie: 'a=1' }, { 'Access-Control-Allow-Origin': '*' }), [['wildcard-with-credentials-attempted', 'low']]],
    ['no-cors requests are not audited', exchange([hop('GET', URL, {}, 200, { 'Access-Control-Allow-Origin': 'null' })], { mode: 'no-cors', resourceType: 'image' }), []],
  ])('%s', (_name, x, expected) => {
    expect(audit(x)).toEqual(expected);
  });

  test('every finding says what an attacker can do and how to fix it', () => {
    const findings = auditExchange(get({}, { 'Access-Control-Allow-Origin': 'null' }, { initiatorOrigin: 'null' }), analyzeExchange(get({}, { 'Access-Control-Allow-Origin': 'null' }, { initiatorOrigin: 'null' })));
    expect(findings[0]?.attack).toMatch(/sandboxed iframe/);
    expect(findings[0]?.fix).toMatch(/Never allow/);
    expect(findings[0]?.source).toBe('exchange');
  });
});
