// Every fixture recorded in real Chromium and Firefox (test/fixtures), through the HAR reader, the
// analyzer and the cause: exactly these get a cause, every other exchange (all the allowed ones,
// a 404 or 500 with CORS headers, the plain header mistakes) gets none.

import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { analyzeHarText } from '../har/analyze-har';

const root = new URL('../../../test/fixtures/', import.meta.url);

const EXPECTED: Readonly<Record<string, string>> = {
  'chromium/preflight-no-options-handler': 'preflight-unhandled OPTIONS 405 · no OPTIONS route',
  'chromium/preflight-status-404': 'preflight-unhandled OPTIONS 404 · no OPTIONS route',
  'chromium/preflight-status-500': 'error-response OPTIONS 500 · server error',
  'chromium/private-network-from-public-document': 'private-network local network access',
  'chromium/simple-get-status-404-no-cors-headers': 'error-response 404 · no CORS on errors',
  // WPT fetch/api/cors/cors-preflight-status.any.js: a preflight answered 401 or 501.
  'chromium/wpt-preflight-status-401': 'preflight-auth OPTIONS 401 · auth before CORS',
  'chromium/wpt-preflight-status-501': 'preflight-unhandled OPTIONS 501 · no OPTIONS route',
  // The scenario server has no OPTIONS route for this one: the unsafe quote makes a preflight.
  'chromium/wpt-safelist-content-type-unsafe-quote': 'preflight-unhandled OPTIONS 405 · no OPTIONS route',
  'firefox/preflight-no-options-handler': 'preflight-unhandled OPTIONS 405 · no OPTIONS route',
  'firefox/preflight-status-404': 'preflight-unhandled OPTIONS 404 · no OPTIONS route',
  'firefox/preflight-status-500': 'error-response OPTIONS 500 · server error',
  'firefox/simple-get-status-404-no-cors-headers': 'error-response 404 · no CORS on errors',
  'firefox/wpt-preflight-status-401': 'preflight-auth OPTIONS 401 · auth before CORS',
  'firefox/wpt-preflight-status-501': 'preflight-unhandled OPTIONS 501 · no OPTIONS route',
  'firefox/wpt-safelist-content-type-unsafe-quote': 'preflight-unhandled OPTIONS 405 · no OPTIONS route',
  // Firefox preflights the GET that follows the 303 too (Chromium does not), and nothing answers that OPTIONS.
  'firefox/wpt-redirect-preflight-303-put': 'preflight-unhandled OPTIONS 405 · no OPTIONS route',
};

function fixtures(): [string, string][] {
  return ['chromium', 'firefox'].flatMap((b) => readdirSync(new URL(`${b}/`, root)).filter((n) => n.endsWith('.har')).sort().map((n): [string, string] => [`${b}/${n.replace(/\.har$/, '')}`, readFileSync(new URL(`${b}/${n}`, root), 'utf8')]));
}

describe('causes in the real-browser fixtures', () => {
  const all = fixtures();

  test('there are fixtures from both browsers', () => {
    expect(all.length).toBeGreaterThan(100);
  });

  test.each(all)('%s', (id, text) => {
    const result = analyzeHarText(text);
    if (!result.ok) throw new Error(result.error);
    const causes = result.exchanges.filter((x) => x.cause).map((x) => `${x.cause?.code} ${x.cause?.tag}`);
    expect(causes).toEqual(EXPECTED[id] ? [EXPECTED[id]] : []);
    for (const x of result.exchanges) if (x.analysis.verdict === 'allowed') expect(x.cause).toBeNull();
  });
});
