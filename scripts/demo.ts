// The demo behind `npm start` (scripts/start.mjs builds first, then runs this with tsx): the
// two-origin scenario server with a gallery page, and Chromium with the extension loaded and
// DevTools open on it. With a display it stays open until Ctrl-C; without one ($DISPLAY unset, or
// --headless) it selects the CORS panel, saves a screenshot of it, says where, and exits.

import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { dockToBottom, growDevtools, openCorsPanel, screenshotDevtools } from '../test/support/devtools-panel';
import { ROOT } from '../test/support/ensure-extension';
import { summaryWhen } from '../test/support/panel-dom';
import { DEMO_SCENARIOS } from './demo-gallery';
import { startDemoSession } from './demo-session';

const { values } = parseArgs({ options: { headless: { type: 'boolean' }, out: { type: 'string' } } });
const headless = values.headless === true || !process.env['DISPLAY'];
const out = resolve(values.out ?? join(ROOT, '.tmp', 'cors-lens-panel.png')) as `${string}.png`;

const { launched, server, demoUrl, runGallery, shutdown } = await startDemoSession({ headless, windowSize: '1400,1000' });

try {
  await runGallery();
  console.log(`demo site: ${demoUrl} (API on ${server.apiOrigin} and ${server.siteOrigin})`);
  console.log(`the page made ${DEMO_SCENARIOS.length} kinds of cross-origin call`);
  if (headless) {
    const { devtools, panel } = await openCorsPanel(launched.browser);
    await dockToBottom(devtools);
    await growDevtools(devtools);
    // Wait until the panel lists the demo's traffic; an empty panel is a failure, not a screenshot.
    const listed = await summaryWhen(panel, (s) => s.blocked > 0 && s.total > 5).catch(() => null);
    if (!listed) throw new Error("the CORS panel did not list the demo's calls");
    console.log(`the CORS panel lists ${listed.total} cross-origin exchanges, ${listed.blocked} blocked`);
    mkdirSync(dirname(out), { recursive: true });
    await screenshotDevtools(devtools, out);
    console.log(`screenshot of the CORS panel: ${out}`);
    await shutdown();
  } else {
    console.log('Chromium is open with DevTools: choose the "CORS" tab (it may be behind ">>"). Ctrl-C to stop.');
    const stop = (): void => void shutdown().then(() => process.exit(0));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    launched.browser.once('disconnected', () => void server.close().then(() => process.exit(0)));
  }
} catch (error) {
  await shutdown();
  throw error;
}
