// @vitest-environment happy-dom
// The server configuration block: Spring and ASP.NET Core, whose configuration no test runs on the
// real server (test/e2e/fix-servers.e2e.test.ts runs the eleven others), say so under the picker;
// S3 says what no bucket rule can allow.
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, expect, test } from 'vitest';
import { analyzeExchange } from '../../core/analyze';
import { NOT_PROVEN, SNIPPETS } from '../../core/snippets/registry';
import { API, exchange, hop, PAGE } from '../../../test/support/exchange-builders';
import { ServerSnippets } from './ServerSnippets';

afterEach(cleanup);

const BLOCKED = exchange([hop('GET', `${API}/items/7`, { Origin: PAGE, 'Sec-Fetch-Mode': 'cors' }, 200)], { id: 'x', browser: 'chromium', error: 'net::ERR_FAILED' });

test.each(SNIPPETS.map((s) => [s.id, !['spring', 'aspnet'].includes(s.id)] as const))('%s: proven on a running server: %s', (id, proven) => {
  render(<ServerSnippets exchange={BLOCKED} analysis={analyzeExchange(BLOCKED)} />);
  fireEvent.change(screen.getByLabelText('Server'), { target: { value: id } });
  expect(document.querySelector(`pre[data-snippet="${id}"]`)?.textContent).toContain(PAGE);
  expect(document.querySelector('.snippet-unproven')?.textContent ?? null).toBe(proven ? null : NOT_PROVEN);
});

test('S3: a PATCH gets the caveat that no bucket rule can allow it; a GET none', () => {
  const patch = exchange([hop('PATCH', `${API}/items/7`, { Origin: PAGE, 'Sec-Fetch-Mode': 'cors' }, 200)], { id: 'p', browser: 'chromium', error: 'net::ERR_FAILED' });
  for (const [x, expected] of [[patch, true], [BLOCKED, false]] as const) {
    cleanup();
    render(<ServerSnippets exchange={x} analysis={analyzeExchange(x)} />);
    fireEvent.change(screen.getByLabelText('Server'), { target: { value: 's3' } });
    expect(document.querySelector('.snippet-caveat')?.textContent?.includes('no bucket CORS rule can allow PATCH') ?? false).toBe(expected);
  }
});
