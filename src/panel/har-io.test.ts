import { expect, test } from 'vitest';
import { PAGE, blocked, recorded, snapshot } from '../../test/support/panel-data';
import { exportHarText, importHarText } from './har-io';
import { applyMessagesToLog } from './state/apply-message';
import { EMPTY_LOG, entriesOf } from './state/panel-state';

const cookieRow = recorded({
  id: 'c1',
  startedAt: Date.UTC(2025, 0, 1),
  requestHeaders: [
    { name: 'Origin', value: 'https://app.test' },
    { name: 'Cookie', value: 'session=s3cret' },
  ],
  responseHeaders: [
    { name: 'Access-Control-Allow-Origin', value: 'https://app.test' },
    { name: 'Access-Control-Allow-Credentials', value: 'true' },
    { name: 'Vary', value: 'Origin' },
  ],
});
const blockedRow = blocked({ id: 'b1', seq: 2, startedAt: Date.UTC(2025, 0, 1, 0, 0, 1), responseHeaders: [] });
const log = applyMessagesToLog(EMPTY_LOG, [snapshot([cookieRow, blockedRow], [PAGE])]);

test.each([
  [true, false],
  [false, true],
])('export redact=%s keeps the cookie value: %s', (redact, kept) => {
  const text = exportHarText(log, { redact });
  expect(text.includes('s3cret')).toBe(kept);
  const har = JSON.parse(text) as { log: { version: string; entries: { _cors?: unknown }[] } };
  expect(har.log.version).toBe('1.2');
  expect(har.log.entries.filter((e) => e._cors !== undefined)).toHaveLength(2);
});

test('import re-analyses the exported file into its own log', () => {
  const result = importHarText('x.har', exportHarText(log, { redact: true }));
  if (!result.ok) throw new Error(result.error);
  const rows = entriesOf(result.imported.log);
  expect(rows.map((r) => r.exchange.hops[0]?.request.url)).toEqual(entriesOf(log).map((r) => r.exchange.hops[0]?.request.url));
  // The analyzer, not the file's `_cors`, decides: no Access-Control-Allow-Origin means blocked.
  expect(rows.map((r) => r.analysis.verdict)).toEqual(['allowed', 'blocked']);
});

test.each([['not json'], ['{"log": 1}'], ['[]']])('import of %j fails with a message', (text) => {
  const result = importHarText('bad.har', text);
  expect(result.ok).toBe(false);
  if (!result.ok) expect(result.error).not.toBe('');
});

test('an entry the reader cannot read is skipped and counted, the rest imported', () => {
  const text = JSON.stringify({ log: { entries: [
    { request: { method: 'GET', url: 'https://api.test/a', headers: [{ name: 'Origin', value: 'https://app.test' }] }, response: { status: 200, headers: [] } },
    { request: { method: null, url: 'https://api.test/b' }, response: { status: 200, headers: [] } },
  ] } });
  const result = importHarText('wpt.har', text);
  if (!result.ok) throw new Error(result.error);
  expect(entriesOf(result.imported.log).map((r) => r.exchange.hops[0]?.request.url)).toEqual(['https://api.test/a']);
  expect(result.imported.log.summary.skipped).toBe(1);
});

test('import lists cross-origin exchanges and only counts same-origin ones', () => {
  const sameOrigin = recorded({ id: 's1', url: 'https://app.test/data.json', startedAt: Date.UTC(2025, 0, 1, 0, 0, 2) });
  const mixed = applyMessagesToLog(EMPTY_LOG, [snapshot([cookieRow, sameOrigin], [PAGE])]);
  const result = importHarText('m.har', exportHarText(mixed, { redact: true }));
  if (!result.ok) throw new Error(result.error);
  expect(entriesOf(result.imported.log).map((r) => r.exchange.hops[0]?.request.url)).toEqual(['https://api.test/items/c1']);
  expect(result.imported.log.summary.sameOrigin).toBe(1);
});
