// Drive real Chrome DevTools (launched with `devtools: true`) to the extension's CORS panel.
// DevTools is a target of type `other` (devtools://devtools/...); the extension's devtools_page and,
// once shown, the panel page are further `other` targets (chrome-extension://<id>/...). Extension
// panels sit behind the tab strip's overflow when DevTools is narrow, so we select the panel the way
// a keyboard user does: Ctrl+] moves to the next panel until the selected tab is "CORS".

import type { Browser, Frame, KeyInput, Page } from 'puppeteer-core';
import type { ScenarioServer } from '../server/scenario-server';
import { type LaunchedBrowser, launchChromium } from './browsers';
import { CHROME_DIR } from './ensure-extension';
import { summaryWhen } from './panel-dom';
import { runAllOnPage } from './runner-calls';

const PANEL_TITLE = 'CORS';
const PANEL_PATH = '/src/panel/panel.html';

async function chord(page: Page, keys: readonly ('Control' | 'Shift')[], key: KeyInput): Promise<void> {
  for (const k of keys) await page.keyboard.down(k);
  await page.keyboard.press(key);
  for (const k of [...keys].reverse()) await page.keyboard.up(k);
}

const selectedTab = (devtools: Page): Promise<string | null> =>
  devtools.$eval('pierce/[role="tab"][aria-selected="true"]', (e) => e.getAttribute('aria-label')).catch(() => null);

export interface CorsPanel {
  /** The DevTools window (screenshot this). */
  readonly devtools: Page;
  /** The panel's own document, inside DevTools. */
  readonly panel: Frame;
}

/** Find the DevTools window of the (only) inspected tab and select the CORS panel in it. */
export async function openCorsPanel(browser: Browser, timeoutMs = 30_000): Promise<CorsPanel> {
  const target = await browser.waitForTarget((t) => t.url().startsWith('devtools://devtools/'), { timeout: timeoutMs });
  const devtools = await target.asPage();
  // The extension's devtools_page must have created the panel before its tab exists.
  await browser.waitForTarget((t) => t.url().includes('/src/devtools/devtools.html'), { timeout: timeoutMs });
  await devtools.waitForSelector('pierce/[role="tab"]', { timeout: timeoutMs });
  await selectCorsTab(devtools);
  await browser.waitForTarget((t) => t.url().includes(PANEL_PATH), { timeout: timeoutMs });
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const panel = devtools.frames().find((f) => f.url().includes(PANEL_PATH));
    if (panel) return { devtools, panel };
    if (Date.now() > deadline) throw new Error('the CORS panel page did not load inside DevTools');
    await new Promise((r) => setTimeout(r, 150));
  }
}

/** Cycle DevTools' tabs (Ctrl+]) until the CORS panel is the selected one. */
async function selectCorsTab(devtools: Page): Promise<void> {
  for (let i = 0; i < 30 && (await selectedTab(devtools)) !== PANEL_TITLE; i += 1) {
    await chord(devtools, ['Control'], ']');
    await new Promise((r) => setTimeout(r, 150));
  }
  if ((await selectedTab(devtools)) !== PANEL_TITLE) throw new Error('the CORS panel never became the selected DevTools tab');
}

/** Dock DevTools to the bottom (Ctrl+Shift+D toggles the side), so the panel gets the full width. */
export async function dockToBottom(devtools: Page): Promise<void> {
  const stripWidth = (): Promise<number> => devtools.$eval('pierce/[role="tablist"]', (e) => e.getBoundingClientRect().width).catch(() => 0);
  const before = await stripWidth();
  await chord(devtools, ['Control', 'Shift'], 'D');
  await new Promise((r) => setTimeout(r, 800));
  // The toggle goes back to the previous side; if that was not wider, toggle once more.
  if ((await stripWidth()) <= before) {
    await chord(devtools, ['Control', 'Shift'], 'D');
    await new Promise((r) => setTimeout(r, 800));
  }
}

/** Drag the split between the (blank, headless) page area and bottom-docked DevTools up to `y`. */
export async function growDevtools(devtools: Page, y = 40): Promise<void> {
  const box = await devtools.$eval('pierce/[role="tablist"]', (e) => {
    const r = e.getBoundingClientRect();
    return { top: r.top, x: r.left + r.width / 2 };
  });
  if (box.top <= y) return;
  await devtools.mouse.move(box.x, box.top - 2);
  await devtools.mouse.down();
  await devtools.mouse.move(box.x, y, { steps: 10 });
  await devtools.mouse.up();
  await new Promise((r) => setTimeout(r, 500));
}

/** Screenshot just the DevTools part of the window (docked DevTools leaves the page area blank). */
export async function screenshotDevtools(devtools: Page, path: `${string}.png`): Promise<void> {
  // A queued Ctrl+] on a loaded machine can leave DevTools one tab further: make sure of the picture.
  await selectCorsTab(devtools);
  const top = await devtools.$eval('pierce/[role="tablist"]', (e) => e.getBoundingClientRect().top).catch(() => 0);
  const { width, height } = await devtools.evaluate(() => ({ width: innerWidth, height: innerHeight }));
  const y = Math.max(0, Math.floor(top) - 4);
  await devtools.screenshot({ path, clip: { x: 0, y, width, height: height - y } });
}

export interface PanelOnScenarios extends CorsPanel {
  readonly launched: LaunchedBrowser;
  /** The inspected tab, on the scenario runner page. */
  readonly page: Page;
}

/**
 * Chromium with DevTools open on the scenario runner page and the CORS panel selected before any
 * traffic, then `calls` run one after another, until the panel lists each (callers close `launched`).
 */
export async function panelOnScenarios(server: ScenarioServer, calls: readonly string[], extraArgs: readonly string[], tag: string): Promise<PanelOnScenarios> {
  const launched = await launchChromium({ extensionDir: CHROME_DIR, devtools: true, extraArgs });
  try {
    const [page] = await launched.browser.pages();
    if (!page) throw new Error('Chromium opened no tab');
    const { devtools, panel } = await openCorsPanel(launched.browser);
    await page.goto(`${server.pageOrigin}/?e2e=${tag}`);
    await runAllOnPage(page, calls);
    await summaryWhen(panel, (s) => s.total === calls.length);
    return { launched, page, devtools, panel };
  } catch (error) {
    // The caller never got `launched`, so it cannot close it.
    await launched.close();
    throw error;
  }
}
