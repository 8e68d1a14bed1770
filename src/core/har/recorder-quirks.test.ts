// What real recorders write that is not a CORS read, or not the page's: each case in the shape
// its recorder documents (Chrome DevTools' export, Firefox's), built with build-har.

import { describe, expect, test } from 'vitest';
import { API, har, PAGE, type EntrySpec } from '../../../test/har-samples/build-har';
import type { AnalyzedExchange } from './analyze-har';
import { analyzeHarJson } from './analyze-har';

const CHROME_114 = { creator: { name: 'WebInspector', version: '537.36' } };
const CHROME_UA = (major: number) => `Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${major}.0.0.0 Safari/537.36`;
const FIREFOX = { creator: { name: 'Firefox', version: '88.0' }, browser: { name: 'Firefox', version: '88.0' } };
/** Chrome DevTools shows a request that never got a response with status 0 and `_error`. */
const failed = (spec: EntrySpec, error: string): EntrySpec => ({ ...spec, status: 0, responseExtra: { _error: error } });

function analyzed(entries: readonly EntrySpec[], log: Record<string, unknown>): AnalyzedExchange {
  const result = analyzeHarJson(har(entries, log));
  if (!result.ok) throw new Error(result.error);
  return result.exchanges.at(-1) as AnalyzedExchange;
}

interface Expected {
  readonly type?: string;
  readonly verdict: string;
  readonly warnings?: readonly string[];
  readonly dependsOn?: RegExp;
}

describe('recorder quirks', () => {
  test.each<[string, EntrySpec[], Record<string, unknown>, Expected]>([
    ['offline: the preflight failed with net::ERR_INTERNET_DISCONNECTED (no status, no headers) is no CORS verdict', [
      failed({ method: 'OPTIONS', url: `${API}/x`, headers: { Origin: PAGE, 'Access-Control-Request-Method': 'PUT', 'User-Agent': CHROME_UA(114) }, extra: { _resourceType: 'preflight' } }, 'net::ERR_INTERNET_DISCONNECTED'),
      failed({ method: 'PUT', url: `${API}/x`, at: 1, headers: { Origin: PAGE }, extra: { _resourceType: 'fetch' } }, 'net::ERR_INTERNET_DISCONNECTED'),
    ], CHROME_114, { type: 'preflighted', verdict: 'unknown', dependsOn: /network failure, not a CORS decision/ }],
    ['offline, a request that needed a preflight and has none recorded', [
      failed({ method: 'PUT', url: `${API}/x`, headers: { Origin: PAGE, 'User-Agent': CHROME_UA(114) }, extra: { _resourceType: 'fetch' } }, 'net::ERR_NAME_NOT_RESOLVED'),
    ], CHROME_114, { verdict: 'unknown', dependsOn: /net::ERR_NAME_NOT_RESOLVED/ }],
    ['navigator.sendBeacon: a POST with Origin, no CORS read (Chrome names it ping)', [
      { method: 'POST', url: `${API}/beacon`, headers: { Origin: PAGE, 'Content-Type': 'text/plain;charset=UTF-8', Host: 'localhost:5678', 'User-Agent': CHROME_UA(76) }, extra: { _resourceType: 'ping' } },
    ], CHROME_114, { type: 'no-cors', verdict: 'allowed', warnings: [] }],
    ['a no-cors POST (Sec-Fetch-Mode: no-cors) carrying Origin', [
      { method: 'POST', url: `${API}/collect`, headers: { Origin: PAGE, 'Sec-Fetch-Mode': 'no-cors', 'User-Agent': CHROME_UA(114) } },
    ], CHROME_114, { type: 'no-cors', verdict: 'allowed', warnings: [] }],
    ['a WebSocket handshake: Upgrade: websocket, 101, no type recorded', [
      { url: `${API.replace('http', 'ws')}/socket`, status: 101, headers: { Origin: PAGE, Upgrade: 'websocket', Connection: 'Upgrade', 'Sec-WebSocket-Version': '13' }, responseHeaders: { Upgrade: 'websocket', Connection: 'Upgrade' } },
    ], FIREFOX, { type: 'no-cors', verdict: 'allowed', warnings: ['not-cors'] }],
    ['a form POST from a sandboxed iframe (Origin: null, Sec-Fetch-Mode: navigate)', [
      { method: 'POST', url: `${API}/form`, headers: { Origin: 'null', 'Sec-Fetch-Mode': 'navigate', 'Sec-Fetch-Dest': 'iframe', 'Content-Type': 'application/x-www-form-urlencoded', 'User-Agent': CHROME_UA(114) }, responseHeaders: { 'Content-Type': 'text/html' } },
    ], CHROME_114, { type: 'no-cors', verdict: 'allowed', warnings: ['not-cors'] }],
    ['the same form POST recorded by an old Firefox (no Fetch Metadata, no type)', [
      { method: 'POST', url: `${API}/form`, headers: { Origin: 'null', Accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8', 'Content-Type': 'application/x-www-form-urlencoded' }, responseHeaders: { 'Content-Type': 'text/html' } },
    ], FIREFOX, { type: 'no-cors', verdict: 'allowed', warnings: ['not-cors'] }],
    ["old DevTools' own header does not make a font load preflighted", [
      { url: `${API}/font.woff2`, headers: { Origin: PAGE, 'X-DevTools-Emulate-Network-Conditions-Client-Id': '8E1D3C2F', 'User-Agent': CHROME_UA(72) }, responseHeaders: { 'Access-Control-Allow-Origin': PAGE, 'Access-Control-Allow-Credentials': 'true', Vary: 'Origin' }, extra: { _resourceType: 'font' } },
    ], CHROME_114, { type: 'simple', verdict: 'allowed', warnings: [] }],
    ['a 304 revalidation completed by Chromium: the cached 200 carried the CORS headers', [
      { url: `${API}/data.json`, status: 304, headers: { Origin: PAGE, 'If-None-Match': '"v1"', 'User-Agent': CHROME_UA(114) }, responseHeaders: { ETag: '"v1"' }, extra: { _resourceType: 'xhr' } },
    ], CHROME_114, { type: 'simple', verdict: 'allowed', warnings: [] }],
    ['a 304 revalidation in Firefox: the cached headers are not in the record', [
      { url: `${API}/data.json`, status: 304, headers: { Origin: PAGE, 'If-None-Match': '"v1"' }, responseHeaders: { ETag: '"v1"' } },
    ], FIREFOX, { type: 'simple', verdict: 'unknown', dependsOn: /304 revalidation/ }],
    ['Chrome before 79 completed a blocked response: "completed" is no evidence, the headers decide', [
      { url: `${API}/data.json`, headers: { Origin: PAGE, 'User-Agent': CHROME_UA(47) }, extra: { _resourceType: 'xhr' } },
    ], CHROME_114, { type: 'simple', verdict: 'blocked', warnings: [] }],
  ])('%s', (_name, entries, log, expected) => {
    const x = analyzed(entries, log);
    if (expected.type !== undefined) expect(x.analysis.type).toBe(expected.type);
    expect(x.analysis.verdict).toBe(expected.verdict);
    if (expected.verdict !== 'blocked') {
      expect(x.analysis.reasons).toEqual([]);
      expect(x.analysis.fix.preflight ?? x.analysis.fix.response).toBeNull();
    }
    if (expected.warnings) expect(x.analysis.warnings.map((w) => w.code)).toEqual(expected.warnings);
    expect(x.analysis.warnings.map((w) => w.code)).not.toContain('browser-disagrees');
    if (expected.dependsOn) expect(x.analysis.dependsOn).toMatch(expected.dependsOn);
  });
});
