// Each test here is one case of the fixture: test/e2e/playwright-fixture.e2e.test.ts runs them and
// asserts which pass, which fail and with what message, and what they attach. Several must fail.
import { start, type ScenarioServer } from '../server/scenario-server';
import { test } from '../../src/playwright/index';
import { REPRESENTATIVE_IDS } from '../scenarios/representative-ids';

let server: ScenarioServer;
test.beforeAll(async () => {
  server = await start();
});
test.afterAll(async () => {
  await server.close();
});

/** Open the runner page and make the scenarios' requests one after another. */
async function run(page: import('@playwright/test').Page, ...ids: string[]): Promise<void> {
  await page.goto(`${server.pageOrigin}/`);
  for (const id of ids) await page.evaluate((i) => (window as unknown as { runScenario(s: string): Promise<unknown> }).runScenario(i), id);
}

test('allowed calls pass', async ({ page }) => {
  await run(page, 'simple-get-exact-origin', 'preflight-put-allowed');
});

test('a blocked call fails the test', async ({ page }) => {
  await run(page, 'simple-get-exact-origin', 'simple-get-missing-allow-origin');
});

test('a call refused at its preflight fails the test', async ({ page }) => {
  await run(page, 'preflight-header-not-allowed');
});

test('a redirect to a response without CORS headers fails the test', async ({ page }) => {
  await run(page, 'redirect-response-missing-allow-origin');
});

test('a 404 behind the CORS error leads with its cause', async ({ page }) => {
  await run(page, 'simple-get-status-404-no-cors-headers');
});

test.describe('failOn never', () => {
  test.use({ corsLens: { failOn: 'never' } });
  test('a blocked call is reported, the test passes', async ({ page }) => {
    await run(page, 'simple-get-missing-allow-origin');
  });
});

test.describe('ignore', () => {
  test.use({ corsLens: { ignore: ['*/api/simple-get-missing-allow-origin/*', /preflight-header-not-allowed/] } });
  test('ignored blocked calls pass', async ({ page }) => {
    await run(page, 'simple-get-missing-allow-origin', 'preflight-header-not-allowed', 'simple-get-exact-origin');
  });
});

test.describe('failOn warning', () => {
  test.use({ corsLens: { failOn: 'warning' } });
  test('an allowed call with a warning fails the test', async ({ page }) => {
    await run(page, 'preflight-headers-wildcard-authorization');
  });
});

// The e2e test compares each verdict with what the page saw and each reason with Chromium's own.
test.describe('catalogue', () => {
  test.use({ corsLens: { failOn: 'never' } });
  test('scenarios of every kind, one page', async ({ page }, testInfo) => {
    await page.goto(`${server.pageOrigin}/`);
    const outcomes: Record<string, unknown> = {};
    for (const id of REPRESENTATIVE_IDS) outcomes[id] = await page.evaluate((i) => (window as unknown as { runScenario(s: string): Promise<unknown> }).runScenario(i), id);
    await testInfo.attach('page-outcomes.json', { body: JSON.stringify(outcomes), contentType: 'application/json' });
  });
});
