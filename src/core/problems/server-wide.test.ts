import { describe, expect, test } from 'vitest';
import { analyzeExchange } from '../analyze';
import { auditRecording } from '../audit/audit';
import type { Exchange } from '../model';
import { API, exchange, hop, PAGE } from '../../../test/support/exchange-builders';
import { findProblems } from './problems';

const CORS = { Origin: PAGE, 'Sec-Fetch-Mode': 'cors' };
const OTHER_API = 'http://localhost:9100';
let next = 0;
const noVary = (method: string, url: string): Exchange => exchange([hop(method, url, CORS, 200, { 'Access-Control-Allow-Origin': PAGE })], { id: `s${next++}` });
const missing = (url: string): Exchange => exchange([hop('GET', url, CORS, 200, {})], { id: `s${next++}` });

const summary = (xs: readonly Exchange[], audited: boolean) => {
  const items = xs.map((x) => ({ exchange: x, analysis: analyzeExchange(x) }));
  return findProblems(items, audited ? auditRecording(items).byExchange : undefined).map((p) => [p.kind, p.code, p.endpoint, p.endpoints, p.count]);
};

describe('a fix that is a server setting is one problem per server, listing its endpoints', () => {
  test.each<[string, boolean]>([['as analyzer warnings', false], ['as audit findings', true]])('a missing Vary: Origin at three routes of one server, %s', (_name, audited) => {
    const kind = audited ? 'security' : 'warning';
    expect(summary([noVary('GET', `${API}/a`), noVary('POST', `${API}/b/1`), noVary('GET', `${API}/b/2`), noVary('POST', `${API}/c`)], audited)).toEqual([
      [kind, 'allow-origin-without-vary', `${API}/a`, [`${API}/a`, `${API}/b/:id`, `${API}/c`], 4],
    ]);
  });

  test('two servers are two problems', () => {
    expect(summary([noVary('GET', `${API}/a`), noVary('GET', `${OTHER_API}/a`)], true)).toEqual([
      ['security', 'allow-origin-without-vary', `${API}/a`, [`${API}/a`], 1],
      ['security', 'allow-origin-without-vary', `${OTHER_API}/a`, [`${OTHER_API}/a`], 1],
    ]);
  });

  test('blocked exchanges stay per endpoint (their fixes differ), each with its one endpoint', () => {
    expect(summary([missing(`${API}/a`), missing(`${API}/b`)], true)).toEqual([
      ['blocked', 'missing-allow-origin', `${API}/a`, [`${API}/a`], 1],
      ['blocked', 'missing-allow-origin', `${API}/b`, [`${API}/b`], 1],
    ]);
  });
});

test('a worse severity at some routes is its own server-wide problem', () => {
  // /me answers each Origin its own value without Vary: the audit rates that medium (endpoint-audit.ts).
  const OTHER_PAGE = 'http://localhost:7000';
  const echo = (page: string) => exchange([hop('GET', `${API}/me`, { ...CORS, Origin: page }, 200, { 'Access-Control-Allow-Origin': page })], { id: `s${next++}`, initiatorOrigin: page });
  const items = [echo(PAGE), echo(OTHER_PAGE), noVary('GET', `${API}/a`), noVary('GET', `${API}/b`)].map((x) => ({ exchange: x, analysis: analyzeExchange(x) }));
  const vary = findProblems(items, auditRecording(items).byExchange).filter((p) => p.code === 'allow-origin-without-vary' && p.initiatorOrigin === PAGE);
  expect(vary.map((p) => [p.severity, p.endpoints])).toEqual([
    ['medium', [`${API}/me`]],
    ['low', [`${API}/a`, `${API}/b`]],
  ]);
});
