// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, test } from 'vitest';
import type { PanelMessage, RecordedExchange } from '../../core/protocol';
import { createStore } from '../state/store';
import { PAGE, blocked, manyRows, reason, recorded, snapshot, summary, warning } from '../../../test/support/panel-data';
import { App } from './App';

afterEach(cleanup);

const PREFLIGHT_BLOCKED = blocked({
  id: 'pf',
  seq: 2,
  startedAt: 2,
  method: 'PUT',
  url: 'https://api.test/orders/9',
  requestHeaders: [
    { name: 'Origin', value: 'https://app.test' },
    { name: 'X-Api-Key', value: 'k' },
  ],
  preflight: {
    request: [
      { name: 'Origin', value: 'https://app.test' },
      { name: 'Access-Control-Request-Method', value: 'PUT' },
      { name: 'Access-Control-Request-Headers', value: 'x-api-key' },
    ],
    status: 204,
    response: [
      { name: 'Access-Control-Allow-Origin', value: 'https://app.test' },
      { name: 'Access-Control-Allow-Headers', value: 'content-type' },
    ],
  },
  analysis: {
    type: 'preflighted',
    reasons: [
      reason({
        code: 'header-not-allowed',
        chromeCorsError: 'HeaderDisallowedByPreflightResponse',
        failedParameter: 'x-api-key',
        firefoxError: 'CORSMissingAllowHeaderFromPreflight',
        message: 'The preflight response does not allow the request header x-api-key.',
        mdn: 'https://developer.mozilla.org/en-US/docs/Web/HTTP/CORS/Errors/CORSMissingAllowHeaderFromPreflight',
        stage: 'preflight',
        header: 'Access-Control-Allow-Headers',
      }),
    ],
    fix: {
      preflight: [
        { name: 'Access-Control-Allow-Origin', value: 'https://app.test' },
        { name: 'Access-Control-Allow-Methods', value: 'PUT' },
        { name: 'Access-Control-Allow-Headers', value: 'content-type, x-api-key' },
      ],
      preflightStatus: null,
      response: null,
    },
  },
});

const ROWS: RecordedExchange[] = [
  recorded({ id: 'ok', seq: 1, startedAt: 1, url: 'https://cdn.test/lib.js' }),
  PREFLIGHT_BLOCKED,
  recorded({ id: 'warn', seq: 3, startedAt: 3, url: 'https://fonts.test/a.woff', analysis: { warnings: [warning()] } }),
  recorded({ id: 'nc', seq: 4, startedAt: 4, url: 'https://img.test/p.png', analysis: { type: 'no-cors' } }),
];

function setup(rows: RecordedExchange[] = ROWS, sum = summary()) {
  const store = createStore(undefined, () => undefined);
  store.receive(snapshot(rows, [PAGE], sum));
  store.flush();
  const sent: PanelMessage[] = [];
  const view = render(<App store={store} tabId={7} send={(m) => sent.push(m)} />);
  return { store, sent, view };
}

const urls = (): string[] => Array.from(document.querySelectorAll('.list-spacer .c-url')).map((e) => e.textContent ?? '');
const list = (): HTMLElement => screen.getByTestId('list-scroll');

describe('App', () => {
  test('lists every exchange and summarises them', () => {
    setup(ROWS, summary({ sameOrigin: 12, dropped: 3 }));
    expect(urls()).toEqual(['https://cdn.test/lib.js', 'https://api.test/orders/9', 'https://fonts.test/a.woff', 'https://img.test/p.png']);
    expect(screen.getByTestId('summary').textContent).toBe('1 blocked · 1 preflighted · 2 simple · 1 no-cors · 1 with warnings · 12 same-origin · 3 dropped (cap 5,000)');
    const blockedRow = document.querySelector('.row.verdict-blocked');
    expect(blockedRow?.querySelector('.c-verdict')?.textContent).toBe('blocked');
    expect(document.querySelector('.row.verdict-warning .c-verdict')?.textContent).toBe('warning');
  });

  test.each<[string, (el: HTMLElement) => void, string[]]>([
    ['text', () => fireEvent.input(screen.getByLabelText('Filter'), { target: { value: 'orders' } }), ['https://api.test/orders/9']],
    ['reason text', () => fireEvent.input(screen.getByLabelText('Filter'), { target: { value: 'x-api-key' } }), ['https://api.test/orders/9']],
    ['verdict toggle', () => fireEvent.click(screen.getByRole('button', { name: 'warning' })), ['https://fonts.test/a.woff']],
    ['type toggle', () => fireEvent.click(screen.getByRole('button', { name: 'no-cors' })), ['https://img.test/p.png']],
    ['only blocked', () => fireEvent.click(screen.getByLabelText('Only blocked')), ['https://api.test/orders/9']],
  ])('filters by %s', (_name, act, expected) => {
    setup();
    act(document.body);
    expect(urls()).toEqual(expected);
  });

  test('an undecided exchange leads with its likely verdict and the condition, not an alarm', () => {
    const because = "Allowed if the page used the default credentials mode (fetch's credentials: 'same-origin').";
    const depends = 'whether the request was sent with credentials';
    const undecided = recorded({ id: 'u', seq: 5, startedAt: 5, url: 'https://api2.test/me', analysis: { verdict: 'unknown', dependsOn: depends, likely: 'allowed', likelyBecause: because } });
    setup([...ROWS, undecided]);
    const row = document.querySelector('.row.verdict-unknown');
    expect(row?.classList.contains('likely-allowed')).toBe(true);
    expect(row?.querySelector('.c-verdict')?.textContent).toBe('likely allowed');
    expect(row?.querySelector('.c-reason')?.textContent).toBe(because);
    fireEvent.click(screen.getByText('https://api2.test/me'));
    const details = screen.getByLabelText('Exchange details');
    expect(details.querySelector('.badge.verdict-unknown')?.textContent).toBe('likely allowed');
    expect(details.textContent).toContain(`Likely allowed. ${because}`);
    expect(details.textContent).toContain(`Undecided: ${depends}`);
    // Filters still see it as unknown: "likely" is not a verdict.
    fireEvent.click(screen.getByLabelText('Only blocked'));
    expect(urls()).toEqual(['https://api.test/orders/9']);
  });

  test('keyboard: arrows move the selection, Enter opens the details, Escape closes them', () => {
    setup();
    fireEvent.keyDown(list(), { key: 'ArrowDown' });
    fireEvent.keyDown(list(), { key: 'ArrowDown' });
    expect(document.querySelector('.row.selected .c-url')?.textContent).toBe('https://api.test/orders/9');
    fireEvent.keyDown(list(), { key: 'ArrowUp' });
    fireEvent.keyDown(list(), { key: 'ArrowDown' });
    expect(screen.queryByLabelText('Exchange details')).toBeNull();
    fireEvent.keyDown(list(), { key: 'Enter' });
    expect(screen.getByLabelText('Exchange details').textContent).toContain('HeaderDisallowedByPreflightResponse');
    fireEvent.keyDown(list(), { key: 'End' });
    expect(screen.getByLabelText('Exchange details').textContent).toContain('https://img.test/p.png');
    const seenByDocument: string[] = [];
    const spy = (e: KeyboardEvent): number => seenByDocument.push(e.key);
    document.addEventListener('keydown', spy);
    fireEvent.keyDown(list(), { key: 'Escape' });
    expect(screen.queryByLabelText('Exchange details')).toBeNull();
    // With the details closed, Escape is left to DevTools (its drawer toggle).
    fireEvent.keyDown(list(), { key: 'Escape' });
    document.removeEventListener('keydown', spy);
    expect(seenByDocument).toEqual(['Escape']);
  });

  test('Escape inside the details closes them', () => {
    setup();
    fireEvent.click(screen.getByText('https://cdn.test/lib.js'));
    fireEvent.keyDown(screen.getByRole('button', { name: 'Copy request as cURL' }), { key: 'Escape' });
    expect(screen.queryByLabelText('Exchange details')).toBeNull();
  });

  test('virtualised: 20,000 rows keep a few dozen in the DOM, and scrolling shows the end', () => {
    setup(manyRows(20_000));
    const count = (): number => document.querySelectorAll('.list-spacer .row').length;
    expect(count()).toBeGreaterThan(10);
    expect(count()).toBeLessThan(60);
    const scroller = list();
    scroller.scrollTop = 20_000 * 22 - 600;
    fireEvent.scroll(scroller);
    expect(count()).toBeLessThan(60);
    expect(urls()).toContain('https://api0.test/v1/items/19999');
    fireEvent.keyDown(scroller, { key: 'Home' });
    expect(urls()).toContain('https://api0.test/v1/items/0');
  });

  test('detail view: reason, browser wordings, MDN, highlighted header, fix, config and cURL', () => {
    setup();
    fireEvent.click(screen.getByText('https://api.test/orders/9'));
    const detail = screen.getByLabelText('Exchange details');
    const text = detail.textContent ?? '';
    expect(text).toContain('The preflight response does not allow the request header x-api-key.');
    expect(text).toContain('HeaderDisallowedByPreflightResponse');
    expect(text).toContain('failed parameter: x-api-key');
    expect(text).toContain('CORSMissingAllowHeaderFromPreflight');
    const mdn = within(detail).getByRole('link', { name: /MDN/ });
    expect(mdn.getAttribute('href')).toBe('https://developer.mozilla.org/en-US/docs/Web/HTTP/CORS/Errors/CORSMissingAllowHeaderFromPreflight');
    const offending = Array.from(detail.querySelectorAll('tr.offending th')).map((e) => e.textContent);
    expect(offending).toEqual(['Access-Control-Allow-Headers']);
    expect(text).toContain('Access-Control-Allow-Headers: content-type, x-api-key');
    const config = (): string => detail.querySelector('pre[data-snippet]')?.textContent ?? '';
    expect(config()).toContain("allowedHeaders: ['content-type', 'x-api-key']");
    fireEvent.change(within(detail).getByLabelText('Server'), { target: { value: 'nginx' } });
    expect(config()).toContain('add_header Access-Control-Allow-Headers "content-type, x-api-key" always;');
    expect(within(detail).getByRole('button', { name: 'Copy preflight as cURL' })).toBeTruthy();
    expect(within(detail).getByRole('button', { name: 'Copy request as cURL' })).toBeTruthy();
    expect(detail.querySelectorAll('.header-table')).toHaveLength(4);
  });

  test('a missing header is shown as missing, in the response that lacked it', () => {
    setup([blocked({ id: 'm', responseHeaders: [{ name: 'Content-Type', value: 'text/plain' }] })]);
    fireEvent.click(screen.getByText('https://api.test/items/m'));
    const missing = document.querySelector('tr.offending.missing');
    expect(missing?.textContent).toBe('access-control-allow-origin(missing)');
  });

  test.each<[string, () => void, PanelMessage['type']]>([
    ['Clear', () => fireEvent.click(screen.getByRole('button', { name: 'Clear' })), 'clear'],
    ['Preserve log', () => fireEvent.click(screen.getByLabelText('Preserve log')), 'setPreserveLog'],
  ])('%s talks to the background', (_n, act, type) => {
    const { sent } = setup();
    act();
    expect(sent.map((m) => m.type)).toEqual([type]);
  });

  test('live updates arrive through the store', () => {
    const { store } = setup([]);
    expect(screen.getByText(/No cross-origin requests yet/)).toBeTruthy();
    act(() => {
      store.receive(snapshot([recorded({ id: 'late', url: 'https://late.test/' })]));
      store.flush();
    });
    expect(urls()).toEqual(['https://late.test/']);
  });

  test('missing host access: a prompt whose grant tells the background', async () => {
    const store = createStore(undefined, () => undefined);
    store.receive(snapshot([], [PAGE], summary({ hostAccess: 'missing' })));
    store.flush();
    const sent: PanelMessage[] = [];
    const asked: string[] = [];
    render(<App store={store} tabId={7} send={(m) => sent.push(m)} requestHostAccess={() => (asked.push('asked'), Promise.resolve(true))} />);
    expect(screen.getByRole('alert').textContent).toContain('cannot see this site');
    fireEvent.click(screen.getByRole('button', { name: 'Grant access' }));
    await waitFor(() => expect(sent.map((m) => m.type)).toEqual(['hostAccessChanged']));
    expect(asked).toEqual(['asked']);
  });

  test.each([
    { name: 'DevTools opened after the page loaded', sum: { recordingSince: 5, pageLoadCaptured: false }, text: 'Recording started when DevTools opened. Reload to capture the page load. Reload' },
    { name: '"Record all tabs" turned on after the page loaded', sum: { recordingSince: 5, pageLoadCaptured: false, recordAllTabs: true }, text: 'Recording started after this page loaded. Reload to capture the page load. Reload' },
    { name: 'the page load was recorded', sum: { recordingSince: 5, pageLoadCaptured: true }, text: null },
    { name: 'the standalone view picked the tab after it loaded', sum: { recordingSince: 5, pageLoadCaptured: false }, inDevtools: false, text: 'Recording started when this view opened. Reload to capture the page load. Reload' },
  ])('recording banner: $name', ({ sum, text, inDevtools }) => {
    const store = createStore(undefined, () => undefined);
    store.receive(snapshot(ROWS, [PAGE], summary(sum)));
    store.flush();
    const reloads: string[] = [];
    render(<App store={store} tabId={7} send={() => undefined} reload={() => reloads.push('reload')} inDevtools={inDevtools ?? true} />);
    const banner = screen.queryByTestId('recording-banner');
    expect(banner?.textContent ?? null).toBe(text);
    if (banner) fireEvent.click(within(banner).getByRole('button', { name: 'Reload' }));
    expect(reloads).toEqual(text === null ? [] : ['reload']);
  });

  test.each([
    { name: 'a private window', sum: { privateWindow: true as const }, text: 'Private window: kept in memory only. Nothing of this tab is written to disk; its log goes when the window closes.' },
    { name: 'saving failed', sum: { storageFault: 'QuotaExceededError: The quota has been exceeded.' }, text: "Could not save the log (QuotaExceededError: The quota has been exceeded.). Recording goes on in memory only: if the browser stops CORS Lens's background, what was recorded since is lost." },
    { name: 'saved as usual', sum: {}, text: null },
  ])('storage banner: $name', ({ sum, text }) => {
    const store = createStore(undefined, () => undefined);
    store.receive(snapshot(ROWS, [PAGE], summary(sum)));
    store.flush();
    render(<App store={store} tabId={7} send={() => undefined} />);
    expect(screen.queryByTestId('storage-banner')?.textContent.replace(/\s+/g, ' ') ?? null).toBe(text);
  });

  test('an exchange restored without its secrets says so in its details and beside "Include cookies and credentials"', () => {
    const restored: RecordedExchange = { ...(ROWS[0] as RecordedExchange), redactedAtRest: true };
    const store = createStore(undefined, () => undefined);
    store.receive(snapshot([restored], [PAGE], summary({})));
    store.flush();
    render(<App store={store} tabId={7} send={() => undefined} />);
    fireEvent.click(screen.getAllByRole('row')[1] as HTMLElement);
    expect(screen.getByTestId('redacted-at-rest').textContent).toMatch(/^\(redacted\) Secret values of this exchange .* were not kept/);
    fireEvent.click(screen.getByLabelText('Include cookies and credentials'));
    expect(screen.getByText(/1 restored after a restart without their secrets/)).toBeTruthy();
  });

  test('the "Record all tabs" setting shows the recorder\'s state and asks the recorder to change it', () => {
    const { sent } = setup(ROWS, summary({ recordAllTabs: false }));
    const box = screen.getByLabelText('Record all tabs, even with DevTools closed') as HTMLInputElement;
    expect(box.checked).toBe(false);
    fireEvent.click(box);
    expect(sent.at(-1)).toEqual({ type: 'setRecordAllTabs', version: 1, payload: { tabId: 7, recordAllTabs: true } });
  });
});
