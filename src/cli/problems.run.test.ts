// `cors-lens analyze` on the demo site as recorded in real Chromium (test/har-samples/demo-chromium.har,
// written by test/e2e/devtools-panel.e2e.test.ts): the default table is one line per exchange,
// then the problems; --json's `problems` point into `exchanges`; --verbose keeps the detail.

import { Readable } from 'node:stream';
import { expect, test } from 'vitest';
import { run } from './run';

const har = new URL('../../test/har-samples/demo-chromium.har', import.meta.url).pathname;

async function cli(argv: string[]): Promise<string> {
  let stdout = '';
  await run(argv, { stdout: (t) => { stdout += t; }, stderr: () => undefined, stdin: Readable.from(['']), stdoutIsTTY: false, env: {} });
  return stdout;
}

interface JsonOut {
  exchanges: { url: string; verdict: string; crossOrigin: boolean; warnings: { code: string }[] }[];
  problems: { id: string; kind: string; code: string; count: number; exchanges: number[]; endpoint: string; endpoints: string[] }[];
}

test('the default table: one line per exchange, no text under any row, then each problem', async () => {
  const out = await cli(['analyze', har]);
  const json = JSON.parse(await cli(['analyze', har, '--json', '--only', 'cross-origin'])) as JsonOut;
  const lines = out.split('\n');
  const problemsAt = lines.findIndex((l) => /^\d+ problems?, affecting \d+ of \d+ exchanges:$/.test(l));
  // The heading, one line per exchange, a blank line.
  expect(problemsAt).toBe(1 + json.exchanges.length + 1);
  expect(lines.slice(1, problemsAt - 1).every((l) => /^\d+ +[A-Z]+ +http/.test(l))).toBe(true);
  // Each problem once: as many headings as --json has problems.
  expect(lines.filter((l) => /^P\d+  /.test(l))).toHaveLength(json.problems.length);
  // A missing Vary: Origin on many routes of one server is one problem (its fix is one server
  // setting), and the table still names every one of those routes.
  const vary = json.problems.filter((p) => p.code === 'allow-origin-without-vary');
  expect(vary).toHaveLength(1);
  expect(lines.filter((l) => /^P\d+ .*allow-origin-without-vary/.test(l))).toHaveLength(1);
  for (const endpoint of vary[0]?.endpoints ?? []) expect(out).toContain(endpoint);
  // Shorter than the per-exchange detail of --verbose, which repeats what the problems say once.
  expect(out.match(/shared cache/g)?.length).toBeLessThan((await cli(['analyze', har, '--verbose'])).match(/shared cache/g)?.length ?? 0);
});

test('--json problems: every blocked exchange in exactly one blocked problem, indices into exchanges', async () => {
  const json = JSON.parse(await cli(['analyze', har, '--json'])) as JsonOut;
  const blocked = json.exchanges.flatMap((x, i) => (x.verdict === 'blocked' ? [i] : []));
  const inBlockedProblems = json.problems.filter((p) => p.kind === 'blocked').flatMap((p) => p.exchanges);
  expect([...inBlockedProblems].sort((a, b) => a - b)).toEqual(blocked);
  for (const p of json.problems) {
    expect(p.count).toBe(p.exchanges.length);
    for (const i of p.exchanges) expect(json.exchanges[i]?.crossOrigin).toBe(true);
  }
  // One missing Vary: Origin on the API server: one problem, its 13 routes inside (14 exchanges:
  // the demo calls preflight-max-age-cached twice), `endpoint` the first of `endpoints`.
  const vary = json.problems.filter((p) => p.code === 'allow-origin-without-vary');
  expect(vary.map((p) => [p.count, p.endpoints.length, p.endpoint === p.endpoints[0]])).toEqual([[14, 13, true]]);
  expect(vary[0]?.endpoints.some((e) => e.endsWith('/api/preflight-max-age-cached/main'))).toBe(true);
  // Every other problem is at one endpoint.
  for (const p of json.problems) if (p !== vary[0]) expect(p.endpoints).toEqual([p.endpoint]);
});
