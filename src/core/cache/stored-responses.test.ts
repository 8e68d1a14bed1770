import { describe, expect, test } from 'vitest';
import { analyzeExchange } from '../analyze';
import type { Exchange } from '../model';
import { withRecordingEvidence } from '../recording-evidence';
import { API, PAGE, exchange, h, hop } from '../../../test/support/exchange-builders';
import { StoredResponses, updateStoredHeaders } from './stored-responses';

const URL = `${API}/data.json`;
const ORIGIN = { Origin: PAGE };

/** The first load, stored by the browser: a 200 with these response headers. */
const stored = (headers: Record<string, string>, extra: Partial<Exchange> = {}, url = URL, method = 'GET'): Exchange =>
  exchange([hop(method, url, ORIGIN, 200, headers)], { id: 'stored', browser: 'firefox', startedAt: 0, ...extra });
/** The reload: the browser revalidated its copy and the server answered 304 with these headers. */
const revalidation = (headers: Record<string, string> = { ETag: '"v1"' }, extra: Partial<Exchange> = {}, request: Record<string, string> = {}): Exchange =>
  exchange([hop('GET', URL, { ...ORIGIN, 'If-None-Match': '"v1"', ...request }, 304, headers)], { id: 'reload', browser: 'firefox', startedAt: 10, ...extra });

/** The 304's verdict, judged with what the recording showed before it. */
function verdictOfReload(recording: readonly Exchange[]): string {
  const annotated = withRecordingEvidence(recording);
  const analysis = analyzeExchange(annotated.find((x) => x.id === 'reload') as Exchange);
  // Firefox's record does not say whether credentials were included: "unknown, likely allowed" is what a 200 gets too.
  return analysis.likely ? `${analysis.verdict}, likely ${analysis.likely}` : analysis.verdict;
}

describe('a 304 is judged on the cached copy it revalidated', () => {
  test.each([
    { name: 'the copy allowed this origin, with credentials', recording: [stored({ 'Access-Control-Allow-Origin': PAGE, 'Access-Control-Allow-Credentials': 'true' }), revalidation()], verdict: 'allowed' },
    { name: 'the copy allowed this origin', recording: [stored({ 'Access-Control-Allow-Origin': PAGE }), revalidation()], verdict: 'unknown, likely allowed' },
    { name: 'the copy allowed any origin', recording: [stored({ 'Access-Control-Allow-Origin': '*' }), revalidation()], verdict: 'unknown, likely allowed' },
    { name: 'the copy had no Access-Control-Allow-Origin', recording: [stored({}), revalidation()], verdict: 'blocked' },
    // RFC 9111 §4.1: without `Vary: Origin` the copy made for another page is served to this one.
    { name: "the copy named another page's origin", recording: [stored({ 'Access-Control-Allow-Origin': 'http://elsewhere.test' }), revalidation()], verdict: 'blocked' },
    // RFC 9111 §3.2: the 304's fields replace the stored ones of the same name.
    { name: 'the 304 itself brings Access-Control-Allow-Origin', recording: [stored({}), revalidation({ 'Access-Control-Allow-Origin': PAGE })], verdict: 'unknown, likely allowed' },
    { name: 'the 304 replaces an allowing header with one for another origin', recording: [stored({ 'Access-Control-Allow-Origin': PAGE }), revalidation({ 'Access-Control-Allow-Origin': 'http://elsewhere.test' })], verdict: 'blocked' },
    { name: 'a credentialed reload of a wildcard copy', recording: [stored({ 'Access-Control-Allow-Origin': '*' }), revalidation({}, {}, { Cookie: 's=1' })], verdict: 'blocked' },
    { name: 'an earlier 304 refreshed the copy with the header', recording: [stored({}), { ...revalidation({ 'Access-Control-Allow-Origin': PAGE }), id: 'first-reload', startedAt: 5 }, revalidation()], verdict: 'unknown, likely allowed' },
  ])('$name: $verdict', ({ recording, verdict }) => {
    expect(verdictOfReload(recording)).toBe(verdict);
  });

  test.each([
    { name: 'no earlier response for the URL', recording: [revalidation()] },
    { name: 'the stored response was for another URL', recording: [stored({ 'Access-Control-Allow-Origin': PAGE }, {}, `${API}/other.json`), revalidation()] },
    { name: 'it came later than the 304', recording: [stored({ 'Access-Control-Allow-Origin': PAGE }, { startedAt: 20 }), revalidation()] },
    { name: 'it was answered in another tab (another cache partition, perhaps)', recording: [stored({ 'Access-Control-Allow-Origin': PAGE }, { tabId: 1 }), revalidation({ ETag: '"v1"' }, { tabId: 2 })] },
    { name: 'a POST response, which the browser does not store', recording: [stored({ 'Access-Control-Allow-Origin': PAGE }, {}, URL, 'POST'), revalidation()] },
  ])('without the copy ($name) the record cannot tell: unknown', ({ recording }) => {
    expect(verdictOfReload(recording)).toBe('unknown');
  });

  test("Firefox's webRequest shape (200 from cache, with the 304's headers): the copy's header is the one that failed", () => {
    const reload = exchange([{ ...hop('GET', URL, ORIGIN, 200, { ETag: '"v1"', 'Cache-Control': 'no-cache' }), response: { status: 200, fromCache: true, headers: h({ ETag: '"v1"', 'Cache-Control': 'no-cache' }) } }], { id: 'reload', browser: 'firefox', startedAt: 10 });
    const [, annotated] = withRecordingEvidence([stored({ 'Access-Control-Allow-Origin': 'http://elsewhere.test' }), reload]);
    const analysis = analyzeExchange(annotated as Exchange);
    expect([analysis.verdict, analysis.reasons[0]?.code]).toEqual(['blocked', 'allow-origin-mismatch']);
  });

  test("Chromium's completion stays the proof: a copy that would fail does not overrule it", () => {
    const chromium = { browser: 'chromium' as const };
    expect(verdictOfReload([stored({}, chromium), revalidation({ ETag: '"v1"' }, chromium)])).toBe('allowed');
  });
});

describe('StoredResponses', () => {
  test('keeps only what a CORS check reads of the copy: no Set-Cookie, no body headers', () => {
    const store = new StoredResponses();
    store.observe(stored({ 'Access-Control-Allow-Origin': PAGE, 'Set-Cookie': 'sid=secret', Vary: 'Origin', 'Content-Type': 'application/json' }));
    const copy = store.annotate(revalidation()).hops[0]?.response?.cachedCopy;
    expect(copy).toEqual({ status: 200, headers: h({ 'Access-Control-Allow-Origin': PAGE, Vary: 'Origin' }) });
  });

  test('an exchange without a 304 is returned as it is', () => {
    const store = new StoredResponses();
    store.observe(stored({ 'Access-Control-Allow-Origin': PAGE }));
    const plain = stored({});
    expect(store.annotate(plain)).toBe(plain);
  });

  test('holds at most 1,000 URLs: the oldest goes first', () => {
    const store = new StoredResponses();
    for (let i = 0; i <= 1_000; i++) store.observe(stored({ 'Access-Control-Allow-Origin': PAGE }, {}, `${API}/${i}`));
    const reloadOf = (i: number): Exchange => exchange([hop('GET', `${API}/${i}`, ORIGIN, 304)], { browser: 'firefox' });
    expect(store.annotate(reloadOf(0)).hops[0]?.response?.cachedCopy).toBeUndefined();
    expect(store.annotate(reloadOf(1)).hops[0]?.response?.cachedCopy).toBeDefined();
  });

  test.each<{ name: string; stored: Record<string, string>; fresh: Record<string, string>; updated: Record<string, string> }>([
    { name: 'a field the 304 carries replaces the stored ones of that name', stored: { 'Access-Control-Allow-Origin': '*', Vary: 'Origin' }, fresh: { 'access-control-allow-origin': PAGE }, updated: { Vary: 'Origin', 'access-control-allow-origin': PAGE } },
    { name: "the 304's other fields are added", stored: { Vary: 'Origin' }, fresh: { ETag: '"v2"' }, updated: { Vary: 'Origin', ETag: '"v2"' } },
  ])('update: $name', ({ stored: before, fresh, updated }) => {
    expect(updateStoredHeaders(h(before), h(fresh))).toEqual(h(updated));
  });
});
