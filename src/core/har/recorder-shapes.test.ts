// How the HARs of Playwright and of CDP-based recorders (Chrome DevTools, chrome-har, Browsertime,
// Puppeteer-based tools) read, field by field: what each shape of a failed or completed request
// gives. The real recordings are in test/fixtures/playwright and the real-world HAR files
// `test/fixtures/realworld.test.ts` reads.

import { describe, expect, test } from 'vitest';
import { API, har, PAGE, type EntrySpec } from '../../../test/har-samples/build-har';
import { analyzeHarJson, type AnalyzedExchange } from './analyze-har';

const PLAYWRIGHT = { creator: { name: 'Playwright', version: '1.65.2' }, browser: { name: 'chromium', version: '156.0.8078.129' }, pages: [{ id: 'page@1', title: 'Shop', startedDateTime: '', pageTimings: {} }] };
const CHROME = { creator: { name: 'WebInspector', version: '537.36' }, pages: [{ id: 'page_1', title: `${PAGE}/`, startedDateTime: '', pageTimings: {} }] };
const CHROME_HAR = { creator: { name: 'chrome-har', version: '0.5.0' }, pages: [{ id: 'page_1', title: 'Shop run 1', startedDateTime: '', pageTimings: {} }] };

const document = (extra: Record<string, unknown>): EntrySpec => ({ url: `${PAGE}/`, responseHeaders: { 'Content-Type': 'text/html' }, extra });
const playwrightDocument = document({ pageref: 'page@1', _frameref: 'frame@1', _resourceType: 'document' });

/** Playwright's entry for a request Chromium failed: status -1, `_failureText`, provisional headers. */
function playwrightFailed(type: string, failureText: string, method = 'GET', headers: Record<string, string> = { Referer: `${PAGE}/` }): EntrySpec {
  return { method, url: `${API}/x`, at: 1, status: -1, headers, responseExtra: { _failureText: failureText, _transferSize: -1 }, extra: { pageref: 'page@1', _frameref: 'frame@1', _resourceType: type } };
}

const wire = (origin: string, extra: Record<string, string> = {}) => ({ Origin: origin, Host: 'localhost:5678', 'Sec-Fetch-Mode': 'cors', 'Sec-Fetch-Site': 'same-site', ...extra });

function analyzed(entries: readonly EntrySpec[], log: Record<string, unknown>): AnalyzedExchange {
  const result = analyzeHarJson(har(entries, log));
  if (!result.ok) throw new Error(result.error);
  return result.exchanges.at(-1) as AnalyzedExchange;
}

interface Expected {
  readonly verdict: string;
  readonly initiator?: string | null;
  readonly reason?: string;
  readonly warning?: RegExp;
}

describe('Playwright and CDP-based HAR shapes', () => {
  test.each<[string, EntrySpec[], Record<string, unknown>, Expected]>([
    ['Playwright: a fetch failed with net::ERR_FAILED and no response is a CORS block it cannot explain',
      [playwrightDocument, playwrightFailed('fetch', 'net::ERR_FAILED')], PLAYWRIGHT, { verdict: 'blocked', initiator: PAGE, reason: 'failure-not-recorded' }],
    ['Playwright: the same for an XHR that needed a preflight (none is ever written)',
      [playwrightDocument, playwrightFailed('xhr', 'net::ERR_FAILED', 'PUT')], PLAYWRIGHT, { verdict: 'blocked', reason: 'failure-not-recorded' }],
    ['Playwright: without a Referer, the page is the frame\'s document (_frameref)',
      [playwrightDocument, playwrightFailed('fetch', 'net::ERR_FAILED', 'GET', {})], PLAYWRIGHT, { verdict: 'blocked', initiator: PAGE, reason: 'failure-not-recorded' }],
    ['Playwright: a refused connection is a network failure, never a CORS verdict',
      [playwrightDocument, playwrightFailed('fetch', 'net::ERR_CONNECTION_REFUSED')], PLAYWRIGHT, { verdict: 'unknown', initiator: PAGE }],
    ['Playwright: a completed PUT without its preflight is allowed; the missing preflight is Playwright\'s',
      [playwrightDocument, { method: 'PUT', url: `${API}/x`, at: 1, headers: wire(PAGE), responseHeaders: { 'Access-Control-Allow-Origin': PAGE }, extra: { pageref: 'page@1', _frameref: 'frame@1', _resourceType: 'fetch' } }],
      PLAYWRIGHT, { verdict: 'allowed', initiator: PAGE, warning: /Playwright's HAR records no preflights/ }],
    ['Chrome DevTools: status 0 with _error net::ERR_FAILED, no preflight recorded: blocked by the browser\'s word',
      [document({ pageref: 'page_1', _resourceType: 'document' }), { url: `${API}/x`, at: 1, status: 0, headers: { Origin: PAGE }, responseExtra: { _error: 'net::ERR_FAILED' }, extra: { pageref: 'page_1', _resourceType: 'fetch' } }],
      CHROME, { verdict: 'blocked', initiator: PAGE, reason: 'browser-reported-error' }],
    ['chrome-har: a string _initiator (the script on a CDN) is not the page; the Origin header is',
      [document({ pageref: 'page_1' }), { url: `${API}/x`, at: 1, headers: wire(PAGE), responseHeaders: { 'Access-Control-Allow-Origin': '*' }, extra: { pageref: 'page_1', _initiator: 'https://cdn.test/app.js', _initiator_type: 'script', _initiator_line: '3' } }],
      CHROME_HAR, { verdict: 'allowed', initiator: PAGE }],
    ['chrome-har: without Origin or Referer, the page is its first HTML document',
      [document({ pageref: 'page_1' }), { url: `${API}/x.png`, at: 1, headers: { Host: 'localhost:5678' }, extra: { pageref: 'page_1', _initiator: 'https://cdn.test/a.css', _initiator_type: 'parser' } }],
      CHROME_HAR, { verdict: 'allowed', initiator: PAGE }],
  ])('%s', (_name, entries, log, expected) => {
    const x = analyzed(entries, log);
    expect(x.analysis.verdict).toBe(expected.verdict);
    if (expected.initiator !== undefined) expect(x.exchange.initiatorOrigin).toBe(expected.initiator);
    expect(x.analysis.reasons[0]?.code).toBe(expected.reason);
    if (expected.reason === undefined) expect(x.analysis.fix.preflight ?? x.analysis.fix.response).toBeNull();
    if (expected.warning) expect(x.analysis.warnings.map((w) => w.message).join('\n')).toMatch(expected.warning);
  });
});
