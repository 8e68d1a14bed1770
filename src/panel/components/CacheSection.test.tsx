// @vitest-environment happy-dom
// Caches in the panel (src/core/cache): the list's tag, the detail view's facts, and a server-wide
// problem listing its endpoints. Exchanges go through the real analyzer.
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, test } from 'vitest';
import { analyzeExchange } from '../../core/analyze';
import type { Exchange, Hop } from '../../core/model';
import type { RecordedExchange } from '../../core/protocol';
import { API, exchange, hop, PAGE } from '../../../test/support/exchange-builders';
import { createStore } from '../state/store';
import { snapshot } from '../../../test/support/panel-data';
import { App } from './App';

afterEach(cleanup);

const GET = { Origin: PAGE, 'Sec-Fetch-Mode': 'cors' };
const OTHER = 'http://localhost:8001';
const entry = (ex: Exchange, seq: number): RecordedExchange => ({ seq, pageId: 1, exchange: ex, analysis: analyzeExchange(ex) });
const cached = (h: Hop): Hop => ({ ...h, response: { ...h.response!, fromCache: true } });
const BROWSER = entry(exchange([cached(hop('GET', `${API}/fonts/a`, GET, 200, { 'Access-Control-Allow-Origin': OTHER, 'Cache-Control': 'max-age=600' }))], { id: 'b', browser: 'firefox', startedAt: 1 }), 1);
const CDN = entry(exchange([hop('GET', `${API}/fonts/b`, GET, 200, { 'Access-Control-Allow-Origin': PAGE, 'X-Cache': 'HIT', Age: '120' })], { id: 'c', browser: 'firefox', startedAt: 2 }), 2);
const NETWORK = entry(exchange([hop('GET', `${API}/fonts/c`, GET, 200, { 'Access-Control-Allow-Origin': PAGE })], { id: 'n', browser: 'firefox', startedAt: 3 }), 3);

function setup(rows: RecordedExchange[]) {
  const store = createStore(undefined, () => undefined);
  store.receive(snapshot(rows));
  store.flush();
  render(<App store={store} tabId={7} send={() => undefined} />);
}

describe('caches in the panel', () => {
  test('the list tags what a cache answered, and nothing else', () => {
    setup([BROWSER, CDN, NETWORK]);
    const rows = Array.from(document.querySelectorAll('.list-spacer [role="row"]')).map((r) => r.querySelector('.c-reason .cache-tag')?.textContent ?? '');
    expect(rows).toEqual(['from cache', 'from CDN (age 120 s)', '']);
  });

  test('the detail view leads with the cause, then the cache facts', () => {
    setup([BROWSER]);
    fireEvent.click(screen.getByText(`${API}/fonts/a`));
    const detail = screen.getByLabelText('Exchange details');
    expect(detail.querySelector('.cause')?.getAttribute('data-cause')).toBe('cached-for-other-origin');
    const facts = screen.getByTestId('cache-facts');
    expect(facts.querySelector('h3')?.textContent).toBe('Cache: from cache');
    expect(Array.from(facts.querySelectorAll('li')).map((li) => li.textContent)).toEqual([
      "served from the browser's HTTP cache: the server was not asked",
      'no Vary header: a cache gives the same copy to every Origin',
      'Cache-Control: max-age=600',
    ]);
  });

  test('a missing Vary: Origin at three routes is one problem that lists them', () => {
    setup([CDN, NETWORK, entry(exchange([hop('GET', `${API}/fonts/d`, GET, 200, { 'Access-Control-Allow-Origin': PAGE })], { id: 'd', browser: 'firefox', startedAt: 4 }), 4)]);
    fireEvent.click(screen.getByRole('tab', { name: /Problems/ }));
    const rows = Array.from(document.querySelectorAll('[data-testid="problem-list"] .problem-row'));
    expect(rows.map((r) => [r.getAttribute('data-code'), r.querySelector('.problem-what .url')?.textContent])).toEqual([['allow-origin-without-vary', `3 endpoints of ${API}`]]);
    fireEvent.click(rows[0]!);
    expect(Array.from(screen.getByTestId('problem-endpoints').querySelectorAll('li')).map((li) => li.textContent)).toEqual([`${API}/fonts/b`, `${API}/fonts/c`, `${API}/fonts/d`]);
  });
});
