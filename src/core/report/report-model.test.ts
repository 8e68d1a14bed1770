import { describe, expect, test } from 'vitest';
import { API, PAGE } from '../../../test/support/exchange-builders';
import { REDACTED } from '../redact';
import { snippetById } from '../snippets/registry';
import { buildReport } from './report-model';
import { ALL, ALLOWED, BLOCKED, BLOCKED_SAME_ENDPOINT, HOSTILE_ITEM, SECRET_COOKIE, SECRET_PASSWORD, UNKNOWN } from '../../../test/support/report-items';

describe('buildReport', () => {
  test('each failing endpoint once: same origin, method and folded path are one group; the query is dropped', () => {
    const report = buildReport(ALL);
    expect(report.endpoints.map((e) => [e.method, e.endpoint, e.count])).toEqual([
      ['GET', `${API}/users/:id`, 2],
      ['PUT', 'http://localhost:9000/h', 1], // the origin drops any userinfo
    ]);
    expect(report.endpoints[0]?.urls).toEqual([`${API}/users/17?full=1`, `${API}/users/42`]);
    expect(report.counts).toEqual({ crossOrigin: 5, allowed: 1, blocked: 3, unknown: 1 });
  });

  test.each([
    ['blocked', [BLOCKED], 1],
    ['allowed', [ALLOWED], 0],
    ['unknown', [UNKNOWN], 0],
    ['hostile', [HOSTILE_ITEM], 1],
  ] as const)('%s exchange: %i failing endpoint(s)', (_label, items, endpoints) => {
    expect(buildReport(items).endpoints).toHaveLength(endpoints);
  });

  test('reason, what was sent and answered, and the fix come from the analysis', () => {
    const [endpoint] = buildReport([BLOCKED]).endpoints;
    expect(endpoint?.initiatorOrigin).toBe(PAGE);
    expect(endpoint?.reasons[0]?.code).toBe('wildcard-origin-with-credentials');
    expect(endpoint?.messages).toEqual([
      {
        label: 'Request',
        method: 'GET',
        url: `${API}/users/17?full=1`,
        requestHeaders: [{ name: 'Origin', value: PAGE }, { name: 'Sec-Fetch-Mode', value: 'cors' }, { name: 'Cookie', value: REDACTED }],
        status: 200,
        responseHeaders: [{ name: 'Access-Control-Allow-Origin', value: '*' }],
      },
    ]);
    expect(endpoint?.fix.response).toEqual(BLOCKED.analysis.fix.response);
    expect(endpoint?.serverFixable).toBe(true);
  });

  test('preflight first, with the headers the page announced kept on the request', () => {
    const [endpoint] = buildReport([HOSTILE_ITEM]).endpoints;
    expect(endpoint?.messages.map((m) => m.label)).toEqual(['Preflight (OPTIONS)', 'Request']);
    expect(endpoint?.messages[1]?.requestHeaders.map((h) => h.name)).toContain('X-Evil');
    expect(endpoint?.messages[0]?.responseHeaders.map((h) => h.name)).toEqual(['Access-Control-Allow-Origin']);
  });

  test.each([
    [true, false],
    [false, true],
  ])('redact %s: secrets present %s', (redact, present) => {
    const text = JSON.stringify(buildReport([BLOCKED, BLOCKED_SAME_ENDPOINT, HOSTILE_ITEM], { redact }));
    expect(text.includes(SECRET_COOKIE)).toBe(present);
    expect(text.includes(SECRET_PASSWORD)).toBe(present);
  });

  test('server configuration for the chosen server, from the snippet registry', () => {
    const nginx = snippetById('nginx');
    const [endpoint] = buildReport([BLOCKED], { snippet: nginx }).endpoints;
    expect(endpoint?.config).toContain('add_header');
    expect(endpoint?.config).toContain(PAGE);
    expect(buildReport([BLOCKED]).endpoints[0]?.config).toBeNull();
  });
});
