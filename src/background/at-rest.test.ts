import { describe, expect, test } from 'vitest';
import { analyzeExchange } from '../core/analyze';
import type { Exchange } from '../core/model';
import type { RecordedExchange } from '../core/protocol';
import { API, PAGE, exchange, hop, preflight } from '../../test/support/exchange-builders';
import { batchAtRest, entryAtRest } from './at-rest';
import type { PersistBatch } from './persist-queue';
import type { TabLogMeta } from './tab-log';

const recorded = (x: Exchange): RecordedExchange => ({ seq: 1, pageId: 1, exchange: x, analysis: analyzeExchange(x) });
const requestHeader = (entry: RecordedExchange, name: string) => entry.exchange.hops[0]?.request.headers.find((h) => h.name === name)?.value;
const responseHeader = (entry: RecordedExchange, name: string) => entry.exchange.hops[0]?.response?.headers.find((h) => h.name === name)?.value;

describe('entryAtRest: what of a header is written', () => {
  test.each([
    // The scheme is kept: it says which authentication was sent.
    ['Authorization', 'Bearer eyJhbGciOi.s3cret', 'Bearer [redacted]'],
    ['Authorization', 'Basic dXNlcjpzM2NyZXQ=', 'Basic [redacted]'],
    ['Authorization', 's3cret', '[redacted]'],
    ['Proxy-Authorization', 'Negotiate s3cret', 'Negotiate [redacted]'],
    // Which cookies were sent is kept, not their values.
    ['Cookie', 'sid=s3cret; theme=dark', 'sid=[redacted]; theme=[redacted]'],
    // Names that say they carry a credential.
    ['X-Api-Key', 's3cret', '[redacted]'],
    ['X-Auth-Token', 's3cret', '[redacted]'],
    ['X-CSRF-Token', 's3cret', '[redacted]'],
    ['X-Client-Secret', 's3cret', '[redacted]'],
    // A URL in another header loses its secret parameters and credentials.
    ['Referer', 'http://localhost:8000/cb?code=s3cret&state=1', 'http://localhost:8000/cb?code=redacted&state=1'],
    // Everything else is written as it was.
    ['Content-Type', 'application/json', 'application/json'],
    ['X-Requested-With', 'XMLHttpRequest', 'XMLHttpRequest'],
  ])('request %s: %s → %s', (name, value, stored) => {
    const entry = entryAtRest(recorded(exchange([hop('GET', `${API}/x`, { Origin: PAGE, [name]: value }, 200, { 'Access-Control-Allow-Origin': PAGE })])));
    expect(requestHeader(entry, name)).toBe(stored);
  });

  test.each([
    // RFC 6265 attributes after the first `;` say how the cookie may travel (SameSite, Secure): kept.
    ['Set-Cookie', 'sid=s3cret; Path=/; Secure; SameSite=None', 'sid=[redacted]; Path=/; Secure; SameSite=None'],
    ['Set-Cookie', 'sid=s3cret', 'sid=[redacted]'],
    ['Location', 'http://localhost:9000/next?access_token=s3cret', 'http://localhost:9000/next?access_token=redacted'],
    ['Access-Control-Allow-Origin', PAGE, PAGE],
  ])('response %s: %s → %s', (name, value, stored) => {
    const entry = entryAtRest(recorded(exchange([hop('GET', `${API}/x`, { Origin: PAGE }, 200, { 'Access-Control-Allow-Origin': PAGE, [name]: value })])));
    expect(responseHeader(entry, name)).toBe(stored);
  });

  test.each([
    ['access_token', `${API}/x?access_token=s3cret&page=2`, `${API}/x?access_token=redacted&page=2`],
    ['api_key', `${API}/x?api_key=s3cret`, `${API}/x?api_key=redacted`],
    ['X-Amz-Signature', `${API}/o?X-Amz-Date=1&X-Amz-Signature=s3cret`, `${API}/o?X-Amz-Date=1&X-Amz-Signature=redacted`],
    ['userinfo', 'http://user:s3cret@localhost:9000/x', 'http://redacted:redacted@localhost:9000/x'],
  ])('URL with %s: every hop, preflight and the document URL', (_name, url, stored) => {
    const x = exchange([hop('PUT', url, { Origin: PAGE }, 200, { 'Access-Control-Allow-Origin': PAGE })], {
      preflights: [preflight(url, { Origin: PAGE, 'Access-Control-Request-Method': 'PUT' }, 204, { 'Access-Control-Allow-Origin': PAGE, 'Access-Control-Allow-Methods': 'PUT' })],
      documentUrl: url,
    });
    const entry = entryAtRest(recorded(x));
    expect([entry.exchange.hops[0]?.request.url, entry.exchange.preflights[0]?.request.url, entry.exchange.documentUrl]).toEqual([stored, stored, stored]);
    expect(JSON.stringify(entry)).not.toContain('s3cret');
  });

  test('the analysis keeps its facts: what was redacted re-analyses to the same verdict, type and reasons', () => {
    const x = exchange([hop('GET', `${API}/x?access_token=s3cret`, { Origin: PAGE, Cookie: 'sid=s3cret', Authorization: 'Bearer s3cret' }, 200, { 'Access-Control-Allow-Origin': '*' })]);
    const entry = entryAtRest(recorded(x));
    const again = analyzeExchange(entry.exchange);
    expect([again.verdict, again.type, again.reasons.map((r) => r.code)]).toEqual([entry.analysis.verdict, entry.analysis.type, entry.analysis.reasons.map((r) => r.code)]);
    expect(entry.analysis.verdict).toBe('blocked'); // credentialed (a Cookie was sent) against `*`
    expect(JSON.stringify(entry)).not.toContain('s3cret');
    expect(entry.redactedAtRest).toBe(true);
  });

  test('a row without secrets is written as it is (no copy, no mark)', () => {
    const entry = recorded(exchange([hop('GET', `${API}/x?page=2`, { Origin: PAGE }, 200, { 'Access-Control-Allow-Origin': PAGE })]));
    expect(entryAtRest(entry)).toBe(entry);
  });
});

describe('batchAtRest', () => {
  const secret = recorded(exchange([hop('GET', `${API}/x?token=s3cret`, { Origin: PAGE }, 200, {})], { tabId: 1 }));
  const meta = (tabId: number): TabLogMeta => ({ tabId, cap: 5000, preserveLog: false, nextSeq: 2, nextPageId: 2, pages: [{ id: 1, url: `${PAGE}/cb?code=s3cret`, startedAt: 0 }], dropped: 0, sameOrigin: 0 });
  const batch: PersistBatch = {
    put: [{ tabId: 1, seq: 1, entry: secret }, { tabId: 2, seq: 1, entry: secret }],
    remove: [[1, 7], [2, 7]],
    metas: [meta(1), meta(2)],
    removedTabs: [3],
    assembler: {
      requests: [
        { id: 'r1', tabId: 1, frameId: 0, resourceType: 'fetch', initiatorOrigin: PAGE, startedAt: 0, lastAt: 0, hops: [{ request: { method: 'GET', url: `${API}/y?key=s3cret`, headers: [{ name: 'Authorization', value: 'Bearer s3cret' }] }, sent: true }] },
        { id: 'r2', tabId: 2, frameId: 0, resourceType: 'fetch', initiatorOrigin: PAGE, startedAt: 0, lastAt: 0, hops: [] },
      ],
      preflights: [],
      removed: ['old'],
    },
  };

  test('a private tab (2) has nothing written; the other tab is written without secrets', () => {
    const out = batchAtRest(batch, (tabId) => tabId !== 2);
    expect(out.put.map((r) => r.tabId)).toEqual([1]);
    expect(out.remove).toEqual([[1, 7]]);
    expect(out.metas.map((m) => m.tabId)).toEqual([1]);
    expect(out.assembler.requests.map((r) => r.id)).toEqual(['r1']);
    expect([out.removedTabs, out.assembler.removed]).toEqual([[3], ['old']]);
    expect(JSON.stringify(out)).not.toContain('s3cret');
    expect(out.metas[0]?.pages[0]?.url).toBe(`${PAGE}/cb?code=redacted`);
  });

  test('leaves the live rows it was given unchanged', () => {
    const before = JSON.stringify(batch);
    batchAtRest(batch, () => true);
    expect(JSON.stringify(batch)).toBe(before);
  });
});
