// `cors-lens analyze` on CORS Lens's own export of two calls recorded in real Chromium by
// test/e2e/cache-causes.e2e.test.ts: a second page of the same site got the copy cached for the
// first, from the browser's HTTP cache and from a shared cache on loopback. The browser's reason
// stays allow-origin-mismatch; the cause beside it says a cache gave another origin's answer.

import { Readable } from 'node:stream';
import { expect, test } from 'vitest';
import { run } from './run';

const har = new URL('../../test/har-samples/cache-chromium.har', import.meta.url).pathname;

async function cli(argv: string[]): Promise<string> {
  let stdout = '';
  await run(argv, { stdout: (t) => { stdout += t; }, stderr: () => undefined, stdin: Readable.from(['']), stdoutIsTTY: false, env: {} });
  return stdout;
}

interface JsonOut {
  exchanges: { url: string; verdict: string; reasons: { code: string }[]; cause: { code: string; message: string; fix: string } | null }[];
  problems: { code: string; kind: string; endpoints: string[]; cause: { code: string } | null }[];
}

test.each<[string, RegExp]>([
  ['/api/browser-cached', /a cache \(the browser's or a shared one; the record does not say which\)/],
  ['/api/cdn-cached', /a shared cache \(CDN or proxy\), \d+ s old/],
])('%s: blocked, the browser reason unchanged, the cause names the cache and Vary: Origin', async (path, which) => {
  const json = JSON.parse(await cli(['analyze', har, '--json'])) as JsonOut;
  const x = json.exchanges.find((e) => new URL(e.url).pathname === path);
  expect([x?.verdict, x?.reasons[0]?.code, x?.cause?.code]).toEqual(['blocked', 'allow-origin-mismatch', 'cached-for-other-origin']);
  expect(x?.cause?.message).toMatch(which);
  expect(x?.cause?.fix).toMatch(/^Send Vary: Origin on every response/);
});

test('the table leads each row with the cause; the missing Vary: Origin is one problem naming both endpoints', async () => {
  const out = await cli(['analyze', har]);
  expect(out.match(/blocked +P\d,P\d +\[cached for another origin\]/g)).toHaveLength(2);
  const json = JSON.parse(await cli(['analyze', har, '--json'])) as JsonOut;
  const vary = json.problems.filter((p) => p.code === 'allow-origin-without-vary');
  expect(vary.map((p) => p.endpoints.map((e) => new URL(e).pathname))).toEqual([['/api/browser-cached', '/api/cdn-cached']]);
});
