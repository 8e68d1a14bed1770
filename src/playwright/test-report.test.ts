// What the fixture says at the end of a test, from CDP events recorded in Chromium
// (test/fixtures/cdp): when it fails the test and with what message, what it leaves out.

import { describe, expect, test } from 'vitest';
import { cdpFixture, replay } from '../../test/support/cdp-fixtures';
import type { CorsLensOptions } from './index';
import type { CdpExchange } from '../core/cdp/cdp-exchanges';
import { ignoredBy, testReport } from './test-report';

/** Every exchange of these scenarios' recordings (each a page of its own), oldest first. */
const recorded = (...scenarios: string[]): CdpExchange[] => scenarios.flatMap((s) => replay(cdpFixture(s).events).exchanges());

describe('testReport', () => {
  test.each<[string, string[], CorsLensOptions, RegExp | null]>([
    ['allowed: no failure', ['simple-get-exact-origin', 'preflight-put-allowed'], {}, null],
    [
      'blocked: the reason, the URL and the page, then the headers to send',
      ['simple-get-exact-origin', 'simple-get-missing-allow-origin'],
      {},
      /^CORS Lens: 1 of 2 cross-origin requests blocked\n\nMissingAllowOriginHeader: GET http:\/\/localhost:\d+\/api\/simple-get-missing-allow-origin\/main from (http:\/\/localhost:\d+)\n {2}The response has no Access-Control-Allow-Origin header[^\n]*\n {2}The server must send:\n {4}response must carry:\n {6}Access-Control-Allow-Origin: \1\n {6}Vary: Origin$/,
    ],
    ['refused at the preflight: the header at fault', ['preflight-header-not-allowed'], {}, /^CORS Lens: 1 of 1 cross-origin requests blocked\n\nHeaderDisallowedByPreflightResponse \(x-custom\): GET /],
    ['a preflight answered 404: its cause leads', ['preflight-status-404'], {}, /\n\nOPTIONS 404 · no OPTIONS route: PreflightInvalidStatus: PUT [^\n]*\n[^]*\n {2}cause: OPTIONS 404[^]*preflight \(OPTIONS\) response status: 204/],
    ['failOn never', ['simple-get-missing-allow-origin'], { failOn: 'never' }, null],
    ['ignored by a glob', ['simple-get-missing-allow-origin'], { ignore: ['http://localhost:*/api/simple-get-missing-*'] }, null],
    ['ignored by a RegExp', ['simple-get-missing-allow-origin'], { ignore: [/missing-allow-origin/g] }, null],
    ['failOn warning: an allowed call without Vary: Origin', ['simple-get-exact-origin'], { failOn: 'warning' }, /^CORS Lens: 1 of 1 cross-origin requests with warnings\n\nwarning: GET [^\n]*\n {2}allow-origin-without-vary: /],
    ['failOn warning: a block still leads', ['simple-get-exact-origin', 'simple-get-missing-allow-origin'], { failOn: 'warning' }, /^CORS Lens: 1 of 2 cross-origin requests blocked\n\nMissingAllowOriginHeader[^]*\n\nwarning: GET /],
  ])('%s', (_, scenarios, options, failure) => {
    const report = testReport(recorded(...scenarios), options);
    if (failure === null) expect(report.failure).toBeNull();
    else expect(report.failure).toMatch(failure);
  });

  test('cors-lens.json is the --json document of the cross-origin exchanges that are not ignored', () => {
    const report = testReport(recorded('simple-get-exact-origin', 'simple-get-missing-allow-origin'), { ignore: ['*/simple-get-exact-origin/*'] });
    const json = JSON.parse(report.json) as { exchanges: { url: string; verdict: string; crossOrigin: boolean }[]; problems: unknown[] };
    expect(json.exchanges.map((x) => [x.url.replace(/:\d+/, ''), x.verdict, x.crossOrigin])).toEqual([['http://localhost/api/simple-get-missing-allow-origin/main', 'blocked', true]]);
    expect(json.problems).toHaveLength(1);
  });

  test('secret values are redacted from the message and both attachments; ignore patterns see the real URL', () => {
    const withToken = recorded('simple-get-missing-allow-origin').map((r) => ({
      ...r,
      exchange: { ...r.exchange, hops: r.exchange.hops.map((h) => ({ ...h, request: { ...h.request, url: `${h.request.url}?access_token=s3cr3t-t0ken&page=2` } })) },
    }));
    const report = testReport(withToken);
    for (const text of [report.json, report.markdown, report.failure ?? '']) {
      expect(text).not.toContain('s3cr3t');
      expect(text).toContain('access_token=redacted&page=2');
    }
    expect(testReport(withToken, { ignore: ['*access_token=s3cr3t-t0ken*'] }).failure).toBeNull();
  });

  test('the summary counts what it left out', () => {
    const report = testReport(recorded('simple-get-missing-allow-origin', 'simple-get-exact-origin'), { ignore: ['*/simple-get-exact-origin/*'] }, 2);
    expect(report.markdown).toMatch(/^## CORS Lens\n\n1 blocked · 0 preflighted · 1 simple · 8 same-origin skipped · 1 ignored \(`corsLens.ignore`\) · 2 still in flight when the test ended, not analysed\n/);
    expect(report.markdown).toContain('| blocked | `GET` | `http://localhost:');
  });
});

test.each<[string, (string | RegExp)[], boolean]>([
  ['http://localhost:4000/api/health', ['*/api/health'], true],
  ['http://localhost:4000/api/health?x=1', ['*/api/health'], false],
  ['http://localhost:4000/api/health?x=1', ['*/api/health*'], true],
  ['https://cdn.example/a.js', ['https://cdn.example/*'], true],
  ['https://cdn.example.evil/a.js', ['https://cdn.example/*'], false],
  ['http://x.test/a+b(c)', ['http://x.test/a+b(c)'], true],
  ['http://x.test/anything', [/x\.test/g], true],
  ['http://x.test/anything', [], false],
])('ignoredBy: %s with %j → %s', (url, patterns, ignored) => {
  const ignore = ignoredBy(patterns);
  // Twice: a global RegExp's lastIndex must not make the second answer differ.
  expect([ignore(url), ignore(url)]).toEqual([ignored, ignored]);
});
