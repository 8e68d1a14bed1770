// The Firefox zip as users without a signed build install it: a permanent add-on (not a temporary
// one from about:debugging) in Firefox ESR with `xpinstall.signatures.required` off. The zip goes
// into a fresh profile's `extensions/` folder named by its gecko id, which Firefox installs at
// startup as a sideloaded add-on; `extensions.webextensions.uuids` fixes its moz-extension host so
// the panel's standalone page can be opened from the command line (BiDi cannot navigate there).
// Then the panel must record the scenario page and explain a blocked call, as from a store install.

import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import manifest from '../../manifest.json' with { type: 'json' };
import { start, type ScenarioServer } from '../server/scenario-server';
import { launchFirefox, type LaunchedBrowser } from '../support/browsers';
import { ensureExtensionBuilt, ROOT } from '../support/ensure-extension';
import { extensionPage, setRecordAllTabs } from '../support/extension-log';
import { renderedRows, summaryWhen } from '../support/panel-dom';
import { runOnPage } from '../support/runner-calls';

const GECKO_ID = manifest.browser_specific_settings.gecko.id;
const UUID = '0c0f7a52-5d3e-4c5b-9a7e-2f1d6b3c8e41';
const CALLS = { 'simple-get-exact-origin': 'allowed', 'simple-get-missing-allow-origin': 'blocked', 'preflight-header-not-allowed': 'blocked' } as const;

describe('firefox: the zip installed as a permanent add-on', () => {
  let server: ScenarioServer;
  let launched: LaunchedBrowser | undefined;
  let profile: string;
  let ext: Page;

  beforeAll(async () => {
    ensureExtensionBuilt();
    server = await start();
    profile = mkdtempSync(join(tmpdir(), 'cors-lens-ff-profile-'));
    mkdirSync(join(profile, 'extensions'));
    copyFileSync(join(ROOT, 'extension', 'cors-lens-firefox.zip'), join(profile, 'extensions', `${GECKO_ID}.xpi`));
    launched = await launchFirefox({
      userDataDir: profile,
      firefoxPrefs: {
        'xpinstall.signatures.required': false,
        // Add-ons found in the profile are otherwise installed disabled until the user allows them.
        'extensions.autoDisableScopes': 0,
        'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: UUID }),
      },
      extraArgs: [`moz-extension://${UUID}/src/panel/panel.html?standalone=1`],
    });
    ext = await extensionPage(launched.browser, 'firefox');
  });

  afterAll(async () => {
    await launched?.close();
    await server?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  test('Firefox installed the unsigned zip for good, enabled, with its host permission', async () => {
    const self = await ext.evaluate(async () => {
      const me = await (globalThis as unknown as { browser: typeof chrome }).browser.management.getSelf();
      return { id: me.id, version: me.version, enabled: me.enabled, installType: me.installType, hosts: me.hostPermissions ?? [] };
    });
    // `development` is what a temporary install (about:debugging, web-ext run, BiDi) reports.
    expect(self).toMatchObject({ id: GECKO_ID, version: manifest.version, enabled: true, installType: 'sideload' });
    expect(self.hosts).toContain('<all_urls>');
  });

  test('the panel records the page and explains each call as the page saw it', async () => {
    await setRecordAllTabs(ext);
    const page = await launched!.browser.newPage();
    await page.goto(`${server.pageOrigin}/?e2e=firefox-permanent`);
    const seen: Record<string, string> = {};
    for (const id of Object.keys(CALLS)) seen[id] = (await runOnPage(page, id)).outcome === 'threw' ? 'blocked' : 'allowed';
    expect(seen).toEqual(CALLS);

    // The tab picker lists tabs when it loads: reload it now that the scenario tab exists, then pick that tab.
    await ext.evaluate(() => location.reload());
    await ext.waitForFunction((o: string) => [...document.querySelectorAll('.tab-picker button')].some((b) => b.textContent?.includes(o)), { timeout: 10_000 }, server.pageOrigin);
    await ext.$$eval('.tab-picker button', (buttons, o) => (buttons.find((b) => b.textContent?.includes(`${o}/`)) as HTMLElement | undefined)?.click(), server.pageOrigin);
    const panel = ext.mainFrame();
    await summaryWhen(panel, (s) => s.total === Object.keys(CALLS).length);
    const rows = await renderedRows(panel);
    const verdicts = Object.fromEntries(Object.keys(CALLS).map((id) => [id, rows.find((r) => r.url === `${server.apiOrigin}/api/${id}/main`)?.verdict]));
    expect(verdicts).toEqual(CALLS);
  });
});
