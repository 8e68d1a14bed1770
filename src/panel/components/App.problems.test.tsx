// @vitest-environment happy-dom
// The Problems view: each problem once with its count, the fix once, the affected exchanges one
// click from the detail view, and counts that follow live traffic without losing the selection.
// Entries carry the real analyzer's output (src/core/analyze), not hand-written analyses.
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, expect, test } from 'vitest';
import { analyzeExchange } from '../../core/analyze';
import type { RecordedExchange } from '../../core/protocol';
import { API, exchange, hop, PAGE as PAGE_ORIGIN } from '../../../test/support/exchange-builders';
import { createStore } from '../state/store';
import { bg, PAGE, snapshot, summary } from '../../../test/support/panel-data';
import { App } from './App';

afterEach(cleanup);

const CORS = { Origin: PAGE_ORIGIN, 'Sec-Fetch-Mode': 'cors' };
function entry(seq: number, url: string, response: Record<string, string>): RecordedExchange {
  const x = exchange([hop('GET', url, CORS, 200, response)], { id: `e${seq}`, startedAt: seq });
  return { seq, pageId: PAGE.id, exchange: x, analysis: analyzeExchange(x) };
}
const blockedUser = (seq: number, id: number) => entry(seq, `${API}/users/${id}`, {});
const noVary = (seq: number) => entry(seq, `${API}/settings`, { 'Access-Control-Allow-Origin': PAGE_ORIGIN });

function setup(entries: RecordedExchange[]) {
  const store = createStore(undefined, () => undefined);
  act(() => {
    store.receive(snapshot(entries));
    store.flush();
  });
  render(<App store={store} tabId={7} send={() => undefined} />);
  return store;
}

const problemRows = () => within(screen.getByTestId('problem-list')).getAllByRole('option');
const rowSummary = (row: HTMLElement) => [row.dataset['kind'], row.dataset['code'], row.dataset['count']];

test('lists each problem once with its count; the fix shows once; an affected exchange opens its details', () => {
  setup([blockedUser(1, 17), noVary(2), blockedUser(3, 42)]);
  fireEvent.click(screen.getByRole('tab', { name: /Problems/ }));
  expect(screen.getByRole('tab', { name: 'Problems (2)' }).getAttribute('aria-selected')).toBe('true');
  expect(problemRows().map(rowSummary)).toEqual([
    ['blocked', 'missing-allow-origin', '2'],
    ['security', 'allow-origin-without-vary', '1'],
  ]);
  // The first problem is shown until one is chosen: its fix once, both exchanges listed.
  const detail = screen.getByRole('complementary', { name: 'Problem details' });
  expect(within(detail).getByTestId('problem-count').textContent).toMatch(/^2 exchanges · from http:\/\/localhost:8000/);
  expect(within(detail).getAllByText('Suggested fix')).toHaveLength(1);
  expect(detail.textContent).toContain(`Access-Control-Allow-Origin: ${PAGE_ORIGIN}`);
  const affected = within(within(detail).getByTestId('affected-exchanges')).getAllByRole('button');
  expect(affected.map((b) => b.dataset['exchangeId'])).toEqual(['e1', 'e3']);

  fireEvent.click(affected[1] as HTMLElement);
  const exchangeDetail = screen.getByRole('complementary', { name: 'Exchange details' });
  expect(exchangeDetail.querySelector('h2 .url')?.textContent).toBe(`${API}/users/42`);
  fireEvent.click(within(exchangeDetail).getByRole('button', { name: 'Close details' }));
  expect(screen.getByRole('complementary', { name: 'Problem details' })).toBeTruthy();
});

test('a security problem shows the attack and its fix in words', () => {
  setup([noVary(1), noVary(2)]);
  fireEvent.click(screen.getByRole('tab', { name: /Problems/ }));
  const [row] = problemRows();
  expect(row && rowSummary(row)).toEqual(['security', 'allow-origin-without-vary', '2']);
  const detail = screen.getByRole('complementary', { name: 'Problem details' });
  expect(detail.textContent).toMatch(/Attack: A shared cache/);
  expect(detail.textContent).toMatch(/Suggested fixSend Vary: Origin on every response/);
});

test('counts follow live traffic and the selected problem stays selected', () => {
  const store = setup([blockedUser(1, 17), noVary(2)]);
  fireEvent.click(screen.getByRole('tab', { name: /Problems/ }));
  fireEvent.click(problemRows()[1] as HTMLElement);
  const chosen = problemRows()[1]?.dataset['problemId'];
  act(() => {
    for (const [seq, e] of [[3, noVary(3)], [4, noVary(4)], [5, blockedUser(5, 99)]] as const) store.receive(bg('exchangeRecorded', { entry: { ...e, seq }, summary: summary() }));
    store.flush();
  });
  expect(problemRows().map(rowSummary)).toEqual([
    ['blocked', 'missing-allow-origin', '2'],
    ['security', 'allow-origin-without-vary', '3'],
  ]);
  const selected = problemRows().find((r) => r.getAttribute('aria-selected') === 'true');
  expect(selected?.dataset['problemId']).toBe(chosen);
  expect(screen.getByRole('complementary', { name: 'Problem details' }).dataset['problemId']).toBe(chosen);
});

test('no problems: says so', () => {
  setup([entry(1, `${API}/ok`, { 'Access-Control-Allow-Origin': '*' })]);
  fireEvent.click(screen.getByRole('tab', { name: /Problems/ }));
  expect(screen.getByRole('tab', { name: 'Problems (0)' })).toBeTruthy();
  expect(screen.getByText(/No problems: every cross-origin exchange passes/)).toBeTruthy();
});
