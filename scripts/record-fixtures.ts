// Record the fixture HARs: every catalogue scenario in real Chromium and real Firefox ESR against
// the two-origin loopback scenario server, one fresh tab per scenario. Run:
//   npx tsx scripts/record-fixtures.ts [--source chromium|chrome-devtools|firefox|firefox-devtools|firefox-extension] [--only id,id]
// Writes test/fixtures/<source>/<scenario>.har and test/fixtures/outcomes.json (expected vs
// observed). How each source obtains its entries: test/fixtures/README.md.

import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { Browser, Frame, Page } from 'puppeteer-core';
import { writeHar } from '../src/core/har/write-har';
import { catalogue } from '../test/scenarios/catalogue';
import type { RunResult, Scenario } from '../test/scenarios/types';
import { start, type ScenarioServer } from '../test/server/scenario-server';
import { BidiHarRecorder } from '../test/support/bidi-har';
import { type BrowserName, withBrowser } from '../test/support/browsers';
import { CdpHarRecorder } from '../test/support/cdp-har';
import { devtoolsHarLog, devtoolsPageFrame } from '../test/support/devtools-har';
import { FirefoxDevtoolsHar } from '../test/support/firefox-devtools-har';
import { CHROME_DIR, ensureExtensionBuilt, FIREFOX_DIR } from '../test/support/ensure-extension';
import { extensionPage, snapshotWhen, setRecordAllTabs } from '../test/support/extension-log';
import { type CorsErrorStatus, type FixtureTag, harFile } from '../test/support/har';

const FIXTURES = new URL('../test/fixtures/', import.meta.url);
/** Events of a finished request can trail the page's promise by a few ms. */
const SETTLE_MS = 150;
const SOURCES = ['chromium', 'chrome-devtools', 'firefox', 'firefox-devtools', 'firefox-extension'] as const;
type SourceName = (typeof SOURCES)[number];

interface Observed {
  outcome: RunResult['outcome'];
  corsError?: string;
  failedParameter?: string;
}
type Outcomes = Record<string, { expected: string; expectedCorsError?: string } & Partial<Record<SourceName, Observed>>>;

/** What one source does around a scenario: start listening before the page loads, then produce the log. */
interface Capture {
  readonly cors?: () => CorsErrorStatus | undefined;
  log(tag: FixtureTag): Promise<unknown>;
}

interface Context {
  readonly server: ScenarioServer;
  readonly browser: Browser;
  readonly version: string;
  readonly ext?: Page;
  /** chrome-devtools: the extension's devtools_page inside the tab's DevTools. */
  readonly devtools?: Frame;
  /** firefox-devtools: the collector Firefox's toolbox posts its HAR to. */
  readonly firefoxHar?: FirefoxDevtoolsHar;
}

const ofScenario = (id: string) => (url: string) => url.includes(`/api/${id}/`);
const notFavicon = (url: string) => !url.endsWith('/favicon.ico');
const pageUrl = (server: ScenarioServer, s: Scenario): string => `${server.pageOrigin}/?scenario=${s.id}`;

/** The extension page of a browser whose CORS Lens records every tab (the fixtures record pages without DevTools). */
async function recordingExtensionPage(browser: Browser, name: BrowserName): Promise<Page> {
  const ext = await extensionPage(browser, name);
  await setRecordAllTabs(ext);
  return ext;
}

async function capture(source: SourceName, ctx: Context, page: Page, s: Scenario): Promise<Capture> {
  const browser = { name: source === 'chromium' || source === 'chrome-devtools' ? 'chromium' : 'firefox', version: ctx.version };
  const startedAt = Date.now();
  if (source === 'chrome-devtools') {
    // CDP only for the failure's corsErrorStatus; the entries are DevTools' own export, as written.
    const cdp = await CdpHarRecorder.attach(await page.createCDPSession());
    return {
      cors: () => cdp.corsErrorStatus(ofScenario(s.id)),
      log: async (tag) => {
        const log = await devtoolsHarLog(ctx.devtools as Frame);
        const entries = (log.entries as { request: { url: string } }[]).filter((e) => notFavicon(e.request.url));
        return { log: { ...log, entries, _corsLensFixture: tag } };
      },
    };
  }
  if (source === 'firefox-devtools') {
    return {
      log: async (tag) => {
        // Every request the server answered for the scenario is in the log with its response (the
        // toolbox adds an entry before its response arrives, so counting entries alone races).
        const answered = ctx.server.requests(s.id).length;
        const mine = (log: { entries: readonly { request: { url: string }; response: { status: number } }[] }) =>
          log.entries.filter((e) => ofScenario(s.id)(e.request.url) && e.response.status !== 0).length;
        const log = await (ctx.firefoxHar as FirefoxDevtoolsHar).logAfter(Date.now(), (l) => mine(l) >= answered);
        return { log: { ...log, entries: log.entries.filter((e) => notFavicon(e.request.url)), _corsLensFixture: tag } };
      },
    };
  }
  if (source === 'chromium') {
    const cdp = await CdpHarRecorder.attach(await page.createCDPSession());
    return { cors: () => cdp.corsErrorStatus(ofScenario(s.id)), log: async (tag) => harFile(browser, pageUrl(ctx.server, s), startedAt, cdp.entries(notFavicon), tag) };
  }
  if (source === 'firefox') {
    const bidi = new BidiHarRecorder(page);
    const wire = () => ctx.server.requests().filter((r) => r.receivedAt >= startedAt);
    return { log: async (tag) => harFile(browser, pageUrl(ctx.server, s), startedAt, bidi.entries(notFavicon, wire()), tag) };
  }
  // The extension's own recorder and HAR export (unredacted: values matter to nobody here, presence does).
  return {
    log: async (tag) => {
      const ext = ctx.ext as Page;
      const snap = await snapshotWhen(ext, pageUrl(ctx.server, s), (x) => x.exchanges.some((r) => ofScenario(s.id)(r.exchange.hops[0]?.request.url ?? '')), 5_000);
      const har = writeHar(snap.exchanges, { redact: false, pages: snap.pages });
      return { log: { ...har.log, browser, _corsLensFixture: tag } };
    },
  };
}

async function record(source: SourceName, scenarios: readonly Scenario[], outcomes: Outcomes): Promise<void> {
  const name: BrowserName = source === 'chromium' || source === 'chrome-devtools' ? 'chromium' : 'firefox';
  const firefoxHar = source === 'firefox-devtools' ? await FirefoxDevtoolsHar.start() : undefined;
  const withExtension = source === 'firefox-extension' || source === 'chrome-devtools';
  // DevTools' log is per tab and cleared on navigation: one tab, with DevTools open, for all scenarios.
  const oneTab = source === 'chrome-devtools' || source === 'firefox-devtools';
  if (withExtension) ensureExtensionBuilt();
  const server = await start();
  const dir = new URL(`${source}/`, FIXTURES);
  await mkdir(dir, { recursive: true });
  try {
    const options = firefoxHar
      ? { extensionDir: firefoxHar.extensionDir, extraArgs: ['--devtools'] }
      : oneTab ? { extensionDir: CHROME_DIR, devtools: true } : withExtension ? { extensionDir: FIREFOX_DIR } : {};
    await withBrowser(name, options, async ({ browser }) => {
      const tab = oneTab ? (await browser.pages())[0] : undefined;
      const ctx: Context = {
        server, browser, version: await browser.version(),
        ...(source === 'firefox-extension' ? { ext: await recordingExtensionPage(browser, name) } : {}),
        ...(source === 'chrome-devtools' ? { devtools: await devtoolsPageFrame(browser) } : {}),
        ...(firefoxHar ? { firefoxHar } : {}),
      };
      for (const s of scenarios) {
        const page = tab ?? (await browser.newPage());
        // Firefox's toolbox now and then misses a request of a loaded machine: run the scenario again.
        let recorded: { result: RunResult; corsErrorStatus: CorsErrorStatus | undefined; log: unknown } | undefined;
        for (let attempt = 1; !recorded; attempt++) {
          const cap = await capture(source, ctx, page, s);
          await page.goto(pageUrl(server, s), { waitUntil: 'load' });
          const result = await page.evaluate((id) => (window as unknown as { runScenario(id: string): Promise<RunResult> }).runScenario(id), s.id);
          await new Promise((r) => setTimeout(r, SETTLE_MS));
          const corsErrorStatus = cap.cors?.();
          const tag: FixtureTag = {
            scenario: s.id,
            browser: name,
            browserVersion: ctx.version,
            pageOutcome: result.outcome,
            ...(corsErrorStatus ? { corsErrorStatus } : {}),
            source: {
              chromium: 'cdp-network', 'chrome-devtools': 'chrome-devtools-gethar', firefox: 'bidi-network+server-log',
              'firefox-devtools': 'firefox-devtools-gethar', 'firefox-extension': 'cors-lens-recorder+har-export',
            }[source],
            pageResult: result,
          };
          try {
            recorded = { result, corsErrorStatus, log: await cap.log(tag) };
          } catch (error) {
            if (attempt >= 3) throw error;
            console.log(`${source} ${s.id}: attempt ${attempt} failed (${String(error)}), again`);
            server.clearLog();
          }
        }
        const { result, corsErrorStatus } = recorded;
        await writeFile(new URL(`${s.id}.har`, dir), `${JSON.stringify(recorded.log, null, 2)}\n`);
        const row = (outcomes[s.id] ??= { expected: s.expected });
        row.expected = s.expected;
        if (s.expectedCorsError) row.expectedCorsError = s.expectedCorsError;
        row[source] = { outcome: result.outcome, ...(corsErrorStatus ?? {}) };
        const flag = result.outcome === s.expected ? '' : `   <-- expected ${s.expected}`;
        console.log(`${source} ${s.id}: ${result.outcome}${corsErrorStatus ? ` (${corsErrorStatus.corsError} ${corsErrorStatus.failedParameter})` : ''}${flag}`);
        if (!tab) await page.close();
        server.clearLog();
      }
    });
  } finally {
    await server.close();
    await firefoxHar?.close();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { source: { type: 'string' }, only: { type: 'string' } } });
  if (values.source !== undefined && !(SOURCES as readonly string[]).includes(values.source)) throw new Error(`--source must be one of ${SOURCES.join(', ')}`);
  const sources: SourceName[] = values.source ? [values.source as SourceName] : [...SOURCES];
  const only = values.only?.split(',');
  const scenarios = only ? catalogue.filter((s) => only.includes(s.id)) : catalogue;
  const outcomesFile = new URL('outcomes.json', FIXTURES);
  const outcomes = JSON.parse(await readFile(outcomesFile, 'utf8').catch(() => '{}')) as Outcomes;
  for (const source of sources) await record(source, scenarios, outcomes);
  // Another recording may have finished meanwhile: merge its rows, ours win for what we recorded.
  const now = JSON.parse(await readFile(outcomesFile, 'utf8').catch(() => '{}')) as Outcomes;
  for (const [id, row] of Object.entries(outcomes)) {
    const mine = Object.fromEntries(sources.filter((src) => row[src]).map((src) => [src, row[src]]));
    outcomes[id] = { ...now[id], ...row, ...mine };
    for (const src of SOURCES) if (!sources.includes(src) && now[id]?.[src]) (outcomes[id] as Record<string, unknown>)[src] = now[id][src];
  }
  const sorted = Object.fromEntries(catalogue.filter((s) => outcomes[s.id]).map((s) => [s.id, outcomes[s.id]]));
  await writeFile(outcomesFile, `${JSON.stringify(sorted, null, 2)}\n`);
}

await main();
