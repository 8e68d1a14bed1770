import { describe, expect, test } from 'vitest';
import { corsPolicy, exactOrigin } from './cors-policy';
import { CREDENTIALED, HOSTILE, NULL_ORIGIN, ORIGIN, PREFLIGHTED, SIMPLE, facts, fix } from '../../../test/support/snippet-inputs';

describe('exactOrigin', () => {
  test.each([
    ['https://a.test', 'https://a.test'],
    ['http://localhost:8080', 'http://localhost:8080'],
    [' https://a.test ', 'https://a.test'],
    ['https://a.test/', null],
    ['null', null],
    ['*', null],
    ['', null],
    [null, null],
    ['file:///etc/passwd', null],
    ['https://a.test"; evil', null],
  ])('%j -> %j', (input, expected) => {
    expect(exactOrigin(input)).toBe(expected);
  });
});

describe('corsPolicy', () => {
  test.each([
    ['preflighted', PREFLIGHTED, { origin: ORIGIN, methods: ['PUT'], allowHeaders: ['X-Api-Key'], credentials: false, preflight: true, maxAge: null }],
    ['credentialed', CREDENTIALED, { origin: ORIGIN, credentials: true, maxAge: 600, exposeHeaders: ['X-Request-Id'] }],
    ['simple', SIMPLE, { origin: ORIGIN, methods: ['GET'], allowHeaders: [], preflight: false }],
    ['null origin', NULL_ORIGIN, { origin: null, note: 'The redirect made the origin null.' }],
    ['hostile values are dropped', HOSTILE, { origin: ORIGIN, methods: ['PUT'], allowHeaders: ['X-Api-Key'] }],
    [
      'keeps what the fix already allows and adds this method',
      { fix: fix({ preflight: [{ name: 'Access-Control-Allow-Methods', value: 'GET, PATCH' }] }), facts: facts({ method: 'DELETE' }) },
      { methods: ['GET', 'PATCH', 'DELETE'] },
    ],
    [
      'methods are case-sensitive (Fetch §4.8), header names are not',
      { fix: fix({ preflight: [{ name: 'Access-Control-Allow-Headers', value: 'x-api-key' }] }), facts: facts({ method: 'delete' }) },
      { methods: ['delete'], allowHeaders: ['x-api-key'] },
    ],
    ['max-age from the fix', { fix: fix({ preflight: [{ name: 'Access-Control-Max-Age', value: '86400' }] }), facts: facts() }, { maxAge: 86400 }],
    ['preflight status makes it a preflight', { fix: fix({ preflight: null, preflightStatus: 204 }), facts: facts({ method: 'GET', requestHeaders: [] }) }, { preflight: true, preflightStatus: 204 }],
    ['path of the URL', PREFLIGHTED, { path: '/v1/items/42' }],
  ])('%s', (_name, input, expected) => {
    expect(corsPolicy(input)).toMatchObject(expected);
  });
});
