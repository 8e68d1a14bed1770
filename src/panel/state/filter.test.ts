import { describe, expect, test } from 'vitest';
import { blocked, recorded, warning } from '../../../test/support/panel-data';
import { countRows } from './counts';
import { type Filter, NO_FILTER, filterRows, toggle } from './filter';
import { rowView } from './row-view';

const ROWS = [
  blocked({ id: 'b1', method: 'PUT', url: 'https://api.test/orders', origin: 'https://shop.test' }),
  recorded({ id: 'p1', method: 'DELETE', url: 'https://api.test/users/1', analysis: { type: 'preflighted' } }),
  recorded({ id: 'w1', url: 'https://cdn.test/font.woff', analysis: { warnings: [warning()] } }),
  recorded({ id: 'n1', url: 'https://img.test/a.png', analysis: { type: 'no-cors' } }),
  recorded({ id: 'u1', url: 'https://x.test/', analysis: { verdict: 'unknown', dependsOn: 'credentials mode' } }),
].map(rowView);

const f = (over: Partial<Filter>): Filter => ({ ...NO_FILTER, ...over });

describe('filterRows', () => {
  test.each<[string, Filter, string[]]>([
    ['no filter', NO_FILTER, ['b1', 'p1', 'w1', 'n1', 'u1']],
    ['text in URL', f({ text: 'ORDERS' }), ['b1']],
    ['text in method', f({ text: 'delete' }), ['p1']],
    ['text in origin', f({ text: 'shop.test' }), ['b1']],
    ['text in reason', f({ text: 'access-control-allow-origin' }), ['b1']],
    ['text in unknown reason', f({ text: 'credentials mode' }), ['u1']],
    ['all terms must match', f({ text: 'api.test put' }), ['b1']],
    ['verdict toggle', f({ verdicts: new Set(['warning']) }), ['w1']],
    ['two verdicts', f({ verdicts: new Set(['blocked', 'unknown']) }), ['b1', 'u1']],
    ['type toggle', f({ types: new Set(['no-cors']) }), ['n1']],
    ['only blocked', f({ onlyBlocked: true }), ['b1']],
    ['only blocked and a type that has none', f({ onlyBlocked: true, types: new Set(['preflighted']) }), []],
  ])('%s', (_name, filter, expected) => {
    expect(filterRows(ROWS, filter).map((r) => r.id)).toEqual(expected);
  });
});

test.each([
  [new Set<string>(), 'a', ['a']],
  [new Set(['a']), 'a', []],
  [new Set(['a']), 'b', ['a', 'b']],
])('toggle(%j, %s)', (set, value, expected) => {
  expect([...toggle(set, value)]).toEqual(expected);
});

test.each([
  ['blocked', 1],
  ['warning', 1],
  ['preflighted', 1],
  ['simple', 3],
  ['noCors', 1],
  ['total', 5],
] as const)('countRows.%s', (key, expected) => {
  expect(countRows(ROWS)[key]).toBe(expected);
});

test.each([
  ['blocked', 'blocked', 'The response has no Access-Control-Allow-Origin header.', '200'],
  ['warning', 'warning', 'Origin echoed without Vary: Origin.', '200'],
])('rowView of a %s row', (_n, verdict, reason, status) => {
  const row = ROWS.find((r) => r.verdict === verdict);
  expect(row?.reason).toBe(reason);
  expect(row?.status).toBe(status);
});

test.each([
  ['a response: its status, the error as detail', recorded({ id: 'e1', status: 200 }), { status: '200', error: '' }],
  ['no response: (failed)', { ...recorded({ id: 'e2' }), exchange: { ...recorded({ id: 'e2' }).exchange, hops: [{ request: { method: 'GET', url: 'https://x.test/', headers: [] } }], error: 'net::ERR_FAILED' } }, { status: '(failed)', error: 'net::ERR_FAILED' }],
])('rowView status: %s', (_n, entry, expected) => {
  expect(rowView(entry)).toMatchObject(expected);
});
