// Drive the scenario runner page (test/server/runner-page.ts) that a test has open: its
// `window.runScenario(id)` makes the scenario's request and resolves to what the page saw.
import type { Page } from 'puppeteer-core';
import type { RunResult } from '../scenarios/types';

export function runOnPage(page: Page, id: string): Promise<RunResult> {
  return page.evaluate((i) => (window as unknown as { runScenario(s: string): Promise<RunResult> }).runScenario(i), id);
}

/** One after another, as a page's code would: each settles before the next starts. */
export async function runAllOnPage(page: Page, ids: readonly string[]): Promise<RunResult[]> {
  const results: RunResult[] = [];
  for (const id of ids) results.push(await runOnPage(page, id));
  return results;
}
