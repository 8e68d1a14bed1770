// The analyzer must never throw, whatever the record holds: header names and values from hostile
// servers, any status, any URL, any mix of hops and preflights.

import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { analyzeExchange, isCrossOrigin } from './analyze';
import { auditRecording } from './audit/audit';
import { findCause } from './cause/find-cause';
import { buildRecordingContext } from './cause/recording-context';
import { findProblems } from './problems/problems';
import type { Exchange, Header, Hop, Preflight } from './model';
import { withRecordingEvidence } from './recording-evidence';

const CORS_NAMES = [
  'Access-Control-Allow-Origin', 'Access-Control-Allow-Credentials', 'Access-Control-Allow-Methods',
  'Access-Control-Allow-Headers', 'Access-Control-Max-Age', 'Access-Control-Expose-Headers', 'Vary', 'Location',
  'Origin', 'Cookie', 'Sec-Fetch-Mode', 'Content-Type', 'Range', 'Accept', 'Authorization',
  'Access-Control-Request-Method', 'Access-Control-Request-Headers',
];
const ORIGINS = ['http://localhost:8000', 'http://localhost:9000', 'http://127.0.0.1:9000', 'null', '*', 'https://a.test'];

const name = fc.oneof(fc.constantFrom(...CORS_NAMES), fc.string(), fc.string({ unit: 'binary' }));
const value = fc.oneof(fc.constantFrom(...ORIGINS, 'true', 'TRUE', 'GET, PUT', '*', '', ' , ,', 'bytes=0-', '9'.repeat(400)), fc.string(), fc.string({ unit: 'binary', maxLength: 300 }));
const headers: fc.Arbitrary<Header[]> = fc.array(fc.record({ name, value }), { maxLength: 12 });
const url = fc.oneof(fc.constantFrom('http://localhost:9000/x', 'http://localhost:8000/y', 'http://u:p@localhost:9001/', 'data:,x', 'not a url', ''), fc.webUrl(), fc.string());
const status = fc.oneof(fc.constantFrom(0, 200, 204, 299, 301, 302, 303, 304, 307, 308, 404, 500), fc.integer(), fc.double());
const method = fc.oneof(fc.constantFrom('GET', 'POST', 'PUT', 'patch', 'DELETE', 'OPTIONS', ''), fc.string());
// Some answered by the browser's cache, with or without the stored copy (cache/stored-responses.ts).
const response = fc.option(
  fc.record({ status, headers, fromCache: fc.option(fc.constant(true as const), { nil: undefined }), cachedCopy: fc.option(fc.record({ status, headers }), { nil: undefined }) })
    .map(({ fromCache, cachedCopy, ...r }) => ({ ...r, ...(fromCache ? { fromCache } : {}), ...(cachedCopy ? { cachedCopy } : {}) })),
  { nil: undefined },
);
const hop: fc.Arbitrary<Hop> = fc.record({ request: fc.record({ method, url, headers }), response }).map((h) => (h.response ? h : { request: h.request }));
const preflight: fc.Arbitrary<Preflight> = fc.record({ request: fc.record({ method: fc.constant('OPTIONS'), url, headers }), response, error: fc.option(fc.string(), { nil: undefined }) })
  .map(({ request, response: r, error }) => ({ request, ...(r ? { response: r } : {}), ...(error === undefined ? {} : { error }) }));

const exchange: fc.Arbitrary<Exchange> = fc.record({
  id: fc.string(),
  initiatorOrigin: fc.oneof(fc.constantFrom(...ORIGINS), fc.string(), fc.constant(null)),
  hops: fc.array(hop, { maxLength: 5 }),
  preflights: fc.array(preflight, { maxLength: 3 }),
  startedAt: fc.integer(),
}).chain((base) => fc.record({
  error: fc.option(fc.constantFrom('net::ERR_FAILED', 'NS_ERROR_DOM_BAD_URI', 'net::ERR_ABORTED'), { nil: undefined }),
  mode: fc.option(fc.constantFrom('cors', 'no-cors', 'navigate', 'same-origin', 'websocket' as const), { nil: undefined }),
  browser: fc.option(fc.constantFrom('chromium', 'firefox' as const), { nil: undefined }),
  resourceType: fc.option(fc.constantFrom('xmlhttprequest', 'image', 'script', 'main_frame'), { nil: undefined }),
}).map((extra) => {
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(extra)) if (v !== undefined) out[k] = v;
  return out as unknown as Exchange;
}));

describe('analyzeExchange is total', () => {
  test('never throws and always answers with a known type and verdict', () => {
    fc.assert(fc.property(exchange, (ex) => {
      const a = analyzeExchange(ex);
      expect(['simple', 'preflighted', 'no-cors', 'same-origin']).toContain(a.type);
      expect(['allowed', 'blocked', 'unknown']).toContain(a.verdict);
      // A block always says why; only blocks and undecided cases carry reasons.
      if (a.verdict === 'blocked') expect(a.reasons.length).toBeGreaterThan(0);
      if (a.verdict === 'allowed') expect(a.reasons).toHaveLength(0);
      if (a.verdict === 'unknown') expect(a.dependsOn).toBeTruthy();
      isCrossOrigin(ex);
    }), { numRuns: 3000 });
  }, 60_000);

  test('is deterministic and does not mutate its input', () => {
    fc.assert(fc.property(exchange, (ex) => {
      const before = JSON.stringify(ex);
      expect(JSON.stringify(analyzeExchange(ex))).toBe(JSON.stringify(analyzeExchange(ex)));
      expect(JSON.stringify(ex)).toBe(before);
    }), { numRuns: 500 });
  }, 60_000);
});

describe('the problems of any analyses (src/core/problems)', () => {
  test('never throw; each blocked exchange is in exactly one blocked problem; counts and indices agree', () => {
    fc.assert(fc.property(fc.array(exchange, { maxLength: 8 }).map(withRecordingEvidence), (exchanges) => {
      const context = buildRecordingContext(exchanges);
      const items = exchanges.map((ex) => {
        const analysis = analyzeExchange(ex);
        return { exchange: ex, analysis, cause: findCause(ex, analysis, context) };
      });
      const problems = findProblems(items, auditRecording(items).byExchange);
      const blocked = items.flatMap((x, i) => (x.analysis.verdict === 'blocked' ? [i] : []));
      expect(problems.filter((p) => p.kind === 'blocked').flatMap((p) => p.exchanges).sort((a, b) => a - b)).toEqual(blocked);
      for (const p of problems) {
        expect(p.count).toBe(p.exchanges.length);
        expect(p.exchanges.every((i) => i >= 0 && i < items.length)).toBe(true);
        expect(p.id).toMatch(/^p-[0-9a-f]{12}$/);
      }
      expect(new Set(problems.map((p) => p.id)).size).toBe(problems.length);
    }), { numRuns: 500 });
  }, 60_000);
});
