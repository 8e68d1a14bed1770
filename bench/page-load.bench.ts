// Page-load cost of the extension in real Chromium and Firefox ESR: a page on one loopback origin
// makes 300 cross-origin requests (200 simple GETs, 100 preflighted PUTs) to another. Each browser
// runs the same page in every configuration at once (no extension, installed with DevTools closed,
// DevTools open with and without it, "Record all tabs"), one browser process per configuration,
// rotating which goes first each round; the time from navigation start to the last response is
// compared as medians. Also reads the background's own time per webRequest event in Chromium
// (`globalThis.corsLens.stats`, kept by src/background/background-runtime.ts).

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { Page } from 'puppeteer-core';
import { type BrowserName, launchChromium, launchFirefox, type LaunchedBrowser } from '../test/support/browsers';
import { openCorsPanel } from '../test/support/devtools-panel';
import { CHROME_DIR, ensureExtensionBuilt, FIREFOX_DIR } from '../test/support/ensure-extension';
import { extensionPage, extensionWorkerTarget, firstWebTab, setRecordAllTabs } from '../test/support/extension-log';
import { processTreeCpuMs } from './process-cpu';

const SIMPLE = 200;
const PREFLIGHTED = 100;

function pageHtml(api: string, round: number): string {
  return `<!doctype html><title>load</title><script>
  const t0 = performance.now();
  const simple = Array.from({ length: ${SIMPLE} }, (_, i) => fetch('${api}/simple/${round}/' + i).then((r) => r.text()));
  const pre = Array.from({ length: ${PREFLIGHTED} }, (_, i) => fetch('${api}/put/${round}/' + i, { method: 'PUT', headers: { 'X-Bench': '1' } }).then((r) => r.text()));
  Promise.allSettled([...simple, ...pre]).then((all) => {
    window.__failed = all.filter((r) => r.status === 'rejected').length;
    window.__done = performance.now();
  });
  </script>`;
}

function listen(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<{ server: Server; origin: string }> {
  const server = createServer(handler);
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, origin: `http://localhost:${(server.address() as AddressInfo).port}` })));
}

async function startServers(): Promise<{ page: string; api: string; close: () => void }> {
  let pageOrigin = '';
  const api = await listen((req, res) => {
    const headers = {
      'Access-Control-Allow-Origin': pageOrigin,
      'Access-Control-Allow-Methods': 'PUT',
      'Access-Control-Allow-Headers': 'X-Bench',
      'Cache-Control': 'no-store',
      Vary: 'Origin',
    };
    res.writeHead(req.method === 'OPTIONS' ? 204 : 200, headers).end(req.method === 'OPTIONS' ? undefined : 'ok');
  });
  const page = await listen((req, res) => {
    const round = Number(new URL(req.url ?? '/', 'http://x').searchParams.get('round') ?? 0);
    res.writeHead(200, { 'Content-Type': 'text/html', 'Cache-Control': 'no-store' }).end(pageHtml(api.origin, round));
  });
  pageOrigin = page.origin;
  return { page: page.origin, api: api.origin, close: () => { api.server.close(); page.server.close(); } };
}

/** One page load, in the configuration's own tab: ms from navigation start to the last response. */
async function loadOnce(page: Page, url: string): Promise<number> {
  await page.goto(url);
  // Polled, not per animation frame: DevTools may cover the page, and a hidden page paints no frames.
  await page.waitForFunction('window.__done !== undefined', { timeout: 60_000, polling: 50 });
  const [done, failed] = (await page.evaluate('[window.__done, window.__failed]')) as [number, number];
  if (failed > 0) throw new Error(`${failed} requests failed`);
  return done;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

/** A configuration: its own browser process and the tab whose loads are timed. */
export interface Setup {
  readonly launched: LaunchedBrowser;
  readonly page: Page;
}

export interface Config {
  readonly key: ConfigKey;
  readonly label: string;
  readonly setup: () => Promise<Setup>;
}

export type ConfigKey = 'none' | 'closed' | 'devtoolsNone' | 'devtoolsOpen' | 'otherTab' | 'otherTabNone' | 'recordAll' | 'permissionsOnly' | 'emptyListeners' | 'baseline' | `listeners:${string}`;

export async function newTab(launched: LaunchedBrowser): Promise<Setup> {
  return { launched, page: await launched.browser.newPage() };
}

/** Firefox opens DevTools (`-devtools`) on its first tab only: that tab, not the extension's own. */
async function devtoolsTab(launched: LaunchedBrowser): Promise<Setup> {
  return { launched, page: await firstWebTab(launched.browser) };
}

async function withRecordAllTabs(launched: LaunchedBrowser): Promise<Setup> {
  const ext = await extensionPage(launched.browser, launched.name);
  await setRecordAllTabs(ext);
  return newTab(launched);
}

/** DevTools (on the CORS panel, when there is one and the browser lets us pick it) stays open on another tab while this one loads. */
async function besideInspectedTab(launched: LaunchedBrowser, corsPanel: boolean): Promise<Setup> {
  if (launched.name === 'chromium') {
    await (await launched.browser.newPage()).openDevTools();
    if (corsPanel) await openCorsPanel(launched.browser);
  }
  return newTab(launched);
}

function chromiumConfigs(baselineDir: string | undefined): Config[] {
  const ext = { extensionDir: CHROME_DIR };
  const configs: Config[] = [
    { key: 'none', label: 'no extension', setup: async () => newTab(await launchChromium()) },
    { key: 'closed', label: 'CORS Lens, DevTools closed', setup: async () => newTab(await launchChromium(ext)) },
    {
      key: 'devtoolsNone',
      label: 'DevTools open, no extension',
      setup: async () => {
        const setup = await newTab(await launchChromium());
        await setup.page.openDevTools();
        return setup;
      },
    },
    {
      key: 'devtoolsOpen',
      label: 'CORS Lens, DevTools open on the CORS panel',
      setup: async () => {
        const setup = await newTab(await launchChromium(ext));
        await setup.page.openDevTools();
        await openCorsPanel(setup.launched.browser);
        return setup;
      },
    },
    { key: 'otherTabNone', label: 'DevTools open on another tab, no extension', setup: async () => besideInspectedTab(await launchChromium(), false) },
    { key: 'otherTab', label: 'CORS Lens, DevTools open on another tab', setup: async () => besideInspectedTab(await launchChromium(ext), true) },
    { key: 'recordAll', label: 'CORS Lens, "Record all tabs" on, DevTools closed', setup: async () => withRecordAllTabs(await launchChromium(ext)) },
    {
      key: 'permissionsOnly',
      label: "an extension with CORS Lens's permissions and no code (Chromium proxies every request for it)",
      setup: async () => newTab(await launchChromium({ extensionDir: fileURLToPath(new URL('./permissions-only', import.meta.url)) })),
    },
    {
      key: 'emptyListeners',
      label: "an extension with CORS Lens's five listeners doing nothing, every tab (Chromium's own cost of delivering them)",
      setup: async () => newTab(await launchChromium({ extensionDir: fileURLToPath(new URL('./empty-listeners', import.meta.url)) })),
    },
  ];
  if (baselineDir !== undefined) configs.push({ key: 'baseline', label: `baseline build ${baselineDir}, DevTools closed`, setup: async () => newTab(await launchChromium({ extensionDir: baselineDir })) });
  return configs;
}

function firefoxConfigs(): Config[] {
  const ext = { extensionDir: FIREFOX_DIR };
  return [
    { key: 'none', label: 'no extension', setup: async () => newTab(await launchFirefox()) },
    { key: 'closed', label: 'CORS Lens, DevTools closed', setup: async () => newTab(await launchFirefox(ext)) },
    { key: 'devtoolsNone', label: 'DevTools open, no extension', setup: async () => devtoolsTab(await launchFirefox({ extraArgs: ['-devtools'] })) },
    // Firefox's toolbox opens on its default panel; BiDi cannot pick our panel in it, so the CORS
    // panel page is not loaded: this measures recording, not the panel's rendering.
    { key: 'devtoolsOpen', label: 'CORS Lens, DevTools open (default panel)', setup: async () => devtoolsTab(await launchFirefox({ ...ext, extraArgs: ['-devtools'] })) },
    // `-devtools` opens the toolbox on the first tab; the timed tab is a second one.
    { key: 'otherTabNone', label: 'DevTools open on another tab, no extension', setup: async () => newTab(await launchFirefox({ extraArgs: ['-devtools'] })) },
    { key: 'otherTab', label: 'CORS Lens, DevTools open on another tab', setup: async () => newTab(await launchFirefox({ ...ext, extraArgs: ['-devtools'] })) },
    { key: 'recordAll', label: 'CORS Lens, "Record all tabs" on, DevTools closed', setup: async () => withRecordAllTabs(await launchFirefox(ext)) },
  ];
}

export interface ConfigResult {
  readonly key: ConfigKey;
  readonly label: string;
  readonly medianMs: number;
  /** Median CPU time of the browser's whole process tree per load (less sensitive to a busy machine). */
  readonly medianCpuMs: number;
}

export interface PageLoadResult {
  readonly browser: BrowserName;
  readonly rounds: number;
  readonly configs: readonly ConfigResult[];
  /** Chromium: the background's time per event while DevTools was open (quantised by the worker's 100 µs clock). */
  readonly backgroundMsPerEvent?: number;
  readonly eventsRecorded?: number;
}

/** Median of a configuration divided by another's, the way targets are stated (wall or CPU time). */
export function ratio(result: PageLoadResult, of: ConfigKey, to: ConfigKey, measure: 'medianMs' | 'medianCpuMs' = 'medianMs'): number {
  const a = result.configs.find((c) => c.key === of)?.[measure];
  const b = result.configs.find((c) => c.key === to)?.[measure];
  return a !== undefined && b !== undefined && b > 0 ? a / b : Number.NaN;
}

/** Runs each configuration's loads in rotated rounds, one browser process each; medians per configuration. */
export async function measureRotated(name: BrowserName, configs: readonly Config[], rounds: number, during?: (setups: readonly Setup[]) => Promise<() => Promise<void>>): Promise<ConfigResult[]> {
  ensureExtensionBuilt();
  const servers = await startServers();
  const setups: Setup[] = [];
  try {
    for (const config of configs) setups.push(await config.setup());
    const times = configs.map(() => [] as number[]);
    const cpu = configs.map(() => [] as number[]);
    // One warm-up each, then rotate which goes first so none always runs on a warmer machine.
    for (const setup of setups) await loadOnce(setup.page, `${servers.page}/?round=0`);
    const finish = await during?.(setups);
    for (let r = 1; r <= rounds; r++) {
      const url = `${servers.page}/?round=${r}`;
      for (let k = 0; k < setups.length; k++) {
        const i = (r + k) % setups.length;
        const setup = setups[i] as Setup;
        const pid = setup.launched.browser.process()?.pid;
        const cpuBefore = pid === undefined ? 0 : processTreeCpuMs(pid);
        (times[i] as number[]).push(await loadOnce(setup.page, url));
        (cpu[i] as number[]).push(pid === undefined ? Number.NaN : processTreeCpuMs(pid) - cpuBefore);
      }
    }
    await finish?.();
    return configs.map((c, i) => ({ key: c.key, label: c.label, medianMs: median(times[i] as number[]), medianCpuMs: median(cpu[i] as number[]) }));
  } finally {
    for (const setup of setups) await setup.launched.close();
    servers.close();
  }
}

/**
 * `baselineDir` (Chromium): an older build of the extension, measured in the same rotation, so a
 * change to the recorder is compared with what it replaces side by side.
 */
export async function runPageLoadBench(name: BrowserName, rounds = 15, baselineDir?: string): Promise<PageLoadResult> {
  const configs = name === 'chromium' ? chromiumConfigs(baselineDir) : firefoxConfigs();
  let stats: { events: number; totalMs: number } | undefined;
  const results = await measureRotated(name, configs, rounds, async (setups) => {
    const open = configs.findIndex((c) => c.key === 'devtoolsOpen');
    const worker = name === 'chromium' ? await (await extensionWorkerTarget((setups[open] as Setup).launched.browser)).worker() : null;
    const read = async (): Promise<{ events: number; totalMs: number } | undefined> =>
      (await worker?.evaluate('({ ...globalThis.corsLens.stats })')) as { events: number; totalMs: number } | undefined;
    const before = await read();
    return async () => {
      const after = await read();
      if (after && before) stats = { events: after.events - before.events, totalMs: after.totalMs - before.totalMs };
    };
  });
  return {
    browser: name,
    rounds,
    configs: results,
    ...(stats && stats.events > 0 ? { eventsRecorded: stats.events, backgroundMsPerEvent: stats.totalMs / stats.events } : {}),
  };
}
