// @vitest-environment happy-dom
// The panel leads with the real cause (src/core/cause) and keeps the browser's reason after it.
// Exchanges go through the real analyzer; the panel computes the cause from what it receives.
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, test } from 'vitest';
import { analyzeExchange } from '../../core/analyze';
import type { Exchange } from '../../core/model';
import type { RecordedExchange } from '../../core/protocol';
import { API, exchange, hop, PAGE } from '../../../test/support/exchange-builders';
import { createStore } from '../state/store';
import { snapshot } from '../../../test/support/panel-data';
import { App } from './App';

afterEach(cleanup);

const GET = { Origin: PAGE, 'Sec-Fetch-Mode': 'cors' };
const entry = (ex: Exchange, seq: number): RecordedExchange => ({ seq, pageId: 1, exchange: ex, analysis: analyzeExchange(ex) });
const OK = entry(exchange([hop('GET', `${API}/items/42`, GET, 200, { 'Access-Control-Allow-Origin': PAGE, Vary: 'Origin' })], { id: 'ok', browser: 'chromium', startedAt: 1 }), 1);
const BAD_GATEWAY = entry(exchange([hop('GET', `${API}/items/7`, GET, 502)], { id: 'bad', browser: 'chromium', error: 'net::ERR_FAILED', startedAt: 2 }), 2);
const REFUSED = entry(exchange([hop('GET', 'http://localhost:9/x', GET)], { id: 'refused', browser: 'chromium', error: 'net::ERR_CONNECTION_REFUSED', startedAt: 3 }), 3);

function setup(rows: RecordedExchange[]) {
  const store = createStore(undefined, () => undefined);
  store.receive(snapshot(rows));
  store.flush();
  render(<App store={store} tabId={7} send={() => undefined} />);
}

const headings = (): string[] => Array.from(screen.getByLabelText('Exchange details').querySelectorAll('h3')).map((h) => h.textContent ?? '');

describe('the cause in the panel', () => {
  test('the list shows a short cause tag beside the reason', () => {
    setup([OK, BAD_GATEWAY, REFUSED]);
    const tags = Array.from(document.querySelectorAll('.list-spacer .c-reason .cause-tag')).map((e) => e.textContent);
    expect(tags).toEqual(['502 · no CORS on errors', 'no response · ERR_CONNECTION_REFUSED']);
  });

  test('the detail view leads with the cause and its fix, then the browser\'s reason; no header the endpoint already sends is suggested', () => {
    setup([OK, BAD_GATEWAY]);
    fireEvent.click(screen.getByText(`${API}/items/7`));
    expect(headings().slice(0, 2)).toEqual(['What really happened', 'Why']);
    expect(document.querySelector('.browser-reason')?.textContent).toBe("The browser's own CORS reason, unchanged:");
    const details = screen.getByLabelText('Exchange details').textContent ?? '';
    expect(details).toContain('that error response left out the CORS headers this endpoint sends on success');
    expect(details).toContain('MissingAllowOriginHeader');
    expect(headings()).not.toContain('Suggested fix');
    expect(document.querySelector('pre[data-snippet="express"]')?.textContent).toContain('app.use(cors(corsOptions)); // first');
    fireEvent.change(screen.getByLabelText('Server'), { target: { value: 'nginx' } });
    expect(document.querySelector('pre[data-snippet="nginx"]')?.textContent).toContain(`add_header Access-Control-Allow-Origin "${PAGE}" always;`);
  });

  test('a cause fixed in words offers no header and no server configuration', () => {
    setup([REFUSED]);
    fireEvent.click(screen.getByText('http://localhost:9/x'));
    expect(headings()[0]).toBe('What really happened');
    expect(screen.getByLabelText('Exchange details').textContent).toContain('This is not a CORS problem');
    expect(headings()).not.toContain('Server configuration for this cause');
    expect(headings()).not.toContain('Suggested fix');
  });
});
