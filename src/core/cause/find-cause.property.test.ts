// Whatever the record holds, naming the cause never throws, never changes the analysis, and never
// gives an allowed exchange a cause; its configuration never throws either. The parts are run
// without findCause's own safety net, so a throw in any of them fails here.

import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { analyzeExchange } from '../analyze';
import type { Exchange, Header, Hop, Preflight } from '../model';
import { SNIPPETS } from '../snippets/registry';
import { snippetInputFor } from '../snippets/snippet-input-for';
import { causeConfig } from './cause-config';
import { findCause } from './find-cause';
import { loginRedirectCause } from './login-redirect';
import { networkCause } from './network-cause';
import { buildRecordingContext } from './recording-context';
import { statusCause } from './status-cause';

const NAMES = ['Access-Control-Allow-Origin', 'Access-Control-Allow-Credentials', 'Access-Control-Expose-Headers', 'Vary', 'Location', 'Origin', 'Content-Type', 'Retry-After', 'Sec-Fetch-Mode', 'Access-Control-Request-Method'];
const VALUES = ['http://localhost:8000', 'null', '*', 'true', 'text/html', '30', 'cors', 'PUT', 'http://sso.localhost:7000/login', '/login', ''];
const header: fc.Arbitrary<Header> = fc.record({ name: fc.oneof(fc.constantFrom(...NAMES), fc.string()), value: fc.oneof(fc.constantFrom(...VALUES), fc.string()) });
const headers = fc.array(header, { maxLength: 8 });
const url = fc.oneof(fc.constantFrom('http://localhost:9000/items/7', 'http://localhost:9000/items/42', 'http://127.0.0.1:7000/login', 'not a url', ''), fc.webUrl(), fc.string());
const status = fc.oneof(fc.constantFrom(0, 200, 204, 302, 401, 403, 404, 405, 407, 429, 500, 501, 502, 503), fc.integer(), fc.double());
const response = fc.option(fc.record({ status, headers }), { nil: undefined });
const hop: fc.Arbitrary<Hop> = fc.record({ request: fc.record({ method: fc.constantFrom('GET', 'PUT', ''), url, headers }), response }).map((h) => (h.response ? h : { request: h.request }));
const ERRORS = ['net::ERR_FAILED', 'net::ERR_CONNECTION_REFUSED', 'net::ERR_BLOCKED_BY_CLIENT', 'NS_ERROR_NET_RESET', 'net::ERR_BLOCKED_BY_LOCAL_NETWORK_ACCESS_CHECKS', 'NS_ERROR_DOM_BAD_URI'];
const preflight: fc.Arbitrary<Preflight> = fc.record({ request: fc.record({ method: fc.constant('OPTIONS'), url, headers }), response, error: fc.option(fc.oneof(fc.constantFrom(...ERRORS), fc.string()), { nil: undefined }) })
  .map(({ request, response: r, error }) => ({ request, ...(r ? { response: r } : {}), ...(error === undefined ? {} : { error }) }));
const exchange: fc.Arbitrary<Exchange> = fc.record({
  id: fc.string(),
  initiatorOrigin: fc.constantFrom('http://localhost:8000', null, 'null'),
  hops: fc.array(hop, { maxLength: 4 }),
  preflights: fc.array(preflight, { maxLength: 2 }),
  startedAt: fc.integer(),
  error: fc.option(fc.oneof(fc.constantFrom(...ERRORS), fc.string()), { nil: undefined }),
  browser: fc.option(fc.constantFrom('chromium', 'firefox' as const), { nil: undefined }),
  initiatorAddressSpace: fc.option(fc.constantFrom('public', 'private', 'local' as const), { nil: undefined }),
}).map((x) => Object.fromEntries(Object.entries(x).filter(([, v]) => v !== undefined)) as unknown as Exchange);

describe('findCause is total', () => {
  test('never throws, leaves the analysis alone, gives allowed exchanges no cause; its configuration never throws', () => {
    fc.assert(
      fc.property(fc.array(exchange, { minLength: 1, maxLength: 4 }), (recording) => {
        const context = buildRecordingContext(recording);
        for (const ex of recording) {
          const analysis = analyzeExchange(ex);
          const before = JSON.stringify(analysis);
          networkCause(ex, analysis);
          loginRedirectCause(ex, analysis);
          statusCause(ex, analysis, context);
          const cause = findCause(ex, analysis, context);
          expect(JSON.stringify(analysis)).toBe(before);
          if (analysis.verdict === 'allowed') expect(cause).toBeNull();
          if (cause) for (const s of SNIPPETS) causeConfig(cause, s.id, snippetInputFor(ex, analysis));
        }
      }),
      { numRuns: 300 },
    );
  });
});
