// Fixes that provably work: for every blocked catalogue scenario, real Chromium makes
// the request against the loopback scenario server and is blocked; the analyzer reads the
// recorded exchange (CDP → HAR → read-har, as the fixtures are made) and suggests a fix; the
// server then answers with EXACTLY those headers and status (apply-fix.ts), the same request
// runs again and must pass. The fix must also be minimal (fix-safety.ts) and must not open the
// API to another origin: from http://127.0.0.1:<page port> the same request stays blocked.
// Where no header change can fix it, the analyzer must say so in `fix.note` and suggest nothing.

import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { getHeader } from '../../src/core/headers';
import { allowsAnyOrigin, applyFix, fixChangesServer } from '../fix-proof/apply-fix';
import { fixProblems } from '../fix-proof/fix-safety';
import { PatchableScenarios } from '../fix-proof/patchable-scenarios';
import { type RecordedRun, runAction, runScenario } from '../fix-proof/recorded-run';
import { catalogue, isNoCors } from '../scenarios/catalogue';
import type { Scenario, Step } from '../scenarios/types';
import { start, type ScenarioServer } from '../server/scenario-server';
import { type LaunchedBrowser, launchChromium } from '../support/browsers';

/** Blocked scenarios no header change can fix, and what the note must say. */
const UNFIXABLE: Readonly<Record<string, string>> = {
  'preflight-redirect-302': 'a preflight never follows redirects',
  'wpt-preflight-redirect-308': 'a preflight never follows redirects',
  'redirect-cross-origin-null-origin-mismatch': 'Origin is "null"',
  'redirect-cross-origin-credentials-wildcard': 'Origin is "null"',
  'redirect-back-to-page-origin': 'Origin is "null"',
  'redirect-location-with-credentials': 'user name or password',
  // Local Network Access: a permission the user grants, not a header (the scenario's
  // `cite`: Private Network Access / Local Network Access, WICG).
  'private-network-from-public-document': 'allow local network access',
};

/**
 * Fixable by headers, but the loopback server cannot serve the request once CORS lets it through:
 * Node's HTTP parser answers a lower-case `patch` (fetch upper-cases only the six standard
 * methods, Fetch §2.2.1 "normalize") with 400 before any handler runs, so no header can be added.
 * The proof there stops at the preflight: with the fix it passes, and the actual request reaches
 * the network.
 */
const SERVER_REFUSES_METHOD = new Set(['preflight-method-patch-lowercase-request']);

// A scenario of two requests (`then`) is about linking them in a HAR, not about one fix.
const blocked: readonly Scenario[] = catalogue.filter((s) => s.expected === 'threw' && !isNoCors(s) && !s.page.then);
const fixable = blocked.filter((s) => !(s.id in UNFIXABLE) && !SERVER_REFUSES_METHOD.has(s.id));
const unfixable = blocked.filter((s) => s.id in UNFIXABLE);

interface Row {
  readonly id: string;
  readonly before: string;
  readonly fix: string;
  readonly after: string;
  readonly otherOrigin: string;
}
const rows: Row[] = [];
const describeRun = (r: RecordedRun): string => `${r.page.outcome}${r.cdp ? ` (${r.cdp.corsError}${r.cdp.failedParameter ? ` ${r.cdp.failedParameter}` : ''})` : ''}`;

let server: ScenarioServer;
let chromium: LaunchedBrowser;
const patchable = new PatchableScenarios(catalogue);

beforeAll(async () => {
  server = await start({ scenarios: patchable.scenarios });
  chromium = await launchChromium();
});

afterAll(async () => {
  await chromium?.close();
  await server?.close();
  // The before/after table, for whoever reads the test log.
  if (rows.length) console.log(rows.map((r) => `${r.id}: ${r.before} → fix [${r.fix}] → ${r.after}; other origin: ${r.otherOrigin}`).join('\n'));
});

function blockedRun(run: RecordedRun, id: string) {
  expect(run.page.outcome, `${id} is not blocked before the fix`).toBe('threw');
  expect(run.exchanges).toHaveLength(1);
  const [only] = run.exchanges;
  if (!only) throw new Error('no exchange recorded');
  expect(only.analysis.verdict).toBe('blocked');
  return only;
}

test('the proof covers at least 20 fixable blocked scenarios', () => {
  expect(fixable.length).toBeGreaterThanOrEqual(20);
});

/** Apply the fix the analyzer gives for one blocked run of `scenario`, run it again, undo. */
async function withFixApplied<T>(scenario: Scenario, before: RecordedRun, body: (patched: Readonly<Record<string, Step>>) => Promise<T>): Promise<T> {
  const { exchange, analysis } = blockedRun(before, scenario.id);
  const patched = applyFix(scenario, exchange, analysis);
  if (!patched.ok) throw new Error(patched.error);
  patchable.patch(scenario.id, patched.steps);
  try {
    return await body(patched.steps);
  } finally {
    patchable.reset(scenario.id);
  }
}

describe('applying exactly the suggested fix makes Chromium accept the request', () => {
  test.each(fixable.map((s) => [s.id, s] as const))('%s', async (id, scenario) => {
    patchable.reset(id);
    const before = await runScenario(chromium.browser, server.pageOrigin, id);
    const { exchange, analysis } = blockedRun(before, id);
    const { fix } = analysis;
    expect(fix.note).toBeUndefined();
    expect(fixChangesServer(fix)).toBe(true);

    const preflight = exchange.preflights[0];
    const asked = (name: string) => (preflight ? getHeader(preflight.request.headers, name) : null) ?? '';
    const answered = (name: string) => (preflight?.response ? getHeader(preflight.response.headers, name) : null) ?? '';
    const split = (v: string) => v.split(',').map((x) => x.trim()).filter((x) => x !== '');
    expect(fixProblems(fix, {
      pageOrigin: server.pageOrigin,
      credentialed: scenario.page.credentials === 'include' || scenario.page.crossOrigin === 'use-credentials',
      method: asked('Access-Control-Request-Method') || (exchange.hops[0]?.request.method ?? ''),
      requestHeaders: split(asked('Access-Control-Request-Headers')),
      existingMethods: split(answered('Access-Control-Allow-Methods')),
      existingHeaders: split(answered('Access-Control-Allow-Headers')),
    })).toEqual([]);

    await withFixApplied(scenario, before, async (steps) => {
      const after = await runScenario(chromium.browser, server.pageOrigin, id);
      // Another origin than the one the fix names: still blocked, unless the server already
      // allowed every origin (`*` kept without credentials, or an echo the fix did not touch).
      const checkOther = !allowsAnyOrigin(steps) && scenario.page.target !== 'page';
      const other = checkOther ? await runScenario(chromium.browser, server.pageOrigin.replace('localhost', '127.0.0.1'), id) : null;
      const fixText = [
        ...(fix.preflightStatus !== null ? [`OPTIONS ${fix.preflightStatus}`] : []),
        ...(fix.preflight ?? []).map((h) => `OPTIONS ${h.name}: ${h.value}`),
        ...(fix.response ?? []).map((h) => `${h.name}: ${h.value}`),
      ].join('; ').replaceAll(server.pageOrigin, '{page}');
      rows.push({ id, before: describeRun(before), fix: fixText, after: describeRun(after), otherOrigin: other ? describeRun(other) : 'skipped (server allows any origin)' });

      expect(after.page.outcome, `${id} still blocked after the fix: ${JSON.stringify(after.cdp)}`).toBe('resolved');
      expect(after.exchanges.map((x) => x.analysis.verdict)).toEqual(after.exchanges.map(() => 'allowed'));
      if (other) expect(other.page.outcome, `${id}: the fix opened the API to ${server.pageOrigin.replace('localhost', '127.0.0.1')}`).toBe('threw');
    });
  });

  test.each([...SERVER_REFUSES_METHOD])('%s: the fixed preflight passes; Node refuses the lower-case method itself (400)', async (id) => {
    const scenario = blocked.find((s) => s.id === id);
    if (!scenario) throw new Error(`${id} is gone from the catalogue`);
    patchable.reset(id);
    const before = await runScenario(chromium.browser, server.pageOrigin, id);
    expect(before.cdp?.corsError).toBe('MethodDisallowedByPreflightResponse');
    await withFixApplied(scenario, before, async () => {
      const after = await runScenario(chromium.browser, server.pageOrigin, id);
      rows.push({ id, before: describeRun(before), fix: 'as analyzed', after: `${describeRun(after)}, status ${after.exchanges[0]?.exchange.hops[0]?.response?.status}`, otherOrigin: 'n/a' });
      expect(after.exchanges[0]?.exchange.hops[0]?.response?.status).toBe(400);
      expect(server.requests(id).some((r) => r.method !== 'OPTIONS')).toBe(false);
    });
  });
});

describe('where no header change can fix it, the analyzer says so and suggests no headers', () => {
  test.each(unfixable.map((s) => [s.id, s] as const))('%s', async (id) => {
    const before = await runScenario(chromium.browser, server.pageOrigin, id);
    const { analysis } = blockedRun(before, id);
    expect(analysis.fix).toMatchObject({ preflight: null, preflightStatus: null, response: null });
    expect(analysis.fix.note).toContain(UNFIXABLE[id]);
    rows.push({ id, before: describeRun(before), fix: `note: ${analysis.fix.note ?? ''}`.replaceAll(server.pageOrigin, '{page}'), after: 'n/a', otherOrigin: 'n/a' });
  });

  // Chromium rejects it in the renderer: no request, no Network event, nothing for webRequest or
  // a HAR to record. The analyzer's note for such a record (from another tool) is in fix.test.ts.
  test("mode 'same-origin' to another origin is never recorded by Chromium", async () => {
    const scenario = catalogue.find((s) => s.id === 'simple-get-wildcard');
    if (!scenario) throw new Error('simple-get-wildcard is gone from the catalogue');
    server.clearLog();
    const run = await runAction(chromium.browser, server.pageOrigin, scenario.id, scenario.page, `${server.apiOrigin}/api/${scenario.id}/main`, 'same-origin');
    expect(run.page.outcome).toBe('threw');
    expect(run.exchanges).toEqual([]);
    expect(server.requests(scenario.id)).toEqual([]);
  });
});
