// cors-lens/playwright, end-to-end: real Playwright (`@playwright/test`, Debian's Chromium) runs
// test/playwright/fixture.spec.ts against the loopback scenario server; each of its tests is one
// case of the fixture, and this file asserts how each ended, its message and its attachments.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import outcomes from '../fixtures/outcomes.json';
import type { RunResult } from '../scenarios/types';

interface Attachment {
  readonly name: string;
  readonly body?: string;
  readonly path?: string;
}
interface Result {
  readonly status: string;
  readonly errors: readonly { readonly message?: string }[];
  readonly attachments: readonly Attachment[];
}
interface Suite {
  readonly title: string;
  readonly specs?: readonly { readonly title: string; readonly tests: readonly { readonly results: readonly Result[] }[] }[];
  readonly suites?: readonly Suite[];
}
interface ExchangeJson {
  readonly url: string;
  readonly verdict: string;
  readonly reasons: readonly { readonly chromeCorsError: string; readonly failedParameter: string }[];
  readonly fix: unknown;
}

/** Every test of the run by its title path (`describe › title`). */
function results(suites: readonly Suite[], prefix: string[] = []): Map<string, Result> {
  const out = new Map<string, Result>();
  for (const suite of suites) {
    const path = suite.title.endsWith('.spec.ts') ? prefix : [...prefix, suite.title];
    for (const spec of suite.specs ?? []) {
      const result = spec.tests[0]?.results[0];
      if (result) out.set([...path, spec.title].join(' › '), result);
    }
    for (const [k, v] of results(suite.suites ?? [], path)) out.set(k, v);
  }
  return out;
}

function attachment(result: Result | undefined, name: string): string {
  const a = result?.attachments.find((x) => x.name === name);
  if (a?.body !== undefined) return Buffer.from(a.body, 'base64').toString('utf8');
  if (a?.path !== undefined) return readFileSync(a.path, 'utf8');
  throw new Error(`no attachment ${name}`);
}

const exchangesOf = (result: Result | undefined): ExchangeJson[] => (JSON.parse(attachment(result, 'cors-lens.json')) as { exchanges: ExchangeJson[] }).exchanges;
const messageOf = (result: Result | undefined): string => result?.errors.map((e) => e.message ?? '').join('\n') ?? '';

describe('cors-lens/playwright in real Playwright and Chromium', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cors-lens-playwright-'));
  let run: Map<string, Result>;

  beforeAll(() => {
    const report = join(dir, 'report.json');
    const child = spawnSync('npx', ['playwright', 'test', '-c', 'test/playwright/playwright.config.ts', '--reporter=json', `--output=${join(dir, 'results')}`], {
      env: { ...process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: report, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' },
      encoding: 'utf8',
      timeout: 170_000,
    });
    // Several of its tests fail on purpose: exit 1 is expected, a missing report is not.
    expect(child.status, child.stderr).toBe(1);
    run = results((JSON.parse(readFileSync(report, 'utf8')) as { suites: Suite[] }).suites);
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test.each([
    ['allowed calls pass', 'passed'],
    ['a blocked call fails the test', 'failed'],
    ['a call refused at its preflight fails the test', 'failed'],
    ['a redirect to a response without CORS headers fails the test', 'failed'],
    ['a 404 behind the CORS error leads with its cause', 'failed'],
    ['failOn never › a blocked call is reported, the test passes', 'passed'],
    ['ignore › ignored blocked calls pass', 'passed'],
    ['failOn warning › an allowed call with a warning fails the test', 'failed'],
  ])('%s: %s', (title, status) => {
    const result = run.get(title);
    expect(result?.status, messageOf(result)).toBe(status);
    expect(attachment(result, 'cors-lens.md')).toMatch(/^## CORS Lens\n/);
  });

  test.each([
    // The cause and Chrome's reason lead, then the URL and the page's origin, then the headers.
    ['a blocked call fails the test', /^Error: CORS Lens: 1 of 2 cross-origin requests blocked\n\nMissingAllowOriginHeader: GET http:\/\/localhost:\d+\/api\/simple-get-missing-allow-origin\/main from (http:\/\/localhost:\d+)\n[^]*The server must send:\n {4}response must carry:\n {6}Access-Control-Allow-Origin: \1\n {6}Vary: Origin$/],
    ['a call refused at its preflight fails the test', /^Error: CORS Lens: 1 of 1 cross-origin requests blocked\n\nHeaderDisallowedByPreflightResponse \(x-custom\): GET http:\/\/localhost:\d+\/api\/preflight-header-not-allowed\/main from (http:\/\/localhost:\d+)\n[^]*preflight \(OPTIONS\) response must carry:\n {6}Access-Control-Allow-Origin: \1\n {6}Access-Control-Allow-Headers: x-custom\n/],
    ['a redirect to a response without CORS headers fails the test', /\n\nMissingAllowOriginHeader: GET http:\/\/localhost:\d+\/api\/redirect-response-missing-allow-origin\/main from/],
    ['a 404 behind the CORS error leads with its cause', /\n\n404 · no CORS on errors: MissingAllowOriginHeader: GET http:\/\/localhost:\d+\/api\/simple-get-status-404-no-cors-headers\/main from [^]*cause: 404/],
    ['failOn warning › an allowed call with a warning fails the test', /^Error: CORS Lens: 1 of 1 cross-origin requests with warnings\n\nwarning: GET [^\n]*preflight-headers-wildcard-authorization[^]*authorization-via-wildcard: /],
  ])('%s: the message', (title, message) => {
    expect(messageOf(run.get(title))).toMatch(message);
  });

  test('cors-lens.json is the --json document: the blocked and the allowed call, each with its verdict and fix', () => {
    const exchanges = exchangesOf(run.get('a blocked call fails the test'));
    expect(exchanges.map((x) => [x.url.replace(/:\d+/, ''), x.verdict])).toEqual([
      ['http://localhost/api/simple-get-exact-origin/main', 'allowed'],
      ['http://localhost/api/simple-get-missing-allow-origin/main', 'blocked'],
    ]);
    expect(exchanges[1]?.fix).toEqual({ preflight: null, preflightStatus: null, response: [{ name: 'Access-Control-Allow-Origin', value: expect.stringMatching(/^http:\/\/localhost:\d+$/) }, { name: 'Vary', value: 'Origin' }] });
    const reported = JSON.parse(attachment(run.get('a blocked call fails the test'), 'cors-lens.json')) as Record<string, unknown>;
    expect(Object.keys(reported)).toEqual(['exchanges', 'problems']);
  });

  test("the test's page is recorded from its first request: the document, its script and its data are counted", () => {
    const counted = /(\d+) same-origin skipped/.exec(attachment(run.get('allowed calls pass'), 'cors-lens.md'));
    expect(Number(counted?.[1])).toBeGreaterThanOrEqual(3);
  });

  test('failOn never still reports the blocked call; ignore leaves the ignored ones out', () => {
    expect(exchangesOf(run.get('failOn never › a blocked call is reported, the test passes')).map((x) => x.verdict)).toEqual(['blocked']);
    expect(exchangesOf(run.get('ignore › ignored blocked calls pass')).map((x) => x.url.replace(/:\d+/, ''))).toEqual(['http://localhost/api/simple-get-exact-origin/main']);
    expect(attachment(run.get('ignore › ignored blocked calls pass'), 'cors-lens.md')).toContain('2 ignored');
  });

  test('catalogue: each verdict is what the page saw, each first reason what Chromium reported', () => {
    const result = run.get('catalogue › scenarios of every kind, one page');
    const page = JSON.parse(attachment(result, 'page-outcomes.json')) as Record<string, RunResult>;
    const exchanges = exchangesOf(result);
    const chromium = outcomes as Record<string, { chromium?: { corsError?: string; failedParameter?: string } }>;
    // Ports differ between runs; Chromium's failedParameter may carry the page's origin.
    const ports = (text: string): string => text.replace(/:\d+/g, ':PORT');
    const rows = Object.keys(page).map((id) => {
      const own = exchanges.filter((x) => x.url.includes(`/api/${id}/`));
      const first = own[0]?.reasons[0];
      return { id, verdicts: own.map((x) => x.verdict), reason: first ? ports(`${first.chromeCorsError} ${first.failedParameter}`) : '' };
    });
    const expected = Object.entries(page).map(([id, seen]) => {
      const c = chromium[id]?.chromium;
      return { id, verdicts: [seen.outcome === 'threw' ? 'blocked' : 'allowed'], reason: seen.outcome === 'threw' ? ports(`${c?.corsError} ${c?.failedParameter}`) : '' };
    });
    expect(rows).toEqual(expected);
  });
});
