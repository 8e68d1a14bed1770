// @vitest-environment happy-dom
// Export report downloads the HTML report of what the panel shows (live or imported), redacted
// unless "Include cookies and credentials" is ticked; recorded values are text in it.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, expect, test, vi } from 'vitest';
import { writeHar } from '../../core/har/write-har';
import { createStore } from '../state/store';
import { blocked, PAGE, recorded, snapshot } from '../../../test/support/panel-data';
import { App } from './App';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const HOSTILE = '<img src=x onerror="alert(1)"><script>alert(2)</script>';
const COOKIE = 'session=s3cr3t';

const rows = [
  blocked({ id: 'b', url: 'https://api.test/users/17', requestHeaders: [{ name: 'Origin', value: 'https://app.test' }, { name: 'Cookie', value: COOKIE }], responseHeaders: [{ name: 'Access-Control-Allow-Origin', value: HOSTILE }] }),
  recorded({ id: 'a', url: 'https://api.test/ok', responseHeaders: [{ name: 'Access-Control-Allow-Origin', value: 'https://app.test' }] }),
];

function setup() {
  const store = createStore(undefined, () => undefined);
  store.receive(snapshot(rows, [PAGE]));
  store.flush();
  render(<App store={store} tabId={1} send={() => undefined} />);
}

/** The file the panel hands to the browser's download: the Blob behind the object URL it makes. */
async function exportReport(): Promise<{ name: string; type: string; html: string }> {
  const created = vi.spyOn(URL, 'createObjectURL');
  let name = '';
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    name = this.download;
  });
  fireEvent.click(screen.getByRole('button', { name: 'Export report' }));
  const blob = created.mock.calls[0]?.[0] as Blob;
  return { name, type: blob.type, html: await blob.text() };
}

function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

test.each([
  [false, false],
  [true, true],
])('include cookies and credentials %s: the cookie value is in the report %s', async (include, present) => {
  setup();
  if (include) fireEvent.click(screen.getByLabelText('Include cookies and credentials'));
  const { name, type, html } = await exportReport();
  expect(name).toMatch(/^cors-report-.*\.html$/);
  expect(type).toBe('text/html');
  expect(html.includes(COOKIE)).toBe(present);
  expect(html.includes('[redacted]')).toBe(!present);
});

test('the live log: its blocked endpoint once, hostile header values as text and no element from them', async () => {
  setup();
  const doc = parse((await exportReport()).html);
  expect(doc.querySelectorAll('section.endpoint')).toHaveLength(1);
  expect(doc.querySelector('section.endpoint h2')?.textContent).toBe('1. GET https://api.test/users/:id');
  expect(doc.body.textContent).toContain(HOSTILE);
  expect(doc.querySelectorAll('img, script, [onerror]')).toHaveLength(0);
  expect(doc.body.textContent).toContain(`Source: ${PAGE.url}`);
});

test('an imported HAR: the report is of the file, named in it', async () => {
  setup();
  const har = writeHar([blocked({ id: 'h', url: 'https://har.test/x', responseHeaders: [] })]);
  fireEvent.change(screen.getByLabelText('Import HAR'), { target: { files: [new File([JSON.stringify(har)], 'trace.har')] } });
  await waitFor(() => expect(screen.getByTestId('imported-banner').textContent).toContain('trace.har'));
  const doc = parse((await exportReport()).html);
  expect(doc.body.textContent).toContain('Source: trace.har');
  expect(Array.from(doc.querySelectorAll('section.endpoint h2')).map((h) => h.textContent)).toEqual(['1. GET https://har.test/x']);
});
