// @vitest-environment happy-dom
// Re-run in the detail view: the button hands the panel's eval the fetch of the recorded request,
// with credentials as recorded, or two buttons when the record cannot tell.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, test } from 'vitest';
import type { RecordedExchange } from '../../core/protocol';
import { blocked, recorded } from '../../../test/support/panel-data';
import { RerunSection } from './RerunSection';

afterEach(cleanup);

const ORIGIN = { name: 'Origin', value: 'https://app.test' };
const withCookie = blocked({ id: 'c', method: 'PUT', requestHeaders: [ORIGIN, { name: 'Cookie', value: 'a=1' }, { name: 'X-Token', value: 't' }], analysis: { credentials: 'include' } });
const unknown = recorded({ id: 'u', requestHeaders: [ORIGIN], analysis: { verdict: 'unknown', credentials: 'unknown' } });

/** What the expression asks the page to fetch: run it with a fetch that records its arguments. */
function fetched(expression: string): unknown[] {
  const calls: unknown[] = [];
  new Function('fetch', expression)((...args: unknown[]) => {
    calls.push(args);
    return Promise.resolve();
  });
  return calls;
}

describe('RerunSection', () => {
  test.each<[string, RecordedExchange, string[], string, unknown]>([
    ['credentials as recorded', withCookie, ['Re-run'], 'Re-run', ['https://api.test/items/c', { method: 'PUT', headers: [['X-Token', 't']], credentials: 'include', mode: 'cors', cache: 'no-store' }]],
    ['unknown credentials: the user chooses (with)', unknown, ['Re-run with credentials', 'Re-run without credentials'], 'Re-run with credentials', ['https://api.test/items/u', { method: 'GET', headers: [], credentials: 'include', mode: 'cors', cache: 'no-store' }]],
    ['unknown credentials: the user chooses (without)', unknown, ['Re-run with credentials', 'Re-run without credentials'], 'Re-run without credentials', ['https://api.test/items/u', { method: 'GET', headers: [], credentials: 'same-origin', mode: 'cors', cache: 'no-store' }]],
  ])('%s', async (_label, entry, buttons, click, expected) => {
    const sent: string[] = [];
    render(<RerunSection entry={entry} rerun={async (expression) => void sent.push(expression)} />);
    const section = screen.getByRole('region', { name: 'Re-run' });
    expect(Array.from(section.querySelectorAll('button')).map((b) => b.textContent)).toEqual(buttons);
    fireEvent.click(screen.getByRole('button', { name: click }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/^Sent .* the new exchange appears in the list\.$/));
    expect(sent.map(fetched)).toEqual([[expected]]);
  });

  test('an eval the page refuses is reported, not swallowed', async () => {
    render(<RerunSection entry={withCookie} rerun={() => Promise.reject(new Error('Inspected page is not scriptable'))} />);
    fireEvent.click(screen.getByRole('button', { name: 'Re-run' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Could not re-run: Inspected page is not scriptable'));
  });
});
