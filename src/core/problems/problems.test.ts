import { describe, expect, test } from 'vitest';
import { analyzeExchange } from '../analyze';
import { auditRecording } from '../audit/audit';
import type { Exchange, Hop, Preflight } from '../model';
import { API, exchange, hop, PAGE, preflight } from '../../../test/support/exchange-builders';
import { findProblems, type ProblemInput } from './problems';

const CORS = { Origin: PAGE, 'Sec-Fetch-Mode': 'cors' };
const OTHER_PAGE = 'http://localhost:7000';
let next = 0;
const x = (hops: Hop[], extra: Partial<Exchange> = {}): Exchange => exchange(hops, { id: `x${next++}`, ...extra });
/** A simple request the server answers without Access-Control-Allow-Origin. */
const noAcao = (method: string, url: string, extra: Partial<Exchange> = {}) => x([hop(method, url, CORS, 200, {})], extra);
/** A PUT whose preflight allows the origin; `allowMethods` is the server's Access-Control-Allow-Methods. */
const put = (url: string, allowMethods?: string): Exchange => {
  const pf: Preflight = preflight(url, { 'Access-Control-Request-Method': 'PUT' }, 204, { 'Access-Control-Allow-Origin': PAGE, Vary: 'Origin', ...(allowMethods ? { 'Access-Control-Allow-Methods': allowMethods } : {}) });
  return x([hop('PUT', url, CORS)], { preflights: [pf] });
};
const items = (xs: readonly Exchange[]): ProblemInput[] => xs.map((e) => ({ exchange: e, analysis: analyzeExchange(e) }));
const summary = (xs: readonly Exchange[], audited = false) => {
  const list = items(xs);
  const audit = audited ? auditRecording(list).byExchange : undefined;
  return findProblems(list, audit).map((p) => [p.kind, p.code, p.method, p.endpoint, p.count, p.exchanges]);
};

describe('findProblems groups by cause and endpoint', () => {
  test.each<[string, Exchange[], unknown[]]>([
    ['the same endpoint with different ids folds', [noAcao('GET', `${API}/users/17`), noAcao('GET', `${API}/users/42`)], [['blocked', 'missing-allow-origin', 'GET', `${API}/users/:id`, 2, [0, 1]]]],
    ['ids in the query string fold (the query is not part of the endpoint)', [noAcao('GET', `${API}/search?page=1`), noAcao('GET', `${API}/search?page=2&id=9f86d081884c7d65`)], [['blocked', 'missing-allow-origin', 'GET', `${API}/search`, 2, [0, 1]]]],
    ['hashes and UUIDs in segments fold', [noAcao('GET', `${API}/files/9f86d081884c7d659a2feaa0c55ad015/meta`), noAcao('GET', `${API}/files/123e4567-e89b-12d3-a456-426614174000/meta`)], [['blocked', 'missing-allow-origin', 'GET', `${API}/files/:id/meta`, 2, [0, 1]]]],
    ['different routes do not fold', [noAcao('GET', `${API}/users/17`), noAcao('GET', `${API}/orders/17`)], [
      ['blocked', 'missing-allow-origin', 'GET', `${API}/users/:id`, 1, [0]],
      ['blocked', 'missing-allow-origin', 'GET', `${API}/orders/:id`, 1, [1]],
    ]],
    ['different methods do not fold', [noAcao('GET', `${API}/users/17`), noAcao('POST', `${API}/users/42`)], [
      ['blocked', 'missing-allow-origin', 'GET', `${API}/users/:id`, 1, [0]],
      ['blocked', 'missing-allow-origin', 'POST', `${API}/users/:id`, 1, [1]],
    ]],
    ['different initiator origins do not fold', [noAcao('GET', `${API}/users/17`), x([hop('GET', `${API}/users/42`, { ...CORS, Origin: OTHER_PAGE }, 200, {})], { initiatorOrigin: OTHER_PAGE })], [
      ['blocked', 'missing-allow-origin', 'GET', `${API}/users/:id`, 1, [0]],
      ['blocked', 'missing-allow-origin', 'GET', `${API}/users/:id`, 1, [1]],
    ]],
    ['different reasons do not fold', [noAcao('GET', `${API}/users/17`), x([hop('GET', `${API}/users/42`, CORS, 200, { 'Access-Control-Allow-Origin': 'https://elsewhere.test', Vary: 'Origin' })])], [
      ['blocked', 'missing-allow-origin', 'GET', `${API}/users/:id`, 1, [0]],
      ['blocked', 'allow-origin-mismatch', 'GET', `${API}/users/:id`, 1, [1]],
    ]],
    ['the same fix folds', [put(`${API}/items/1`), put(`${API}/items/2`)], [['blocked', 'method-not-allowed', 'PUT', `${API}/items/:id`, 2, [0, 1]]]],
    ['a changing fix splits the group', [put(`${API}/items/1`), put(`${API}/items/2`, 'PATCH'), put(`${API}/items/3`)], [
      ['blocked', 'method-not-allowed', 'PUT', `${API}/items/:id`, 2, [0, 2]],
      ['blocked', 'method-not-allowed', 'PUT', `${API}/items/:id`, 1, [1]],
    ]],
    ['an allowed exchange without problems has none', [x([hop('GET', `${API}/ok/1`, CORS, 200, { 'Access-Control-Allow-Origin': '*' })])], []],
  ])('%s', (_name, xs, expected) => {
    expect(summary(xs)).toEqual(expected);
  });
});

describe('warnings and security findings', () => {
  const noVary = (url: string) => x([hop('GET', url, CORS, 200, { 'Access-Control-Allow-Origin': PAGE })]);

  test.each<[string, boolean, unknown[]]>([
    ['without the audit, a warning', false, [['warning', 'allow-origin-without-vary', 'GET', `${API}/users/:id`, 2, [0, 1]]]],
    // The audit lifts the analyzer's warning into a finding with attack and fix: it counts once, as the finding.
    ['with the audit, the finding replaces the warning', true, [['security', 'allow-origin-without-vary', 'GET', `${API}/users/:id`, 2, [0, 1]]]],
  ])('%s', (_name, audited, expected) => {
    expect(summary([noVary(`${API}/users/1`), noVary(`${API}/users/2`)], audited)).toEqual(expected);
  });

  test('a security problem carries the advice as its fix and the attack', () => {
    const list = items([noVary(`${API}/a`)]);
    const [problem] = findProblems(list, auditRecording(list).byExchange);
    expect(problem?.fix.note).toMatch(/Vary: Origin/);
    expect(problem?.attack).toMatch(/cache/);
  });
});

describe('ids', () => {
  test('a problem keeps its id as traffic arrives and its row numbers follow the list', () => {
    const before = findProblems(items([noAcao('GET', `${API}/users/1`)]));
    const after = findProblems(items([put(`${API}/items/1`), noAcao('GET', `${API}/users/2`), noAcao('GET', `${API}/users/3`)]));
    const users = after.find((p) => p.endpoint === `${API}/users/:id`);
    expect(before[0]?.id).toMatch(/^p-[0-9a-f]{12}$/);
    expect(users?.id).toBe(before[0]?.id);
    expect(users?.exchanges).toEqual([1, 2]);
    expect(new Set(after.map((p) => p.id)).size).toBe(after.length);
  });

  test('a blocked problem is listed before warnings, then by count', () => {
    const list = findProblems(items([x([hop('GET', `${API}/v`, CORS, 200, { 'Access-Control-Allow-Origin': PAGE })]), noAcao('GET', `${API}/a`), noAcao('GET', `${API}/b/1`), noAcao('GET', `${API}/b/2`)]));
    expect(list.map((p) => [p.severity, p.count])).toEqual([['error', 2], ['error', 1], ['low', 1]]);
  });
});
