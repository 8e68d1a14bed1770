// @vitest-environment happy-dom
// Import a HAR through the file input: a separate "imported" mode, never mixed with live rows.
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, expect, test } from 'vitest';
import { writeHar } from '../../core/har/write-har';
import { createStore } from '../state/store';
import { PAGE, recorded, snapshot } from '../../../test/support/panel-data';
import { EMPTY_LOG } from '../state/panel-state';
import { App } from './App';
import { ImportedBanner } from './Banners';

afterEach(cleanup);

const urls = (): string[] => Array.from(document.querySelectorAll('.list-spacer .c-url')).map((e) => e.textContent ?? '');

function setup() {
  const store = createStore(undefined, () => undefined);
  store.receive(snapshot([recorded({ id: 'live', url: 'https://live.test/a' })], [PAGE]));
  store.flush();
  render(<App store={store} tabId={1} send={() => undefined} />);
  return store;
}

function pick(file: File): void {
  const input = screen.getByLabelText('Import HAR') as HTMLInputElement;
  fireEvent.change(input, { target: { files: [file] } });
}

test('an imported HAR replaces the view until "Back to live"; live updates keep arriving meanwhile', async () => {
  const store = setup();
  const har = writeHar([recorded({ id: 'h1', url: 'https://har.test/x', startedAt: Date.UTC(2025, 0, 1), responseHeaders: [] })]);
  pick(new File([JSON.stringify(har)], 'trace.har', { type: 'application/json' }));
  await waitFor(() => expect(screen.getByTestId('imported-banner').textContent).toContain('trace.har'));
  expect(urls()).toEqual(['https://har.test/x']);
  // Analysed on import: no Access-Control-Allow-Origin in the file's response.
  expect(document.querySelector('.list-spacer .row .c-verdict')?.textContent).toBe('blocked');
  expect(screen.queryByRole('button', { name: 'Clear' })).toBeNull();
  act(() => {
    store.receive(snapshot([recorded({ id: 'live' }), recorded({ id: 'live2', url: 'https://live.test/b', startedAt: 1 })], [PAGE]));
    store.flush();
  });
  expect(urls()).toEqual(['https://har.test/x']);
  fireEvent.click(screen.getByRole('button', { name: 'Back to live' }));
  expect(urls()).toEqual(['https://api.test/items/live', 'https://live.test/b']);
});

test('a file that is not HAR shows a one-line error and keeps the live view', async () => {
  setup();
  pick(new File(['{"not": "har"}'], 'junk.har'));
  await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/^Could not import junk\.har: /));
  expect(urls()).toEqual(['https://live.test/a']);
});

test('entries that cannot be read are named in the banner, each with its reason, as text', async () => {
  setup();
  const har = writeHar([recorded({ id: 'h1', url: 'https://har.test/x', startedAt: Date.UTC(2025, 0, 1), responseHeaders: [] })]) as unknown as { log: { entries: unknown[] } };
  const good = har.log.entries[0] as { request: Record<string, unknown> };
  har.log.entries.push({ ...good, request: { ...good.request, url: undefined } }, { ...good, request: '<img src=x onerror=alert(1)>' });
  pick(new File([JSON.stringify(har)], 'mixed.har', { type: 'application/json' }));
  await waitFor(() => expect(screen.getByTestId('skipped-entries').textContent).toContain('unreadable'));
  const details = screen.getByTestId('skipped-entries');
  expect(details.querySelector('summary')?.textContent).toBe('2 unreadable entries skipped');
  expect(Array.from(details.querySelectorAll('li')).map((li) => li.textContent)).toEqual(['entry 1: request.url is missing, expected a string', expect.stringMatching(/^entry 2: /)]);
  expect(details.querySelector('img')).toBeNull();
});

test('beyond the entries it names, the banner counts the rest', () => {
  const skippedEntries = Array.from({ length: 50 }, (_, i) => ({ entry: i, reason: 'request.url is missing, expected a string' }));
  render(<ImportedBanner imported={{ fileName: 'big.har', log: { ...EMPTY_LOG, summary: { ...EMPTY_LOG.summary, skipped: 60, skippedEntries } } }} onBack={() => undefined} />);
  const items = screen.getByTestId('skipped-entries').querySelectorAll('li');
  expect([items.length, items[50]?.textContent]).toEqual([51, 'and 10 more']);
});
