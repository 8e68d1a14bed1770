// A browser fact CORS Lens's cost depends on (ARCHITECTURE.md, "When it records"): in
// Chromium, merely holding `webRequest` makes every request of every tab go through the
// extension proxy, so the way to an idle cost of zero would be an *optional* permission, granted
// when recording starts and removed when it ends. Chromium 156 grants it at runtime (no prompt:
// webRequest has no warning) but then delivers no event to listeners added after the grant,
// until the extension is reloaded; the same script with the permission required at install gets
// its events. If this test starts failing, Chromium fixed it and the permission can become optional.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium } from '../support/browsers';
import { extensionWorkerTarget } from '../support/extension-log';

const WORKER = `globalThis.events = 0;
const count = () => { globalThis.events++; };
globalThis.listen = () => {
  chrome.webRequest.onSendHeaders.addListener(count, { urls: ['http://*/*'] }, ['requestHeaders', 'extraHeaders']);
  chrome.webRequest.onCompleted.addListener(count, { urls: ['http://*/*'] }, ['extraHeaders']);
};`;

/** A minimal extension: webRequest either required or optional, and a page whose button requests it. */
function writeExtension(webRequest: 'required' | 'optional'): string {
  const dir = mkdtempSync(join(tmpdir(), `cors-lens-grant-${webRequest}-`));
  const manifest = {
    manifest_version: 3,
    name: `webRequest ${webRequest}`,
    version: '1.0.0',
    permissions: webRequest === 'required' ? ['webRequest'] : [],
    ...(webRequest === 'optional' ? { optional_permissions: ['webRequest'] } : {}),
    host_permissions: ['<all_urls>'],
    background: { service_worker: 'worker.js' },
  };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  writeFileSync(join(dir, 'worker.js'), WORKER);
  writeFileSync(join(dir, 'grant.html'), '<!doctype html><button id="grant">grant</button><output id="out"></output><script src="grant.js"></script>');
  writeFileSync(join(dir, 'grant.js'), "grant.onclick = async () => { out.value = String(await chrome.permissions.request({ permissions: ['webRequest'] })); };");
  return dir;
}

interface Outcome {
  readonly granted: boolean;
  readonly events: number;
}

async function eventsAfterGrant(dir: string, url: string): Promise<Outcome> {
  const launched = await launchChromium({ extensionDir: dir });
  try {
    const target = await extensionWorkerTarget(launched.browser);
    const page = await launched.browser.newPage();
    await page.goto(`chrome-extension://${new URL(target.url()).host}/grant.html`);
    // A real click: permissions.request needs a user gesture.
    await page.click('#grant');
    await page.waitForFunction('document.getElementById("out").value !== ""');
    const granted = (await page.evaluate('document.getElementById("out").value')) === 'true';
    const worker = await target.worker();
    if (!worker) throw new Error('no extension worker');
    await worker.evaluate('listen()');
    for (let i = 0; i < 3; i++) await page.goto(`${url}?${i}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
    return { granted, events: (await worker.evaluate('globalThis.events')) as number };
  } finally {
    await launched.close();
  }
}

describe('chromium: a webRequest permission granted at runtime', () => {
  let server: Server;
  let url = '';
  beforeAll(async () => {
    server = createServer((_req, res) => res.writeHead(200, { 'Content-Type': 'text/html' }).end('<p>page'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  test('required at install: the listeners get the page loads', async () => {
    const outcome = await eventsAfterGrant(writeExtension('required'), url);
    expect(outcome.granted).toBe(true);
    expect(outcome.events).toBeGreaterThanOrEqual(6);
  });

  test('granted at runtime: granted, and yet no event reaches the listeners', async () => {
    const outcome = await eventsAfterGrant(writeExtension('optional'), url);
    expect(outcome).toEqual({ granted: true, events: 0 });
  });
});
