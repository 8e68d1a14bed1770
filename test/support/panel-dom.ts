// Read the real CORS panel's DOM (inside Chrome DevTools) the way a user reads it: the summary
// bar's text, and the rows the virtualised list renders. Rows outside the view are not in the DOM,
// so to find one we narrow the list with the panel's own filter box, as a user would type into it.
// Selectors follow src/panel/components: SummaryBar (`data-testid="summary"`), ExchangeList
// (`data-testid="list-scroll"`, rows with `role="row"`), ExchangeRow (cells `.c-url`, `.c-verdict`...).

import type { Frame } from 'puppeteer-core';

export interface PanelSummary {
  readonly text: string;
  readonly blocked: number;
  readonly preflighted: number;
  readonly simple: number;
  readonly noCors: number;
  /** Every row in the log (preflighted + simple + no-cors: each row has exactly one type). */
  readonly total: number;
  /** Rows the filter lets through ("— showing X of Y"); `total` when nothing is filtered out. */
  readonly shown: number;
}

export interface PanelRow {
  readonly url: string;
  readonly method: string;
  readonly type: string;
  readonly verdict: string;
  readonly status: string;
  readonly reason: string;
  readonly selected: boolean;
}

const count = (text: string, label: string): number => Number(new RegExp(`(\\d+) ${label}`).exec(text)?.[1] ?? '0');

/**
 * A row's verdict as the page saw it: blocked ⇔ the call threw; `unknown` counts as resolved only
 * when it hinges on the credentials mode (which no record shows, so the analyzer may not decide it).
 */
export function pageVerdict(row: PanelRow | undefined): string {
  if (!row) return 'no row';
  if (row.verdict === 'blocked') return 'threw';
  if (row.verdict === 'allowed' || row.verdict === 'warning') return 'resolved';
  if (row.verdict === 'unknown' && /credentials/i.test(row.reason)) return 'resolved';
  return `${row.verdict} (${row.reason})`;
}

/** Parse "3 blocked · 12 preflighted · 40 simple · 1 no-cors … — showing 1 of 56". */
export function parseSummary(text: string): PanelSummary {
  const preflighted = count(text, 'preflighted');
  const simple = count(text, 'simple');
  const noCors = count(text, 'no-cors');
  const total = preflighted + simple + noCors;
  const showing = /showing (\d+) of (\d+)/.exec(text);
  return { text, blocked: count(text, 'blocked'), preflighted, simple, noCors, total, shown: showing ? Number(showing[1]) : total };
}

export async function readSummary(panel: Frame): Promise<PanelSummary> {
  return parseSummary(await panel.$eval('[data-testid="summary"]', (e) => (e as HTMLElement).innerText));
}

/** Wait until the summary bar satisfies `done` (the panel receives exchanges asynchronously). */
export async function summaryWhen(panel: Frame, done: (s: PanelSummary) => boolean, timeoutMs = 20_000): Promise<PanelSummary> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const s = await readSummary(panel).catch(() => undefined);
    if (s && done(s)) return s;
    if (Date.now() > deadline) throw new Error(`the summary bar never got there; last: ${s?.text ?? '(none)'}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Rows currently in the DOM (the virtualised list renders only those in view, plus an overscan). */
export function renderedRows(panel: Frame): Promise<PanelRow[]> {
  return panel.$$eval('[data-testid="list-scroll"] [role="row"]', (rows) =>
    rows.map((r) => {
      const cell = (c: string): string => (r.querySelector(`.${c}`) as HTMLElement | null)?.getAttribute('title') ?? r.querySelector(`.${c}`)?.textContent ?? '';
      return {
        url: cell('c-url'),
        method: cell('c-method'),
        type: cell('c-type'),
        verdict: cell('c-verdict'),
        status: r.querySelector('.c-status')?.textContent ?? '',
        reason: cell('c-reason'),
        selected: r.getAttribute('aria-selected') === 'true',
      };
    }),
  );
}

/**
 * Put `text` in the panel's filter box (an `input` event, as typing fires) and wait until the list
 * shows what the summary says it shows. Typing key by key gives the same events, only slower.
 */
export async function setFilterText(panel: Frame, text: string): Promise<PanelSummary> {
  await panel.$eval(
    'input[aria-label="Filter"]',
    async (e, value) => {
      const input = e as HTMLInputElement;
      input.value = value;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      // Preact renders state changes in a microtask; a macrotask later the list is up to date.
      await new Promise((r) => setTimeout(r, 0));
    },
    text,
  );
  const deadline = Date.now() + 5_000;
  for (;;) {
    const [summary, rows] = await Promise.all([readSummary(panel), renderedRows(panel)]);
    // Settled once the list holds as many rows as the summary says it shows (or a full view of them).
    if (rows.length === summary.shown || (summary.shown > rows.length && rows.length > 10)) return summary;
    if (Date.now() > deadline) throw new Error(`the list did not settle after filtering by "${text}": ${summary.text}, ${rows.length} rows rendered`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The rows whose URL is exactly `url`, found through the filter box (works for rows outside the view). */
export async function rowsWithUrl(panel: Frame, url: string): Promise<{ rows: PanelRow[]; summary: PanelSummary }> {
  const summary = await setFilterText(panel, url);
  const rows = (await renderedRows(panel)).filter((r) => r.url === url);
  return { rows, summary };
}
