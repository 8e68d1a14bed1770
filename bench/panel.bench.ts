// Panel performance with 20,000 exchanges, in happy-dom (no browser): first render (snapshot
// applied + App mounted), one filter keystroke, opening the Problems view and one exchange arriving
// while it is open, medians over several runs. `npm run bench` calls `runPanelBench`; targets are
// 200 ms (first render) and 50 ms (a keystroke). Not a test: timings do not belong in tests on a
// shared 2-core machine.
import { Window } from 'happy-dom';
import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { App } from '../src/panel/components/App';
import { createStore } from '../src/panel/state/store';
import { PAGE, bg, manyRows, snapshot, summary } from '../test/support/panel-data';

export interface PanelBenchResult {
  readonly firstRenderMs: number;
  readonly filterKeystrokeMs: number;
  readonly domRows: number;
  /** Clicking the Problems tab: grouping the 20,000 exchanges and rendering the view. */
  readonly problemsOpenMs: number;
  /** With the Problems view open, one more exchange arriving (grouping again, mostly from caches). */
  readonly problemsUpdateMs: number;
  /** The same with the exchange list shown instead: what an update costs without the grouping. */
  readonly listUpdateMs: number;
}

const ROWS = 20_000;
const RUNS = 7;
/** Typed one character at a time; each prefix is one keystroke. */
const TYPED = 'items/19';

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
};

/** Installs a happy-dom window as the globals Preact uses, unless a DOM is already there. */
function withDom(): () => void {
  if (typeof document !== 'undefined') return () => undefined;
  const window = new Window({ width: 1200, height: 800 });
  const g = globalThis as Record<string, unknown>;
  const names = ['window', 'document', 'navigator', 'Event', 'KeyboardEvent', 'InputEvent', 'HTMLElement', 'Element', 'Node', 'ResizeObserver'];
  const saved = names.map((n) => [n, Object.getOwnPropertyDescriptor(g, n)] as const);
  for (const n of names) Object.defineProperty(g, n, { value: (window as unknown as Record<string, unknown>)[n], configurable: true, writable: true });
  return () => {
    for (const [n, d] of saved) {
      if (d) Object.defineProperty(g, n, d);
      else delete g[n];
    }
    void window.happyDOM.close();
  };
}

/** One more exchange, as the background sends it; the time to apply and render it. */
function oneMore(store: ReturnType<typeof createStore>, id: string, seq: number): number {
  const [extra] = manyRows(1);
  const t = performance.now();
  act(() => {
    if (extra) store.receive(bg('exchangeRecorded', { entry: { ...extra, seq, exchange: { ...extra.exchange, id } }, summary: summary() }));
    store.flush();
  });
  return performance.now() - t;
}

function runOnce(): { first: number; keystrokes: number[]; domRows: number; problemsOpen: number; problemsUpdate: number; listUpdate: number } {
  const rows = manyRows(ROWS);
  const container = document.createElement('div');
  document.body.append(container);
  const t0 = performance.now();
  const store = createStore(undefined, () => undefined);
  act(() => {
    store.receive(snapshot(rows, [PAGE]));
    store.flush();
    render(h(App, { store, tabId: 1, send: () => undefined }), container);
  });
  const first = performance.now() - t0;
  const domRows = container.querySelectorAll('.list-spacer .row').length;
  const input = container.querySelector<HTMLInputElement>('input.filter-text');
  const keystrokes: number[] = [];
  for (let i = 1; i <= TYPED.length && input; i++) {
    const t = performance.now();
    act(() => {
      input.value = TYPED.slice(0, i);
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    keystrokes.push(performance.now() - t);
  }
  if (!container.querySelector('.list-spacer .row')) throw new Error('bench: the filter left no rows; the bench is not measuring a render');
  const listUpdate = oneMore(store, 'extra-list', ROWS + 1);
  const tab = container.querySelector<HTMLButtonElement>('#view-problems');
  const tOpen = performance.now();
  act(() => tab?.click());
  const problemsOpen = performance.now() - tOpen;
  if (!container.querySelector('.problem-row')) throw new Error('bench: the Problems view shows no problem; the bench is not measuring it');
  const problemsUpdate = oneMore(store, 'extra-problems', ROWS + 2);
  render(null, container);
  container.remove();
  return { first, keystrokes, domRows, problemsOpen, problemsUpdate, listUpdate };
}

export async function runPanelBench(): Promise<PanelBenchResult> {
  const restore = withDom();
  try {
    runOnce(); // warm-up: JIT and module initialisation are not what a user waits for twice
    const firsts: number[] = [];
    const keys: number[] = [];
    const opens: number[] = [];
    const updates: number[] = [];
    const listUpdates: number[] = [];
    let domRows = 0;
    for (let i = 0; i < RUNS; i++) {
      const r = runOnce();
      firsts.push(r.first);
      keys.push(...r.keystrokes);
      opens.push(r.problemsOpen);
      updates.push(r.problemsUpdate);
      listUpdates.push(r.listUpdate);
      domRows = Math.max(domRows, r.domRows);
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    return { firstRenderMs: median(firsts), filterKeystrokeMs: median(keys), domRows, problemsOpenMs: median(opens), problemsUpdateMs: median(updates), listUpdateMs: median(listUpdates) };
  } finally {
    restore();
  }
}
