// The proof's own helpers: applying a fix exactly, and recognising a fix or a config that is wider
// than needed (so the e2e proof cannot pass by accident).

import { describe, expect, test } from 'vitest';
import type { Analysis, Fix } from '../../src/core/analysis';
import { analyzeExchange } from '../../src/core/analyze';
import { API, exchange, hop, PAGE, preflight } from '../support/exchange-builders';
import { allowCredentials, allowPage, main, ok, preflightOk, redirect } from '../scenarios/builders';
import type { Answer, Scenario } from '../scenarios/types';
import { allowsAnyOrigin, applyFix, stepOfUrl, withHeaders } from './apply-fix';
import { configProblems, fixProblems, type SafetyFacts } from './fix-safety';

const h = (name: string, value: string) => ({ name, value });

describe('withHeaders: one line per fixed header, others kept in order', () => {
  test.each<[string, Answer, Fix['response'], Answer['headers']]>([
    ['added', ok(['X-A', '1']), [h('Access-Control-Allow-Origin', PAGE)], [['X-A', '1'], ['Access-Control-Allow-Origin', PAGE]]],
    ['duplicates replaced by one', ok(allowPage, allowPage), [h('Access-Control-Allow-Origin', PAGE)], [['Access-Control-Allow-Origin', PAGE]]],
    ['case-insensitive names', ok(['access-control-allow-credentials', 'TRUE']), [h('Access-Control-Allow-Credentials', 'true')], [['Access-Control-Allow-Credentials', 'true']]],
    ['nothing to add', ok(['X-A', '1']), [], [['X-A', '1']]],
  ])('%s', (_n, answer, headers, expected) => {
    expect(withHeaders(answer, headers ?? []).headers).toEqual(expected);
  });
});

test.each([
  [`${API}/api/s1/main`, 's1', 'main'],
  [`${API}/api/s1/final?x=1`, 's1', 'final'],
  [`${API}/api/other/main`, 's1', null],
  [`${API}/elsewhere`, 's1', null],
  ['not a url', 's1', null],
])('stepOfUrl(%s, %s) = %s', (url, id, step) => {
  expect(stepOfUrl(url, id)).toBe(step);
});

const put: Scenario = { id: 's1', description: '', page: { initiator: 'fetch', method: 'PUT' }, steps: main(ok(allowPage)), expected: 'threw' };
const blockedPut = (): Analysis => analyzeExchange({
  ...exchange([hop('PUT', `${API}/api/s1/main`, { Origin: PAGE, 'Sec-Fetch-Mode': 'cors' })], { error: 'net::ERR_FAILED' }),
  preflights: [preflight(`${API}/api/s1/main`, { 'Access-Control-Request-Method': 'PUT' }, 405, { Allow: 'GET' })],
});

describe('applyFix', () => {
  test('a missing OPTIONS handler becomes the fixed status with exactly the fix headers', () => {
    const analysis = blockedPut();
    const ex = exchange([hop('PUT', `${API}/api/s1/main`, {})]);
    const patched = applyFix(put, ex, analysis);
    expect(patched).toEqual({ ok: true, steps: { main: {
      preflight: { status: 204, headers: [['Allow', 'GET, HEAD, POST'], ...(analysis.fix.preflight ?? []).map((x) => [x.name, x.value])] },
      response: { status: 200, headers: (analysis.fix.response ?? []).map((x) => [x.name, x.value]) },
    } } });
  });

  test('the hop the reason names picks the step', () => {
    const scenario: Scenario = { ...put, steps: { main: { response: redirect(302, '{api}{self}/final', allowPage) }, final: { response: ok() } } };
    const sent = { Origin: PAGE, 'Sec-Fetch-Mode': 'cors' };
    const ex = exchange([
      hop('GET', `${API}/api/s1/main`, sent, 302, { Location: `${API}/api/s1/final`, 'Access-Control-Allow-Origin': PAGE }),
      hop('GET', `${API}/api/s1/final`, sent, 200),
    ]);
    const analysis = analyzeExchange(ex);
    expect(analysis.reasons[0]?.hop).toBe(1);
    const patched = applyFix(scenario, ex, analysis);
    expect(patched.ok && patched.steps['final']?.response.headers).toEqual([['Access-Control-Allow-Origin', PAGE], ['Vary', 'Origin']]);
    expect(patched.ok && patched.steps['main']).toEqual(scenario.steps['main']);
  });

  test('a hop outside the scenario is an error, not a silent no-op', () => {
    const ex = exchange([hop('PUT', `${API}/api/other/main`, {})]);
    expect(applyFix(put, ex, blockedPut())).toEqual({ ok: false, error: 'hop 0 is not a step of s1' });
  });
});

test.each([
  [main(ok(allowPage)), false],
  [main(ok(['Access-Control-Allow-Origin', '*'])), true],
  [main(ok(allowPage), preflightOk(['access-control-allow-origin', '{origin}'])), true],
])('allowsAnyOrigin %#', (steps, expected) => {
  expect(allowsAnyOrigin(steps)).toBe(expected);
});

describe('fixProblems flags anything wider than the exchange needs', () => {
  const facts: SafetyFacts = { pageOrigin: PAGE, credentialed: true, method: 'PUT', requestHeaders: ['x-a'], existingMethods: ['GET'], existingHeaders: [] };
  const good = [h('Access-Control-Allow-Origin', PAGE), h('Access-Control-Allow-Credentials', 'true'), h('Access-Control-Allow-Methods', 'GET, PUT'), h('Access-Control-Allow-Headers', 'x-a'), h('Vary', 'Origin')];
  const swap = (name: string, value: string) => [...good.filter((x) => x.name !== name), h(name, value)];
  test.each<[string, Fix['preflight'], string[]]>([
    ['minimal', good, []],
    ['wildcard origin with credentials', swap('Access-Control-Allow-Origin', '*'), ["preflight: '*' with credentials", 'preflight: credentialed but origin is *']],
    ['null origin', swap('Access-Control-Allow-Origin', 'null'), ['preflight: allows the null origin', 'preflight: allows null, not the page origin', 'preflight: credentialed but origin is null']],
    ['another origin', swap('Access-Control-Allow-Origin', 'http://evil.test'), ['preflight: allows http://evil.test, not the page origin', 'preflight: credentialed but origin is http://evil.test']],
    ['no Vary', good.filter((x) => x.name !== 'Vary'), ['preflight: names an origin without Vary: Origin']],
    ['extra method', swap('Access-Control-Allow-Methods', 'GET, PUT, DELETE'), ['preflight: adds method DELETE']],
    ['extra header', swap('Access-Control-Allow-Headers', 'x-a, authorization'), ['preflight: adds header authorization']],
    ['wildcard headers with credentials', swap('Access-Control-Allow-Headers', '*'), ['preflight: adds header *', 'preflight: Allow-Headers * with credentials']],
  ])('%s', (_n, set, problems) => {
    expect(fixProblems({ preflight: set, preflightStatus: null, response: null }, facts)).toEqual(problems);
  });
});

test.each([
  ["  origin: 'http://localhost:1',", []],
  ['  origin: true,', ['JS cors options reflect or wildcard the origin']],
  ["  origin: '*',", ['JS cors options reflect or wildcard the origin']],
  ['add_header Access-Control-Allow-Origin $http_origin always;', ['nginx reflects $http_origin']],
  ['add_header Access-Control-Allow-Origin "*" always;', ['Allow-Origin *']],
  ["allow_origins=['null'],", ['allows the null origin']],
])('configProblems(%j)', (config, problems) => {
  expect(configProblems(config)).toEqual(problems);
});

test('credentials builders are what the catalogue uses', () => {
  expect(allowCredentials).toEqual(['Access-Control-Allow-Credentials', 'true']);
});
