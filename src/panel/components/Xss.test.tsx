// @vitest-environment happy-dom
// Header values, URLs and messages come from hostile pages and servers: everything must render as
// text. Feed markup everywhere a value can appear and prove that no element or handler came of it.
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, expect, test } from 'vitest';
import { SNIPPETS } from '../../core/snippets/registry';
import { createStore } from '../state/store';
import { PAGE, blocked, reason, snapshot, summary, warning } from '../../../test/support/panel-data';
import { App } from './App';

afterEach(cleanup);

const IMG = '<img src=x onerror="globalThis.__pwned=1">';
const SCRIPT = '<script>globalThis.__pwned=2</script>';
const SVG = '<svg onload="globalThis.__pwned=3"></svg>';
const EVIL = `${IMG}${SCRIPT}${SVG}`;

// Every tag the panel itself renders. Anything else in the DOM came from data.
const OUR_TAGS = new Set(
  'html head body div span button input label select option table tbody tr th td h2 h3 h4 p ul li dl dt dd code pre a section aside header strong details summary'.split(' ').map((t) => t.toUpperCase()),
);

const hostile = blocked({
  id: EVIL,
  method: `GET${IMG}`,
  url: `https://api.test/${EVIL}`,
  origin: `https://app.test${SCRIPT}`,
  requestHeaders: [{ name: `X-${IMG}`, value: EVIL }],
  responseHeaders: [{ name: SVG, value: EVIL }],
  preflight: { request: [{ name: IMG, value: SCRIPT }], status: 204, response: [{ name: SCRIPT, value: IMG }] },
  analysis: {
    type: 'preflighted',
    reasons: [reason({ message: EVIL, chromeCorsError: IMG, failedParameter: SCRIPT, firefoxError: SVG, header: IMG, mdn: 'javascript:globalThis.__pwned=4' })],
    warnings: [warning({ message: EVIL, mdn: 'javascript:globalThis.__pwned=5' })],
    fix: { preflight: [{ name: IMG, value: EVIL }], preflightStatus: 204, response: [{ name: 'Access-Control-Allow-Origin', value: EVIL }], note: EVIL },
    dependsOn: EVIL,
  },
});

function assertInert(): void {
  const tags = new Set(Array.from(document.querySelectorAll('*')).map((e) => e.tagName));
  expect([...tags].filter((t) => !OUR_TAGS.has(t))).toEqual([]);
  for (const el of Array.from(document.querySelectorAll('*'))) {
    expect(el.getAttributeNames().filter((n) => n.startsWith('on'))).toEqual([]);
    const href = el.getAttribute('href');
    if (href !== null) expect(href.startsWith('https://')).toBe(true);
  }
  expect((globalThis as { __pwned?: number }).__pwned).toBeUndefined();
}

test.each(SNIPPETS.map((s) => s.id))('hostile values render as text only, with the %s snippet shown', (snippetId) => {
  const store = createStore(undefined, () => undefined);
  store.receive(snapshot([hostile], [{ ...PAGE, url: EVIL }], summary()));
  store.flush();
  render(<App store={store} tabId={1} send={() => undefined} />);
  fireEvent.input(screen.getByLabelText('Filter'), { target: { value: '<img' } });
  const row = document.querySelector('.list-spacer .row');
  expect(row?.textContent).toContain(IMG);
  fireEvent.click(row as Element);
  fireEvent.change(screen.getByLabelText('Server'), { target: { value: snippetId } });
  const detail = screen.getByLabelText('Exchange details');
  expect(detail.textContent).toContain(EVIL);
  expect(detail.querySelectorAll('a')).toHaveLength(0);
  assertInert();
});
