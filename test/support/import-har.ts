// Import HAR in the real panel page, watched from inside it: how long until the imported rows show,
// what the progress banner said on the way, and how long the panel's main thread was ever busy
// (the largest gap between 10 ms timer ticks, and Chromium's long tasks). Used by the import e2e
// test (functional checks) and `npm run bench -- import` (the figures).
import type { Browser, ElementHandle, Page } from 'puppeteer-core';
import { extensionWorkerTarget } from './extension-log';

export interface ImportWatch {
  /** From handing the file to the input to the imported banner and the first row in the DOM. */
  readonly rowsShownMs: number;
  /** The "(N exchanges)" of the imported banner. */
  readonly exchanges: number;
  /** Texts the progress banner showed, in order, without repeats. */
  readonly progress: readonly string[];
  /** Largest gap between two ticks of a 10 ms interval during the import. */
  readonly longestTimerGapMs: number;
  /** Longest main-thread task Chromium reported (PerformanceObserver "longtask"; 0 when none over 50 ms). */
  readonly longestTaskMs: number;
  readonly timerTicks: number;
}

/** Chromium: the panel page as a tab of its own (the standalone view, on a tab id nobody records). */
export async function openPanelPage(browser: Browser): Promise<Page> {
  const worker = await extensionWorkerTarget(browser);
  const origin = /^chrome-extension:\/\/[^/]+/.exec(worker.url())?.[0] ?? '';
  const page = await browser.newPage();
  await page.goto(`${origin}/src/panel/panel.html?tabId=999999`);
  await page.waitForSelector('input[type="file"][aria-label="Import HAR"]');
  return page;
}

export async function importAndWatch(page: Page, file: string, timeoutMs = 60_000): Promise<ImportWatch> {
  await page.evaluate(() => {
    const w = window as unknown as { importWatch: { start: number; lastTick: number; maxGap: number; ticks: number; longest: number; progress: string[]; timer: number } };
    const watch = { start: 0, lastTick: performance.now(), maxGap: 0, ticks: 0, longest: 0, progress: [] as string[], timer: 0 };
    w.importWatch = watch;
    watch.timer = window.setInterval(() => {
      const now = performance.now();
      watch.maxGap = Math.max(watch.maxGap, now - watch.lastTick);
      watch.lastTick = now;
      watch.ticks++;
    }, 10);
    // Chromium only: Firefox has no "longtask" entries (the timer gap measures both).
    if (PerformanceObserver.supportedEntryTypes.includes('longtask')) {
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) watch.longest = Math.max(watch.longest, e.duration);
      }).observe({ type: 'longtask' });
    }
    new MutationObserver(() => {
      const text = document.querySelector('[data-testid="importing-banner"]')?.textContent ?? '';
      if (text && watch.progress.at(-1) !== text) watch.progress.push(text);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
    watch.start = performance.now();
  });
  const input = (await page.$('input[type="file"][aria-label="Import HAR"]')) as ElementHandle<HTMLInputElement>;
  await input.uploadFile(file);
  await page.waitForFunction(() => document.querySelector('[data-testid="imported-banner"]') !== null && document.querySelector('[data-testid="list-scroll"] [role="row"]') !== null, { timeout: timeoutMs, polling: 'mutation' });
  return page.evaluate(() => {
    const w = (window as unknown as { importWatch: { start: number; lastTick: number; maxGap: number; ticks: number; longest: number; progress: string[]; timer: number } }).importWatch;
    const rowsShownMs = performance.now() - w.start;
    clearInterval(w.timer);
    const banner = document.querySelector('[data-testid="imported-banner"]')?.textContent ?? '';
    const exchanges = Number(/\((\d+) exchanges\)/.exec(banner)?.[1] ?? NaN);
    return { rowsShownMs, exchanges, progress: w.progress, longestTimerGapMs: w.maxGap, longestTaskMs: w.longest, timerTicks: w.ticks };
  });
}
