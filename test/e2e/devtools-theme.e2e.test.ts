// End-to-end: the CORS panel follows the DevTools theme and stays usable at a narrow
// DevTools width, in real Chrome DevTools. Chromium runs with a dark system scheme
// (`--force-dark-mode`), which DevTools' default theme ("system preference") follows, and DevTools
// stays docked to the side of a small window, as on a laptop. Screenshot: .tmp/devtools-dark-narrow.png.

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { start, type ScenarioServer } from '../server/scenario-server';
import type { LaunchedBrowser } from '../support/browsers';
import { panelOnScenarios, screenshotDevtools } from '../support/devtools-panel';
import { ensureExtensionBuilt, ROOT } from '../support/ensure-extension';
import { renderedRows } from '../support/panel-dom';

const CALLS = ['simple-get-exact-origin', 'simple-get-missing-allow-origin', 'preflight-put-allowed', 'preflight-status-404'];

/** Relative luminance of a CSS `rgb(...)` colour (WCAG 2.x), 0 black … 1 white. */
function luminance(rgb: string): number {
  const [r, g, b] = (rgb.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((c) => {
    const s = Number(c) / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
}

/** WCAG contrast ratio of two luminances. */
const contrast = (a: number, b: number): number => (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);

describe('chromium: the CORS panel in dark DevTools, docked narrow at the side', () => {
  let server: ScenarioServer;
  let launched: LaunchedBrowser | undefined;
  let devtools: Page;
  let panel: Frame;

  beforeAll(async () => {
    ensureExtensionBuilt();
    server = await start();
    ({ launched, devtools, panel } = await panelOnScenarios(server, CALLS, ['--window-size=1000,800', '--force-dark-mode'], 'devtools-theme'));
  });
  afterAll(async () => {
    await launched?.close();
    await server?.close();
  });

  test('DevTools says dark, and the panel is dark with readable text', async () => {
    const seen = await panel.evaluate(() => {
      const api = (globalThis as unknown as { chrome: typeof chrome }).chrome;
      const body = getComputedStyle(document.body);
      const blocked = document.querySelector('[role="row"].verdict-blocked .c-verdict');
      return { themeName: api.devtools.panels.themeName, dataTheme: document.documentElement.dataset['theme'], bg: body.backgroundColor, fg: body.color, blockedFg: blocked ? getComputedStyle(blocked).color : '' };
    });
    expect({ themeName: seen.themeName, dataTheme: seen.dataTheme }).toEqual({ themeName: 'dark', dataTheme: 'dark' });
    expect(luminance(seen.bg)).toBeLessThan(0.05);
    // WCAG AA for body text is 4.5:1.
    expect(contrast(luminance(seen.fg), luminance(seen.bg))).toBeGreaterThan(4.5);
    expect(contrast(luminance(seen.blockedFg), luminance(seen.bg))).toBeGreaterThan(4.5);
  });

  test('at a narrow width nothing overflows sideways, and the details stack under the list', async () => {
    const before = await panel.evaluate(() => ({ width: innerWidth, scrollWidth: document.documentElement.scrollWidth }));
    // Docked at the side of a 1000 px window: narrower than the 700 px breakpoint of panel.css.
    expect(before.width).toBeLessThan(700);
    expect(before.scrollWidth).toBeLessThanOrEqual(before.width);

    const rows = await renderedRows(panel);
    expect(rows.map((r) => r.verdict).sort()).toEqual(['allowed', 'allowed', 'blocked', 'blocked']);
    const blocked = await panel.waitForSelector('xpath/.//*[@role="row"][.//*[contains(@class, "c-verdict") and text()="blocked"]]');
    await blocked?.click();
    await panel.waitForSelector('aside.detail', { timeout: 5_000 });

    const layout = await panel.evaluate(() => {
      // DOMRect's fields are prototype getters, which do not survive the trip out of the page.
      const box = (sel: string) => {
        const r = document.querySelector(sel)?.getBoundingClientRect();
        return r ? { top: r.top, bottom: r.bottom, width: r.width } : undefined;
      };
      const offRight = [...document.querySelectorAll('button, input, select')].filter((e) => {
        const r = e.getBoundingClientRect();
        return r.width > 0 && r.right > innerWidth + 1;
      }).length;
      return { list: box('[data-testid="list-scroll"]'), detail: box('aside.detail'), scrollWidth: document.documentElement.scrollWidth, width: innerWidth, offRight };
    });
    expect(layout.scrollWidth).toBeLessThanOrEqual(layout.width);
    expect(layout.offRight).toBe(0);
    // Stacked, not squeezed side by side: the detail starts below the list, full width.
    expect(layout.detail?.top ?? 0).toBeGreaterThanOrEqual((layout.list?.bottom ?? 0) - 1);
    expect(layout.detail?.width ?? 0).toBeGreaterThan(layout.width * 0.9);

    mkdirSync(join(ROOT, '.tmp'), { recursive: true });
    await screenshotDevtools(devtools, join(ROOT, '.tmp', 'devtools-dark-narrow.png') as `${string}.png`);
  });
});
