// The store images, made from the real extension (`npm run package` runs this after the build):
// screenshots of the real CORS panel in Chromium DevTools on the demo site, cut to exactly
// 1280×800 (the Chrome Web Store accepts 1280×800 or 640×400; AMO recommends 1280×800), the
// 440×280 small promo tile and the 128 px store icon. Usage: tsx scripts/store/store-images.ts <dir>

import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ElementHandle, Frame, Page } from 'puppeteer-core';
import { dockToBottom, growDevtools, openCorsPanel } from '../../test/support/devtools-panel';
import { CHROME_DIR } from '../../test/support/ensure-extension';
import { setFilterText, summaryWhen } from '../../test/support/panel-dom';
import { until } from '../../test/support/poll';
import { startDemoSession } from '../demo-session';
import { PROMO_TILE, SCREENSHOT, STORE_IMAGES } from './store-files.mjs';

const outDir = resolve(process.argv[2] ?? 'extension/store');
mkdirSync(outDir, { recursive: true });

/** A click dispatched in the page: puppeteer's click() waits for frames headless DevTools may not paint. */
const press = (e: ElementHandle): Promise<void> => e.evaluate((el) => (el as HTMLElement).click());

async function find(panel: Frame, selector: string, timeoutMs = 15_000): Promise<ElementHandle> {
  const handle = await until(() => panel.$(selector), (e) => e !== null, selector, timeoutMs);
  if (!handle) throw new Error(`no ${selector}`);
  return handle;
}

/** Exactly SCREENSHOT.width × SCREENSHOT.height of the DevTools window, from its tab strip down. */
async function shoot(devtools: Page, file: string): Promise<void> {
  const top = await devtools.$eval('pierce/[role="tablist"]', (e) => e.getBoundingClientRect().top);
  const { width, height } = await devtools.evaluate(() => ({ width: innerWidth, height: innerHeight }));
  // Out of the way: left on the tab strip (where growDevtools dragged), it underlines the tab it hovers.
  await devtools.mouse.move(2, height - 2);
  await new Promise((r) => setTimeout(r, 600));
  const y = Math.max(0, Math.floor(top) - 4);
  if (width < SCREENSHOT.width || height - y < SCREENSHOT.height) throw new Error(`DevTools is ${width}×${height - y}, smaller than ${SCREENSHOT.width}×${SCREENSHOT.height}`);
  await devtools.screenshot({ path: join(outDir, file) as `${string}.png`, clip: { x: 0, y, width: SCREENSHOT.width, height: SCREENSHOT.height } });
  console.log(`  ${file}`);
}

/** Opens the details of the page's own exchange to `url`, through the filter box. */
async function openRow(panel: Frame, url: string): Promise<void> {
  await setFilterText(panel, url);
  await press(await find(panel, `xpath/.//span[contains(@class, "c-url") and text()="${url}"]`));
  await find(panel, `xpath/.//aside[@aria-label="Exchange details"]//span[@class="url" and text()="${url}"]`);
}

async function promoTile(page: Page): Promise<void> {
  const icon = readFileSync(join(CHROME_DIR, 'icons', 'icon-128.png')).toString('base64');
  await page.setViewport({ width: PROMO_TILE.width, height: PROMO_TILE.height, deviceScaleFactor: 1 });
  await page.setContent(`<!doctype html><html><body style="margin:0">
<div style="box-sizing:border-box;width:${PROMO_TILE.width}px;height:${PROMO_TILE.height}px;padding:36px 32px;background:linear-gradient(135deg,#1a73e8,#0b3d91);color:#fff;font:15px/1.35 system-ui,sans-serif;display:flex;flex-direction:column;justify-content:center;gap:14px">
  <div style="display:flex;align-items:center;gap:14px"><img src="data:image/png;base64,${icon}" width="72" height="72" style="background:#fff;border-radius:16px">
  <div style="font-size:34px;font-weight:700;letter-spacing:-.5px">CORS Lens</div></div>
  <div style="font-size:18px;font-weight:600">Why was it blocked by CORS?</div>
  <div style="opacity:.9">Every cross-origin request in DevTools: simple, preflighted or blocked, exactly why, and the server fix.</div>
</div></body></html>`);
  await page.screenshot({ path: join(outDir, STORE_IMAGES.promoTile) as `${string}.png`, clip: { x: 0, y: 0, ...PROMO_TILE } });
  console.log(`  ${STORE_IMAGES.promoTile}`);
}

const session = await startDemoSession({ headless: true, windowSize: `${SCREENSHOT.width},${SCREENSHOT.height + 300}` });
try {
  const { launched, server } = session;
  const url = (id: string): string => `${server.apiOrigin}/api/${id}/main`;
  const { devtools, panel } = await openCorsPanel(launched.browser);
  // tsx compiles with esbuild's keepNames, which wraps named inner functions in `__name(...)`; the
  // functions puppeteer sends to the panel carry those calls, so give the panel that helper.
  await panel.evaluate('globalThis.__name = (f) => f');
  await dockToBottom(devtools);
  await growDevtools(devtools);
  await session.runGallery();
  await summaryWhen(panel, (s) => s.blocked > 0 && s.total > 20);
  console.log(`store images in ${outDir}:`);

  await shoot(devtools, STORE_IMAGES.screenshots[0]);

  // A CORS error whose real cause is elsewhere: the preflight has no route (404).
  await openRow(panel, url('preflight-status-404'));
  await setFilterText(panel, '');
  await shoot(devtools, STORE_IMAGES.screenshots[1]);

  await press(await find(panel, '#view-problems'));
  await press(await find(panel, '[data-testid="problem-list"] [role="option"][data-kind="blocked"]'));
  await find(panel, 'aside.problem-detail');
  await shoot(devtools, STORE_IMAGES.screenshots[2]);

  await press(await find(panel, '#view-exchanges'));
  await openRow(panel, url('preflight-header-not-allowed'));
  await press(await find(panel, 'xpath/.//section[@aria-label="Try this fix"]//button[text()="Try this fix"]'));
  await until(() => panel.$eval('[data-testid="try-fix-result"]', (e) => (e as HTMLElement).innerText).catch(() => ''), (t) => /after: allowed/.test(t), 'the tried fix to be allowed', 20_000);
  await panel.evaluate(() => document.querySelector('aside[aria-label="Exchange details"] h2')?.scrollIntoView({ block: 'start' }));
  await shoot(devtools, STORE_IMAGES.screenshots[3]);

  await promoTile(await launched.browser.newPage());
  copyFileSync(join(CHROME_DIR, 'icons', 'icon-128.png'), join(outDir, STORE_IMAGES.icon));
  console.log(`  ${STORE_IMAGES.icon}`);
} finally {
  await session.shutdown();
}
