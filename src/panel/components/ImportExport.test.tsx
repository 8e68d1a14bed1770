// @vitest-environment happy-dom
// Import a HAR through the file input: a separate "imported" mode, never mixed with live rows.
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, expect, test } from 'vitest';
import { writeHar } from '../../core/har/write-har';
import { createStore } from '../state/store';
import { PAGE, recorded, snapshot } from '../../../test/support/panel-data';
import { App } from './App';

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
